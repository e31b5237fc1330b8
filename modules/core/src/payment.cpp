#include "kasp/core/payment.h"

#include <array>
#include <QCoreApplication>

namespace kasp {

namespace {

constexpr std::array<std::pair<PaymentMethod, const char *>, 4> kMethodKeys{{
    {PaymentMethod::Cash, "cash"},
    {PaymentMethod::BankTransfer, "bank_transfer"},
    {PaymentMethod::Card, "card"},
    {PaymentMethod::Online, "online"},
}};

QString tr(const char *text)
{
    // lupdate files the tr() of free functions under their namespace: the context is "kasp".
    return QCoreApplication::translate("kasp", text);
}

} // namespace

QString paymentMethodKey(PaymentMethod method)
{
    for (const auto &[m, key] : kMethodKeys)
        if (m == method)
            return QLatin1String(key);
    return {};
}

std::optional<PaymentMethod> paymentMethodFromKey(const QString &key)
{
    for (const auto &[m, name] : kMethodKeys)
        if (key == QLatin1String(name))
            return m;
    return std::nullopt;
}

Status validatePayment(const Payment &payment)
{
    if (payment.bookingId.isNull())
        return Error{QStringLiteral("payment.no_booking"), tr("A payment belongs to a booking")};
    if (payment.guestId.isNull())
        return Error{QStringLiteral("payment.no_guest"), tr("A payment needs the guest who paid")};
    if (payment.amount <= Money())
        return Error{QStringLiteral("payment.not_positive"), tr("The amount must be above zero")};
    return {};
}

Result<PaymentEffect> applyPayment(const Booking &booking, Money amount, int minPercent)
{
    if (amount <= Money())
        return Error{QStringLiteral("payment.not_positive"), tr("The amount must be above zero")};
    if (booking.status == BookingStatus::Cancelled || booking.status == BookingStatus::CheckedIn)
        return Error{QStringLiteral("payment.booking_closed"),
                     tr("The booking is cancelled or the guest has checked in: take the money at the front "
                        "desk's till")};
    const Money sum = booking.prepaid + amount;
    if (sum > booking.total)
        return Error{QStringLiteral("payment.overpaid"),
                     tr("That is more than is due: %1 of %2 is left to pay")
                         .arg((booking.total - booking.prepaid).toString(), booking.total.toString())};
    const Money minimum = booking.total.percent(minPercent);
    if (sum < minimum)
        return Error{QStringLiteral("payment.below_prepayment"),
                     tr("The prepayment is at least %1 % of the total: %2").arg(minPercent).arg(minimum.toString())};
    BookingStatus status = booking.status;
    if (sum == booking.total)
        status = BookingStatus::Paid;
    else if (booking.status == BookingStatus::Hold || booking.status == BookingStatus::Confirmed)
        status = BookingStatus::Prepaid;
    return PaymentEffect{sum, status};
}

} // namespace kasp
