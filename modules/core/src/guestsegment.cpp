#include "kasp/core/guestsegment.h"

#include <algorithm>

namespace kasp {

bool isBought(BookingStatus status)
{
    return status == BookingStatus::Prepaid || status == BookingStatus::Paid ||
           status == BookingStatus::CheckedIn;
}

StayCounts countStays(const QList<Booking> &bookings, QDate today)
{
    StayCounts counts;
    for (const Booking &b : bookings) {
        if (b.status == BookingStatus::Cancelled)
            continue;
        if (b.stay.checkIn() > today)
            ++counts.ahead;
        else if (isBought(b.status))
            ++counts.lived;
    }
    return counts;
}

bool hasStayedBefore(const QList<Booking> &bookings, QDate today)
{
    return std::any_of(bookings.begin(), bookings.end(),
                       [&](const Booking &b) { return isBought(b.status) && b.stay.checkOut() <= today; });
}

RfmFigures rfmFigures(const QList<Booking> &bookings, QDate today, const RfmThresholds &t)
{
    RfmFigures f;
    for (const Booking &b : bookings) {
        if (!isBought(b.status))
            continue;
        ++f.stays;
        f.spent += b.total;
        // The purchase is when the booking was made; imported stays may lack it, then their check-in.
        const QDate bought = b.createdAt.isValid() ? b.createdAt.toLocalTime().date() : b.stay.checkIn();
        if (!f.lastBuy.isValid() || bought > f.lastBuy)
            f.lastBuy = bought;
    }
    if (f.stays == 0)
        return f;
    const bool recent = f.lastBuy.isValid() && f.lastBuy.year() >= today.year() - 1;
    const bool valuable = f.stays >= t.manyStays || f.spent >= t.largeSum;
    f.segment = valuable ? (recent ? GuestSegment::Vip : GuestSegment::Lost)
                         : (recent ? GuestSegment::Promising : GuestSegment::OneTime);
    return f;
}

QString guestSegmentKey(GuestSegment segment)
{
    switch (segment) {
    case GuestSegment::NeverBought:
        return QStringLiteral("never");
    case GuestSegment::Vip:
        return QStringLiteral("vip");
    case GuestSegment::Lost:
        return QStringLiteral("lost");
    case GuestSegment::Promising:
        return QStringLiteral("promising");
    case GuestSegment::OneTime:
        return QStringLiteral("one_time");
    }
    return {};
}

} // namespace kasp
