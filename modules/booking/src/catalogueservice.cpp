#include "kasp/booking/catalogueservice.h"

#include "kasp/storage/roomrepository.h"
#include "kasp/storage/sqlhelpers.h"
#include "kasp/storage/tariffrepository.h"

#include <QCoreApplication>
#include <QSet>

namespace kasp::booking {

namespace {

QString tr(const char *text)
{
    // Called from free functions only: lupdate files them under the namespace, "kasp::booking".
    return QCoreApplication::translate("kasp::booking", text);
}

Status checkStock(const RoomStock &stock)
{
    QSet<Id> buildings;
    for (const Building &b : stock.buildings) {
        if (auto s = validateBuilding(b); !s.ok())
            return s;
        buildings.insert(b.id);
    }
    QSet<QString> codes;
    for (const RoomCategory &c : stock.categories) {
        if (auto s = validateCategory(c); !s.ok())
            return s;
        const QString code = c.code.trimmed().toLower();
        if (codes.contains(code))
            return Error{QStringLiteral("stock.duplicate_code"),
                         tr("Two room categories have the code «%1»").arg(c.code.trimmed())};
        codes.insert(code);
    }
    QSet<QString> numbers; // building id + number
    for (const Room &r : stock.rooms) {
        if (auto s = validateRoom(r); !s.ok())
            return s;
        if (!buildings.contains(r.buildingId))
            return Error{QStringLiteral("stock.no_building"),
                         tr("Room %1: choose its building").arg(r.number)};
        if (!stock.categories.contains(r.categoryId))
            return Error{QStringLiteral("stock.no_category"),
                         tr("Room %1: choose its category").arg(r.number)};
        const QString key = idToString(r.buildingId) + QLatin1Char('/') + r.number.trimmed().toLower();
        if (numbers.contains(key))
            return Error{QStringLiteral("stock.duplicate_room"),
                         tr("Room %1 appears twice in «%2»")
                             .arg(r.number.trimmed(), stock.buildingName(r.buildingId))};
        numbers.insert(key);
    }
    return {};
}

Status checkTariffCategories(const TariffBook &book, const QHash<Id, QString> &names)
{
    for (const Tariff &t : book.tariffs)
        if (!names.contains(t.categoryId))
            return Error{QStringLiteral("tariff.unknown_category"),
                         tr("Season «%1» belongs to a room category that does not exist").arg(t.season)};
    return {};
}

// Adds what is new, updates what is known; counts what was written.
template <typename T, typename Add, typename Update>
Status writeAll(const QList<T> &edited, const QSet<Id> &known, Add add, Update update, int &written)
{
    for (const T &item : edited) {
        if (!known.contains(item.id)) {
            if (auto s = add(item); !s.ok())
                return s;
            ++written;
            continue;
        }
        auto changed = update(item);
        if (!changed.ok())
            return changed.error();
        written += changed.value() ? 1 : 0;
    }
    return {};
}

} // namespace

Result<RoomStock> CatalogueService::stock() const
{
    return readRoomStock(m_db, m_clock);
}

Result<int> CatalogueService::saveStock(const RoomStock &edited)
{
    if (auto s = checkStock(edited); !s.ok())
        return s.error();
    auto stored = stock();
    if (!stored.ok())
        return stored.error();
    QSet<Id> buildings, categories, rooms;
    for (const Building &b : stored.value().buildings)
        buildings.insert(b.id);
    for (const RoomCategory &c : stored.value().categories)
        categories.insert(c.id);
    for (const Room &r : stored.value().rooms)
        rooms.insert(r.id);

    storage::RoomRepository repo(m_db, m_clock);
    storage::sql::WriteTransaction tx(m_db);
    if (auto s = tx.begin(); !s.ok())
        return s.error();
    int written = 0;
    // Parents first: a new room may sit in a new building and a new category.
    if (auto s = writeAll(
            edited.buildings, buildings, [&](const Building &b) { return repo.addBuilding(b); },
            [&](const Building &b) { return repo.updateBuilding(b); }, written);
        !s.ok())
        return s.error();
    if (auto s = writeAll(
            edited.categories.values(), categories,
            [&](const RoomCategory &c) { return repo.addCategory(c); },
            [&](const RoomCategory &c) { return repo.updateCategory(c); }, written);
        !s.ok())
        return s.error();
    if (auto s = writeAll(
            edited.rooms, rooms, [&](const Room &r) { return repo.addRoom(r); },
            [&](const Room &r) { return repo.updateRoom(r); }, written);
        !s.ok())
        return s.error();
    if (auto s = tx.commit(); !s.ok())
        return s.error();
    return written;
}

Result<TariffBook> CatalogueService::tariffs() const
{
    return storage::TariffRepository(m_db, m_clock).load();
}

Result<int> CatalogueService::saveTariffs(const TariffBook &edited, const std::optional<TariffBook> &loaded)
{
    auto categories = storage::RoomRepository(m_db, m_clock).categories();
    if (!categories.ok())
        return categories.error();
    QHash<Id, QString> names;
    for (const RoomCategory &c : categories.value())
        names.insert(c.id, c.name);
    if (auto s = checkTariffCategories(edited, names); !s.ok())
        return s.error();
    return storage::TariffRepository(m_db, m_clock).save(edited, names, loaded);
}

} // namespace kasp::booking
