#pragma once
// Booking use cases for the Sales Window: the room stock, the grid's window of bookings, what is
// free for a party (best first, priced), and hold / move / cancel, each with its touch on the
// guest's timeline in the same transaction.
#include "kasp/core/availability.h"
#include "kasp/core/booking.h"
#include "kasp/core/clock.h"
#include "kasp/core/payment.h"
#include "kasp/core/room.h"
#include "kasp/core/tariff.h"
#include "kasp/storage/bookingrepository.h"
#include <QHash>
#include <QSqlDatabase>

namespace kasp::booking {

using storage::BookingView;

// The room stock in the grid's order: building, then category, then number.
struct RoomStock
{
    QList<Building> buildings;
    QHash<Id, RoomCategory> categories;
    QList<Room> rooms;
    QString buildingName(const Id &id) const;
};

// The room stock as stored (buildings, categories, rooms in the repositories' order); the
// categories cheapest first into `cheapestFirst` when given. Shared by the booking service (which
// sorts it for the grid) and the head of sales' catalogue.
Result<RoomStock> readRoomStock(QSqlDatabase db, const Clock &clock,
                                QList<RoomCategory> *cheapestFirst = nullptr);

// Who is coming and what they want: the booking dialog's left half.
struct Party
{
    int adults = 2;
    QList<int> childAges;
    MealPlan meals = MealPlan::FullBoard;
    TreatmentProfile treatment = TreatmentProfile::General;
    QString promoCode;
    bool returningGuest = false;
};

// The party a booking was made for, as far as the booking keeps it: head counts (children priced
// as school-age, with a bed, since ages are not stored), the meal plan and the programme.
Party partyOf(const Booking &booking);

// A free room for a stay, priced.
struct StayOption
{
    Room room;
    RoomCategory category;
    int extraBeds = 0;
    Quote quote;
};

struct HoldRequest
{
    Id guestId;
    Id roomId;
    Stay stay;
    Party party;
};

class BookingService
{
public:
    BookingService(QSqlDatabase db, const Clock &clock, Id userId);

    Result<RoomStock> roomStock(); // loaded once; reloadStock() after a sync brings new rooms
    void reloadStock() { m_stockLoaded = false; }
    // What stays are priced with: the head of sales' seasons, the base tariff where a category has
    // none yet (effectiveTariffBook). Loaded with the stock; reloadStock() after a sync.
    TariffBook tariffs() const { return m_tariffs; }

    // What the grid paints for nights [from, to).
    Result<QList<BookingView>> window(QDate from, QDate to) const;
    Result<QList<RoomClosure>> closures(QDate from, QDate to) const;
    // The head of sales takes a room out of service (refused over live bookings) or back.
    Status closeRoom(const Id &roomId, const Stay &nights, const QString &reason);
    Status reopenRoom(const Id &closureId);
    // Busy nights of every room over [from, to): live bookings and out-of-service periods.
    Result<OccupancyIndex> occupancy(QDate from, QDate to);

    Result<Quote> quote(const Room &room, const Stay &stay, const Party &party);
    // Free rooms that can take the party, best first, each with its price; rooms whose price
    // fails (no tariff, minimum stay) are left out and the first such error is returned when
    // nothing is left.
    Result<QList<StayOption>> options(const Stay &stay, const Party &party, int limit = 50);

    // A booking on hold (expires after holdHours unless prepaid) and its touch. Returns the id.
    Result<Id> hold(const HoldRequest &request);
    // Another room or other nights: the price is recalculated with the booking's party.
    Result<Money> repriceMove(const Id &bookingId, const Id &roomId, const Stay &stay);
    Status move(const Id &bookingId, const Id &roomId, const Stay &stay);
    Status cancel(const Id &bookingId, const QString &reason);
    // This desk's bookings whose voucher the mail server has not taken after a try, with the
    // reason in words (the voucher queue's); the grid marks them.
    Result<QHash<Id, QString>> voucherProblems() const;
    // A booking the server refused (another desk booked the room first), told in the guest's
    // history next to the hold it refuses: touches are append-only, so a «refused» touch repeats
    // the hold's text and adds the reason; the timeline marks the hold by it. Written by the desk
    // that lost, it reaches every desk and the server. No user: the refusal is the server's.
    Status recordRefused(const Booking &lost, const QString &reason);
    // After a lost booking: the free room nearest to the lost one for the same nights and party
    // (same category, then building, then floor); nullopt when none is free.
    Result<std::optional<Room>> nearestFreeRoomFor(const Booking &lost);
    // Money taken by hand (cash, bank transfer, card at the desk) or confirmed by the payment
    // provider: the payment, the booking's new sum and status, and a touch, in one transaction.
    Result<PaymentEffect> recordPayment(const Id &bookingId, Money amount, PaymentMethod method,
                                        const QString &reference);
    // What recordPayment would do, without doing it (a payment link is checked before it is made).
    Result<PaymentEffect> previewPayment(const Id &bookingId, Money amount) const;
    Result<Booking> booking(const Id &bookingId) const { return m_bookings.byId(bookingId); }
    // Whether the guest stayed with us before (core hasStayedBefore): the returning guest's discount.
    Result<bool> hasStayedBefore(const Id &guestId) const;
    // Holds this user made that passed their time unpaid are cancelled ("not prepaid in time").
    // Only the author's desktop does it, so two desktops never race to cancel the same hold.
    Result<int> expireHolds();
    // The stay took place for this user's deals at prepaid or paid: their booking reached its
    // check-out day and was not cancelled (a no-show is cancelled by then). Each moves to "stayed",
    // the pipeline's won stage. Only the deal owner's desktop does it, so no move is written twice.
    // At most 100 a call (a long-unopened desk catches up over a few minutes instead of freezing
    // once). Returns how many moved.
    Result<int> recordArrivals();

    // The prepayment the sanatorium asks for, 10-20 % (kMin/kMaxPrepaymentPercent).
    int prepaymentPercent() const { return m_prepaymentPercent; }
    void setPrepaymentPercent(int percent)
    {
        m_prepaymentPercent = std::clamp(percent, kMinPrepaymentPercent, kMaxPrepaymentPercent);
    }

    // For the voucher and other use cases that work on the same database as this user.
    QSqlDatabase database() const { return m_db; }
    const Clock &clock() const { return m_clock; }
    Id userId() const { return m_userId; }

    int holdHours() const { return m_holdHours; }
    void setHoldHours(int hours) { m_holdHours = std::max(1, hours); }

    // The department's booking rules (the head of sales' record, synced to every desk): read the
    // latest into the hold time and the prepayment share above. At start and after each sync.
    Status loadRules();
    // The head of sales sets them (booking_policy.set as this service's user; refused for others
    // by the write path), then they apply here at once.
    Status saveRules(int holdHours, int prepaymentPercent);

private:
    Status addTouch(const Id &guestId, const QString &result, const QString &note, bool byUser = true);
    QString holdNote(const Room &room, const Booking &b) const; // the hold touch's text
    const Room *roomById(const Id &roomId) const;

    QSqlDatabase m_db;
    const Clock &m_clock;
    Id m_userId;
    storage::BookingRepository m_bookings;
    RoomStock m_stock;
    bool m_stockLoaded = false;
    QHash<Id, int> m_roomIndex;
    TariffBook m_tariffs;
    int m_holdHours = 24;
    int m_prepaymentPercent = kMinPrepaymentPercent;
};

QString paymentMethodTitle(PaymentMethod method); // "наличные", "банковский перевод", ...

} // namespace kasp::booking
