#include "kasp/storage/dealrepository.h"

#include "kasp/core/mutation.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/sqlhelpers.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace kasp::storage {

Status DealRepository::create(const Deal &deal)
{
    return applyMutation(
        m_db, Mutation{QStringLiteral("deal.create"), toJson(deal)}, m_clock.now(), [&]() -> Status {
            QSqlQuery q(m_db);
            if (auto s = sql::prepare(
                    q, QStringLiteral("INSERT INTO deals (id, guest_id, owner_id, title, stage, amount, "
                                      "created_at, updated_at, closed_at, lost_reason) "
                                      "VALUES (?,?,?,?,?,?,?,?,?,?)"));
                !s.ok())
                return s;
            const QDateTime created = deal.createdAt.isValid() ? deal.createdAt : m_clock.now();
            for (const QVariant &v :
                 QVariantList{sql::fromId(deal.id), sql::fromId(deal.guestId), sql::fromId(deal.ownerId),
                              sql::text(deal.title), dealStageKey(deal.stage), deal.amount.kopecks(),
                              sql::fromInstant(created),
                              sql::fromInstant(deal.updatedAt.isValid() ? deal.updatedAt : created),
                              sql::fromInstant(deal.closedAt), sql::text(deal.lostReason)})
                q.addBindValue(v);
            return sql::exec(q, QStringLiteral("deal create"));
        });
}

Status DealRepository::move(const Id &dealId, DealStage to, const QString &lostReason)
{
    const QJsonObject args{{QStringLiteral("id"), idToString(dealId)},
                           {QStringLiteral("stage"), dealStageKey(to)},
                           {QStringLiteral("lost_reason"), lostReason}};
    const QDateTime now = m_clock.now();
    return applyMutation(m_db, Mutation{QStringLiteral("deal.move"), args}, now, [&]() -> Status {
        QSqlQuery q(m_db);
        if (auto s = sql::prepare(q, QStringLiteral("SELECT stage FROM deals WHERE id = ?")); !s.ok())
            return s;
        q.addBindValue(sql::fromId(dealId));
        if (auto s = sql::exec(q, QStringLiteral("deal stage")); !s.ok())
            return s;
        if (!q.next())
            return Error{QStringLiteral("deal.not_found"), QStringLiteral("deal %1").arg(idToString(dealId))};
        const auto from = dealStageFromKey(q.value(0).toString()).value_or(DealStage::New);
        if (!canMoveDeal(from, to)) {
            return Error{QStringLiteral("deal.bad_move"),
                         QCoreApplication::translate("kasp::storage", "A deal cannot move from %1 to %2.")
                             .arg(dealStageKey(from), dealStageKey(to))};
        }
        if (auto s =
                sql::prepare(q, QStringLiteral("UPDATE deals SET stage = ?, updated_at = ?, closed_at = ?, "
                                               "lost_reason = ? WHERE id = ?"));
            !s.ok())
            return s;
        q.addBindValue(dealStageKey(to));
        q.addBindValue(sql::fromInstant(now));
        q.addBindValue(sql::fromInstant(isClosed(to) ? now : QDateTime()));
        q.addBindValue(sql::text(lostReason));
        q.addBindValue(sql::fromId(dealId));
        return sql::exec(q, QStringLiteral("deal move"));
    });
}

Result<QList<Deal>> DealRepository::forGuest(const Id &guestId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(
            q, QStringLiteral("SELECT id, owner_id, title, stage, amount, created_at, updated_at, "
                              "closed_at, lost_reason FROM deals WHERE guest_id = ? "
                              "ORDER BY created_at DESC"));
        !s.ok())
        return s.error();
    q.addBindValue(sql::fromId(guestId));
    if (auto s = sql::exec(q, QStringLiteral("deals of guest")); !s.ok())
        return s.error();
    QList<Deal> out;
    while (q.next()) {
        Deal d;
        d.id = sql::toId(q.value(0));
        d.guestId = guestId;
        d.ownerId = sql::toId(q.value(1));
        d.title = q.value(2).toString();
        d.stage = dealStageFromKey(q.value(3).toString()).value_or(DealStage::New);
        d.amount = Money::fromKopecks(q.value(4).toLongLong());
        d.createdAt = sql::toInstant(q.value(5));
        d.updatedAt = sql::toInstant(q.value(6));
        d.closedAt = sql::toInstant(q.value(7));
        d.lostReason = q.value(8).toString();
        out.append(std::move(d));
    }
    return out;
}

} // namespace kasp::storage
