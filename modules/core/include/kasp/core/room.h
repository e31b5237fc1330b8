#pragma once
// Room stock (номерной фонд): buildings, room categories and rooms.
#include "kasp/core/id.h"
#include "kasp/core/money.h"
#include "kasp/core/result.h"
#include <QDate>
#include <QString>

namespace kasp {

struct Building
{
    Id id;
    QString name; // "Корпус 1"
    QString address;
};

struct RoomCategory
{
    Id id;
    QString code; // "std", "std+", "jsuite", "suite", "apart", "single"
    QString name; // "Стандарт"
    int beds = 2;
    int extraBeds = 0;      // дополнительные места: a folding bed or a sofa
    Money pricePerBedNight; // base tariff, the price unit is the bed-night (койко-день)
};

struct Room
{
    Id id;
    Id buildingId;
    Id categoryId;
    QString number; // "101", "2-15"
    int floor = 1;
    int beds = 2;
};

// Out of service (ремонт, консервация): the room takes no bookings on [firstNight, endNight).
struct RoomClosure
{
    Id id;
    Id roomId;
    QDate firstNight;
    QDate endNight;
    QString reason; // "Ремонт ванной"
};

// The head of sales' stock editor checks each record (codes "stock.*", messages in Russian):
// stock.no_name, stock.bad_beds (1-20 places, 0-10 extra), stock.negative_price, stock.price_too_high,
// stock.no_number, stock.bad_floor (-5..200), stock.no_building, stock.no_category.
Status validateBuilding(const Building &building);
Status validateCategory(const RoomCategory &category);
Status validateRoom(const Room &room);

} // namespace kasp
