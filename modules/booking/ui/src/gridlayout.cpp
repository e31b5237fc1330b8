#include "kasp/booking/ui/gridlayout.h"

#include <algorithm>

namespace kasp::booking::ui {

void GridLayout::build(RoomStock stock, QDate from, int nights, QList<BookingView> bookings,
                       QList<RoomClosure> closures)
{
    m_closures = std::move(closures);
    m_stock = std::move(stock);
    m_from = from;
    m_nights = std::max(0, nights);
    m_bookings = std::move(bookings);
    m_rows.clear();
    m_rowOfRoom.clear();

    // Rooms come in building order; a header row starts each building.
    Id currentBuilding;
    for (int i = 0; i < m_stock.rooms.size(); ++i) {
        const Room &room = m_stock.rooms[i];
        if (i == 0 || room.buildingId != currentBuilding) {
            currentBuilding = room.buildingId;
            m_rows.append(GridRow{GridRow::Kind::Building, -1, m_stock.buildingName(room.buildingId), {}});
        }
        m_rowOfRoom.insert(room.id, m_rows.size());
        m_rows.append(
            GridRow{GridRow::Kind::Room, i, room.number, m_stock.categories.value(room.categoryId).name});
    }

    m_bars = QVector<QVector<GridBar>>(m_rows.size());
    m_labelWidth = QVector<int>(m_bookings.size(), -1);
    m_elidedLabels.clear();
    OccupancyIndex occupancy(m_stock.rooms);
    for (int b = 0; b < m_bookings.size(); ++b) {
        const Booking &booking = m_bookings[b].booking;
        const int row = rowOfRoom(booking.roomId);
        if (row < 0 || !occupiesRoom(booking.status))
            continue;
        m_bars[row].append(
            GridBar{row, columnOf(booking.stay.checkIn()), columnOf(booking.stay.checkOut()), b});
        occupancy.occupy(booking.roomId, booking.stay);
    }
    for (int c = 0; c < m_closures.size(); ++c) {
        const RoomClosure &closure = m_closures[c];
        const int row = rowOfRoom(closure.roomId);
        auto stay = Stay::make(closure.firstNight, closure.endNight);
        if (row < 0 || !stay.ok())
            continue;
        m_bars[row].append(GridBar{row, columnOf(closure.firstNight), columnOf(closure.endNight), -1, c});
        occupancy.occupy(closure.roomId, stay.value());
    }
    for (auto &bars : m_bars)
        std::sort(bars.begin(), bars.end(),
                  [](const GridBar &a, const GridBar &b) { return a.firstCol < b.firstCol; });
    occupancy.freeze();

    // Header rows: categories cheapest first, as the stock lists them.
    QList<RoomCategory> categories = m_stock.categories.values();
    std::sort(categories.begin(), categories.end(), [](const RoomCategory &a, const RoomCategory &b) {
        return a.pricePerBedNight < b.pricePerBedNight ||
               (a.pricePerBedNight == b.pricePerBedNight && a.name < b.name);
    });
    const auto free = occupancy.freePerCategory(m_from, m_nights);
    m_categoryOrder.clear();
    m_free.clear();
    m_roomsPerCategory.clear();
    for (const RoomCategory &c : categories) {
        if (!free.contains(c.id))
            continue; // a category with no rooms
        m_categoryOrder.append(c.id);
        m_free.append(free.value(c.id));
        m_roomsPerCategory.append(int(std::count_if(m_stock.rooms.cbegin(), m_stock.rooms.cend(),
                                                    [&](const Room &r) { return r.categoryId == c.id; })));
    }
}

const QString &GridLayout::label(int bookingIndex, int width, const QFontMetrics &fm) const
{
    const QString &name = m_bookings[bookingIndex].guestName;
    int &w = m_labelWidth[bookingIndex];
    if (w < 0)
        w = fm.horizontalAdvance(name);
    if (w <= width)
        return name;
    const qint64 key = (qint64(bookingIndex) << 20) | qint64(std::clamp(width, 0, (1 << 20) - 1));
    auto it = m_elidedLabels.find(key);
    if (it == m_elidedLabels.end()) {
        if (m_elidedLabels.size() > 200000) // zooming and scrolling for hours: start over
            m_elidedLabels.clear();
        QString elided = fm.elidedText(name, Qt::ElideRight, width);
        if (elided == QString(QChar(0x2026))) // a lone "…" tells nothing; the tooltip has the name
            elided.clear();
        it = m_elidedLabels.insert(key, elided);
    }
    return *it;
}

void GridLayout::setGhosts(QList<GridGhost> ghosts)
{
    m_ghosts.clear();
    for (GridGhost &g : ghosts) {
        g.row = rowOfRoom(g.view.booking.roomId);
        g.firstCol = columnOf(g.view.booking.stay.checkIn());
        g.endCol = columnOf(g.view.booking.stay.checkOut());
        if (g.row >= 0)
            m_ghosts.append(std::move(g));
    }
}

const GridGhost *GridLayout::ghostAt(int row, int col) const
{
    for (const GridGhost &g : m_ghosts)
        if (g.row == row && col >= g.firstCol && col < g.endCol)
            return &g;
    return nullptr;
}

const Room *GridLayout::roomAt(int row) const
{
    if (row < 0 || row >= m_rows.size() || m_rows[row].kind != GridRow::Kind::Room)
        return nullptr;
    return &m_stock.rooms[m_rows[row].roomIndex];
}

const GridBar *GridLayout::barAt(int row, int col) const
{
    if (row < 0 || row >= m_bars.size())
        return nullptr;
    const auto &bars = m_bars[row];
    // The last bar starting at or before col is the only candidate (bars in a row do not overlap).
    auto it = std::upper_bound(bars.begin(), bars.end(), col,
                               [](int c, const GridBar &b) { return c < b.firstCol; });
    if (it == bars.begin())
        return nullptr;
    --it;
    return col < it->endCol ? &*it : nullptr;
}

bool GridLayout::isFree(int row, int firstCol, int endCol, int ignoreBooking) const
{
    if (!roomAt(row) || firstCol >= endCol)
        return false;
    for (const GridBar &b : m_bars[row])
        if ((b.closureIndex >= 0 || b.bookingIndex != ignoreBooking) && b.firstCol < endCol &&
            firstCol < b.endCol)
            return false;
    return true;
}

} // namespace kasp::booking::ui
