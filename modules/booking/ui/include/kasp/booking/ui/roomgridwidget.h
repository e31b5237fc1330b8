#pragma once
// The шахматка: rooms x nights. Drag across free nights of a room to book them; drag a bar to move
// it, drag its right end to stretch it; double-click or Enter opens it. Keyboard: arrows move the
// cursor, Shift+arrows select nights, Enter books the selection, Home jumps to today, +/- zoom.
#include "kasp/booking/ui/gridlayout.h"
#include "kasp/booking/ui/gridtextcache.h"
#include "kasp/booking/ui/roomgridpainter.h"
#include <QAbstractScrollArea>

class QTimer;

namespace kasp::booking::ui {

class RoomGridWidget : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit RoomGridWidget(QWidget *parent = nullptr);

    void setData(RoomStock stock, QDate from, int nights, QList<BookingView> bookings,
                 QList<RoomClosure> closures = {});
    const GridLayout &layout() const { return m_layout; }

    void setToday(QDate today); // the owner's clock (none until then: no today column)
    QDate today() const { return m_today; }
    void setZoom(GridZoom zoom);
    GridZoom zoom() const { return m_zoom; }
    // Scrolls so that the date is near the left edge; false when it is outside the loaded window.
    bool scrollToDate(QDate date);
    QDate firstVisibleDate() const;
    void setGhosts(QList<GridGhost> ghosts);
    void setVoucherProblems(QHash<Id, QString> problems); // booking → why its voucher has not gone
    // Whether a bar can be dragged to another room or dates, or stretched (the signed-in role
    // moves bookings). Off: a bar is clicked, not grabbed, and no move is offered.
    void setMovesBookings(bool moves) { m_movesBookings = moves; }
    bool movesBookings() const { return m_movesBookings; }

    // Geometry for tests and the benchmark, in viewport coordinates.
    QRect cellRect(int row, int col) const;
    const GridGeometry &geometry() const { return m_geometry; }

signals:
    void bookRequested(const kasp::Id &roomId, QDate checkIn, QDate checkOut);
    void moveRequested(const kasp::Id &bookingId, const kasp::Id &roomId, QDate checkIn, QDate checkOut);
    void bookingActivated(const kasp::Id &bookingId);
    void refusal(const QString &message); // e.g. a drag over busy nights
    void visibleRangeChanged();
    // Right click: the room, the nights under the selection (or the cell), an out-of-service
    // period under the cursor (null id if none).
    void contextMenuRequested(const kasp::Id &roomId, QDate first, QDate end, const kasp::Id &closureId,
                              QPoint globalPos);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    enum class Drag { None, Select, Move, Stretch };
    struct Cell
    {
        int row = -1;
        int col = -1;
    };
    Cell cellAt(QPoint pos) const; // body cells only
    void updateScrollBars();
    void scrollToColumn(int col);
    void syncGeometry();
    void moveCursor(int dRow, int dCol, bool extend);
    void ensureVisible(int row, int col);
    void finishSelection(int row, int first, int end);
    QString tooltipAt(QPoint pos) const;
    void dragTo(QPoint pos); // a drag's preview for the cell under pos
    void autoScrollStep();

    GridLayout m_layout;
    GridGeometry m_geometry;
    GridOverlay m_overlay;
    GridTextCache m_text;
    GridZoom m_zoom = GridZoom::Day;
    QDate m_today;

    Drag m_drag = Drag::None;
    bool m_movesBookings = true;
    Cell m_anchor;
    int m_dragBar = -1;   // bookingIndex of the bar being moved
    int m_grabOffset = 0; // columns between the bar's start and the grabbed cell
    int m_selectAnchorCol = -1;
    QTimer *m_autoScroll;    // scrolls while a drag rests near the body's edge
    QPoint m_autoScrollStep; // columns, rows per tick
    QPoint m_lastDragPos;
};

} // namespace kasp::booking::ui
