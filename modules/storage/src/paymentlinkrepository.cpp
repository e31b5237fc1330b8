#include "kasp/storage/paymentlinkrepository.h"

#include "kasp/storage/sqlhelpers.h"

#include <array>

namespace kasp::storage {

namespace {
constexpr std::array<std::pair<PaymentLink::Status, const char *>, 5> kStatusKeys{
    {{PaymentLink::Status::Requested, "requested"},
     {PaymentLink::Status::Pending, "pending"},
     {PaymentLink::Status::Paid, "paid"},
     {PaymentLink::Status::Canceled, "canceled"},
     {PaymentLink::Status::Failed, "failed"}}};

PaymentLink::Status statusFromKey(const QString &key)
{
    for (const auto &[status, text] : kStatusKeys)
        if (key == QLatin1String(text))
            return status;
    return PaymentLink::Status::Failed;
}

Status run(QSqlDatabase db, const QString &text, const QVariantList &values)
{
    QSqlQuery q(db);
    if (auto s = sql::prepare(q, text); !s.ok())
        return s;
    for (const QVariant &v : values)
        q.addBindValue(v);
    return sql::exec(q, QStringLiteral("payment link"));
}
} // namespace

QString paymentLinkStatusKey(PaymentLink::Status status)
{
    for (const auto &[s, text] : kStatusKeys)
        if (s == status)
            return QLatin1String(text);
    return {};
}

Status PaymentLinkRepository::add(const PaymentLink &l)
{
    return run(
        m_db,
        QStringLiteral("INSERT INTO payment_links (idempotence_key, booking_id, amount, provider_id, url, "
                       "status, message, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?)"),
        {l.idempotenceKey, sql::fromId(l.bookingId), l.amount.kopecks(), sql::text(l.providerId),
         sql::text(l.url), paymentLinkStatusKey(l.status), sql::text(l.message),
         sql::fromInstant(l.createdAt), sql::fromId(l.createdBy)});
}

Status PaymentLinkRepository::setPending(const QString &key, const QString &providerId, const QString &url)
{
    return run(m_db,
               QStringLiteral("UPDATE payment_links SET provider_id = ?, url = ?, status = 'pending' "
                              "WHERE idempotence_key = ? AND status IN ('requested', 'pending')"),
               {sql::text(providerId), sql::text(url), key});
}

Status PaymentLinkRepository::setStatus(const QString &key, PaymentLink::Status status,
                                        const QString &message)
{
    return run(
        m_db,
        QStringLiteral("UPDATE payment_links SET status = ?, message = ? WHERE idempotence_key = ? AND "
                       "status IN ('requested', 'pending')"),
        {paymentLinkStatusKey(status), sql::text(message), key});
}

Result<QList<PaymentLink>> PaymentLinkRepository::open() const
{
    return select(QStringLiteral("status IN ('requested', 'pending') ORDER BY created_at"), {});
}

Result<QList<PaymentLink>> PaymentLinkRepository::forBooking(const Id &bookingId) const
{
    return select(QStringLiteral("booking_id = ? ORDER BY created_at DESC"), {sql::fromId(bookingId)});
}

Result<QList<PaymentLink>> PaymentLinkRepository::select(const QString &where,
                                                         const QVariantList &values) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(
            q, QStringLiteral("SELECT idempotence_key, booking_id, amount, provider_id, url, "
                              "status, message, created_at, created_by FROM payment_links WHERE ") +
                   where);
        !s.ok())
        return s.error();
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (auto s = sql::exec(q, QStringLiteral("payment links")); !s.ok())
        return s.error();
    QList<PaymentLink> out;
    while (q.next())
        out.append(PaymentLink{q.value(0).toString(), sql::toId(q.value(1)),
                               Money::fromKopecks(q.value(2).toLongLong()), q.value(3).toString(),
                               q.value(4).toString(), statusFromKey(q.value(5).toString()),
                               q.value(6).toString(), sql::toInstant(q.value(7)), sql::toId(q.value(8))});
    if (auto s = sql::fetched(q, QStringLiteral("payment links")); !s.ok())
        return s.error();
    return out;
}

} // namespace kasp::storage
