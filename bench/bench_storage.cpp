// Storage figures at scale (issue 2): open the encrypted database with its raw key, exact phone
// lookup, phone / name prefix search to the first 50 results, and loading a guest card.
//   kasp-bench-storage [--guests 1000000] [--stays 5000000] [--db /tmp/kasp-bench-1000000.db]
#include "benchsupport.h"
#include "kasp/crm/guestservice.h"
#include "kasp/storage/connectionfactory.h"
#include "kasp/storage/guestrepository.h"

#include <cstdio>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlQuery>

using namespace kasp;

namespace {

template <typename Fn> std::vector<double> timeEach(int n, Fn fn)
{
    std::vector<double> ms;
    ms.reserve(size_t(n));
    QElapsedTimer timer;
    for (int i = 0; i < n; ++i) {
        timer.start();
        fn(i);
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return ms;
}

void report(const char *what, const bench::Stats &s, const char *target)
{
    std::printf("%-44s median %8.3f ms  p95 %8.3f ms  max %8.3f ms   (target %s)\n", what, s.median, s.p95,
                s.max, target);
}

} // namespace

int main(int argc, char *argv[])
try {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions(
        {{QStringLiteral("guests"), QStringLiteral("guests"), QStringLiteral("n"), QStringLiteral("1000000")},
         {QStringLiteral("stays"), QStringLiteral("stays"), QStringLiteral("n"), QStringLiteral("5000000")},
         {QStringLiteral("db"), QStringLiteral("database file"), QStringLiteral("path")}});
    parser.process(app);
    const int guests = parser.value(QStringLiteral("guests")).toInt();
    const qint64 stays = parser.value(QStringLiteral("stays")).toLongLong();
    const QString path = parser.isSet(QStringLiteral("db"))
                             ? parser.value(QStringLiteral("db"))
                             : QStringLiteral("/tmp/kasp-bench-%1.db").arg(guests);
    {
        QSqlDatabase db = bench::openOrGenerate(path, guests, stays, QStringLiteral("gen"));
        QSqlQuery q(db);
        bench::requireSql(q.exec(QStringLiteral("SELECT (SELECT count(*) FROM guests), (SELECT count(*) FROM "
                                                "bookings), (SELECT count(*) FROM touches)")) &&
                              q.next(),
                          q, QStringLiteral("counting the data"));
        std::printf("data: %lld guests, %lld stays, %lld touches in %s\n", q.value(0).toLongLong(),
                    q.value(1).toLongLong(), q.value(2).toLongLong(), qPrintable(path));
    }
    storage::ConnectionFactory::close(QStringLiteral("gen"));

    // Open: the file is in the page cache, as on a working desktop; each open proves the key.
    const auto opens = timeEach(30, [&](int i) {
        const QString name = QStringLiteral("open%1").arg(i);
        bench::requireOk(storage::ConnectionFactory::open({path, bench::benchKey(), name, false, true}),
                         QStringLiteral("opening %1").arg(path));
        storage::ConnectionFactory::close(name);
    });
    report("open encrypted database (raw key)", bench::stats(opens), "< 10 ms");

    QSqlDatabase db = bench::requireOk(
        storage::ConnectionFactory::open({path, bench::benchKey(), QStringLiteral("main"), false, true}),
        QStringLiteral("opening %1").arg(path));
    SystemClock clock;
    storage::GuestRepository guestsRepo(db, clock);
    crm::GuestService service(db, clock);

    // Samples drawn from the data itself: real phones and real surnames.
    QStringList phones, names;
    {
        QSqlQuery q(db);
        QRandomGenerator rng(7);
        bench::requireSql(
            q.prepare(QStringLiteral("SELECT g.main_phone, g.last_name FROM guests g WHERE g.rowid = ?")), q,
            QStringLiteral("sampling phones"));
        for (int tries = 0; phones.size() < 1000; ++tries) {
            if (tries == 100'000)
                bench::failBench(
                    QStringLiteral("sampling phones"),
                    QStringLiteral("%1 of 1000 found in 100,000 random rowids up to %2 (--guests)")
                        .arg(phones.size())
                        .arg(guests));
            q.addBindValue(qint64(rng.bounded(guests)) + 1);
            bench::requireSql(q.exec(), q, QStringLiteral("sampling phones"));
            if (q.next()) {
                phones << q.value(0).toString();
                names << q.value(1).toString();
            }
        }
    }
    const auto exact = timeEach(1000, [&](int i) {
        if (bench::requireOk(guestsRepo.idsByPhone(phones[i]), QStringLiteral("exact phone lookup"))
                .isEmpty())
            bench::failBench(QStringLiteral("exact phone lookup"), phones[i] + QStringLiteral(" not found"));
    });
    report("exact phone lookup", bench::stats(exact), "median < 1 ms");

    const auto phonePrefix = timeEach(300, [&](int i) {
        const QString typed = QStringLiteral("8") + phones[i].mid(2, 3 + i % 5); // "8916", "89161", ...
        if (auto found = service.search(typed, 50); !found.ok()) // no message made while it times
            bench::failBench(QStringLiteral("phone prefix search \"%1\"").arg(typed), found.error());
    });
    report("phone prefix search, first 50", bench::stats(phonePrefix), "< 20 ms");

    const auto phoneSuffix = timeEach(300, [&](int i) {
        const QString typed = phones[i].right(4 + i % 3);
        if (auto found = service.search(typed, 50); !found.ok()) // no message made while it times
            bench::failBench(QStringLiteral("phone last-digits search \"%1\"").arg(typed), found.error());
    });
    report("phone last-digits search, first 50", bench::stats(phoneSuffix), "< 20 ms");

    const auto namePrefix = timeEach(300, [&](int i) {
        const QString typed = names[i].left(2 + i % 4);
        if (auto found = service.search(typed, 50); !found.ok()) // no message made while it times
            bench::failBench(QStringLiteral("surname prefix search \"%1\"").arg(typed), found.error());
    });
    report("surname prefix search, first 50", bench::stats(namePrefix), "< 20 ms");

    const auto cards = timeEach(300, [&](int i) {
        const auto ids =
            bench::requireOk(guestsRepo.idsByPhone(phones[i]), QStringLiteral("exact phone lookup"));
        if (ids.isEmpty())
            bench::failBench(QStringLiteral("exact phone lookup"), phones[i] + QStringLiteral(" not found"));
        bench::requireOk(service.card(ids.first()), QStringLiteral("loading a guest card"));
    });
    report("guest card with full history", bench::stats(cards), "-");
    std::printf("peak RSS %ld MB\n", bench::peakRssKb() / 1024);
    return 0;
} catch (const bench::Failure &) {
    return 1;
}
