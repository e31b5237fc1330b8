#pragma once
// Room stock (номерной фонд): buildings, room categories and rooms.
#include "kasp/core/id.h"
#include "kasp/core/money.h"
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

} // namespace kasp
