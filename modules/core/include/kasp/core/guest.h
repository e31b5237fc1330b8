#pragma once
#include "kasp/core/id.h"
#include "kasp/core/phone.h"
#include "kasp/core/result.h"
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QStringList>

namespace kasp {

// The card's single-value fields, each described once in guestFields() (guestmerge.h): its wire
// name, column and title. A new one is a member below, a value here and a row there.
enum class MergeField { LastName, FirstName, MiddleName, BirthDate, City, Manager };

struct Guest
{
    Id id;
    QString lastName;   // фамилия
    QString firstName;  // имя
    QString middleName; // отчество
    QDate birthDate;
    QString city;        // where the guest lives: the regional campaigns, the transfer from the station
    QList<Phone> phones; // first is the main one
    QStringList emails;
    QStringList tags;
    Id managerId; // responsible consultant; null = nobody yet
    QDateTime createdAt;
    QDateTime updatedAt;

    // "Иванова Мария Петровна", or the phone when nobody asked the name yet.
    QString displayName() const;
    // Lower-case "фамилия имя отчество", the key the name prefix search runs on.
    QString searchName() const;
    // Full years on the day; -1 without a birth date (or for a day before it).
    int ageOn(QDate day) const;

    bool operator==(const Guest &) const = default;
};

// Undo of one edit: each field the edit changed (`before` -> `after`) goes back to its `before`
// value, unless it changed again since (`current` differs from `after` there): that later change,
// perhaps a colleague's on another desk, stays. Other fields are `current`'s.
Guest revertEdit(const Guest &current, const Guest &before, const Guest &after);

// Checks what a form or an import gives us. Names may be empty (a caller who did not introduce
// themselves) but then a phone or an e-mail is required. Error codes: "guest.no_identity",
// "guest.bad_phone" (a null phone in the list), "guest.duplicate_phone", "guest.bad_email",
// "guest.bad_birth_date" (in the future or more than 120 years ago).
Status validateGuest(const Guest &guest, QDate today);
// The wire's text limits (textlimits.h) for a card being saved or imported, in the consultant's
// words: a name or a tag the server would refuse never reaches the outbox. Not part of
// validateGuest: a card stored before the limits still merges and syncs.
Status checkGuestTexts(const Guest &guest);
bool isValidEmail(const QString &email);
// Trims and lower-cases the domain part; returns empty when invalid.
QString normalizeEmail(const QString &email);
// Trims, collapses inner spaces, lower-cases; drops empty and duplicate tags, keeps the order.
QStringList normalizeTags(const QStringList &tags);

} // namespace kasp
