#pragma once
// The guests' consents to advertising (core consent.h): append-only records, read through the
// kind's table description (ReplicaStore::select), written through the write path.
#include "kasp/core/clock.h"
#include "kasp/core/consent.h"
#include "kasp/core/result.h"

#include <QHash>
#include <QSqlDatabase>

namespace kasp::storage {

class ConsentRepository
{
public:
    ConsentRepository(QSqlDatabase db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}
    Status add(const Consent &consent); // mutation consent.add
    // One answer of the guest on several channels: a record per channel, all at the clock's now,
    // in one transaction (the card's form, an imported row).
    Status record(const Id &guestId, const QList<ConsentChannel> &channels, bool given, ConsentMethod method,
                  const Id &userId, const QString &note);
    // Every change of the guest's consents, oldest first.
    Result<QList<Consent>> history(const Id &guestId) const;
    // Each guest's current consents (a page of the list export): one query for the page.
    Result<QHash<Id, QHash<ConsentChannel, Consent>>> current(const QList<Id> &guests) const;

private:
    QSqlDatabase m_db;
    const Clock &m_clock;
};

} // namespace kasp::storage
