#include "kasp/storage/dealrepository.h"

#include "kasp/core/mutation.h"
#include "kasp/core/touch.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/recordwriter.h"
#include "kasp/storage/sqlhelpers.h"
#include "kasp/storage/touchrepository.h"

#include <limits>
#include <QCoreApplication>
#include <QJsonObject>

namespace kasp::storage {

namespace {

const QString kDealColumns = QStringLiteral(
    "d.id, d.guest_id, d.owner_id, d.title, d.stage, d.amount, d.created_at, d.updated_at, d.closed_at, "
    "d.lost_reason");

Deal readDeal(const QSqlQuery &q)
{
    Deal d;
    d.id = sql::toId(q.value(0));
    d.guestId = sql::toId(q.value(1));
    d.ownerId = sql::toId(q.value(2));
    d.title = q.value(3).toString();
    d.stage = q.value(4).toString();
    d.amount = Money::fromKopecks(q.value(5).toLongLong());
    d.createdAt = sql::toInstant(q.value(6));
    d.updatedAt = sql::toInstant(q.value(7));
    d.closedAt = sql::toInstant(q.value(8));
    d.lostReason = q.value(9).toString();
    return d;
}

} // namespace

Status DealRepository::create(const Deal &deal)
{
    if (!isValidStageKey(deal.stage))
        return Error{QStringLiteral("deal.bad_move"),
                     QStringLiteral("stage \"%1\"").arg(deal.stage.left(40))};
    Deal d = deal;
    if (!d.createdAt.isValid())
        d.createdAt = m_clock.now();
    if (!d.updatedAt.isValid())
        d.updatedAt = d.createdAt;
    return write(m_db, Mutation{QStringLiteral("deal.create"), toJson(d)}, m_clock.now());
}

Result<DealMove> DealRepository::move(const Id &dealId, const QString &to, const Id &userId,
                                      const QString &lostReason)
{
    auto found = find(dealId);
    if (!found.ok())
        return found.error();
    if (!found.value())
        return Error{QStringLiteral("deal.not_found"), QStringLiteral("deal %1").arg(idToString(dealId))};
    const Deal deal = *found.value();
    auto pipeline = this->pipeline();
    if (!pipeline.ok())
        return pipeline.error();
    const int target = pipeline.value().indexOf(to);
    if (target < 0 || !pipeline.value().stages().at(target).active)
        return Error{QStringLiteral("deal.bad_move"),
                     QCoreApplication::translate("kasp::DealPipeline", "There is no stage \"%1\" to move to.")
                         .arg(to.left(40))};
    const QString reason = to == dealstage::Lost ? lostReason.trimmed() : QString();
    if (auto s = validateDealMove(deal.stage, to, reason); !s.ok())
        return s.error();

    const QDateTime now = m_clock.now();
    const DealMove move{newId(), dealId, deal.guestId, userId, deal.stage, to, now};
    QString note = QStringLiteral("%1: %2 → %3")
                       .arg(deal.title, pipeline.value().title(deal.stage), pipeline.value().title(to));
    if (!reason.isEmpty())
        note += QStringLiteral(" (%1)").arg(reason);
    const Touch touch{newId(), deal.guestId, userId, TouchKind::DealStage, now, 0, to, note};

    sql::WriteTransaction tx(m_db);
    if (auto s = tx.begin(); !s.ok())
        return s.error();
    const QJsonObject args{{QStringLiteral("id"), idToString(dealId)},
                           {QStringLiteral("stage"), to},
                           {QStringLiteral("lostReason"), reason}};
    // The stage's rules (closed time, updated time, the lost reason) are the write path's.
    if (auto s = write(m_db, Mutation{QStringLiteral("deal.move"), args}, now); !s.ok())
        return s.error();
    if (auto s = write(m_db, Mutation{QStringLiteral("deal_move.add"), toJson(move)}, now); !s.ok())
        return s.error();
    if (auto s = TouchRepository(m_db, m_clock).add(touch); !s.ok())
        return s.error();
    if (auto s = tx.commit(); !s.ok())
        return s.error();
    return move;
}

Result<Id> DealRepository::advanceForBooking(const Id &guestId, const QString &stage, const Id &userId,
                                             const QString &title, Money amount)
{
    auto deals = forGuest(guestId); // newest first
    if (!deals.ok())
        return deals.error();
    auto pipeline = this->pipeline();
    if (!pipeline.ok())
        return pipeline.error();
    const DealPipeline &p = pipeline.value();
    for (const Deal &d : deals.value()) {
        if (isClosedStage(d.stage))
            continue;
        const int at = p.indexOf(d.stage), target = p.indexOf(stage);
        const bool forward = target >= 0 && p.stages().at(target).active && (at < 0 || at < target);
        if (forward) {
            if (auto moved = move(d.id, stage, userId); !moved.ok())
                return moved.error();
        }
        return d.id;
    }
    Deal deal;
    deal.id = newId();
    deal.guestId = guestId;
    deal.ownerId = userId;
    deal.title = title;
    deal.stage = stage;
    deal.amount = amount;
    deal.createdAt = m_clock.now();
    deal.updatedAt = deal.createdAt;
    if (auto s = create(deal); !s.ok())
        return s.error();
    return deal.id;
}

Result<QList<Id>> DealRepository::arrivedDeals(const Id &ownerId, QDate today, int limit) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // A booking a day older than the deal belongs to an earlier sale (last year's stay).
    if (auto s = sql::prepare(
            q, QStringLiteral("SELECT d.id FROM deals d WHERE d.owner_id = ? AND "
                              "d.stage IN ('prepaid', 'paid') AND EXISTS (SELECT 1 FROM bookings b WHERE "
                              "b.guest_id = d.guest_id AND b.status IN ('prepaid', 'paid', 'checked_in') AND "
                              "b.check_out <= ? AND b.created_at >= d.created_at - 86400000) "
                              "ORDER BY d.created_at LIMIT ?"));
        !s.ok())
        return s.error();
    q.addBindValue(sql::fromId(ownerId));
    q.addBindValue(today.toString(Qt::ISODate));
    q.addBindValue(limit);
    if (auto s = sql::exec(q, QStringLiteral("arrived deals")); !s.ok())
        return s.error();
    QList<Id> out;
    while (q.next())
        out.append(sql::toId(q.value(0)));
    if (auto s = sql::fetched(q, QStringLiteral("deals")); !s.ok())
        return s.error();
    return out;
}

Result<std::optional<Deal>> DealRepository::find(const Id &dealId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(q, QStringLiteral("SELECT %1 FROM deals d WHERE d.id = ?").arg(kDealColumns));
        !s.ok())
        return s.error();
    q.addBindValue(sql::fromId(dealId));
    if (auto s = sql::exec(q, QStringLiteral("deal")); !s.ok())
        return s.error();
    if (!q.next())
        return std::optional<Deal>();
    return std::optional<Deal>(readDeal(q));
}

Result<QList<Deal>> DealRepository::forGuest(const Id &guestId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(q, QStringLiteral("SELECT %1 FROM deals d WHERE d.guest_id = ? "
                                                "ORDER BY d.created_at DESC")
                                     .arg(kDealColumns));
        !s.ok())
        return s.error();
    q.addBindValue(sql::fromId(guestId));
    if (auto s = sql::exec(q, QStringLiteral("deals of guest")); !s.ok())
        return s.error();
    QList<Deal> out;
    while (q.next())
        out.append(readDeal(q));
    if (auto s = sql::fetched(q, QStringLiteral("deals")); !s.ok())
        return s.error();
    return out;
}

Result<QList<DealMove>> DealRepository::moves(const Id &dealId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(q, QStringLiteral("SELECT id, guest_id, user_id, from_stage, to_stage, at "
                                                "FROM deal_moves WHERE deal_id = ? ORDER BY at, rowid"));
        !s.ok())
        return s.error();
    q.addBindValue(sql::fromId(dealId));
    if (auto s = sql::exec(q, QStringLiteral("deal moves")); !s.ok())
        return s.error();
    QList<DealMove> out;
    while (q.next())
        out.append(DealMove{sql::toId(q.value(0)), dealId, sql::toId(q.value(1)), sql::toId(q.value(2)),
                            q.value(3).toString(), q.value(4).toString(), sql::toInstant(q.value(5))});
    if (auto s = sql::fetched(q, QStringLiteral("deals")); !s.ok())
        return s.error();
    return out;
}

Result<QList<BoardDeal>> DealRepository::inStage(const QString &stage, const QDateTime &since, int limit,
                                                 const Deal *after) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // Keyset paging: the next page starts below the last card shown, however deep the column.
    // Written as a range on updated_at first: SQLite then reads the index from the cursor on,
    // instead of an OR of two ranges sorted afresh (212 ms at 125,000 deals in a column, 0.5 ms so).
    const QString page =
        after ? QStringLiteral("AND d.updated_at <= ? AND (d.updated_at < ? OR d.id < ?) ") : QString();
    if (auto s = sql::prepare(
            q,
            QStringLiteral("SELECT %1, g.last_name, g.first_name, g.middle_name, g.main_phone FROM deals d "
                           "JOIN guests g ON g.id = d.guest_id WHERE d.stage = ? AND d.updated_at >= ? %2"
                           "ORDER BY d.updated_at DESC, d.id DESC LIMIT ?")
                .arg(kDealColumns, page));
        !s.ok())
        return s.error();
    q.addBindValue(stage);
    q.addBindValue(since.isValid() ? since.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min());
    if (after) {
        q.addBindValue(sql::fromInstant(after->updatedAt));
        q.addBindValue(sql::fromInstant(after->updatedAt));
        q.addBindValue(sql::fromId(after->id));
    }
    q.addBindValue(limit);
    if (auto s = sql::exec(q, QStringLiteral("deals of a stage")); !s.ok())
        return s.error();
    QList<BoardDeal> out;
    while (q.next())
        out.append(BoardDeal{readDeal(q), listedName(q.value(10).toString(), q.value(11).toString(),
                                                     q.value(12).toString(), q.value(13).toString())});
    if (auto s = sql::fetched(q, QStringLiteral("deals")); !s.ok())
        return s.error();
    return out;
}

Result<StageTotal> DealRepository::stageTotal(const QString &stage, const QDateTime &since) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(q, QStringLiteral("SELECT count(*), coalesce(sum(amount), 0) FROM deals "
                                                "WHERE stage = ? AND updated_at >= ?"));
        !s.ok())
        return s.error();
    q.addBindValue(stage);
    q.addBindValue(since.isValid() ? since.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min());
    if (auto s = sql::exec(q, QStringLiteral("stage total")); !s.ok())
        return s.error();
    if (!q.next())
        return StageTotal{};
    return StageTotal{q.value(0).toLongLong(), q.value(1).toLongLong()};
}

Result<DealPipeline> DealRepository::pipeline() const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(q, QStringLiteral("SELECT id, key, title, position, active FROM deal_stages"));
        !s.ok())
        return s.error();
    if (auto s = sql::exec(q, QStringLiteral("deal stages")); !s.ok())
        return s.error();
    QList<DealStageDef> stored;
    while (q.next())
        stored.append(DealStageDef{sql::toId(q.value(0)), q.value(1).toString(), q.value(2).toString(),
                                   q.value(3).toInt(), q.value(4).toBool()});
    if (auto s = sql::fetched(q, QStringLiteral("deals")); !s.ok())
        return s.error();
    return DealPipeline::fromStored(stored);
}

Result<Id> DealRepository::saveStage(const DealStageDef &stage)
{
    if (auto s = validateDealStage(stage); !s.ok())
        return s.error();
    DealStageDef saved = stage;
    const bool create = saved.id.isNull();
    if (create) {
        auto current = pipeline();
        if (!current.ok())
            return current.error();
        const int at = current.value().indexOf(saved.key);
        if (at >= 0 && !current.value().stages().at(at).id.isNull())
            return Error{QStringLiteral("deal_stage.duplicate"),
                         QCoreApplication::translate("kasp::DealPipeline", "There is a stage \"%1\" already.")
                             .arg(saved.key)};
        saved.id = newId();
    }
    QJsonObject args = toJson(saved);
    if (!create) {
        args.remove(QStringLiteral("key")); // a stage's key never changes: deals refer to it
    }
    const QString name = create ? QStringLiteral("deal_stage.create") : QStringLiteral("deal_stage.update");
    const Status status = write(m_db, Mutation{name, args}, m_clock.now());
    if (!status.ok())
        return status.error();
    return saved.id;
}

} // namespace kasp::storage
