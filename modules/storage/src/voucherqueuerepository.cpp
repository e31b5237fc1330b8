#include "kasp/storage/voucherqueuerepository.h"

#include "kasp/storage/sqlhelpers.h"

namespace kasp::storage {

namespace {

Status run(QSqlDatabase db, const QString &text, const QVariantList &values)
{
    QSqlQuery q(db);
    if (auto s = sql::prepare(q, text); !s.ok())
        return s;
    for (const QVariant &v : values)
        q.addBindValue(v);
    return sql::exec(q, QStringLiteral("voucher queue"));
}

Result<QList<QueuedVoucher>> select(QSqlDatabase db, const QString &where, const QVariantList &values)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(q, QStringLiteral("SELECT booking_id, guest_id, queued_at, next_at, attempts, "
                                                "reason, noted, task_id FROM voucher_queue ") +
                                     where);
        !s.ok())
        return s.error();
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (auto s = sql::exec(q, QStringLiteral("voucher queue")); !s.ok())
        return s.error();
    QList<QueuedVoucher> out;
    while (q.next())
        out.append(QueuedVoucher{sql::toId(q.value(0)), sql::toId(q.value(1)), sql::toInstant(q.value(2)),
                                 sql::toInstant(q.value(3)), q.value(4).toInt(), q.value(5).toString(),
                                 q.value(6).toInt() != 0, sql::toId(q.value(7))});
    if (auto s = sql::fetched(q, QStringLiteral("voucher queue")); !s.ok())
        return s.error();
    return out;
}

} // namespace

Status VoucherQueueRepository::enqueue(const Id &bookingId, const Id &guestId, const QDateTime &at)
{
    if (auto s =
            run(m_db,
                QStringLiteral("INSERT OR IGNORE INTO voucher_queue (booking_id, guest_id, queued_at, "
                               "next_at) VALUES (?,?,?,?)"),
                {sql::fromId(bookingId), sql::fromId(guestId), sql::fromInstant(at), sql::fromInstant(at)});
        !s.ok())
        return s;
    return run(m_db, QStringLiteral("UPDATE voucher_queue SET next_at = ? WHERE booking_id = ?"),
               {sql::fromInstant(at), sql::fromId(bookingId)});
}

Result<QList<QueuedVoucher>> VoucherQueueRepository::all() const
{
    return select(m_db, QStringLiteral("ORDER BY queued_at"), {});
}

Result<std::optional<QueuedVoucher>> VoucherQueueRepository::byBooking(const Id &bookingId) const
{
    auto rows = select(m_db, QStringLiteral("WHERE booking_id = ?"), {sql::fromId(bookingId)});
    if (!rows.ok())
        return rows.error();
    if (rows.value().isEmpty())
        return std::optional<QueuedVoucher>();
    return std::optional<QueuedVoucher>(rows.value().first());
}

Status VoucherQueueRepository::failed(const Id &bookingId, const QString &reason, const QDateTime &nextAt)
{
    return run(m_db,
               QStringLiteral("UPDATE voucher_queue SET attempts = attempts + 1, reason = ?, next_at = ? "
                              "WHERE booking_id = ?"),
               {sql::text(reason), sql::fromInstant(nextAt), sql::fromId(bookingId)});
}

Status VoucherQueueRepository::setNoted(const Id &bookingId)
{
    return run(m_db, QStringLiteral("UPDATE voucher_queue SET noted = 1 WHERE booking_id = ?"),
               {sql::fromId(bookingId)});
}

Status VoucherQueueRepository::setTask(const Id &bookingId, const Id &taskId)
{
    return run(m_db, QStringLiteral("UPDATE voucher_queue SET task_id = ? WHERE booking_id = ?"),
               {sql::fromId(taskId), sql::fromId(bookingId)});
}

Status VoucherQueueRepository::retryAllAt(const QDateTime &at)
{
    return run(m_db, QStringLiteral("UPDATE voucher_queue SET next_at = ?"), {sql::fromInstant(at)});
}

Status VoucherQueueRepository::remove(const Id &bookingId)
{
    return run(m_db, QStringLiteral("DELETE FROM voucher_queue WHERE booking_id = ?"),
               {sql::fromId(bookingId)});
}

} // namespace kasp::storage
