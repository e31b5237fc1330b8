#pragma once
// Booking use cases for the Sales Window: the room stock, the grid's window of bookings, what is
// free for a party (best first, priced), and hold / move / cancel, each with its touch on the
// guest's timeline in the same transaction.
#include "kasp/core/availability.h"
#include "kasp/core/booking.h"
#include "kasp/core/clock.h"
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
    TariffBook tariffs() const { return m_tariffs; }

    // What the grid paints for nights [from, to).
    Result<QList<BookingView>> window(QDate from, QDate to) const;
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

    int holdHours() const { return m_holdHours; }
    void setHoldHours(int hours) { m_holdHours = std::max(1, hours); }

private:
    Status addTouch(const Id &guestId, const QString &result, const QString &note);
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
};

} // namespace kasp::booking
