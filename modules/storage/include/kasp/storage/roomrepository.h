#pragma once
#include "kasp/core/clock.h"
#include "kasp/core/result.h"
#include "kasp/core/room.h"
#include <QSqlDatabase>

namespace kasp::storage {

// Room stock: small (hundreds of rows), read whole.
class RoomRepository
{
public:
    RoomRepository(QSqlDatabase db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}
    Status addBuilding(const Building &building);     // mutation building.create
    Status addCategory(const RoomCategory &category); // mutation room_category.create
    Status addRoom(const Room &room);                 // mutation room.create
    // The head of sales' stock editor: the fields that changed, as building/room_category/room.update.
    // Result: whether anything changed.
    Result<bool> updateBuilding(const Building &building);
    Result<bool> updateCategory(const RoomCategory &category);
    Result<bool> updateRoom(const Room &room);
    Result<QList<Building>> buildings() const;
    Result<QList<RoomCategory>> categories() const;
    Result<QList<Room>> rooms() const; // by building, then number
    // Refuses a period with live bookings in it ("room_closure.overlap"): move them first.
    Status closeRoom(const RoomClosure &closure);                    // mutation room_closure.create
    Status reopen(const Id &closureId);                              // mutation room_closure.delete
    Result<QList<RoomClosure>> closures(QDate from, QDate to) const; // overlapping [from, to)

private:
    QSqlDatabase m_db;
    const Clock &m_clock;
};

} // namespace kasp::storage
