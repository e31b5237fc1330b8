// Room stock: three buildings, six categories, ~120 rooms; more buildings when a benchmark asks
// for more stays than 120 rooms can hold.
#include "democontext.h"

namespace kasp::demo {

namespace {

struct CategorySpec
{
    const char *code;
    const char *name;
    int beds;
    int extraBeds;
    int rublesPerBedNight;
    int weight; // share of the room stock, percent
};

const CategorySpec kCategories[] = {
    {"single", "Стандарт одноместный", 1, 0, 3900, 10},
    {"std", "Стандарт", 2, 1, 4300, 40},
    {"std_plus", "Стандарт улучшенный", 2, 1, 5200, 22},
    {"jsuite", "Полулюкс", 2, 1, 6900, 14},
    {"suite", "Люкс", 2, 1, 9800, 9},
    {"apart", "Апартаменты", 4, 2, 12500, 5},
};

const char *kBuildingNames[] = {"Корпус 1 «Источник»", "Корпус 2 «Сосновый бор»", "Корпус 3 «Лечебный»"};

// Rooms the stock needs so that `stays` stays of ~12 nights fit `years` at ~70 % occupancy.
int roomsNeeded(const DemoOptions &o)
{
    if (o.stays <= 0)
        return 120;
    const double staysPerRoom = o.years * 365.0 * 0.70 / 12.0;
    return std::max(120, int(double(o.stays) / staysPerRoom) + 1);
}

} // namespace

Status generateRoomStock(DemoContext &ctx)
{
    BulkInsert categories(ctx.db, QStringLiteral("room_categories"),
                          {QStringLiteral("id"), QStringLiteral("code"), QStringLiteral("name"),
                           QStringLiteral("beds"), QStringLiteral("extra_beds"),
                           QStringLiteral("price_per_bed_night")});
    QVector<int> weightedCategory;
    for (const CategorySpec &spec : kCategories) {
        DemoCategory category{ctx.random.id(), spec.beds, Money::fromRubles(spec.rublesPerBedNight)};
        if (auto s = categories.add(idToString(category.id), QString::fromUtf8(spec.code),
                                    QString::fromUtf8(spec.name), spec.beds, spec.extraBeds,
                                    category.pricePerBedNight.kopecks());
            !s.ok())
            return s;
        for (int i = 0; i < spec.weight; ++i)
            weightedCategory.append(ctx.categories.size());
        ctx.categories.append(category);
    }

    const int roomCount = roomsNeeded(ctx.options);
    constexpr int kRoomsPerBuilding = 40; // 3 buildings for the default 120 rooms
    const int buildingCount = (roomCount + kRoomsPerBuilding - 1) / kRoomsPerBuilding;
    BulkInsert buildings(ctx.db, QStringLiteral("buildings"),
                         {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("address")});
    BulkInsert rooms(ctx.db, QStringLiteral("rooms"),
                     {QStringLiteral("id"), QStringLiteral("building_id"), QStringLiteral("category_id"),
                      QStringLiteral("number"), QStringLiteral("floor"), QStringLiteral("beds")});
    int made = 0;
    for (int b = 0; b < buildingCount; ++b) {
        const Id buildingId = ctx.random.id();
        const QString name =
            b < 3 ? QString::fromUtf8(kBuildingNames[b]) : QStringLiteral("Корпус %1").arg(b + 1);
        if (auto s = buildings.add(idToString(buildingId), name,
                                   QStringLiteral("Кисловодск, ул. Курортная, %1").arg(b + 1));
            !s.ok())
            return s;
        for (int i = 0; i < kRoomsPerBuilding && made < roomCount; ++i, ++made) {
            const int floor = 1 + i / 10;
            // Upper floors hold the better rooms, as in most Soviet-era sanatorium buildings.
            const int categoryIndex =
                floor >= 4 ? ctx.random.between(3, 5) : ctx.random.pick(weightedCategory);
            DemoRoom room{ctx.random.id(), categoryIndex};
            if (auto s = rooms.add(
                    idToString(room.id), idToString(buildingId), idToString(ctx.categories[categoryIndex].id),
                    QString::number(floor * 100 + i % 10 + 1), floor, ctx.categories[categoryIndex].beds);
                !s.ok())
                return s;
            ctx.rooms.append(room);
        }
    }
    ctx.summary.categories = ctx.categories.size();
    ctx.summary.buildings = buildingCount;
    ctx.summary.rooms = ctx.rooms.size();
    return {};
}

} // namespace kasp::demo
