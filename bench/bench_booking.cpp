// kasp-bench-booking: the booking grid's figures on a demo sanatorium of 500 rooms (five years of
// stays at ~70 % occupancy, in an encrypted SQLCipher file):
//   - availability of a 14-night stay over 500 rooms: the occupancy index read from SQLCipher plus
//     the ranked free-room list (end to end), and the ranked list alone on a built index;
//   - grid open: room stock + a 366-night window of bookings from SQLCipher, layout, first paint
//     of a 1600x900 grid into an offscreen image;
//   - frames: the grid shown as a window and scrolled the way a user scrolls it (the scroll bar's
//     arrow a night at a time, the mouse wheel, Page Down / Page Up, clicks in the scroll bar's
//     trough); each frame is the input event through the widget's own scroll handling plus the
//     repaint into the window, timed together.
// Run under Xvfb or with QT_QPA_PLATFORM=offscreen.
#include "benchsupport.h"
#include "kasp/booking/bookingservice.h"
#include "kasp/booking/ui/roomgridwidget.h"

#include <cstdio>
#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QScrollBar>
#include <QStyleOptionSlider>
#include <QTest>
#include <QWheelEvent>

using namespace kasp;

namespace {

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// Counts the grid's paints: a frame whose input painted nothing measured nothing.
struct PaintCounter : QObject
{
    int count = 0;
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++count;
        return false;
    }
};

// A scroll bar's part (arrow, trough on either side of the handle), found through its style as
// QScrollBar itself finds it (its initStyleOption is protected). Empty when the bar has none (the
// trough beside a handle at its end).
QRect partRect(QScrollBar *bar, QStyle::SubControl part)
{
    QStyleOptionSlider opt;
    opt.initFrom(bar);
    opt.subControls = QStyle::SC_All;
    opt.orientation = bar->orientation();
    opt.minimum = bar->minimum();
    opt.maximum = bar->maximum();
    opt.sliderPosition = bar->sliderPosition();
    opt.sliderValue = bar->value();
    opt.singleStep = bar->singleStep();
    opt.pageStep = bar->pageStep();
    opt.upsideDown = bar->invertedAppearance();
    if (bar->orientation() == Qt::Horizontal)
        opt.state |= QStyle::State_Horizontal;
    return bar->style()->subControlRect(QStyle::CC_ScrollBar, &opt, part, bar);
}

// One notch of a mouse wheel (120 eighths of a degree) down over the widget's middle.
void wheelDown(QWidget *widget)
{
    const QPointF at(widget->width() / 2.0, widget->height() / 2.0);
    QWheelEvent wheel(at, widget->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(widget, &wheel);
}

// Runs what is pending (the zoom's relayout, the scroll bars' reset) outside the timed frames.
void settle(QWidget &window)
{
    QCoreApplication::sendPostedEvents();
    QEvent update(QEvent::UpdateRequest);
    QCoreApplication::sendEvent(&window, &update);
}

} // namespace

int main(int argc, char **argv)
try {
    QApplication app(argc, argv);
    const QString path = QStringLiteral("/tmp/kasp-bench-booking-500.db");
    // 5 years x 365 nights x 70 % / 12 nights per stay = 106.5 stays per room: 53,300 stays -> 500 rooms.
    QSqlDatabase db = bench::openOrGenerate(path, 30000, 53300, QStringLiteral("bench"));
    SystemClock clock;
    booking::BookingService service(db, clock, Id());
    auto stock = service.roomStock();
    if (!stock.ok())
        bench::failBench(QStringLiteral("loading the room stock"), stock.error());
    const int rooms = int(stock.value().rooms.size());
    const QDate from(2025, 11, 1); // a full year of past stays: every night is booked ~70 %
    constexpr int kNights = 366;

    // --- availability ---------------------------------------------------------------------
    {
        std::vector<double> endToEnd, rankOnly;
        int found = 0;
        for (int i = 0; i < 200; ++i) {
            const QDate in = from.addDays((i * 7) % 340);
            const Stay stay = Stay::make(in, in.addDays(14)).value();
            QElapsedTimer t;
            t.start();
            auto index = service.occupancy(stay.checkIn(), stay.checkOut());
            if (!index.ok()) // checked before the ranking reads it; the time of a check is nothing
                bench::failBench(
                    QStringLiteral("occupancy of the stay from %1").arg(in.toString(Qt::ISODate)),
                    index.error());
            const auto free = findFreeRooms(index.value(), stock.value().categories, stay, 2);
            endToEnd.push_back(ms(t));
            t.restart();
            const auto again = findFreeRooms(index.value(), stock.value().categories, stay, 3);
            rankOnly.push_back(ms(t));
            found += int(free.size()) + int(again.size()) * 0;
        }
        const double first = endToEnd.front(); // pages not yet decrypted in SQLCipher's cache
        const auto e = bench::stats(endToEnd), r = bench::stats(rankOnly);
        std::printf(
            "availability, 14-night stay over %d rooms (200 stays across the year, ~70 %% booked): "
            "from SQLCipher + ranking median %.2f ms, p95 %.2f ms, max %.2f ms; ranking on a built index "
            "median %.3f ms, max %.3f ms; %.1f free rooms on average; the first (cold) query %.2f ms\n",
            rooms, e.median, e.p95, e.max, r.median, r.max, found / 200.0, first);
    }

    // --- grid open -------------------------------------------------------------------------
    booking::ui::RoomGridWidget grid;
    grid.resize(1600, 900);
    grid.setToday(from.addDays(120));
    QImage image(grid.viewport()->size().isEmpty() ? QSize(1600, 900) : grid.viewport()->size(),
                 QImage::Format_ARGB32_Premultiplied);
    std::vector<double> opens;
    qsizetype bookings = 0;
    for (int run = 0; run < 7; ++run) {
        service.reloadStock();
        QElapsedTimer t;
        t.start();
        auto s = service.roomStock();
        auto window = service.window(from, from.addDays(kNights));
        if (!s.ok())
            bench::failBench(QStringLiteral("grid open: the room stock"), s.error());
        if (!window.ok())
            bench::failBench(QStringLiteral("grid open: the %1-night window").arg(kNights), window.error());
        bookings = window.value().size();
        grid.setData(s.value(), from, kNights, std::move(window).value());
        grid.scrollToDate(from.addDays(120));
        image = QImage(grid.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
        grid.viewport()->render(&image);
        opens.push_back(ms(t));
    }
    const auto o = bench::stats(opens);
    std::printf(
        "grid open, %d rooms x %d nights, %lld bookings in the window (stock + window from SQLCipher, "
        "layout, first %dx%d paint): median %.1f ms, max %.1f ms over %zu opens\n",
        rooms, kNights, qlonglong(bookings), image.width(), image.height(), o.median, o.max, opens.size());

    // --- frames ------------------------------------------------------------------------------
    // The grid as a shown window; each frame is what one user action costs until its pixels are
    // in the window: the input event through the widget's own handling (the scroll bar's arrow or
    // trough, the wheel, Page Down on the grid: value change, scrollContentsBy, ensureVisible), the
    // work it posted, then the repaint of everything it made dirty (grid and scroll bars) into
    // the window's backing store and its flush, as the event loop's UpdateRequest does it.
    grid.show();
    if (!QTest::qWaitForWindowExposed(&grid))
        bench::failBench(QStringLiteral("showing the grid"), QStringLiteral("not exposed in 5 s"));
    PaintCounter paints;
    grid.viewport()->installEventFilter(&paints);
    const QSize frameSize = grid.viewport()->size();
    for (auto zoom :
         {booking::ui::GridZoom::Day, booking::ui::GridZoom::Week, booking::ui::GridZoom::Month}) {
        grid.setZoom(zoom);
        QScrollBar *h = grid.horizontalScrollBar();
        QScrollBar *v = grid.verticalScrollBar();
        h->setValue(0);
        v->setValue(0);
        settle(grid);
        const char *name = zoom == booking::ui::GridZoom::Day    ? "day"
                           : zoom == booking::ui::GridZoom::Week ? "week"
                                                                 : "month";
        std::vector<double> all, nights, rows, pages;
        auto frame = [&](std::vector<double> &series, const QString &what, const auto &input) {
            const int before = paints.count;
            QElapsedTimer t;
            t.start();
            input();
            // Qt may repaint inside the input's handling already (a scroll bar repaints its pressed
            // arrow at once, and with it everything dirty); what is left is painted here.
            QCoreApplication::sendPostedEvents(); // what the input queued (update requests among them)
            QEvent update(QEvent::UpdateRequest); // nothing left dirty: a no-op
            QCoreApplication::sendEvent(&grid, &update);
            const double took = ms(t);
            if (paints.count == before) // the input did not move the view: no frame was made
                bench::failBench(QStringLiteral("%1 zoom, %2").arg(QLatin1String(name), what),
                                 QStringLiteral("the grid was not repainted"));
            series.push_back(took);
            all.push_back(took);
        };
        // A night at a time: the horizontal scroll bar's right arrow clicked (press and release).
        const QPoint arrow = partRect(h, QStyle::SC_ScrollBarAddLine).center();
        if (partRect(h, QStyle::SC_ScrollBarAddLine).isEmpty())
            bench::failBench(QStringLiteral("clicking the scroll bar's arrow"),
                             QStringLiteral("this style draws none"));
        for (int step = 0; step < 300 && h->value() < h->maximum(); ++step)
            frame(nights, QStringLiteral("arrow click"),
                  [&] { QTest::mouseClick(h, Qt::LeftButton, {}, arrow); });
        // Rows: the mouse wheel over the grid, one notch down (Qt scrolls 3 rows a notch).
        for (int step = 0; step < 300 && v->value() < v->maximum(); ++step)
            frame(rows, QStringLiteral("wheel notch"), [&] { wheelDown(grid.viewport()); });
        // Pages, both ways: Page Down / Page Up on the grid (the cursor moves a page, the view
        // follows it), and clicks in the horizontal scroll bar's trough (a page of nights).
        int down = 1, right = 1;
        for (int step = 0; step < 60; ++step) {
            if (step % 2) {
                if (v->value() == (down > 0 ? v->maximum() : v->minimum()))
                    down = -down;
                frame(pages, QStringLiteral("Page Down/Up"),
                      [&] { QTest::keyClick(&grid, down > 0 ? Qt::Key_PageDown : Qt::Key_PageUp); });
            } else {
                QRect trough =
                    partRect(h, right > 0 ? QStyle::SC_ScrollBarAddPage : QStyle::SC_ScrollBarSubPage);
                if (trough.isEmpty()) { // the handle is at that end: the other way
                    right = -right;
                    trough =
                        partRect(h, right > 0 ? QStyle::SC_ScrollBarAddPage : QStyle::SC_ScrollBarSubPage);
                }
                frame(pages, QStringLiteral("trough click"),
                      [&] { QTest::mouseClick(h, Qt::LeftButton, {}, trough.center()); });
            }
        }
        const auto f = bench::stats(all), n = bench::stats(nights), r = bench::stats(rows),
                   pg = bench::stats(pages);
        std::printf("frame (input event + scroll + repaint of the %dx%d grid in its window), %d rooms x %d "
                    "nights, %lld bookings, %s zoom: median %.2f ms, p95 %.2f ms, max %.2f ms over %zu "
                    "frames (target < 8 ms); arrow a night: median %.2f, max %.2f over %zu; wheel 3 rows: "
                    "median %.2f, max %.2f over %zu; pages: median %.2f, max %.2f over %zu\n",
                    frameSize.width(), frameSize.height(), rooms, kNights, qlonglong(bookings), name,
                    f.median, f.p95, f.max, all.size(), n.median, n.max, nights.size(), r.median, r.max,
                    rows.size(), pg.median, pg.max, pages.size());
    }
    return 0;
} catch (const bench::Failure &) {
    return 1;
}
