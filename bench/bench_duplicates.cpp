// Duplicate figures at 1,000,000 guests (issue 5), on the benchmark database (the demo makes one
// card in 500 a second card of the guest before it):
//  - the whole-base scan (three index-only GROUP BYs, then each shared value's cards), also in a
//    worker thread as the window runs it, with the GUI thread's longest pause;
//  - one card's look-alikes (what the guest card adds to its opening);
//  - a merge of two cards with their history (one transaction, one mutation).
//   kasp-bench-duplicates [--db /tmp/kasp-bench-1000000.db] [--guests 1000000] [--runs 200] [--merges 20]
#include "benchsupport.h"
#include "kasp/crm/duplicateservice.h"
#include "kasp/storage/connectionfactory.h"
#include "kasp/storage/guestduplicates.h"
#include "kasp/storage/guestrepository.h"

#include <cstdio>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>

using namespace kasp;

int main(int argc, char *argv[])
try {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions(
        {{QStringLiteral("guests"), QStringLiteral("guests"), QStringLiteral("n"), QStringLiteral("1000000")},
         {QStringLiteral("runs"), QStringLiteral("cards looked up"), QStringLiteral("n"),
          QStringLiteral("200")},
         {QStringLiteral("merges"), QStringLiteral("pairs merged"), QStringLiteral("n"),
          QStringLiteral("20")},
         {QStringLiteral("db"), QStringLiteral("database file"), QStringLiteral("path")}});
    parser.process(app);
    const int guests = parser.value(QStringLiteral("guests")).toInt();
    const int runs = parser.value(QStringLiteral("runs")).toInt();
    const int merges = parser.value(QStringLiteral("merges")).toInt();
    const QString path = parser.isSet(QStringLiteral("db"))
                             ? parser.value(QStringLiteral("db"))
                             : QStringLiteral("/tmp/kasp-bench-%1.db").arg(guests);
    QElapsedTimer opening;
    opening.start();
    QSqlDatabase db = bench::openOrGenerate(path, guests, qint64(guests) * 5, QStringLiteral("duplicates"));
    std::printf("opened (and migrated when needed) in %.0f ms\n", bench::msSince(opening));
    SystemClock clock;
    storage::GuestRepository repository(db, clock);
    storage::GuestDuplicates duplicates(db);
    std::printf("%lld guests in %s\n\n",
                bench::requireOk(repository.count(), QStringLiteral("counting the guests")),
                qPrintable(path));

    QList<storage::DuplicatePair> pairs;
    std::vector<double> scans;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer timer;
        timer.start();
        auto scanned = duplicates.scan(crm::DuplicateService::kScanLimit);
        scans.push_back(bench::msSince(timer));
        pairs = bench::requireOk(std::move(scanned), QStringLiteral("whole-base scan"));
        std::printf("whole-base scan run %d: %8.0f ms, %lld pairs\n", run + 1, scans.back(),
                    qint64(pairs.size()));
    }

    // The scan as the window runs it: a worker thread on its own connection, while the GUI
    // thread's event loop keeps turning (a 5 ms timer stands for the window; its longest gap is
    // what a consultant would feel).
    {
        crm::DuplicateService service(db, clock);
        service.setWorkerConnections(storage::ConnectionFactory::sameDatabase(
            {path, bench::benchKey(), QStringLiteral("unused"), false, false}));
        Result<QList<storage::DuplicatePair>> result = QList<storage::DuplicatePair>();
        QElapsedTimer timer;
        timer.start();
        std::unique_ptr<QThread> worker(QThread::create([&] { result = service.scanOwnConnection({}); }));
        QEventLoop loop;
        QObject::connect(worker.get(), &QThread::finished, &loop, &QEventLoop::quit);
        QTimer tick;
        tick.setInterval(5);
        QElapsedTimer sinceTick;
        double longestGap = 0;
        int ticks = 0;
        QObject::connect(&tick, &QTimer::timeout, [&] {
            if (sinceTick.isValid())
                longestGap = std::max(longestGap, bench::msSince(sinceTick));
            sinceTick.restart();
            ++ticks;
        });
        tick.start();
        worker->start();
        loop.exec();
        worker->wait();
        const double ms = bench::msSince(timer);
        if (!result.ok())
            bench::failBench(QStringLiteral("whole-base scan in a worker thread"), result.error());
        std::printf("whole-base scan in a worker thread: %8.0f ms, %lld pairs; the GUI thread's 5 ms timer "
                    "fired %d times, longest gap %.1f ms\n",
                    ms, qint64(result.value().size()), ticks, longestGap);
    }

    QSqlQuery q(db);
    bench::requireSql(q.exec(QStringLiteral("SELECT min(rowid), max(rowid) FROM guests")) && q.next(), q,
                      QStringLiteral("the guests' rowids"));
    const qint64 low = q.value(0).toLongLong(), high = q.value(1).toLongLong();
    bench::requireSql(
        q.prepare(QStringLiteral("SELECT id FROM guests WHERE rowid >= ? ORDER BY rowid LIMIT 1")), q,
        QStringLiteral("picking random cards"));
    // A card that is not there (a Result holding no guest) fails the bench too.
    const auto guestById = [&](const Id &id) {
        const std::optional<Guest> g =
            bench::requireOk(repository.byId(id), QStringLiteral("loading a card"));
        if (!g)
            bench::failBench(QStringLiteral("loading a card"), idToString(id) + QStringLiteral(" not found"));
        return *g;
    };
    std::vector<double> lookups;
    int found = 0;
    for (int i = 0; i < runs; ++i) {
        q.addBindValue(low + qint64(QRandomGenerator::global()->bounded(quint64(high - low + 1))));
        bench::requireSql(q.exec(), q, QStringLiteral("picking random cards"));
        if (!q.next())
            continue;
        const Guest g = guestById(idFromString(q.value(0).toString()));
        QElapsedTimer timer;
        timer.start();
        auto candidates = duplicates.of(g);
        lookups.push_back(bench::msSince(timer));
        if (!candidates.ok())
            bench::failBench(QStringLiteral("look-alikes of %1").arg(idToString(g.id)), candidates.error());
        found += int(candidates.value().size());
    }
    bench::printStats(QStringLiteral("one card's look-alikes (%1 random cards)").arg(lookups.size()),
                      bench::stats(lookups));
    std::printf("  (%d look-alikes found among them)\n", found);

    std::vector<double> merged;
    for (int i = 0; i < merges && i < pairs.size(); ++i) {
        const Guest keep = guestById(pairs[i].first.id);
        const Guest other = guestById(pairs[i].second.id);
        QElapsedTimer timer;
        timer.start();
        const Status s = repository.merge(mergeGuests(keep, other), other.id);
        merged.push_back(bench::msSince(timer));
        bench::requireOk(
            s, QStringLiteral("merge of %1 into %2").arg(idToString(other.id), idToString(keep.id)));
    }
    if (!merged.empty())
        bench::printStats(
            QStringLiteral("merge of two cards with their history (%1 pairs)").arg(merged.size()),
            bench::stats(merged));
    std::printf("peak RSS %ld MB\n", bench::peakRssKb() / 1024);
    return 0;
} catch (const bench::Failure &) {
    return 1;
}
