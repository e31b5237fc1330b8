#pragma once
// Payments against a booking: the prepayment (10-20 % of the total) that turns a hold into a
// guaranteed booking, and the rest of the price. Append-only like touches: a payment is a fact
// (cash at the desk, a bank transfer, a card, an online payment through the provider); the
// booking's prepaid sum and status follow from them.
#include "kasp/core/booking.h"
#include "kasp/core/id.h"
#include "kasp/core/money.h"
#include "kasp/core/result.h"
#include <optional>
#include <QDateTime>

namespace kasp {

enum class PaymentMethod { Cash, BankTransfer, Card, Online };
QString paymentMethodKey(PaymentMethod method); // "cash", "bank_transfer", "card", "online"
std::optional<PaymentMethod> paymentMethodFromKey(const QString &key);

struct Payment
{
    Id id;
    Id bookingId;
    Id guestId;
    Money amount;
    PaymentMethod method = PaymentMethod::Cash;
    QDateTime at;
    Id userId;         // who took it; null for the online provider
    QString reference; // receipt number, bank order, the provider's payment id

    bool operator==(const Payment &) const = default;
};

// "payment.no_booking", "payment.no_guest", "payment.not_positive".
Status validatePayment(const Payment &payment);

struct PaymentEffect
{
    Money prepaid; // the booking's paid sum after the payment
    BookingStatus status;
};

// What a payment does to a booking: the first money must reach `minPercent` of the total (the
// sanatorium's prepayment rule, 10-20 %); the sum never exceeds the total; reaching it makes the
// booking paid, reaching the minimum makes a hold or a confirmed booking prepaid. Errors:
// "payment.booking_closed" (cancelled or checked in), "payment.below_prepayment",
// "payment.overpaid", "payment.not_positive".
Result<PaymentEffect> applyPayment(const Booking &booking, Money amount, int minPercent);

} // namespace kasp
