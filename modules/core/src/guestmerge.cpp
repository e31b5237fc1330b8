#include "kasp/core/guestmerge.h"

#include <algorithm>
#include <QCoreApplication>
#include <QLocale>

namespace kasp {

namespace {

bool sharesPhone(const Guest &a, const Guest &b)
{
    for (const Phone &p : a.phones)
        for (const Phone &q : b.phones)
            if (!p.isNull() && p.e164() == q.e164())
                return true;
    return false;
}

bool sharesEmail(const Guest &a, const Guest &b)
{
    for (const QString &e : a.emails)
        for (const QString &f : b.emails)
            if (!e.isEmpty() && e.compare(f, Qt::CaseInsensitive) == 0)
                return true;
    return false;
}

} // namespace

int duplicateReasons(const Guest &a, const Guest &b)
{
    if (a.id == b.id)
        return 0;
    int reasons = 0;
    if (sharesPhone(a, b))
        reasons |= SamePhone;
    if (sharesEmail(a, b))
        reasons |= SameEmail;
    // A name alone is common (Иванова Мария); with the birth date it is one person.
    const QString name = a.searchName();
    if (!name.isEmpty() && name == b.searchName() && a.birthDate.isValid() && a.birthDate == b.birthDate)
        reasons |= SameNameAndBirth;
    return reasons;
}

bool keepsFirst(const Guest &a, const Guest &b)
{
    if (a.createdAt.isValid() && b.createdAt.isValid() && a.createdAt != b.createdAt)
        return a.createdAt < b.createdAt;
    if (a.createdAt.isValid() != b.createdAt.isValid())
        return a.createdAt.isValid();
    return idToString(a.id) <= idToString(b.id);
}

namespace {

// A text field: empty when blank, different when the trimmed texts differ.
template <QString Guest::*member>
GuestFieldDef textField(MergeField field, const char *wire, const char *title)
{
    return GuestFieldDef{
        field,
        wire,
        title,
        [](const Guest &g) { return (g.*member).trimmed().isEmpty(); },
        [](const Guest &a, const Guest &b) { return (a.*member).trimmed() != (b.*member).trimmed(); },
        [](const Guest &a, const Guest &b) { return a.*member == b.*member; },
        [](Guest &to, const Guest &from) { to.*member = from.*member; },
        [](const Guest &g) { return g.*member; },
    };
}

} // namespace

const QList<GuestFieldDef> &guestFields()
{
    static const QList<GuestFieldDef> fields{
        textField<&Guest::lastName>(MergeField::LastName, "lastName",
                                    QT_TRANSLATE_NOOP("kasp::GuestField", "Surname")),
        textField<&Guest::firstName>(MergeField::FirstName, "firstName",
                                     QT_TRANSLATE_NOOP("kasp::GuestField", "First name")),
        textField<&Guest::middleName>(MergeField::MiddleName, "middleName",
                                      QT_TRANSLATE_NOOP("kasp::GuestField", "Patronymic")),
        {MergeField::BirthDate, "birthDate", QT_TRANSLATE_NOOP("kasp::GuestField", "Birth date"),
         [](const Guest &g) { return !g.birthDate.isValid(); },
         [](const Guest &a, const Guest &b) { return a.birthDate != b.birthDate; },
         [](const Guest &a, const Guest &b) { return a.birthDate == b.birthDate; },
         [](Guest &to, const Guest &from) { to.birthDate = from.birthDate; },
         [](const Guest &g) {
             return g.birthDate.isValid() ? QLocale().toString(g.birthDate, QLocale::ShortFormat) : QString();
         }},
        {MergeField::Manager, "managerId", QT_TRANSLATE_NOOP("kasp::GuestField", "Manager"),
         [](const Guest &g) { return g.managerId.isNull(); },
         [](const Guest &a, const Guest &b) { return a.managerId != b.managerId; },
         [](const Guest &a, const Guest &b) { return a.managerId == b.managerId; },
         [](Guest &to, const Guest &from) { to.managerId = from.managerId; },
         [](const Guest &g) { return idToString(g.managerId); }},
    };
    return fields;
}

namespace {
const GuestFieldDef &fieldDef(MergeField field)
{
    for (const GuestFieldDef &def : guestFields())
        if (def.field == field)
            return def;
    Q_UNREACHABLE(); // every MergeField has its row
}
} // namespace

QString guestFieldTitle(MergeField field)
{
    return QCoreApplication::translate("kasp::GuestField", fieldDef(field).title);
}

bool mergeFieldEmpty(const Guest &guest, MergeField field)
{
    return fieldDef(field).isEmpty(guest);
}

bool mergeConflict(const Guest &survivor, const Guest &other, MergeField field)
{
    const GuestFieldDef &def = fieldDef(field);
    return !def.isEmpty(survivor) && !def.isEmpty(other) && def.differ(survivor, other);
}

Guest mergeGuests(const Guest &survivor, const Guest &other, const QList<MergeField> &takeFromOther)
{
    Guest merged = survivor;
    for (const GuestFieldDef &def : guestFields()) {
        const bool take = takeFromOther.contains(def.field) ? !def.isEmpty(other) : def.isEmpty(survivor);
        if (take)
            def.copy(merged, other);
    }
    for (const Phone &phone : other.phones) {
        const bool known = std::any_of(merged.phones.begin(), merged.phones.end(), [&](const Phone &p) {
            return p.e164() == phone.e164() && p.extension() == phone.extension();
        });
        if (!known && !phone.isNull())
            merged.phones.append(phone);
    }
    for (const QString &email : other.emails) {
        const bool known = std::any_of(merged.emails.begin(), merged.emails.end(), [&](const QString &e) {
            return e.compare(email, Qt::CaseInsensitive) == 0;
        });
        if (!known)
            merged.emails.append(email);
    }
    merged.tags = normalizeTags(merged.tags + other.tags);
    return merged;
}

} // namespace kasp
