#pragma once
// Records and mutations for the sync tests, made with the same codecs the desktop uses.
#include "kasp/core/booking.h"
#include "kasp/core/guest.h"
#include "kasp/core/mutation.h"
#include "kasp/core/task.h"
#include "kasp/syncproto/wire.h"

namespace kasp::test {

inline Guest makeGuest(const QString &lastName, const QString &phone)
{
    Guest g;
    g.id = newId();
    g.lastName = lastName;
    g.firstName = QStringLiteral("Мария");
    g.phones.append(Phone::parse(phone).value());
    g.createdAt = g.updatedAt = QDateTime::currentDateTimeUtc();
    return g;
}

inline Booking makeBooking(const Id &guest, const Id &room, QDate in, QDate out)
{
    Booking b;
    b.id = newId();
    b.guestId = guest;
    b.roomId = room;
    b.stay = Stay::make(in, out).value();
    b.adults = 2;
    b.total = Money::fromKopecks(10'000'000);
    b.createdAt = QDateTime::currentDateTimeUtc();
    return b;
}

inline sync::PushedMutation pushed(qint64 id, const QString &name, const QJsonObject &args)
{
    return sync::PushedMutation{id, name, args, QDateTime::currentDateTimeUtc()};
}

struct RoomStock
{
    Id building = newId();
    Id category = newId();
    Id room = newId();
    QList<sync::PushedMutation> mutations(qint64 firstId) const
    {
        return {pushed(firstId, QStringLiteral("building.create"),
                       {{"id", idToString(building)}, {"name", QStringLiteral("Корпус 1")}}),
                pushed(firstId + 1, QStringLiteral("room_category.create"),
                       {{"id", idToString(category)},
                        {"code", "std"},
                        {"name", QStringLiteral("Стандарт")},
                        {"beds", 2},
                        {"pricePerBedNight", 350000}}),
                pushed(firstId + 2, QStringLiteral("room.create"),
                       {{"id", idToString(room)},
                        {"buildingId", idToString(building)},
                        {"categoryId", idToString(category)},
                        {"number", "101"},
                        {"floor", 1},
                        {"beds", 2}})};
    }
};

} // namespace kasp::test
