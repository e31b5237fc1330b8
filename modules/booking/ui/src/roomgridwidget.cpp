#include "kasp/booking/ui/roomgridwidget.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTimer>
#include <QToolTip>

namespace kasp::booking::ui {

namespace {

QString statusTitle(BookingStatus status)
{
    switch (status) {
    case BookingStatus::Hold:
        return RoomGridWidget::tr("on hold");
    case BookingStatus::Confirmed:
        return RoomGridWidget::tr("confirmed");
    case BookingStatus::Prepaid:
        return RoomGridWidget::tr("prepaid");
    case BookingStatus::Paid:
        return RoomGridWidget::tr("paid");
    case BookingStatus::CheckedIn:
        return RoomGridWidget::tr("checked in");
    case BookingStatus::Cancelled:
        return RoomGridWidget::tr("cancelled");
    }
    return {};
}

constexpr int kStretchHandle = 6;     // pixels at a bar's right end that stretch instead of moving
constexpr int kAutoScrollMargin = 24; // pixels from the body's edge where a drag scrolls the grid
constexpr int kAutoScrollMs = 60;     // one column or row per tick: ~16 nights a second

} // namespace

RoomGridWidget::RoomGridWidget(QWidget *parent) : QAbstractScrollArea(parent), m_autoScroll(new QTimer(this))
{
    m_autoScroll->setInterval(kAutoScrollMs);
    connect(m_autoScroll, &QTimer::timeout, this, &RoomGridWidget::autoScrollStep);
    setObjectName(QStringLiteral("roomGrid"));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    // Painting covers every pixel: no background fill, no flicker.
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    const int line = fontMetrics().height();
    m_geometry.rowHeight = line + 8;
    m_geometry.categoryRowHeight = line + 3;
    m_geometry.dateRowsHeight = 2 * (line + 4);
    m_geometry.leftWidth = fontMetrics().horizontalAdvance(QStringLiteral("0000  Стандарт улучшенный")) + 20;
    setToolTip({}); // tooltips come per cell from viewportEvent
}

void RoomGridWidget::setData(RoomStock stock, QDate from, int nights, QList<BookingView> bookings,
                             QList<RoomClosure> closures)
{
    const QDate keep = firstVisibleDate();
    const int keepY = verticalScrollBar()->value();
    // The room column fits the longest category name.
    const QFontMetrics fm = fontMetrics();
    int widest = fm.horizontalAdvance(QStringLiteral("Стандарт"));
    for (const RoomCategory &c : stock.categories)
        widest = std::max(widest, fm.horizontalAdvance(c.name));
    m_geometry.leftWidth = std::min(58 + widest + 10, 320);
    m_layout.build(std::move(stock), from, nights, std::move(bookings), std::move(closures));
    m_overlay = GridOverlay{};
    m_drag = Drag::None;
    syncGeometry();
    if (keep.isValid())
        scrollToColumn(m_layout.columnOf(keep));
    verticalScrollBar()->setValue(keepY);
    viewport()->update();
}

void RoomGridWidget::scrollToColumn(int col)
{
    horizontalScrollBar()->setValue(std::max(0, col) * m_geometry.columnWidth);
    m_geometry.scroll.setX(horizontalScrollBar()->value());
}

void RoomGridWidget::setToday(QDate today)
{
    m_today = today;
    syncGeometry();
    viewport()->update();
}

void RoomGridWidget::setZoom(GridZoom zoom)
{
    const QDate keep = firstVisibleDate();
    m_zoom = zoom;
    m_geometry.columnWidth = GridGeometry::columnWidthFor(zoom);
    syncGeometry();
    if (keep.isValid())
        scrollToColumn(m_layout.columnOf(keep));
    viewport()->update();
}

void RoomGridWidget::setGhosts(QList<GridGhost> ghosts)
{
    m_layout.setGhosts(std::move(ghosts));
    viewport()->update();
}

void RoomGridWidget::setVoucherProblems(QHash<Id, QString> problems)
{
    m_layout.setVoucherProblems(std::move(problems));
    viewport()->update();
}

bool RoomGridWidget::scrollToDate(QDate date)
{
    const int col = m_layout.columnOf(date);
    if (col < 0 || col >= m_layout.columns())
        return false;
    // Two nights of context before the date in day zoom.
    horizontalScrollBar()->setValue(std::max(0, col - (m_zoom == GridZoom::Day ? 2 : 7)) *
                                    m_geometry.columnWidth);
    return true;
}

QDate RoomGridWidget::firstVisibleDate() const
{
    if (m_layout.columns() == 0)
        return {};
    return m_layout.dateAt(std::min(m_layout.columns() - 1, m_geometry.scroll.x() / m_geometry.columnWidth));
}

void RoomGridWidget::syncGeometry()
{
    m_geometry.categoryRows = int(m_layout.categoryOrder().size());
    m_geometry.viewport = viewport()->size();
    m_overlay.today = m_today.isValid() && m_layout.columns() > 0 && m_layout.columnOf(m_today) >= 0 &&
                              m_layout.columnOf(m_today) < m_layout.columns()
                          ? m_layout.columnOf(m_today)
                          : -1;
    updateScrollBars();
}

void RoomGridWidget::updateScrollBars()
{
    const QRect body = m_geometry.bodyRect();
    horizontalScrollBar()->setRange(0,
                                    std::max(0, m_layout.columns() * m_geometry.columnWidth - body.width()));
    horizontalScrollBar()->setPageStep(body.width());
    horizontalScrollBar()->setSingleStep(m_geometry.columnWidth);
    verticalScrollBar()->setRange(
        0, std::max(0, int(m_layout.rows().size()) * m_geometry.rowHeight - body.height()));
    verticalScrollBar()->setPageStep(body.height());
    verticalScrollBar()->setSingleStep(m_geometry.rowHeight);
    m_geometry.scroll = QPoint(horizontalScrollBar()->value(), verticalScrollBar()->value());
}

void RoomGridWidget::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    syncGeometry();
}

void RoomGridWidget::scrollContentsBy(int, int)
{
    m_geometry.scroll = QPoint(horizontalScrollBar()->value(), verticalScrollBar()->value());
    viewport()->update();
    emit visibleRangeChanged();
}

void RoomGridWidget::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    paintGrid(p, m_layout, m_geometry, m_overlay, m_text);
}

QRect RoomGridWidget::cellRect(int row, int col) const
{
    return QRect(m_geometry.xOfColumn(col), m_geometry.yOfRow(row), m_geometry.columnWidth,
                 m_geometry.rowHeight);
}

RoomGridWidget::Cell RoomGridWidget::cellAt(QPoint pos) const
{
    if (!m_geometry.bodyRect().contains(pos))
        return {};
    const int col = (pos.x() - m_geometry.leftWidth + m_geometry.scroll.x()) / m_geometry.columnWidth;
    const int row = (pos.y() - m_geometry.headerHeight() + m_geometry.scroll.y()) / m_geometry.rowHeight;
    if (row < 0 || row >= m_layout.rows().size() || col < 0 || col >= m_layout.columns())
        return {};
    return {row, col};
}

void RoomGridWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mousePressEvent(event);
    const QPoint pos = event->position().toPoint();
    const Cell cell = cellAt(pos);
    if (cell.row < 0 || !m_layout.roomAt(cell.row))
        return;
    m_overlay.cursorRow = cell.row;
    m_overlay.cursorCol = cell.col;
    const Cell barCell = cell;
    const GridBar *bar = m_layout.barAt(barCell.row, barCell.col);
    if (bar && bar->closureIndex >= 0) {
        emit refusal(tr("Room %1 is out of service on this night.").arg(m_layout.roomAt(cell.row)->number));
        viewport()->update();
        return;
    }
    if (bar && !m_movesBookings) {
        viewport()->update(); // the cursor is on the bar: Enter or a double-click opens its menu
        return;
    }
    if (bar) {
        const int barRight = m_geometry.xOfColumn(bar->endCol);
        m_drag = barRight - pos.x() <= kStretchHandle ? Drag::Stretch : Drag::Move;
        m_dragBar = bar->bookingIndex;
        m_grabOffset = barCell.col - bar->firstCol;
        m_overlay.previewRow = bar->row;
        m_overlay.previewFirst = bar->firstCol;
        m_overlay.previewEnd = bar->endCol;
        m_overlay.previewFree = true;
    } else {
        m_drag = Drag::Select;
        m_anchor = cell;
        m_overlay.selectRow = cell.row;
        m_overlay.selectFirst = cell.col;
        m_overlay.selectEnd = cell.col + 1;
        m_overlay.selectFree = m_layout.isFree(cell.row, cell.col, cell.col + 1);
    }
    viewport()->update();
}

void RoomGridWidget::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_drag == Drag::None) {
        // The stretch handle shows itself.
        const Cell barCell = cellAt(pos);
        const GridBar *bar = barCell.row >= 0 ? m_layout.barAt(barCell.row, barCell.col) : nullptr;
        const bool onHandle =
            bar && m_movesBookings && m_geometry.xOfColumn(bar->endCol) - pos.x() <= kStretchHandle;
        viewport()->setCursor(onHandle                 ? Qt::SizeHorCursor
                              : bar && m_movesBookings ? Qt::OpenHandCursor
                              : bar                    ? Qt::PointingHandCursor
                                                       : Qt::ArrowCursor);
        return;
    }
    m_lastDragPos = pos;
    // Near an edge of the body the grid scrolls by itself while the button is held, so a bar can be
    // moved past what is on screen.
    const QRect body = m_geometry.bodyRect();
    const int dx = pos.x() > body.right() - kAutoScrollMargin  ? 1
                   : pos.x() < body.left() + kAutoScrollMargin ? -1
                                                               : 0;
    const int dy = m_drag == Drag::Move ? (pos.y() > body.bottom() - kAutoScrollMargin ? 1
                                           : pos.y() < body.top() + kAutoScrollMargin  ? -1
                                                                                       : 0)
                                        : 0;
    m_autoScrollStep = QPoint(dx, dy);
    if (dx || dy) {
        if (!m_autoScroll->isActive())
            m_autoScroll->start();
    } else {
        m_autoScroll->stop();
    }
    dragTo(pos);
}

void RoomGridWidget::autoScrollStep()
{
    if (m_drag == Drag::None) {
        m_autoScroll->stop();
        return;
    }
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() +
                                    m_autoScrollStep.x() * m_geometry.columnWidth);
    verticalScrollBar()->setValue(verticalScrollBar()->value() + m_autoScrollStep.y() * m_geometry.rowHeight);
    dragTo(m_lastDragPos); // the same spot on screen is now a later night / another room
}

void RoomGridWidget::dragTo(QPoint pos)
{
    Cell cell = cellAt(pos);
    if (cell.col < 0)
        return;
    if (m_drag == Drag::Select) {
        m_overlay.selectFirst = std::min(m_anchor.col, cell.col);
        m_overlay.selectEnd = std::max(m_anchor.col, cell.col) + 1;
        m_overlay.selectFree = m_layout.isFree(m_anchor.row, m_overlay.selectFirst, m_overlay.selectEnd);
    } else {
        const BookingView &v = m_layout.bookings()[m_dragBar];
        const int first = m_layout.columnOf(v.booking.stay.checkIn());
        const int end = m_layout.columnOf(v.booking.stay.checkOut());
        if (m_drag == Drag::Move) {
            const int row = m_layout.roomAt(cell.row) ? cell.row : m_overlay.previewRow;
            const int shift = cell.col - m_grabOffset - first;
            m_overlay.previewRow = row;
            m_overlay.previewFirst = first + shift;
            m_overlay.previewEnd = end + shift;
        } else {
            m_overlay.previewEnd = std::max(first + 1, cell.col + 1);
        }
        m_overlay.previewFree =
            m_layout.isFree(m_overlay.previewRow, m_overlay.previewFirst, m_overlay.previewEnd, m_dragBar);
        viewport()->setCursor(Qt::ClosedHandCursor);
    }
    viewport()->update();
}

void RoomGridWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_drag == Drag::None)
        return QAbstractScrollArea::mouseReleaseEvent(event);
    const Drag drag = m_drag;
    m_drag = Drag::None;
    m_autoScroll->stop();
    if (drag == Drag::Select) {
        const int row = m_overlay.selectRow, first = m_overlay.selectFirst, end = m_overlay.selectEnd;
        m_overlay.selectRow = -1;
        finishSelection(row, first, end);
    } else {
        const BookingView &v = m_layout.bookings()[m_dragBar];
        const int row = m_overlay.previewRow, first = m_overlay.previewFirst, end = m_overlay.previewEnd;
        const bool free = m_overlay.previewFree;
        m_overlay.previewRow = -1;
        const Room *room = m_layout.roomAt(row);
        const bool changed =
            room && (room->id != v.booking.roomId || m_layout.dateAt(first) != v.booking.stay.checkIn() ||
                     m_layout.dateAt(end) != v.booking.stay.checkOut());
        if (changed && !free)
            emit refusal(tr("Room %1 is taken on some of these nights.").arg(room->number));
        else if (changed)
            emit moveRequested(v.booking.id, room->id, m_layout.dateAt(first), m_layout.dateAt(end));
    }
    viewport()->setCursor(Qt::ArrowCursor);
    viewport()->update();
}

void RoomGridWidget::finishSelection(int row, int first, int end)
{
    const Room *room = m_layout.roomAt(row);
    if (!room || end <= first)
        return;
    if (!m_layout.isFree(row, first, end)) {
        emit refusal(tr("Room %1 is taken on some of these nights.").arg(room->number));
        return;
    }
    // A drag over N columns books N nights: check-out the morning after the last one.
    emit bookRequested(room->id, m_layout.dateAt(first), m_layout.dateAt(end));
}

void RoomGridWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    const Cell cell = cellAt(event->position().toPoint());
    if (const GridBar *bar = cell.row >= 0 ? m_layout.barAt(cell.row, cell.col) : nullptr;
        bar && bar->bookingIndex >= 0)
        emit bookingActivated(m_layout.bookings()[bar->bookingIndex].booking.id);
}

void RoomGridWidget::contextMenuEvent(QContextMenuEvent *event)
{
    const Cell cell = event->reason() == QContextMenuEvent::Keyboard
                          ? Cell{m_overlay.cursorRow, m_overlay.cursorCol}
                          : cellAt(viewport()->mapFrom(this, event->pos()));
    const Room *room = m_layout.roomAt(cell.row);
    if (!room || cell.col < 0)
        return;
    int first = cell.col, end = cell.col + 1;
    if (m_overlay.selectRow == cell.row && cell.col >= m_overlay.selectFirst &&
        cell.col < m_overlay.selectEnd) {
        first = m_overlay.selectFirst;
        end = m_overlay.selectEnd;
    }
    const GridBar *bar = m_layout.barAt(cell.row, cell.col);
    const Id closure = bar && bar->closureIndex >= 0 ? m_layout.closures()[bar->closureIndex].id : Id();
    const QRect at = cellRect(cell.row, cell.col);
    const QPoint global = event->reason() == QContextMenuEvent::Keyboard
                              ? viewport()->mapToGlobal(at.bottomLeft())
                              : event->globalPos();
    emit contextMenuRequested(room->id, m_layout.dateAt(first), m_layout.dateAt(end), closure, global);
}

void RoomGridWidget::ensureVisible(int row, int col)
{
    const QRect body = m_geometry.bodyRect();
    const int x = col * m_geometry.columnWidth, y = row * m_geometry.rowHeight;
    if (x < horizontalScrollBar()->value())
        horizontalScrollBar()->setValue(x);
    else if (x + m_geometry.columnWidth > horizontalScrollBar()->value() + body.width())
        horizontalScrollBar()->setValue(x + m_geometry.columnWidth - body.width());
    if (y < verticalScrollBar()->value())
        verticalScrollBar()->setValue(y);
    else if (y + m_geometry.rowHeight > verticalScrollBar()->value() + body.height())
        verticalScrollBar()->setValue(y + m_geometry.rowHeight - body.height());
}

void RoomGridWidget::moveCursor(int dRow, int dCol, bool extend)
{
    if (m_layout.rows().isEmpty() || m_layout.columns() == 0)
        return;
    int row = m_overlay.cursorRow < 0 ? m_layout.rowOfRoom(m_layout.stock().rooms.value(0).id)
                                      : m_overlay.cursorRow;
    int col = m_overlay.cursorCol < 0 ? std::max(0, m_overlay.today) : m_overlay.cursorCol;
    if (extend && m_overlay.selectRow < 0) {
        m_selectAnchorCol = col;
        m_overlay.selectRow = row;
    }
    if (!extend || dRow != 0) {
        m_overlay.selectRow = -1;
        // Skip building header rows.
        int next = row + dRow;
        while (next >= 0 && next < m_layout.rows().size() && !m_layout.roomAt(next))
            next += dRow > 0 ? 1 : -1;
        if (next >= 0 && next < m_layout.rows().size())
            row = next;
        else if (!m_layout.roomAt(row)) // starting on a header row
            row = m_layout.rowOfRoom(m_layout.stock().rooms.value(0).id);
    }
    col = std::clamp(col + dCol, 0, m_layout.columns() - 1);
    m_overlay.cursorRow = row;
    m_overlay.cursorCol = col;
    if (extend && m_overlay.selectRow >= 0) {
        m_overlay.selectFirst = std::min(m_selectAnchorCol, col);
        m_overlay.selectEnd = std::max(m_selectAnchorCol, col) + 1;
        m_overlay.selectFree = m_layout.isFree(row, m_overlay.selectFirst, m_overlay.selectEnd);
    }
    ensureVisible(row, col);
    viewport()->update();
}

void RoomGridWidget::keyPressEvent(QKeyEvent *event)
{
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    const int week = event->modifiers() & Qt::ControlModifier ? 7 : 1;
    switch (event->key()) {
    case Qt::Key_Left:
        return moveCursor(0, -week, shift);
    case Qt::Key_Right:
        return moveCursor(0, week, shift);
    case Qt::Key_Up:
        return moveCursor(-1, 0, false);
    case Qt::Key_Down:
        return moveCursor(1, 0, false);
    case Qt::Key_PageUp:
        return moveCursor(-std::max(1, m_geometry.bodyRect().height() / m_geometry.rowHeight - 1), 0, false);
    case Qt::Key_PageDown:
        return moveCursor(std::max(1, m_geometry.bodyRect().height() / m_geometry.rowHeight - 1), 0, false);
    case Qt::Key_Home: // today on this row; Ctrl+Home: today on the first room
        m_overlay.cursorCol = std::max(0, m_overlay.today);
        if (event->modifiers() & Qt::ControlModifier)
            m_overlay.cursorRow = -1;
        return moveCursor(0, 0, false);
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        return setZoom(m_zoom == GridZoom::Month ? GridZoom::Week : GridZoom::Day);
    case Qt::Key_Minus:
        return setZoom(m_zoom == GridZoom::Day ? GridZoom::Week : GridZoom::Month);
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_overlay.selectRow >= 0) {
            const int row = m_overlay.selectRow;
            m_overlay.selectRow = -1;
            finishSelection(row, m_overlay.selectFirst, m_overlay.selectEnd);
            viewport()->update();
        } else if (const GridBar *bar = m_layout.barAt(m_overlay.cursorRow, m_overlay.cursorCol);
                   bar && bar->bookingIndex >= 0) {
            emit bookingActivated(m_layout.bookings()[bar->bookingIndex].booking.id);
        } else if (m_overlay.cursorRow >= 0) {
            finishSelection(m_overlay.cursorRow, m_overlay.cursorCol, m_overlay.cursorCol + 1);
        }
        return;
    case Qt::Key_Escape:
        m_overlay.selectRow = -1;
        viewport()->update();
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

QString RoomGridWidget::tooltipAt(QPoint pos) const
{
    const QLocale dates; // the UI's language (--lang)
    const GridGeometry &g = m_geometry;
    // Header: free rooms of a category on a night.
    if (pos.x() >= g.leftWidth && pos.y() >= g.dateRowsHeight && pos.y() < g.headerHeight()) {
        const int k = (pos.y() - g.dateRowsHeight) / g.categoryRowHeight;
        const int col = (pos.x() - g.leftWidth + g.scroll.x()) / g.columnWidth;
        if (k < 0 || k >= m_layout.categoryOrder().size() || col < 0 || col >= m_layout.columns())
            return {};
        return tr("%1, night of %2: %3 of %4 rooms free")
            .arg(m_layout.stock().categories.value(m_layout.categoryOrder()[k]).name,
                 dates.toString(m_layout.dateAt(col), QStringLiteral("d MMMM, ddd")))
            .arg(m_layout.freeRooms(k, col))
            .arg(m_layout.roomsOfCategory(k));
    }
    const Cell cell = cellAt(pos);
    if (const GridGhost *ghost = cell.row >= 0 ? m_layout.ghostAt(cell.row, cell.col) : nullptr)
        return tr("<b>Not saved: %1</b><br>%2")
            .arg(ghost->view.guestName.toHtmlEscaped(), ghost->reason.toHtmlEscaped());
    const GridBar *bar = cell.row >= 0 ? m_layout.barAt(cell.row, cell.col) : nullptr;
    if (!bar)
        return {};
    if (bar->closureIndex >= 0) {
        const RoomClosure &c = m_layout.closures()[bar->closureIndex];
        return tr("<b>Out of service</b><br>%1 – %2<br>%3")
            .arg(dates.toString(c.firstNight, QStringLiteral("d MMM")),
                 dates.toString(c.endNight, QStringLiteral("d MMM yyyy")), c.reason.toHtmlEscaped());
    }
    const Booking &b = m_layout.bookings()[bar->bookingIndex].booking;
    QString text = tr("<b>%1</b><br>%2 – %3, %4 nights<br>%5 adults, %6 children<br>Status: %7<br>"
                      "Total %8, paid %9")
                       .arg(m_layout.bookings()[bar->bookingIndex].guestName.toHtmlEscaped(),
                            dates.toString(b.stay.checkIn(), QStringLiteral("d MMM")),
                            dates.toString(b.stay.checkOut(), QStringLiteral("d MMM yyyy")))
                       .arg(b.stay.nights())
                       .arg(b.adults)
                       .arg(b.children)
                       .arg(statusTitle(b.status), b.total.toString(), b.prepaid.toString());
    if (b.status == BookingStatus::Hold && b.holdUntil.isValid())
        text += tr("<br>Hold until %1")
                    .arg(dates.toString(b.holdUntil.toLocalTime(), QStringLiteral("d MMM HH:mm")));
    if (const QString problem = m_layout.voucherProblem(bar->bookingIndex); !problem.isEmpty())
        text += tr("<br><b style=\"color:#b91c1c\">Voucher not sent: %1</b><br>It is tried again by itself.")
                    .arg(problem.toHtmlEscaped());
    return text;
}

bool RoomGridWidget::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = tooltipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace kasp::booking::ui
