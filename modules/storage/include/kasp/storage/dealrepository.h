#pragma once
#include "kasp/core/clock.h"
#include "kasp/core/deal.h"
#include "kasp/core/result.h"
#include <optional>
#include <QSqlDatabase>

namespace kasp::storage {

// A deal as a board card shows it.
struct BoardDeal
{
    Deal deal;
    QString guestName; // "Иванова Мария Петровна", or the phone for a card without a name
};

struct StageTotal
{
    qint64 count = 0;
    qint64 amountKopecks = 0;
};

class DealRepository
{
public:
    DealRepository(QSqlDatabase db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}
    Status create(const Deal &deal); // mutation deal.create

    // One move as one unit: the deal's new stage (deal.move), the move kept for the funnel
    // (deal_move.add) and a touch in the guest's timeline (touch.add, kind deal_stage), all in one
    // transaction. Refused "deal.bad_move" from a closed stage or to an unknown or hidden stage,
    // "deal.lost_reason" to lost without a reason, "deal.not_found".
    Result<DealMove> move(const Id &dealId, const QString &to, const Id &userId,
                          const QString &lostReason = {});

    // Deals of `ownerId` at prepaid or paid whose guest's booking made for it (not before the deal)
    // is prepaid, paid or lived and ends on or before `today`, not cancelled: the stay took place.
    // The oldest deals first, at most `limit` (a sweep's share; the next sweep takes the rest).
    Result<QList<Id>> arrivedDeals(const Id &ownerId, QDate today, int limit = 100) const;
    // What a booking does to the guest's pipeline (in the caller's transaction): the guest's newest
    // open deal moves forward to `stage` (booked, prepaid, paid) — never back, and not onto a stage
    // the head of sales hid; a guest with no open deal gets one at `stage`, titled `title`, worth
    // `amount`, owned by `userId`. Returns the deal's id.
    Result<Id> advanceForBooking(const Id &guestId, const QString &stage, const Id &userId,
                                 const QString &title, Money amount);

    Result<std::optional<Deal>> find(const Id &dealId) const;
    Result<QList<Deal>> forGuest(const Id &guestId) const; // newest first
    Result<QList<DealMove>>
    moves(const Id &dealId) const; // oldest first (moves of one millisecond in the order they were written)

    // A board column: the deals at `stage` updated at or after `since` (all of them when invalid),
    // most recently moved first (ties by id), at most `limit`; with `after`, the ones that come
    // after that deal in this order (the column's next page). Served by the (stage, updated_at) index.
    Result<QList<BoardDeal>> inStage(const QString &stage, const QDateTime &since, int limit,
                                     const Deal *after = nullptr) const;
    Result<StageTotal> stageTotal(const QString &stage, const QDateTime &since) const;

    // The organisation's pipeline: the stored stages over the built-in ones.
    Result<DealPipeline> pipeline() const;
    // deal_stage.create for a stage without an id yet (a built-in one being edited for the first
    // time, or a new one), deal_stage.update (title, position, active) otherwise. Returns the id.
    Result<Id> saveStage(const DealStageDef &stage);

private:
    QSqlDatabase m_db;
    const Clock &m_clock;
};

} // namespace kasp::storage
