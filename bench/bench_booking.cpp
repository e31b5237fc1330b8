// kasp-bench-booking: the booking grid's figures on a demo sanatorium of 500 rooms (five years of
// stays at ~70 % occupancy, in an encrypted SQLCipher file):
//   - availability of a 14-night stay over 500 rooms: the occupancy index read from SQLCipher plus
//     the ranked free-room list (end to end), and the ranked list alone on a built index;
//   - grid open: room stock + a 366-night window of bookings from SQLCipher, layout, first paint
//     of a 1600x900 grid into an offscreen image;
//   - frames: the grid scrolled step by step (sideways a night at a time, down a row at a time,
//     and by pages) and painted into the image; every frame timed.
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

using namespace kasp;

namespace {

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
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
    for (auto zoom :
         {booking::ui::GridZoom::Day, booking::ui::GridZoom::Week, booking::ui::GridZoom::Month}) {
        grid.setZoom(zoom);
        image = QImage(grid.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
        std::vector<double> frames;
        QScrollBar *h = grid.horizontalScrollBar();
        QScrollBar *v = grid.verticalScrollBar();
        auto frame = [&] {
            QElapsedTimer t;
            t.start();
            grid.viewport()->render(&image);
            frames.push_back(ms(t));
        };
        h->setValue(0);
        v->setValue(0);
        for (int step = 0; step < 300 && h->value() < h->maximum(); ++step) { // a night at a time
            h->setValue(h->value() + h->singleStep());
            frame();
        }
        for (int step = 0; step < 300 && v->value() < v->maximum(); ++step) { // a row at a time
            v->setValue(v->value() + v->singleStep());
            frame();
        }
        for (int step = 0; step < 60; ++step) { // pages, both ways
            h->setValue((step % 2) ? h->maximum() - step * h->pageStep() / 4 : step * h->pageStep() / 4);
            v->setValue((step * v->pageStep()) % std::max(1, v->maximum()));
            frame();
        }
        const auto f = bench::stats(frames);
        const char *name = zoom == booking::ui::GridZoom::Day    ? "day"
                           : zoom == booking::ui::GridZoom::Week ? "week"
                                                                 : "month";
        std::printf("frame (scroll + paint %dx%d), %s zoom: median %.2f ms, p95 %.2f ms, max %.2f ms over "
                    "%zu frames\n",
                    image.width(), image.height(), name, f.median, f.p95, f.max, frames.size());
    }
    return 0;
} catch (const bench::Failure &) {
    return 1;
}
