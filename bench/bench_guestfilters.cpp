// The Гости list's filters at 1,000,000 guests (issue 21), on the benchmark database (made by
// kasp-bench-storage, or here: ~3 min and 7 GB the first time; an older schema is migrated on open,
// which fills guest_stays from its 5,000,000 stays once). For each filter a consultant ticks, the
// time from the filter being set to the count known and the first page read (GuestListModel::
// setFilter, then the 50 rows the view shows first), over several runs; the list's size, whether it
// is kept in order or walked, and the walk of a long one to its end (learned in the background).
//   kasp-bench-guestfilters [--db /tmp/kasp-bench-1000000.db] [--guests 1000000] [--stays 5000000] [--runs 7]
#include "benchsupport.h"
#include "kasp/crm/ui/guestlistmodel.h"

#include <cstdio>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QSqlQuery>

using namespace kasp;
using Filter = storage::GuestListFilter;

int main(int argc, char *argv[])
try {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions(
        {{QStringLiteral("guests"), QStringLiteral("guests"), QStringLiteral("n"), QStringLiteral("1000000")},
         {QStringLiteral("stays"), QStringLiteral("stays"), QStringLiteral("n"), QStringLiteral("5000000")},
         {QStringLiteral("runs"), QStringLiteral("runs per filter"), QStringLiteral("n"),
          QStringLiteral("7")},
         {QStringLiteral("db"), QStringLiteral("database file"), QStringLiteral("path")}});
    parser.process(app);
    const int guests = parser.value(QStringLiteral("guests")).toInt();
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    const QString path = parser.isSet(QStringLiteral("db"))
                             ? parser.value(QStringLiteral("db"))
                             : QStringLiteral("/tmp/kasp-bench-%1.db").arg(guests);
    QElapsedTimer opening;
    opening.start();
    QSqlDatabase db = bench::openOrGenerate(path, guests, parser.value(QStringLiteral("stays")).toLongLong(),
                                            QStringLiteral("filters"));
    std::printf("opened (and migrated when needed) in %.0f ms\n", bench::msSince(opening));

    QSqlQuery q(db);
    bench::requireSql(
        q.exec(QStringLiteral("SELECT count(*), (SELECT count(*) FROM bookings) FROM guests")) && q.next(), q,
        QStringLiteral("counting the base"));
    std::printf("base: %lld guests, %lld stays\n", q.value(0).toLongLong(), q.value(1).toLongLong());
    bench::requireSql(
        q.exec(QStringLiteral("SELECT manager_id FROM guests WHERE manager_id IS NOT NULL LIMIT 1")) &&
            q.next(),
        q, QStringLiteral("a manager"));
    const Id manager = idFromString(q.value(0).toString());
    q.finish();
    const QDate today(2026, 11, 23); // the bench base's day (benchsupport.cpp)
    const QStringList tags = bench::requireOk(storage::GuestList(db).tags(), QStringLiteral("the tags"));
    if (tags.isEmpty())
        bench::failBench(QStringLiteral("the tags"), QStringLiteral("the base has no tags"));

    struct Case
    {
        QString what;
        Filter filter;
    };
    QList<Case> cases;
    const auto add = [&](const QString &what, auto change) {
        Filter f;
        f.today = today;
        change(f);
        cases.append({what, f});
    };
    add(QStringLiteral("text «иван»"), [](Filter &f) { f.text = QStringLiteral("иван"); });
    add(QStringLiteral("text «смирнова а»"), [](Filter &f) { f.text = QStringLiteral("смирнова а"); });
    add(QStringLiteral("phone's last digits «4567»"), [](Filter &f) { f.text = QStringLiteral("4567"); });
    add(QStringLiteral("my guests"), [&](Filter &f) { f.managerId = manager; });
    add(QStringLiteral("birthday this month (November)"), [&](Filter &f) { f.birthMonth = today.month(); });
    add(QStringLiteral("tag «%1»").arg(tags.first()), [&](Filter &f) { f.tag = tags.first(); });
    add(QStringLiteral("segment: stayed before"),
        [](Filter &f) { f.segment = Filter::Segment::StayedBefore; });
    add(QStringLiteral("segment: a stay ahead"), [](Filter &f) { f.segment = Filter::Segment::StayAhead; });
    add(QStringLiteral("segment: never stayed"), [](Filter &f) { f.segment = Filter::Segment::NeverStayed; });
    add(QStringLiteral("last stay in the last year"), [&](Filter &f) {
        f.lastStayFrom = today.addYears(-1);
        f.lastStayTo = today;
    });
    add(QStringLiteral("last stay in January 2024"), [](Filter &f) {
        f.lastStayFrom = QDate(2024, 1, 1);
        f.lastStayTo = QDate(2024, 1, 31);
    });
    add(QStringLiteral("my guests + birthday this month"), [&](Filter &f) {
        f.managerId = manager;
        f.birthMonth = today.month();
    });
    add(QStringLiteral("my guests + tag + text «а»"), [&](Filter &f) {
        f.managerId = manager;
        f.tag = tags.first();
        f.text = QStringLiteral("а");
    });
    add(QStringLiteral("my guests + stayed before"), [&](Filter &f) {
        f.managerId = manager;
        f.segment = Filter::Segment::StayedBefore;
    });

    crm::ui::GuestListModel model{storage::GuestList(db)};
    bench::requireOk(model.reload(), QStringLiteral("the unfiltered list"));
    for (const Case &c : cases) {
        std::vector<double> answers;
        qint64 count = 0;
        for (int run = 0; run < runs; ++run) {
            QElapsedTimer timer;
            timer.start();
            bench::requireOk(model.setFilter(c.filter), c.what);
            const int shown = std::min(model.rowCount(), crm::ui::GuestListModel::kPageSize);
            for (int row = 0; row < shown; ++row)
                if (model.data(model.index(row, 0), Qt::DisplayRole).toString() == QLatin1String("…"))
                    bench::failBench(c.what, QStringLiteral("row %1 of the first page not read").arg(row));
            answers.push_back(bench::msSince(timer));
            count = model.guestCount();
            bench::requireOk(model.setFilter({}), QStringLiteral("reset")); // as «Сбросить» does
        }
        bench::requireOk(model.setFilter(c.filter), c.what);
        const bool walked = count > storage::GuestList::kPositionalLimit;
        QElapsedTimer walk;
        walk.start();
        model.finishIndexing();
        const double walkMs = bench::msSince(walk);
        const bench::Stats s = bench::stats(answers);
        std::printf("%-44s %8lld guests %-10s  count + first page: median %7.1f ms  max %7.1f ms  "
                    "(whole walk %6.0f ms)\n",
                    qPrintable(c.what), count, walked ? "walked" : "in order", s.median, s.max, walkMs);
        bench::requireOk(model.setFilter({}), QStringLiteral("reset"));
    }
    std::printf("peak RSS %ld MB\n", bench::peakRssKb() / 1024);
    return 0;
} catch (const bench::Failure &) {
    return 1;
}
