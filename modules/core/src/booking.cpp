#include "kasp/core/booking.h"

#include <QCoreApplication>

namespace kasp {

namespace {

// message: a QT_TRANSLATE_NOOP("kasp::Booking", ...) literal, so lupdate finds it; translated here.
Error bookingError(const char *code, const char *message)
{
    return Error{QString::fromLatin1(code), QCoreApplication::translate("kasp::Booking", message)};
}

// Position on the way hold -> confirmed -> prepaid -> paid -> checked_in; -1 for cancelled.
int rank(BookingStatus status)
{
    switch (status) {
    case BookingStatus::Hold:
        return 0;
    case BookingStatus::Confirmed:
        return 1;
    case BookingStatus::Prepaid:
        return 2;
    case BookingStatus::Paid:
        return 3;
    case BookingStatus::CheckedIn:
        return 4;
    case BookingStatus::Cancelled:
        return -1;
    }
    return -1;
}

bool isFinal(BookingStatus status)
{
    return status == BookingStatus::Cancelled || status == BookingStatus::CheckedIn;
}

} // namespace

QString bookingStatusKey(BookingStatus status)
{
    switch (status) {
    case BookingStatus::Hold:
        return QStringLiteral("hold");
    case BookingStatus::Confirmed:
        return QStringLiteral("confirmed");
    case BookingStatus::Prepaid:
        return QStringLiteral("prepaid");
    case BookingStatus::Paid:
        return QStringLiteral("paid");
    case BookingStatus::Cancelled:
        return QStringLiteral("cancelled");
    case BookingStatus::CheckedIn:
        return QStringLiteral("checked_in");
    }
    return {};
}

std::optional<BookingStatus> bookingStatusFromKey(const QString &key)
{
    for (BookingStatus status : {BookingStatus::Hold, BookingStatus::Confirmed, BookingStatus::Prepaid,
                                 BookingStatus::Paid, BookingStatus::Cancelled, BookingStatus::CheckedIn}) {
        if (bookingStatusKey(status) == key)
            return status;
    }
    return std::nullopt;
}

Status checkStatusChange(BookingStatus from, BookingStatus to)
{
    if (from == to || canChangeStatus(from, to))
        return Status::success();
    if (to != BookingStatus::Cancelled && !occupiesRoom(from))
        return bookingError("booking.bad_transition",
                            QT_TRANSLATE_NOOP("kasp::Booking", "A cancelled booking cannot be changed."));
    //: %1 and %2 are status keys (hold, prepaid, paid, lived, cancelled)
    return Error{QStringLiteral("booking.bad_transition"),
                 QCoreApplication::translate("kasp::Booking", "A booking cannot go from %1 to %2.")
                     .arg(bookingStatusKey(from), bookingStatusKey(to))};
}

bool canChangeStatus(BookingStatus from, BookingStatus to)
{
    if (isFinal(from) || from == to)
        return false;
    if (to == BookingStatus::Cancelled)
        return true;
    return rank(to) > rank(from);
}

Status validatePrepayment(Money total, Money prepayment)
{
    if (total <= Money())
        return bookingError(
            "booking.zero_total",
            QT_TRANSLATE_NOOP("kasp::Booking", "The booking has no total to take a prepayment from"));
    // Both bounds rounded like Money::percent(), so the amount a form suggests is always accepted.
    const Money min = total.percent(kMinPrepaymentPercent);
    const Money max = total.percent(kMaxPrepaymentPercent);
    if (prepayment < min || prepayment > max) {
        return Error{QStringLiteral("booking.prepayment_range"),
                     QCoreApplication::translate("kasp::Booking", "The prepayment must be from %1 to %2")
                         .arg(min.toString(), max.toString())};
    }
    return Status::success();
}

Status validateBooking(const Booking &booking)
{
    if (!booking.stay.isValid())
        return bookingError("booking.bad_stay",
                            QT_TRANSLATE_NOOP("kasp::Booking", "Choose the check-in and check-out dates"));
    if (booking.guestId.isNull())
        return bookingError("booking.no_guest",
                            QT_TRANSLATE_NOOP("kasp::Booking", "A booking needs a guest"));
    if (booking.roomId.isNull())
        return bookingError("booking.no_room", QT_TRANSLATE_NOOP("kasp::Booking", "A booking needs a room"));
    if (booking.adults < 1)
        return bookingError("booking.no_adults",
                            QT_TRANSLATE_NOOP("kasp::Booking", "A booking needs at least one adult"));
    if (booking.children < 0)
        return bookingError("booking.bad_children",
                            QT_TRANSLATE_NOOP("kasp::Booking", "The number of children cannot be negative"));
    if (booking.total < Money() || booking.prepaid < Money())
        return bookingError("booking.negative_amount",
                            QT_TRANSLATE_NOOP("kasp::Booking", "Amounts cannot be negative"));
    if (booking.prepaid > booking.total)
        return bookingError("booking.overpaid",
                            QT_TRANSLATE_NOOP("kasp::Booking", "The prepayment cannot exceed the total"));
    return Status::success();
}

QString bookingNumber(const Id &id)
{
    return idToString(id).right(8).toUpper();
}

} // namespace kasp
