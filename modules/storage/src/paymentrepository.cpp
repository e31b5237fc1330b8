#include "kasp/storage/paymentrepository.h"

#include "kasp/core/mutation.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/recordwriter.h"
#include "kasp/storage/sqlhelpers.h"

namespace kasp::storage {

Status PaymentRepository::add(const Payment &payment)
{
    Payment p = payment;
    if (!p.at.isValid())
        p.at = m_clock.now();
    return write(m_db, Mutation{QStringLiteral("payment.add"), toJson(p)}, m_clock.now());
}

Result<QList<Payment>> PaymentRepository::forBooking(const Id &bookingId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto s =
            sql::prepare(q, QStringLiteral("SELECT id, booking_id, guest_id, amount, method, at, user_id, "
                                           "reference FROM payments WHERE booking_id = ? ORDER BY at"));
        !s.ok())
        return s.error();
    q.addBindValue(sql::fromId(bookingId));
    if (auto s = sql::exec(q, QStringLiteral("payments of booking")); !s.ok())
        return s.error();
    QList<Payment> out;
    while (q.next()) {
        Payment p;
        p.id = sql::toId(q.value(0));
        p.bookingId = sql::toId(q.value(1));
        p.guestId = sql::toId(q.value(2));
        p.amount = Money::fromKopecks(q.value(3).toLongLong());
        p.method = paymentMethodFromKey(q.value(4).toString()).value_or(PaymentMethod::Cash);
        p.at = sql::toInstant(q.value(5));
        p.userId = sql::toId(q.value(6));
        p.reference = q.value(7).toString();
        out.append(p);
    }
    if (auto s = sql::fetched(q, QStringLiteral("payments")); !s.ok())
        return s.error();
    return out;
}

} // namespace kasp::storage
