// Deals, tasks and export figures at 1,000,000 guests (issue 5), on the benchmark database:
//  - the deals board: every column's newest 200 cards and its count and sum (DealService::board);
//  - a move between open stages (the deal, its DealMove and its touch: three mutations);
//  - "my tasks today" of the consultant with the most open tasks;
//  - the whole guest base exported to CSV and to XLSX (rows per second, file size, peak RSS).
//   kasp-bench-deals [--db /tmp/kasp-bench-1000000.db] [--guests 1000000] [--runs 20] [--no-export]
#include "benchsupport.h"
#include "kasp/crm/dealservice.h"
#include "kasp/crm/listexport.h"
#include "kasp/crm/taskservice.h"
#include "kasp/storage/dealrepository.h"

#include <cstdio>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>

using namespace kasp;

int main(int argc, char *argv[])
try {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions(
        {{QStringLiteral("guests"), QStringLiteral("guests"), QStringLiteral("n"), QStringLiteral("1000000")},
         {QStringLiteral("runs"), QStringLiteral("runs of each measure"), QStringLiteral("n"),
          QStringLiteral("20")},
         {QStringLiteral("no-export"), QStringLiteral("skip the export of the whole base")},
         {QStringLiteral("db"), QStringLiteral("database file"), QStringLiteral("path")}});
    parser.process(app);
    const int guests = parser.value(QStringLiteral("guests")).toInt();
    const int runs = parser.value(QStringLiteral("runs")).toInt();
    const QString path = parser.isSet(QStringLiteral("db"))
                             ? parser.value(QStringLiteral("db"))
                             : QStringLiteral("/tmp/kasp-bench-%1.db").arg(guests);
    QElapsedTimer opening;
    opening.start();
    QSqlDatabase db = bench::openOrGenerate(path, guests, qint64(guests) * 5, QStringLiteral("deals"));
    std::printf("opened (and migrated when needed) in %.0f ms\n", bench::msSince(opening));
    SystemClock clock;
    crm::DealService deals(db, clock);
    QSqlQuery q(db);
    bench::requireSql(q.exec(QStringLiteral("SELECT count(*) FROM deals")) && q.next(), q,
                      QStringLiteral("counting the deals"));
    std::printf("\n%lld deals in %s\n", q.value(0).toLongLong(), qPrintable(path));

    // --- the board ------------------------------------------------------------------------------
    std::vector<double> board;
    QList<crm::BoardColumn> columns;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        auto b = deals.board();
        board.push_back(bench::msSince(t));
        columns = bench::requireOk(std::move(b), QStringLiteral("the deals board"));
    }
    std::printf("first board (cold) %.1f ms\n", board.front());
    bench::printStats(QStringLiteral("board: %1 columns, 200 cards each at most").arg(columns.size()),
                      bench::stats(board));
    for (const crm::BoardColumn &c : columns)
        std::printf("  %-24s %9lld deals, %4lld shown\n", qPrintable(c.stage.key), c.total.count,
                    qint64(c.deals.size()));

    // --- the next pages of the longest column (scrolled to its end, again and again) -------------
    const crm::BoardColumn *longest = nullptr;
    for (const crm::BoardColumn &c : columns)
        if (!c.deals.isEmpty() && (!longest || c.total.count > longest->total.count))
            longest = &c;
    if (longest) {
        std::vector<double> pages;
        Deal last = longest->deals.constLast().deal;
        for (int i = 0; i < 50; ++i) {
            QElapsedTimer t;
            t.start();
            auto page = deals.moreOf(longest->stage.key, last);
            pages.push_back(bench::msSince(t));
            if (!page.ok())
                bench::failBench(QStringLiteral("next page of \"%1\"").arg(longest->stage.key), page.error());
            if (page.value().isEmpty())
                break;
            last = page.value().constLast().deal;
        }
        bench::printStats(
            QStringLiteral("next page of \"%1\" (200 cards), pages 2-%2, %3 deals in the column")
                .arg(longest->stage.key)
                .arg(pages.size() + 1)
                .arg(longest->total.count),
            bench::stats(pages));
    }

    // --- the minute's sweep for stays that took place (read only: nothing is moved here) -----------
    {
        QSqlQuery owners(db);
        bench::requireSql(
            owners.exec(QStringLiteral("SELECT owner_id, count(*) AS n FROM deals WHERE stage IN ('prepaid', "
                                       "'paid') GROUP BY owner_id ORDER BY n DESC LIMIT 1")),
            owners, QStringLiteral("finding the owner of most prepaid/paid deals"));
        if (owners.next()) {
            storage::DealRepository repo(db, clock);
            const Id owner = idFromString(owners.value(0).toString());
            std::vector<double> sweeps;
            qint64 found = 0;
            for (int i = 0; i < runs; ++i) {
                QElapsedTimer t;
                t.start();
                auto arrived = repo.arrivedDeals(owner, QDate::currentDate());
                sweeps.push_back(bench::msSince(t));
                found =
                    bench::requireOk(std::move(arrived), QStringLiteral("stays ended: arrivedDeals")).size();
            }
            bench::printStats(
                QStringLiteral("stays ended: deals of the owner of most (%1 at prepaid/paid), %2 found")
                    .arg(owners.value(1).toLongLong())
                    .arg(found),
                bench::stats(sweeps));
        }
    }

    // --- moves ------------------------------------------------------------------------------------
    std::vector<double> moves;
    for (const crm::BoardColumn &c : columns) {
        if (c.stage.key != dealstage::New && c.stage.key != dealstage::Qualified)
            continue;
        for (const storage::BoardDeal &d : c.deals) {
            if (int(moves.size()) >= runs * 5)
                break;
            QElapsedTimer t;
            t.start();
            auto m = deals.move(d.deal.id, dealstage::Offer, Id());
            moves.push_back(bench::msSince(t));
            if (!m.ok())
                bench::failBench(
                    QStringLiteral("move of deal %1 to %2").arg(idToString(d.deal.id), dealstage::Offer),
                    m.error());
        }
    }
    if (!moves.empty())
        bench::printStats(QStringLiteral("a move (3 mutations, one transaction), %1 moves").arg(moves.size()),
                          bench::stats(moves));

    // --- my tasks today ------------------------------------------------------------------------------
    bench::requireSql(
        q.exec(QStringLiteral("SELECT assignee_id, count(*) AS n FROM tasks WHERE status = 'open' "
                              "GROUP BY assignee_id ORDER BY n DESC LIMIT 1")),
        q, QStringLiteral("finding the busiest consultant"));
    if (q.next()) {
        const Id busiest = idFromString(q.value(0).toString());
        std::printf("\nthe busiest consultant has %lld open tasks\n", q.value(1).toLongLong());
        crm::TaskService tasks(db, clock);
        std::vector<double> agenda;
        qint64 shown = 0;
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer t;
            t.start();
            auto a = tasks.today(busiest);
            agenda.push_back(bench::msSince(t));
            if (!a.ok())
                bench::failBench(QStringLiteral("my tasks today"), a.error());
            shown = a.value().mine.size() + a.value().pool.size();
        }
        bench::printStats(QStringLiteral("my tasks today (%1 rows, 500 at most of each)").arg(shown),
                          bench::stats(agenda));
    }

    // --- export ---------------------------------------------------------------------------------------
    if (!parser.isSet(QStringLiteral("no-export"))) {
        for (const QString &suffix : {QStringLiteral("csv"), QStringLiteral("xlsx")}) {
            const QString out = QDir::temp().filePath(QStringLiteral("kasp-bench-export.") + suffix);
            crm::GuestExportSource source(storage::GuestList(db), {});
            QElapsedTimer t;
            t.start();
            auto rows = crm::exportList(source, out, crm::exportFormatForPath(out));
            const double secs = bench::msSince(t) / 1000.0;
            if (!rows.ok())
                bench::failBench(QStringLiteral("export of the whole base to %1").arg(out), rows.error());
            std::printf("export of the whole base to %-4s: %lld rows in %.1f s (%.0f rows/s), %.1f MB\n",
                        qPrintable(suffix), rows.value(), secs, double(rows.value()) / secs,
                        double(QFileInfo(out).size()) / 1048576.0);
            QFile::remove(out);
        }
    }
    std::printf("peak RSS %ld MB\n", bench::peakRssKb() / 1024);
    return 0;
} catch (const bench::Failure &) {
    return 1;
}
