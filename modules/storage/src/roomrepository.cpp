#include "kasp/storage/roomrepository.h"

#include "kasp/core/mutation.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/sqlhelpers.h"

#include <QJsonObject>

namespace kasp::storage {

namespace {
// Binds values in order and runs one INSERT as a mutation.
Status insertAs(QSqlDatabase db, const Clock &clock, const QString &name, const QJsonObject &args,
                const QString &sqlText, const QVariantList &values)
{
    return applyMutation(db, Mutation{name, args}, clock.now(), [&]() -> Status {
        QSqlQuery q(db);
        if (auto s = sql::prepare(q, sqlText); !s.ok())
            return s;
        for (const QVariant &v : values)
            q.addBindValue(v);
        return sql::exec(q, name);
    });
}

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
    return out;
}
} // namespace

Status RoomRepository::addBuilding(const Building &b)
{
    return insertAs(m_db, m_clock, QStringLiteral("building.create"),
                    {{QStringLiteral("id"), idToString(b.id)},
                     {QStringLiteral("name"), b.name},
                     {QStringLiteral("address"), b.address}},
                    QStringLiteral("INSERT INTO buildings (id, name, address) VALUES (?,?,?)"),
                    {sql::fromId(b.id), sql::text(b.name), sql::text(b.address)});
}

Status RoomRepository::addCategory(const RoomCategory &c)
{
    return insertAs(
        m_db, m_clock, QStringLiteral("room_category.create"),
        {{QStringLiteral("id"), idToString(c.id)},
         {QStringLiteral("code"), c.code},
         {QStringLiteral("name"), c.name},
         {QStringLiteral("beds"), c.beds},
         {QStringLiteral("extra_beds"), c.extraBeds},
         {QStringLiteral("price_per_bed_night"), c.pricePerBedNight.kopecks()}},
        QStringLiteral("INSERT INTO room_categories (id, code, name, beds, extra_beds, price_per_bed_night) "
                       "VALUES (?,?,?,?,?,?)"),
        {sql::fromId(c.id), sql::text(c.code), sql::text(c.name), c.beds, c.extraBeds,
         c.pricePerBedNight.kopecks()});
}

Status RoomRepository::addRoom(const Room &r)
{
    return insertAs(m_db, m_clock, QStringLiteral("room.create"),
                    {{QStringLiteral("id"), idToString(r.id)},
                     {QStringLiteral("building_id"), idToString(r.buildingId)},
                     {QStringLiteral("category_id"), idToString(r.categoryId)},
                     {QStringLiteral("number"), r.number},
                     {QStringLiteral("floor"), r.floor},
                     {QStringLiteral("beds"), r.beds}},
                    QStringLiteral("INSERT INTO rooms (id, building_id, category_id, number, floor, beds) "
                                   "VALUES (?,?,?,?,?,?)"),
                    {sql::fromId(r.id), sql::fromId(r.buildingId), sql::fromId(r.categoryId),
                     sql::text(r.number), r.floor, r.beds});
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

} // namespace kasp::storage
