#pragma once
// The sanatorium's catalogue, edited by the head of sales: the room stock (buildings, categories,
// rooms) and the price list (seasons, children's rules, discounts). Both are edited as values in
// the dialogs and saved as their differences from what is stored, in one transaction, each change
// a named mutation. After a save, BookingService::reloadStock() prices with the new catalogue.
#include "kasp/booking/bookingservice.h"
#include "kasp/core/clock.h"
#include "kasp/core/tariff.h"
#include <QSqlDatabase>

namespace kasp::booking {

class CatalogueService
{
public:
    CatalogueService(QSqlDatabase db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}

    // As stored: buildings by name, categories cheapest first, rooms by building then number.
    Result<RoomStock> stock() const;
    // New records are created, changed ones updated. Rooms are never deleted (bookings point at
    // them): a room leaves sale through an out-of-service period. Errors "stock.*": a record's
    // own checks (validateRoom, ...), stock.duplicate_code, stock.duplicate_room (one number twice
    // in a building), stock.no_building / stock.no_category (a room pointing at neither).
    // Returns the number of records written.
    Result<int> saveStock(const RoomStock &edited);

    // The price list as stored (no base tariff filled in).
    Result<TariffBook> tariffs() const;
    // Errors "tariff.*" (validateTariffBook, with category names), and "tariff.unknown_category".
    // `loaded`: the book the editor opened with; a colleague's changes synced since then stay.
    Result<int> saveTariffs(const TariffBook &edited, const std::optional<TariffBook> &loaded = std::nullopt);

private:
    QSqlDatabase m_db;
    const Clock &m_clock;
};

} // namespace kasp::booking
