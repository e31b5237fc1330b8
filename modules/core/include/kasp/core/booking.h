#pragma once
#include "kasp/core/id.h"
#include "kasp/core/money.h"
#include "kasp/core/programme.h"
#include "kasp/core/result.h"
#include "kasp/core/stay.h"
#include <optional>
#include <QDateTime>

namespace kasp {

enum class BookingStatus { Hold, Confirmed, Prepaid, Paid, Cancelled, CheckedIn };

QString bookingStatusKey(BookingStatus status);
std::optional<BookingStatus> bookingStatusFromKey(const QString &key);
// The life of a booking: hold -> confirmed -> prepaid -> paid -> checked_in. Forward moves may skip
// steps (hold -> paid); staying put or going back is not a change; anything but checked_in may be
// cancelled; cancelled and checked_in are final.
bool canChangeStatus(BookingStatus from, BookingStatus to);
// The same rule as an error for the consultant ("booking.bad_transition"), or success; the one
// place the desk's write path and kasp-sync take it from.
Status checkStatusChange(BookingStatus from, BookingStatus to);
// A cancelled booking frees its nights; every other status occupies the room.
inline bool occupiesRoom(BookingStatus s)
{
    return s != BookingStatus::Cancelled;
}

struct Booking
{
    Id id;
    Id guestId;
    Id roomId;
    Stay stay;
    int adults = 1;
    int children = 0;
    Money total;
    Money prepaid;
    BookingStatus status = BookingStatus::Hold;
    Id createdBy;
    QDateTime createdAt;
    QDateTime holdUntil;                  // a hold not prepaid by then lapses (invalid: no expiry)
    QString cancelReason;                 // why it was cancelled: the funnel's loss reasons
    MealPlan meals = MealPlan::FullBoard; // what the voucher lists
    TreatmentProfile treatment = TreatmentProfile::General;

    bool operator==(const Booking &) const = default;
};

// The number a guest reads over the phone and sees on the voucher: the last 8 hex digits of the
// booking id, upper case. The id's first digits are its creation time (version 7 UUID) and repeat
// for bookings made within the same minute; the last ones are random.
QString bookingNumber(const Id &id);

// A booking touch's result when the server refused the booking (another desk booked the room
// first): a stored key, shown in words; its note repeats the refused hold's note, then " — " and
// the reason (BookingService::recordRefused).
inline constexpr char kRefusedBookingResult[] = "refused";

// The prepayment that guarantees a booking: 10-20 % of the total (the sanatorium chooses).
constexpr int kMinPrepaymentPercent = 10;
constexpr int kMaxPrepaymentPercent = 20;
// "booking.zero_total" (total <= 0), "booking.prepayment_range" (outside
// total.percent(kMinPrepaymentPercent) .. total.percent(kMaxPrepaymentPercent), inclusive).
Status validatePrepayment(Money total, Money prepayment);
// "booking.bad_stay", "booking.no_guest", "booking.no_room", "booking.no_adults",
// "booking.bad_children", "booking.negative_amount", "booking.overpaid" (prepaid > total).
Status validateBooking(const Booking &booking);

} // namespace kasp
