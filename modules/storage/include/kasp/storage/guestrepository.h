#pragma once
#include "kasp/core/clock.h"
#include "kasp/core/guest.h"
#include "kasp/core/result.h"
#include <optional>
#include <QSqlDatabase>

namespace kasp::storage {

// What a search result list shows; loading whole guests for 50 rows would waste the 20 ms budget.
struct GuestSummary
{
    Id id;
    QString displayName;
    QString mainPhone; // E.164
    QDate birthDate;
    Id managerId;
    // How the query matched when the row itself does not show it: "e-mail ivanova@mail.ru",
    // "booking 1A2B3C4D". Empty for phone and name matches.
    QString matched;
};

// The name a list row shows (Guest::displayName, so that lists, search and the card agree): the
// name, or the main phone for a guest who has not introduced themselves.
QString listedName(const QString &last, const QString &first, const QString &middle,
                   const QString &mainPhone);

class GuestRepository
{
public:
    GuestRepository(QSqlDatabase db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}

    Status create(const Guest &guest); // mutation guest.create
    Status update(const Guest &guest); // mutation guest.update, with the changed fields only
    // A card made by mistake: refused ("guest.in_use") when calls, bookings, deals or tasks refer
    // to it (those guests are merged, not deleted). Mutation guest.delete: a tombstone on the server.
    Status remove(const Id &id);
    // Two cards of one person: `merged` is the survivor as it will be (kasp::mergeGuests), and
    // mergedId the card that goes. Its touches, bookings, deals, tasks, payments and deal moves
    // move to the survivor and it is deleted, in one transaction with one mutation (guest.merge).
    // Errors: "guest.not_found" (either card), "guest.merge_self", validation of `merged`.
    Status merge(const Guest &merged, const Id &mergedId);
    // The pull path (sync): the guest exactly as the server has it, no outbox entry. Run inside
    // the caller's transaction.
    Status storeReplica(const Guest &guest);
    // The write path's rows of a card this desk changed (writeMutation): the row updated in place
    // when it exists (foreign keys stay on: history keeps pointing at it), inserted otherwise.
    Status storeLocal(const Guest &guest, bool exists);
    Status removeReplica(const Id &id);
    // The local half of guest.merge without the survivor's fields (ReplicaStore re-applies a
    // pending merge over a pulled page with it): history rows move, the card goes.
    Status moveHistoryReplica(const Id &from, const Id &to);
    Result<std::optional<Guest>> byId(const Id &id) const;
    Result<QList<Id>> idsByPhone(const QString &e164) const; // exact lookup (the ringing number)
    // The one search box: a phone (prefix of the number in any format, or its last 4+ digits), a
    // name prefix ("иванова ма", Latin or Cyrillic, any case, ё = е, also typed on the wrong
    // keyboard layout), an e-mail prefix, or a booking number. Best matches first, no repeats.
    Result<QList<GuestSummary>> search(const QString &text, int limit) const;
    Result<qint64> count() const;

private:
    Status writeRows(const Guest &guest, bool replace);
    Status searchByPhone(const QString &text, int limit, QList<GuestSummary> &found) const;
    Status searchByName(const QString &key, int limit, QList<GuestSummary> &found) const;
    Status searchByEmail(const QString &prefix, int limit, QList<GuestSummary> &found) const;
    Status searchByBooking(const QString &number, int limit, QList<GuestSummary> &found) const;

    QSqlDatabase m_db;
    const Clock &m_clock;
};

} // namespace kasp::storage
