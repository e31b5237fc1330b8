#pragma once
// Paints the grid: only what the viewport shows. Four areas: the corner, the header (months, days
// and free rooms per category, scrolls sideways), the room column (scrolls up and down) and the
// body (both). Bars are coloured by status; today's column is marked.
#include "kasp/booking/ui/gridlayout.h"
#include <QColor>
#include <QPoint>
#include <QRect>

class QPainter;

namespace kasp::booking::ui {

enum class GridZoom { Day, Week, Month };

struct GridGeometry
{
    int columnWidth = 28;
    int rowHeight = 22;
    int leftWidth = 190;
    int dateRowsHeight = 36; // month + day numbers
    int categoryRowHeight = 17;
    int categoryRows = 0;
    QPoint scroll; // body scroll offset in pixels
    QSize viewport;

    int headerHeight() const { return dateRowsHeight + categoryRows * categoryRowHeight; }
    QRect bodyRect() const
    {
        return QRect(leftWidth, headerHeight(), viewport.width() - leftWidth,
                     viewport.height() - headerHeight());
    }
    int xOfColumn(int col) const { return leftWidth + col * columnWidth - scroll.x(); }
    int yOfRow(int row) const { return headerHeight() + row * rowHeight - scroll.y(); }
    static int columnWidthFor(GridZoom zoom);
};

// What the user is doing right now: drawn over the data.
struct GridOverlay
{
    int cursorRow = -1, cursorCol = -1;
    int selectRow = -1, selectFirst = 0, selectEnd = 0; // a drag over free nights
    bool selectFree = true;
    int previewRow = -1, previewFirst = 0, previewEnd = 0; // a bar being moved or stretched
    bool previewFree = true;
    int today = -1; // column of today, -1 outside the window
};

QColor statusColor(BookingStatus status);

class GridTextCache;

// text: glyphs laid out by earlier frames; the widget keeps one for its lifetime.
void paintGrid(QPainter &p, const GridLayout &layout, const GridGeometry &g, const GridOverlay &overlay,
               GridTextCache &text);

} // namespace kasp::booking::ui
