#pragma once
#include "kasp/core/clock.h"
#include "kasp/core/deal.h"
#include "kasp/core/result.h"
#include <QSqlDatabase>

namespace kasp::storage {

class DealRepository
{
public:
    DealRepository(QSqlDatabase db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}
    Status create(const Deal &deal); // mutation deal.create
    // Checks canMoveDeal against the stored stage ("deal.bad_move"). Mutation deal.move.
    Status move(const Id &dealId, DealStage to, const QString &lostReason = {});
    Result<QList<Deal>> forGuest(const Id &guestId) const; // newest first

private:
    QSqlDatabase m_db;
    const Clock &m_clock;
};

} // namespace kasp::storage
