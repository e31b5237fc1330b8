#pragma once
// RFM segments of the guest base, as the sales departments name them (seeds/rfm-guest-base):
// how recently a guest bought, how many times they stayed, and how much they paid, folded into four
// groups a head of sales plans calls and mailings by. The card shows one guest's segment; the
// analytics screens count the whole base by the same rules.
#include "kasp/core/booking.h"
#include <QDate>
#include <QList>

namespace kasp {

enum class GuestSegment {
    NeverBought, // called, wrote or booked, but never paid for a stay: the tunnel's audience
    Vip,         // bought this year or last, many stays or a large sum
    Lost,        // many stays or a large sum, but nothing bought this year or last
    Promising,   // one or two small purchases, the latest this year or last
    OneTime,     // one or two small purchases, long ago
};

// Where "many" and "large" begin. The defaults suit a sanatorium selling 14-21-night vouchers at
// 60-150 thousand rubles; the analytics settings may tune them.
struct RfmThresholds
{
    int manyStays = 3;
    Money largeSum = Money::fromRubles(300000);
};

struct RfmFigures
{
    int stays = 0; // bookings bought (prepaid, paid or lived), not holds or cancelled ones
    Money spent;   // their totals
    QDate lastBuy; // the latest purchase (booking made), invalid when none
    GuestSegment segment = GuestSegment::NeverBought;
};

// A booking counts as bought once a prepayment came in.
bool isBought(BookingStatus status);
// "Recent" means bought in `today`'s calendar year or the year before it.
RfmFigures rfmFigures(const QList<Booking> &bookings, QDate today, const RfmThresholds &t = {});

// The guest's stays as the card tells them: those that took place (or are under way: bought, and
// the check-in day has come) apart from those still ahead (any live booking checking in later). A
// prepaid voucher for next winter is not a stay yet.
struct StayCounts
{
    int lived = 0;
    int ahead = 0;
};
StayCounts countStays(const QList<Booking> &bookings, QDate today);
// Whether the guest has stayed with us before (a bought stay whose check-out day has come): the
// returning guest's discount of the booking form.
bool hasStayedBefore(const QList<Booking> &bookings, QDate today);

QString guestSegmentKey(GuestSegment segment); // "never", "vip", "lost", "promising", "one_time"

} // namespace kasp
