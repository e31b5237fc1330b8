#include "kasp/core/availability.h"

#include <algorithm>
#include <tuple>

namespace kasp {

OccupancyIndex::OccupancyIndex(QList<Room> rooms) : m_rooms(std::move(rooms))
{
    m_indexOf.reserve(m_rooms.size());
    for (int i = 0; i < m_rooms.size(); ++i)
        m_indexOf.insert(m_rooms[i].id, i);
    m_busy.resize(size_t(m_rooms.size()));
}

void OccupancyIndex::occupy(const Id &roomId, const Stay &stay)
{
    const int i = roomIndex(roomId);
    if (i < 0 || !stay.isValid())
        return;
    m_busy[size_t(i)].push_back({stay.checkIn().toJulianDay(), stay.checkOut().toJulianDay()});
}

void OccupancyIndex::freeze()
{
    for (auto &spans : m_busy) {
        std::sort(spans.begin(), spans.end(), [](const Span &a, const Span &b) { return a.first < b.first; });
        // Merge touching and overlapping spans: after this, ends are sorted too.
        size_t out = 0;
        for (size_t i = 0; i < spans.size(); ++i) {
            if (out > 0 && spans[i].first <= spans[out - 1].end)
                spans[out - 1].end = std::max(spans[out - 1].end, spans[i].end);
            else
                spans[out++] = spans[i];
        }
        spans.resize(out);
    }
}

bool OccupancyIndex::isFree(int roomIndex, const Stay &stay) const
{
    if (!stay.isValid())
        return false;
    return isFreeDays(roomIndex, stay.checkIn().toJulianDay(), stay.checkOut().toJulianDay());
}

bool OccupancyIndex::isFree(int roomIndex, QDate night) const
{
    return night.isValid() && isFreeDays(roomIndex, night.toJulianDay(), night.toJulianDay() + 1);
}

bool OccupancyIndex::isFreeDays(int roomIndex, qint64 first, qint64 end) const
{
    if (roomIndex < 0 || roomIndex >= m_rooms.size())
        return false;
    const auto &spans = m_busy[size_t(roomIndex)];
    // The first span that ends after our first night is the only one that can clash.
    auto it = std::upper_bound(spans.begin(), spans.end(), first,
                               [](qint64 day, const Span &s) { return day < s.end; });
    return it == spans.end() || it->first >= end;
}

QHash<Id, QVector<int>> OccupancyIndex::freePerCategory(QDate from, int nights) const
{
    QHash<Id, QVector<int>> free;
    if (!from.isValid() || nights <= 0)
        return free;
    const qint64 windowFirst = from.toJulianDay();
    const qint64 windowEnd = windowFirst + nights;
    // A difference array per category: +1 where a busy span starts, -1 where it ends.
    QHash<Id, std::vector<int>> delta;
    for (int r = 0; r < m_rooms.size(); ++r) {
        const Id &category = m_rooms[r].categoryId;
        auto &counts = free[category];
        if (counts.isEmpty())
            counts = QVector<int>(nights, 0);
        for (int n = 0; n < nights; ++n)
            ++counts[n]; // rooms of the category, busy nights are subtracted below
        auto &d = delta[category];
        if (d.empty())
            d.assign(size_t(nights) + 1, 0);
        for (const Span &s : m_busy[size_t(r)]) {
            const qint64 a = std::max(s.first, windowFirst);
            const qint64 b = std::min(s.end, windowEnd);
            if (a >= b)
                continue;
            ++d[size_t(a - windowFirst)];
            --d[size_t(b - windowFirst)];
        }
    }
    for (auto it = free.begin(); it != free.end(); ++it) {
        const auto &d = delta[it.key()];
        int busy = 0;
        for (int n = 0; n < nights; ++n) {
            busy += d[size_t(n)];
            it.value()[n] -= busy;
        }
    }
    return free;
}

namespace {

struct Fit
{
    bool fits = false;
    int extraBeds = 0;
    int spareBeds = 0;
};

Fit fitParty(const Room &room, const QHash<Id, RoomCategory> &categories, int sleepers)
{
    const auto category = categories.constFind(room.categoryId);
    const int extraAllowed = category == categories.cend() ? 0 : category->extraBeds;
    if (sleepers <= 0 || sleepers > room.beds + extraAllowed)
        return {};
    const int extra = std::max(0, sleepers - room.beds);
    return {true, extra, std::max(0, room.beds - sleepers)};
}

} // namespace

QList<RoomOption> findFreeRooms(const OccupancyIndex &index, const QHash<Id, RoomCategory> &categories,
                                const Stay &stay, int sleepers)
{
    QList<RoomOption> options;
    const QList<Room> &rooms = index.rooms();
    for (int r = 0; r < rooms.size(); ++r) {
        const Fit fit = fitParty(rooms[r], categories, sleepers);
        if (fit.fits && index.isFree(r, stay))
            options.append({r, fit.extraBeds, fit.spareBeds});
    }
    auto price = [&](int r) {
        const auto c = categories.constFind(rooms[r].categoryId);
        return c == categories.cend() ? qint64(0) : c->pricePerBedNight.kopecks();
    };
    std::stable_sort(options.begin(), options.end(), [&](const RoomOption &a, const RoomOption &b) {
        return std::tuple(a.extraBeds > 0, a.spareBeds, price(a.roomIndex)) <
               std::tuple(b.extraBeds > 0, b.spareBeds, price(b.roomIndex));
    });
    return options;
}

int nearestFreeRoom(const OccupancyIndex &index, const QHash<Id, RoomCategory> &categories, int lostRoomIndex,
                    const Stay &stay, int sleepers)
{
    const QList<Room> &rooms = index.rooms();
    if (lostRoomIndex < 0 || lostRoomIndex >= rooms.size())
        return -1;
    const Room &lost = rooms[lostRoomIndex];
    int best = -1;
    std::tuple<bool, bool, int, int> bestKey;
    for (int r = 0; r < rooms.size(); ++r) {
        if (r == lostRoomIndex || !fitParty(rooms[r], categories, sleepers).fits || !index.isFree(r, stay))
            continue;
        const auto key =
            std::tuple(rooms[r].categoryId != lost.categoryId, rooms[r].buildingId != lost.buildingId,
                       std::abs(rooms[r].floor - lost.floor), std::abs(r - lostRoomIndex));
        if (best < 0 || key < bestKey) {
            best = r;
            bestKey = key;
        }
    }
    return best;
}

} // namespace kasp
