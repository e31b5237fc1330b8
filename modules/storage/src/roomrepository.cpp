#include "kasp/storage/roomrepository.h"

#include "kasp/core/mutation.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/recordwriter.h"
#include "kasp/storage/sqlhelpers.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace kasp::storage {

namespace {
template <typename T, typename Read>
Result<QList<T>> readAll(QSqlDatabase db, const QString &sqlText, Read read)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(q, sqlText); !s.ok())
        return s.error();
    if (auto s = sql::exec(q, sqlText.left(40)); !s.ok())
        return s.error();
    QList<T> out;
    while (q.next())
        out.append(read(q));
    if (auto s = sql::fetched(q, QStringLiteral("rooms")); !s.ok())
        return s.error();
    return out;
}
} // namespace

// The stock's wire records.
namespace {
QJsonObject recordOf(const Building &b)
{
    return {{QStringLiteral("id"), idToString(b.id)},
            {QStringLiteral("name"), b.name},
            {QStringLiteral("address"), b.address}};
}
QJsonObject recordOf(const RoomCategory &c)
{
    return {{QStringLiteral("id"), idToString(c.id)},
            {QStringLiteral("code"), c.code},
            {QStringLiteral("name"), c.name},
            {QStringLiteral("beds"), c.beds},
            {QStringLiteral("extraBeds"), c.extraBeds},
            {QStringLiteral("pricePerBedNight"), c.pricePerBedNight.kopecks()}};
}
QJsonObject recordOf(const Room &r)
{
    return {{QStringLiteral("id"), idToString(r.id)},
            {QStringLiteral("buildingId"), idToString(r.buildingId)},
            {QStringLiteral("categoryId"), idToString(r.categoryId)},
            {QStringLiteral("number"), r.number},
            {QStringLiteral("floor"), r.floor},
            {QStringLiteral("beds"), r.beds}};
}
} // namespace

Status RoomRepository::addBuilding(const Building &b)
{
    return createRecord(m_db, m_clock, sync::EntityKind::Building, recordOf(b));
}

Status RoomRepository::addCategory(const RoomCategory &c)
{
    return createRecord(m_db, m_clock, sync::EntityKind::RoomCategory, recordOf(c));
}

Status RoomRepository::addRoom(const Room &r)
{
    return createRecord(m_db, m_clock, sync::EntityKind::Room, recordOf(r));
}

Result<bool> RoomRepository::updateBuilding(const Building &building)
{
    return updateRecord(m_db, m_clock, sync::EntityKind::Building, recordOf(building));
}

Result<bool> RoomRepository::updateCategory(const RoomCategory &category)
{
    return updateRecord(m_db, m_clock, sync::EntityKind::RoomCategory, recordOf(category));
}

Result<bool> RoomRepository::updateRoom(const Room &room)
{
    return updateRecord(m_db, m_clock, sync::EntityKind::Room, recordOf(room));
}

Result<QList<Building>> RoomRepository::buildings() const
{
    return readAll<Building>(
        m_db, QStringLiteral("SELECT id, name, address FROM buildings ORDER BY name"),
        [](const QSqlQuery &q) {
            return Building{sql::toId(q.value(0)), q.value(1).toString(), q.value(2).toString()};
        });
}

Result<QList<RoomCategory>> RoomRepository::categories() const
{
    return readAll<RoomCategory>(
        m_db,
        QStringLiteral("SELECT id, code, name, beds, extra_beds, price_per_bed_night FROM room_categories "
                       "ORDER BY price_per_bed_night"),
        [](const QSqlQuery &q) {
            return RoomCategory{sql::toId(q.value(0)), q.value(1).toString(),
                                q.value(2).toString(), q.value(3).toInt(),
                                q.value(4).toInt(),    Money::fromKopecks(q.value(5).toLongLong())};
        });
}

Result<QList<Room>> RoomRepository::rooms() const
{
    return readAll<Room>(
        m_db,
        QStringLiteral("SELECT r.id, r.building_id, r.category_id, r.number, r.floor, r.beds "
                       "FROM rooms r JOIN buildings b ON b.id = r.building_id "
                       "ORDER BY b.name, length(r.number), r.number"),
        [](const QSqlQuery &q) {
            return Room{sql::toId(q.value(0)), sql::toId(q.value(1)), sql::toId(q.value(2)),
                        q.value(3).toString(), q.value(4).toInt(),    q.value(5).toInt()};
        });
}

namespace {
QString bookingsInTheWay(int count)
{
    return QCoreApplication::translate(
        "kasp::storage", "The room has %n booking(s) on these nights: move them first.", nullptr, count);
}
} // namespace

Status RoomRepository::closeRoom(const RoomClosure &c)
{
    if (c.roomId.isNull() || !c.firstNight.isValid() || !c.endNight.isValid() || c.endNight <= c.firstNight)
        return Error{QStringLiteral("room_closure.bad_dates"),
                     QCoreApplication::translate("kasp::storage",
                                                 "Choose the first and the last night out of service.")};
    const QJsonObject args{{QStringLiteral("id"), idToString(c.id)},
                           {QStringLiteral("roomId"), idToString(c.roomId)},
                           {QStringLiteral("firstNight"), c.firstNight.toString(Qt::ISODate)},
                           {QStringLiteral("endNight"), c.endNight.toString(Qt::ISODate)},
                           {QStringLiteral("reason"), c.reason}};
    sql::WriteTransaction tx(m_db);
    if (auto s = tx.begin(); !s.ok())
        return s;
    QSqlQuery q(m_db);
    if (auto s =
            sql::prepare(q, QStringLiteral("SELECT count(*) FROM bookings WHERE room_id = ? AND status <> "
                                           "'cancelled' AND check_in < ? AND check_out > ?"));
        !s.ok())
        return s;
    q.addBindValue(sql::fromId(c.roomId));
    q.addBindValue(sql::fromDate(c.endNight));
    q.addBindValue(sql::fromDate(c.firstNight));
    if (auto s = sql::exec(q, QStringLiteral("closure overlap")); !s.ok())
        return s;
    // A count that cannot be read (a damaged page) is no "no bookings in the way".
    if (!q.next()) {
        const Status s = sql::fetched(q, QStringLiteral("closure overlap"));
        return s.ok() ? Status(Error{QStringLiteral("storage.failed"), QStringLiteral("no overlap count")})
                      : s;
    }
    const int clashes = q.value(0).toInt();
    if (clashes > 0)
        return Error{QStringLiteral("room_closure.overlap"), bookingsInTheWay(clashes)};
    if (auto s = write(m_db, Mutation{QStringLiteral("room_closure.create"), args}, m_clock.now()); !s.ok())
        return s;
    return tx.commit();
}

Status RoomRepository::reopen(const Id &closureId)
{
    return write(
        m_db,
        Mutation{QStringLiteral("room_closure.delete"), {{QStringLiteral("id"), idToString(closureId)}}},
        m_clock.now());
}

Result<QList<RoomClosure>> RoomRepository::closures(QDate from, QDate to) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(
            q, QStringLiteral("SELECT id, room_id, first_night, end_night, reason FROM room_closures "
                              "WHERE end_night > ? AND first_night < ?"));
        !s.ok())
        return s.error();
    q.addBindValue(sql::fromDate(from));
    q.addBindValue(sql::fromDate(to));
    if (auto s = sql::exec(q, QStringLiteral("closures")); !s.ok())
        return s.error();
    QList<RoomClosure> out;
    while (q.next())
        out.append(RoomClosure{sql::toId(q.value(0)), sql::toId(q.value(1)), sql::toDate(q.value(2)),
                               sql::toDate(q.value(3)), q.value(4).toString()});
    if (auto s = sql::fetched(q, QStringLiteral("rooms")); !s.ok())
        return s.error();
    return out;
}

} // namespace kasp::storage
