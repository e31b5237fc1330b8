// Ring -> card at 1,000,000 guests: what happens between the softphone's "incoming call" and the
// guest's card on screen, on the benchmark database (made by kasp-bench-storage, or here):
// the caller id as a PBX sends it ("89161234567") normalized and looked up (CallJournal::identify),
// the card loaded (GuestService::card, full history) and painted (GuestCardPanel into an image).
// The SIP part (INVITE through kamailio) is measured by tests/ui/tst_phone, not here.
//   kasp-bench-ring [--db /tmp/kasp-bench-1000000.db] [--guests 1000000] [--stays 5000000] [--rings 300]
#include "benchsupport.h"
#include "kasp/crm/calljournal.h"
#include "kasp/crm/guestservice.h"
#include "kasp/crm/ui/guestcardpanel.h"

#include <cstdio>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QSqlQuery>

using namespace kasp;

int main(int argc, char *argv[])
try {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions(
        {{QStringLiteral("guests"), QStringLiteral("guests"), QStringLiteral("n"), QStringLiteral("1000000")},
         {QStringLiteral("stays"), QStringLiteral("stays"), QStringLiteral("n"), QStringLiteral("5000000")},
         {QStringLiteral("rings"), QStringLiteral("rings to time"), QStringLiteral("n"),
          QStringLiteral("300")},
         {QStringLiteral("db"), QStringLiteral("database file"), QStringLiteral("path")}});
    parser.process(app);
    const int guests = parser.value(QStringLiteral("guests")).toInt();
    const QString path = parser.isSet(QStringLiteral("db"))
                             ? parser.value(QStringLiteral("db"))
                             : QStringLiteral("/tmp/kasp-bench-%1.db").arg(guests);
    QSqlDatabase db = bench::openOrGenerate(path, guests, parser.value(QStringLiteral("stays")).toLongLong(),
                                            QStringLiteral("ring"));
    QSqlQuery q(db);
    bench::requireSql(q.exec(QStringLiteral("SELECT count(*) FROM guests")) && q.next(), q,
                      QStringLiteral("counting the guests"));
    const qint64 guestCount = q.value(0).toLongLong();

    // Numbers of random guests, written as a Russian PBX passes them: 8 and ten digits.
    const int rings = parser.value(QStringLiteral("rings")).toInt();
    QStringList callerIds;
    bench::requireSql(
        q.exec(QStringLiteral("SELECT e164 FROM guest_phones WHERE rowid IN (SELECT abs(random()) "
                              "% (SELECT max(rowid) FROM guest_phones) + 1 FROM guests LIMIT %1)")
                   .arg(rings * 2)),
        q, QStringLiteral("sampling phone numbers"));
    while (q.next() && callerIds.size() < rings) {
        const QString e164 = q.value(0).toString();
        if (e164.startsWith(QLatin1String("+7")))
            callerIds.append(QLatin1Char('8') + e164.mid(2));
    }

    SystemClock clock;
    crm::CallJournal journal(db, clock);
    crm::GuestService service(db, clock);
    crm::ui::GuestCardPanel card(service, clock);
    card.resize(1100, 760);
    QImage frame(card.size(), QImage::Format_ARGB32_Premultiplied);
    QString cardError; // the panel's message when a card does not load
    QObject::connect(&card, &crm::ui::GuestCardPanel::errorOccurred,
                     [&](const QString &message) { cardError = message; });

    std::vector<double> lookup, load, total;
    QElapsedTimer timer;
    int found = 0;
    for (const QString &callerId : callerIds) {
        timer.start();
        auto caller = journal.identify(callerId);
        const double identified = double(timer.nsecsElapsed()) / 1e6;
        if (!caller.ok())
            bench::failBench(QStringLiteral("identifying caller id ") + callerId, caller.error());
        if (caller.value().guests.isEmpty())
            continue;
        ++found;
        // loads the card (GuestService::card) and fills the widgets
        const bool shown = card.showGuest(caller.value().guests.first());
        const double loaded = double(timer.nsecsElapsed()) / 1e6;
        if (!shown)
            bench::failBench(QStringLiteral("loading the card of caller id ") + callerId, cardError);
        QPainter painter(&frame);
        static_cast<QWidget &>(card).render(
            &painter); // the first paint of the card, as the window would do it
        painter.end();
        total.push_back(double(timer.nsecsElapsed()) / 1e6);
        lookup.push_back(identified);
        load.push_back(loaded - identified);
    }
    if (found == 0) // the numbers are of existing guests: none found is a failed lookup
        bench::failBench(QStringLiteral("ring -> card"),
                         QStringLiteral("none of %1 existing numbers found").arg(callerIds.size()));
    const auto print = [&](const char *what, const bench::Stats &s) {
        std::printf("%-52s median %7.2f ms  p95 %7.2f ms  max %7.2f ms\n", what, s.median, s.p95, s.max);
    };
    std::printf("ring -> card, %lld guests in %s, %d rings of existing numbers (%d found), card 1100x760\n",
                guestCount, qPrintable(path), int(callerIds.size()), found);
    print("caller id normalized + looked up", bench::stats(lookup));
    print("card loaded and filled (full history)", bench::stats(load));
    print("ring -> card painted (target < 50 ms)", bench::stats(total));
    return 0; // the connection closes with the process
} catch (const bench::Failure &) {
    return 1;
}
