#pragma once
#include "kasp/core/clock.h"
#include "kasp/core/payment.h"
#include "kasp/core/result.h"
#include <QSqlDatabase>

namespace kasp::storage {

// Payments are append-only: a mistake is corrected by a refund, not by an edit.
class PaymentRepository
{
public:
    PaymentRepository(QSqlDatabase db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}
    Status add(const Payment &payment);                           // mutation payment.add
    Result<QList<Payment>> forBooking(const Id &bookingId) const; // oldest first

private:
    QSqlDatabase m_db;
    const Clock &m_clock;
};

} // namespace kasp::storage
