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
};

class GuestRepository
{
public:
    GuestRepository(QSqlDatabase db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}

    Status create(const Guest &guest); // mutation guest.create
    Status update(const Guest &guest); // mutation guest.update, with the changed fields only
    // A card made by mistake: refused ("guest.in_use") when calls, bookings, deals or tasks refer
    // to it (those guests are merged, not deleted). Mutation guest.delete: a tombstone on the server.
    Status remove(const Id &id);
    // The pull path (sync): the guest exactly as the server has it, no outbox entry. Run inside
    // the caller's transaction.
    Status storeReplica(const Guest &guest);
    Status removeReplica(const Id &id);
    Result<std::optional<Guest>> byId(const Id &id) const;
    Result<QList<Id>> idsByPhone(const QString &e164) const; // exact lookup (the ringing number)
    // Phone (prefix of the number or its last 4+ digits) or name prefix ("иванова ма").
    Result<QList<GuestSummary>> search(const QString &text, int limit) const;
    Result<qint64> count() const;

private:
    Status writeRows(const Guest &guest, bool replace);
    Result<QList<GuestSummary>> searchByPhone(const QString &text, int limit) const;
    Result<QList<GuestSummary>> searchByName(const QString &text, int limit) const;

    QSqlDatabase m_db;
    const Clock &m_clock;
};

} // namespace kasp::storage
