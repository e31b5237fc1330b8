// kasp-bench-pagecheck: the start-up page check (storage::checkPages: PRAGMA quick_check, every page
// through SQLCipher's HMAC and every B-tree's structure) on the benchmark database. The figure decides
// where KASP checks before the window and where in the background (app/damageguard.h).
//   kasp-bench-pagecheck [--db /tmp/kasp-bench-1000000.db] [--guests 1000000] [--stays 5000000] [--runs 1]
#include "benchsupport.h"
#include "kasp/storage/damagecheck.h"

#include <cstdio>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>

using namespace kasp;

int main(int argc, char *argv[])
try {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("db"), QStringLiteral("database"), QStringLiteral("path"),
          QStringLiteral("/tmp/kasp-bench-1000000.db")},
         {QStringLiteral("guests"), QStringLiteral("guests"), QStringLiteral("n"), QStringLiteral("1000000")},
         {QStringLiteral("stays"), QStringLiteral("stays"), QStringLiteral("n"), QStringLiteral("5000000")},
         {QStringLiteral("runs"), QStringLiteral("runs"), QStringLiteral("n"), QStringLiteral("1")}});
    parser.process(app);
    const QString path = parser.value(QStringLiteral("db"));
    QSqlDatabase db = bench::openOrGenerate(path, parser.value(QStringLiteral("guests")).toInt(),
                                            parser.value(QStringLiteral("stays")).toLongLong(),
                                            QStringLiteral("pagecheck"));
    QSqlQuery q(db);
    bench::requireSql(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")), q,
                      QStringLiteral("checkpoint"));
    bench::requireSql(q.exec(QStringLiteral("PRAGMA page_count")) && q.next(), q,
                      QStringLiteral("page count"));
    const qint64 pages = q.value(0).toLongLong();
    bench::requireSql(q.exec(QStringLiteral("SELECT count(*) FROM guests")) && q.next(), q,
                      QStringLiteral("guests"));
    const qint64 guests = q.value(0).toLongLong();
    q.finish();
    const double mb = QFileInfo(path).size() / 1048576.0;
    std::printf("data: %s, %.0f MB, %lld pages of 4 KiB, %lld guests\n", qPrintable(path), mb, pages, guests);
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    for (int run = 1; run <= runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        bench::requireOk(storage::checkPages(db), QStringLiteral("page check"));
        const double seconds = timer.elapsed() / 1000.0;
        std::printf("page check (quick_check) run %d: %.1f s, %.0f MB/s, peak RSS %ld MB\n", run, seconds,
                    seconds > 0 ? mb / seconds : 0.0, bench::peakRssKb() / 1024);
    }
    return 0;
} catch (const bench::Failure &) {
    return 1;
}
