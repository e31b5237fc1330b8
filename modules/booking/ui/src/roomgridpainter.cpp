#include "kasp/booking/ui/roomgridpainter.h"

#include "kasp/booking/ui/gridtextcache.h"

#include <algorithm>
#include <QCoreApplication>
#include <QLocale>
#include <QPainter>

namespace kasp::booking::ui {

namespace {

const QColor kGridLine(0xdd, 0xe1, 0xe6);
const QColor kWeekend(0xf6, 0xf2, 0xea);
const QColor kHeaderBg(0xf3, 0xf4, 0xf6);
const QColor kBuildingBg(0xe4, 0xe9, 0xf0);
const QColor kToday(0xd9, 0x3b, 0x3b);
const QColor kSelectFree(0x3b, 0x82, 0xf6, 90);
const QColor kSelectBusy(0xdc, 0x26, 0x26, 90);

struct Span
{
    int first = 0; // first visible column
    int end = 0;   // exclusive
};

Span visibleColumns(const GridLayout &layout, const GridGeometry &g)
{
    const int width = g.bodyRect().width();
    Span s;
    s.first = std::max(0, g.scroll.x() / g.columnWidth);
    s.end = std::min(layout.columns(), (g.scroll.x() + width) / g.columnWidth + 1);
    return s;
}

Span visibleRows(const GridLayout &layout, const GridGeometry &g)
{
    const int height = g.bodyRect().height();
    Span s;
    s.first = std::max(0, g.scroll.y() / g.rowHeight);
    s.end = std::min(int(layout.rows().size()), (g.scroll.y() + height) / g.rowHeight + 1);
    return s;
}

bool isWeekend(QDate d)
{
    return d.dayOfWeek() >= 6;
}

// Free rooms: green when plenty, amber when few, red when none.
QColor freeColor(int free, int total)
{
    if (free <= 0)
        return QColor(0xf8, 0xd7, 0xd7);
    if (free * 5 <= total)
        return QColor(0xfd, 0xec, 0xc8);
    return QColor(0xdc, 0xf2, 0xe0);
}

// Lines as one-pixel rectangles: the raster engine fills those as spans, while drawLine goes through
// the cosmetic stroker (a tenth of a frame for the grid lines alone).
void vLine(QPainter &p, int x, int top, int height, const QColor &color)
{
    p.fillRect(QRect(x, top, 1, height), color);
}

void hLine(QPainter &p, int left, int y, int width, const QColor &color)
{
    p.fillRect(QRect(left, y, width, 1), color);
}

// A voucher the mail server has not taken: a red round mark with "!" at the bar's right end.
constexpr int kVoucherMark = 14;
void paintVoucherMark(QPainter &p, const QRect &bar)
{
    const QRect mark(bar.right() - kVoucherMark - 2, bar.center().y() - kVoucherMark / 2, kVoucherMark,
                     kVoucherMark);
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(Qt::white, 1.5));
    p.setBrush(QColor(0xdc, 0x26, 0x26));
    p.drawEllipse(mark);
    QFont bold = p.font();
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(mark, Qt::AlignCenter, QStringLiteral("!"));
    p.restore();
}

// A booking bar with a darker border and cut corners. drawRoundedRect turned each bar into a
// Bézier polygon and cost as much as the rest of the body together.
void paintBar(QPainter &p, const QRect &rect, const QColor &fill)
{
    if (rect.width() < 4 || rect.height() < 4) {
        p.fillRect(rect, fill);
        return;
    }
    const QColor border = fill.darker(130);
    p.fillRect(rect.adjusted(1, 1, -1, -1), fill);
    hLine(p, rect.left() + 1, rect.top(), rect.width() - 2, border);
    hLine(p, rect.left() + 1, rect.bottom(), rect.width() - 2, border);
    vLine(p, rect.left(), rect.top() + 1, rect.height() - 2, border);
    vLine(p, rect.right(), rect.top() + 1, rect.height() - 2, border);
}

void paintBody(QPainter &p, const GridLayout &layout, const GridGeometry &g, const GridOverlay &o,
               GridTextCache &text)
{
    const QRect body = g.bodyRect();
    p.save();
    p.setClipRect(body);
    p.fillRect(body, Qt::white);
    const Span cols = visibleColumns(layout, g);
    const Span rows = visibleRows(layout, g);
    const bool fine = g.columnWidth >= 8;

    for (int c = cols.first; c < cols.end; ++c)
        if (isWeekend(layout.dateAt(c)))
            p.fillRect(QRect(g.xOfColumn(c), body.top(), g.columnWidth, body.height()), kWeekend);
    for (int r = rows.first; r < rows.end; ++r)
        if (layout.rows()[r].kind == GridRow::Kind::Building)
            p.fillRect(QRect(body.left(), g.yOfRow(r), body.width(), g.rowHeight), kBuildingBg);

    if (fine)
        for (int c = cols.first; c <= cols.end; ++c)
            vLine(p, g.xOfColumn(c), body.top(), body.height(), kGridLine);
    else // week lines on Mondays, month lines on the 1st
        for (int c = cols.first; c < cols.end; ++c) {
            const QDate d = layout.dateAt(c);
            if (d.day() == 1 || (g.columnWidth >= 4 && d.dayOfWeek() == 1))
                vLine(p, g.xOfColumn(c), body.top(), body.height(), kGridLine);
        }
    for (int r = rows.first; r <= rows.end; ++r)
        hLine(p, body.left(), g.yOfRow(r), body.width(), kGridLine);

    // Bars cover their nights' columns: a column is a night, a check-out day is the next stay's
    // first column. A 2-pixel inset keeps back-to-back stays apart.
    const QFontMetrics fm(p.font());
    for (int r = rows.first; r < rows.end; ++r) {
        for (const GridBar &bar : layout.barsOf(r)) {
            if (bar.endCol <= cols.first - 1 || bar.firstCol > cols.end)
                continue;
            if (bar.closureIndex >= 0) {
                // Out of service: grey, hatched, with the reason.
                QRect rect(g.xOfColumn(bar.firstCol), g.yOfRow(r) + 2,
                           (bar.endCol - bar.firstCol) * g.columnWidth, g.rowHeight - 4);
                p.fillRect(rect, QColor(0xd1, 0xd5, 0xdb));
                p.fillRect(rect, QBrush(QColor(0x6b, 0x72, 0x80), Qt::BDiagPattern));
                if (rect.width() > 40) {
                    QRect textRect = rect.adjusted(5, 0, -4, 0);
                    if (textRect.left() < body.left() + 4)
                        textRect.setLeft(body.left() + 4);
                    p.setPen(QColor(0x1f, 0x29, 0x37));
                    text.drawLeftElided(p, textRect, layout.closures()[bar.closureIndex].reason);
                }
                continue;
            }
            const BookingView &v = layout.bookings()[bar.bookingIndex];
            QRect rect(g.xOfColumn(bar.firstCol) + 1, g.yOfRow(r) + 3,
                       (bar.endCol - bar.firstCol) * g.columnWidth - 2, g.rowHeight - 6);
            const QColor fill = statusColor(v.booking.status);
            if (!fine) {
                // Overview zooms: thousands of bars per frame; plain rectangles cost a third.
                p.fillRect(rect, fill);
                p.fillRect(QRect(rect.left(), rect.top(), 1, rect.height()), fill.darker(140));
            } else {
                paintBar(p, rect, fill);
            }
            // Labels where they can be read: a bar of a few pixels gets none.
            if (rect.width() > 40) {
                // Keep the label in view when the bar starts left of the visible area.
                QRect textRect = rect.adjusted(5, 0, -4, 0);
                if (textRect.left() < body.left() + 4)
                    textRect.setLeft(body.left() + 4);
                p.setPen(Qt::black);
                if (!layout.voucherProblem(bar.bookingIndex).isEmpty())
                    textRect.setRight(textRect.right() - kVoucherMark - 2);
                text.drawLeft(p, textRect, layout.label(bar.bookingIndex, textRect.width(), fm));
            }
            if (!layout.voucherProblem(bar.bookingIndex).isEmpty() && rect.width() > kVoucherMark + 4)
                paintVoucherMark(p, rect);
        }
    }

    // Lost bookings: an outline over whatever now holds the nights.
    for (const GridGhost &ghost : layout.ghosts()) {
        if (ghost.row < rows.first || ghost.row >= rows.end || ghost.endCol < cols.first ||
            ghost.firstCol > cols.end)
            continue;
        const QRect rect(g.xOfColumn(ghost.firstCol) + 1, g.yOfRow(ghost.row) + 1,
                         (ghost.endCol - ghost.firstCol) * g.columnWidth - 2, g.rowHeight - 2);
        p.setPen(QPen(QColor(0xdc, 0x26, 0x26), 2, Qt::DashLine));
        p.setBrush(QBrush(QColor(0xdc, 0x26, 0x26, 110), Qt::BDiagPattern));
        p.drawRoundedRect(rect, 4, 4);
    }

    auto band = [&](int row, int first, int end, const QColor &color) {
        if (row < 0 || end <= first)
            return;
        p.fillRect(QRect(g.xOfColumn(first), g.yOfRow(row), (end - first) * g.columnWidth, g.rowHeight),
                   color);
    };
    band(o.selectRow, o.selectFirst, o.selectEnd, o.selectFree ? kSelectFree : kSelectBusy);
    if (o.previewRow >= 0) {
        QRect rect(g.xOfColumn(o.previewFirst) + 1, g.yOfRow(o.previewRow) + 2,
                   (o.previewEnd - o.previewFirst) * g.columnWidth - 2, g.rowHeight - 4);
        p.setPen(QPen(o.previewFree ? QColor(0x1d, 0x4e, 0xd8) : Qt::red, 2, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(rect, 4, 4);
    }
    if (o.cursorRow >= 0 && o.cursorCol >= 0) {
        p.setPen(QPen(QColor(0x1d, 0x4e, 0xd8), 2));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRect(g.xOfColumn(o.cursorCol), g.yOfRow(o.cursorRow), g.columnWidth, g.rowHeight)
                       .adjusted(1, 1, -1, -1));
    }
    if (o.today >= 0) {
        const int x = g.xOfColumn(o.today);
        p.fillRect(QRect(x, body.top(), 2, body.height()), kToday);
    }
    p.restore();
}

void paintHeader(QPainter &p, const GridLayout &layout, const GridGeometry &g, const GridOverlay &o,
                 GridTextCache &text)
{
    const QRect header(g.leftWidth, 0, g.viewport.width() - g.leftWidth, g.headerHeight());
    p.save();
    p.setClipRect(header);
    p.fillRect(header, kHeaderBg);
    const Span cols = visibleColumns(layout, g);
    const QLocale dates; // the UI's language (--lang)
    const int monthRow = g.dateRowsHeight / 2;

    // Month names: from the first visible column, and at each month's first day.
    p.setPen(Qt::black);
    QFont bold = p.font();
    bold.setBold(true);
    p.setFont(bold);
    for (int c = cols.first; c < cols.end; ++c) {
        const QDate d = layout.dateAt(c);
        if (d.day() != 1 && c != cols.first)
            continue;
        const int x = std::max(g.xOfColumn(c), g.leftWidth);
        text.drawLeft(p, QRect(x + 4, 0, 200, monthRow),
                      dates.standaloneMonthName(d.month()) + QLatin1Char(' ') + QString::number(d.year()));
        vLine(p, g.xOfColumn(c), 0, monthRow + 1, kGridLine.darker(120));
    }
    p.setFont(QFont(p.font().family(), std::max(7, p.font().pointSize() - 1)));

    // Day numbers (day zoom), Monday dates (week zoom), nothing finer than that (month zoom).
    for (int c = cols.first; c < cols.end; ++c) {
        const QDate d = layout.dateAt(c);
        const QRect cell(g.xOfColumn(c), monthRow, g.columnWidth, g.dateRowsHeight - monthRow);
        if (g.columnWidth >= 20) {
            p.setPen(c == o.today ? kToday : isWeekend(d) ? QColor(0xb4, 0x53, 0x09) : Qt::black);
            text.drawCentered(p, cell, QString::number(d.day()));
        } else if (g.columnWidth >= 8 && d.dayOfWeek() == 1) {
            p.setPen(Qt::black);
            text.drawLeft(p, QRect(cell.left() + 1, cell.top(), 7 * g.columnWidth, cell.height()),
                          QString::number(d.day()));
        }
    }

    // Free rooms per category per night.
    for (int k = 0; k < layout.categoryOrder().size(); ++k) {
        const int y = g.dateRowsHeight + k * g.categoryRowHeight;
        const int total = layout.roomsOfCategory(k);
        if (g.columnWidth < 18) {
            // No numbers fit: one rectangle per run of nights with the same colour.
            for (int c = cols.first; c < cols.end;) {
                const QColor color = freeColor(layout.freeRooms(k, c), total);
                int end = c + 1;
                while (end < cols.end && freeColor(layout.freeRooms(k, end), total) == color)
                    ++end;
                p.fillRect(QRect(g.xOfColumn(c), y, (end - c) * g.columnWidth, g.categoryRowHeight - 1),
                           color);
                c = end;
            }
            continue;
        }
        for (int c = cols.first; c < cols.end; ++c) {
            const int free = layout.freeRooms(k, c);
            const QRect cell(g.xOfColumn(c), y, g.columnWidth, g.categoryRowHeight);
            p.fillRect(cell.adjusted(0, 0, -1, -1), freeColor(free, total));
            p.setPen(free <= 0 ? QColor(0x99, 0x1b, 0x1b) : QColor(0x1f, 0x29, 0x37));
            text.drawCentered(p, cell, QString::number(free));
        }
    }
    if (o.today >= 0)
        p.fillRect(QRect(g.xOfColumn(o.today), 0, 2, g.headerHeight()), kToday);
    hLine(p, header.left(), header.bottom(), header.width(), kGridLine.darker(120));
    p.restore();
}

void paintRoomColumn(QPainter &p, const GridLayout &layout, const GridGeometry &g, GridTextCache &text)
{
    const QRect column(0, g.headerHeight(), g.leftWidth, g.viewport.height() - g.headerHeight());
    p.save();
    p.setClipRect(column);
    p.fillRect(column, kHeaderBg);
    const Span rows = visibleRows(layout, g);
    const QFont normal = p.font();
    QFont bold = normal;
    bold.setBold(true);
    for (int r = rows.first; r < rows.end; ++r) {
        const GridRow &row = layout.rows()[r];
        const QRect cell(0, g.yOfRow(r), g.leftWidth, g.rowHeight);
        if (row.kind == GridRow::Kind::Building) {
            p.fillRect(cell, kBuildingBg);
            p.setFont(bold);
            p.setPen(Qt::black);
            text.drawLeftElided(p, cell.adjusted(6, 0, -4, 0), row.label);
            p.setFont(normal);
            continue;
        }
        p.setPen(Qt::black);
        text.drawLeft(p, cell.adjusted(14, 0, 0, 0), row.label);
        p.setPen(QColor(0x4b, 0x55, 0x63));
        text.drawLeftElided(p, cell.adjusted(58, 0, -4, 0), row.detail);
        hLine(p, 0, cell.bottom(), g.leftWidth, kGridLine);
    }
    vLine(p, g.leftWidth - 1, column.top(), column.height(), kGridLine.darker(120));
    p.restore();
}

void paintCorner(QPainter &p, const GridLayout &layout, const GridGeometry &g, GridTextCache &text)
{
    const QRect corner(0, 0, g.leftWidth, g.headerHeight());
    p.save();
    p.setClipRect(corner);
    p.fillRect(corner, kHeaderBg);
    p.setPen(QColor(0x4b, 0x55, 0x63));
    text.drawLeftElided(p, QRect(6, 0, g.leftWidth - 8, g.dateRowsHeight),
                        QCoreApplication::translate("kasp::booking::ui::RoomGrid", "Free rooms by night:"));
    for (int k = 0; k < layout.categoryOrder().size(); ++k) {
        const QRect cell(6, g.dateRowsHeight + k * g.categoryRowHeight, g.leftWidth - 10,
                         g.categoryRowHeight);
        const RoomCategory &category = layout.stock().categories[layout.categoryOrder()[k]];
        text.drawLeftElided(p, cell,
                            QStringLiteral("%1 (%2)").arg(category.name).arg(layout.roomsOfCategory(k)));
    }
    vLine(p, corner.right(), 0, corner.height(), kGridLine.darker(120));
    hLine(p, 0, corner.bottom(), corner.width(), kGridLine.darker(120));
    p.restore();
}

} // namespace

int GridGeometry::columnWidthFor(GridZoom zoom)
{
    switch (zoom) {
    case GridZoom::Day:
        return 28;
    case GridZoom::Week:
        return 12;
    case GridZoom::Month:
        return 4;
    }
    return 28;
}

QColor statusColor(BookingStatus status)
{
    switch (status) {
    case BookingStatus::Hold:
        return QColor(0xfd, 0xe6, 0x8a); // amber: not guaranteed yet
    case BookingStatus::Confirmed:
        return QColor(0xbf, 0xdb, 0xfe);
    case BookingStatus::Prepaid:
        return QColor(0x93, 0xc5, 0xfd);
    case BookingStatus::Paid:
        return QColor(0x86, 0xef, 0xac);
    case BookingStatus::CheckedIn:
        return QColor(0xc4, 0xb5, 0xfd);
    case BookingStatus::Cancelled:
        return QColor(0xe5, 0xe7, 0xeb);
    }
    return Qt::lightGray;
}

void paintGrid(QPainter &p, const GridLayout &layout, const GridGeometry &g, const GridOverlay &overlay,
               GridTextCache &text)
{
    paintBody(p, layout, g, overlay, text);
    paintHeader(p, layout, g, overlay, text);
    paintRoomColumn(p, layout, g, text);
    paintCorner(p, layout, g, text);
}

} // namespace kasp::booking::ui
