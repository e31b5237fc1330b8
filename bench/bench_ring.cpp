// Ring -> card at 1,000,000 guests, through the real paths: a caller (a second liblinphone core in
// a process of its own, registered as the guest's number the way a PBX passes it, "89161234567")
// calls the desk (extension 201) through a throwaway kamailio; the desk is the Sales Window with its
// phone (MainWindow::enablePhone: PhoneSession, the SIP password from the keychain, Softphone on
// its 10 ms timer). Timed: from the moment kamailio sends the INVITE on to the desk (its own
// timestamp, logged as it sends) to the end of the event that painted the guest's card in the
// window (its backing store flushed), by the same host's clock. Each ring is then given up by the
// caller: the desk records a missed call (a touch and a call-back task in the database).
// A second line keeps the in-process figure without SIP: the caller id normalized and looked up,
// the card loaded and filled, painted into an image.
//   kasp-bench-ring [--db /tmp/kasp-bench-1000000.db] [--guests 1000000] [--stays 5000000]
//                   [--rings 100] [--in-process 300]
// Needs the keychain (the desk reads its SIP password there): run it as bench/README.md says.
#include "appcontext.h"
#include "benchdesk.h"
#include "benchsupport.h"
#include "kasp/crm/calljournal.h"
#include "kasp/crm/guestservice.h"
#include "kasp/crm/ui/guestcardpanel.h"
#include "kasp/session/settings.h"
#include "kasp/storage/migrations.h"
#include "kasp/storage/userrepository.h"
#include "kasp/testsupport/kamailioprocess.h"
#include "mainwindow.h"
#include "phonesession.h"
#include "ringcaller.h"

#include <cstdio>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace kasp;

namespace {

void printStats(const char *what, const bench::Stats &s)
{
    std::printf("  %-62s median %7.2f ms  p95 %7.2f ms  max %7.2f ms\n", what, s.median, s.p95, s.max);
}

// The old figure, without SIP: lookup + card load + paint into an image, per number.
void inProcessRings(QSqlDatabase db, const QStringList &callerIds, qint64 guestCount)
{
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
    for (const QString &callerId : callerIds) {
        timer.start();
        auto caller = journal.identify(callerId);
        const double identified = double(timer.nsecsElapsed()) / 1e6;
        if (!caller.ok())
            bench::failBench(QStringLiteral("identifying caller id ") + callerId, caller.error());
        if (caller.value().guests.isEmpty())
            continue;
        const bool shown = card.showGuest(caller.value().guests.first());
        const double loaded = double(timer.nsecsElapsed()) / 1e6;
        if (!shown)
            bench::failBench(QStringLiteral("loading the card of caller id ") + callerId, cardError);
        QPainter painter(&frame);
        static_cast<QWidget &>(card).render(&painter); // the card's first paint
        painter.end();
        total.push_back(double(timer.nsecsElapsed()) / 1e6);
        lookup.push_back(identified);
        load.push_back(loaded - identified);
    }
    if (total.empty()) // the numbers are of existing guests: none found is a failed lookup
        bench::failBench(QStringLiteral("in-process ring -> card"),
                         QStringLiteral("none of %1 existing numbers found").arg(callerIds.size()));
    std::printf(
        "in process, no SIP: %lld guests, %zu numbers of existing guests (%zu found), a GuestCardPanel "
        "1100x760 painted into an image\n",
        guestCount, size_t(callerIds.size()), total.size());
    printStats("caller id normalized + looked up", bench::stats(lookup));
    printStats("card loaded and filled (full history)", bench::stats(load));
    printStats("lookup + card + paint", bench::stats(total));
}

// The first INVITE kamailio sent on after `from` (an offset in its output): realtime ms, or 0.
double inviteSentAt(const QString &output, qsizetype from)
{
    static const QRegularExpression line(QStringLiteral("kasp-invite-sent (\\d+)\\.(\\d{6}) (\\d+)"));
    const auto match = line.match(output, from);
    if (!match.hasMatch())
        return 0;
    return match.captured(1).toDouble() * 1000.0 + match.captured(2).toDouble() / 1000.0;
}

} // namespace

int main(int argc, char *argv[])
try {
    if (argc > 1 && qstrcmp(argv[1], "--caller") == 0)
        return bench::runRingCaller(argc, argv);
    qputenv("QT_QPA_PLATFORM", "offscreen");
    bench::PaintWatchingApp app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions(
        {{QStringLiteral("guests"), QStringLiteral("guests"), QStringLiteral("n"), QStringLiteral("1000000")},
         {QStringLiteral("stays"), QStringLiteral("stays"), QStringLiteral("n"), QStringLiteral("5000000")},
         {QStringLiteral("rings"), QStringLiteral("SIP rings to time"), QStringLiteral("n"),
          QStringLiteral("100")},
         {QStringLiteral("in-process"), QStringLiteral("rings without SIP to time (0: none)"),
          QStringLiteral("n"), QStringLiteral("300")},
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
    const int inProcess = parser.value(QStringLiteral("in-process")).toInt();
    QStringList callerIds;
    bench::requireSql(
        q.exec(QStringLiteral("SELECT e164 FROM guest_phones WHERE rowid IN (SELECT abs(random()) "
                              "% (SELECT max(rowid) FROM guest_phones) + 1 FROM guests LIMIT %1)")
                   .arg((rings + inProcess) * 2)),
        q, QStringLiteral("sampling phone numbers"));
    while (q.next() && callerIds.size() < rings + inProcess) {
        const QString e164 = q.value(0).toString();
        if (e164.startsWith(QLatin1String("+7")))
            callerIds.append(QLatin1Char('8') + e164.mid(2));
    }
    q.finish();
    if (callerIds.size() < rings + inProcess)
        bench::failBench(QStringLiteral("sampling phone numbers"),
                         QStringLiteral("%1 Russian numbers found, %2 wanted")
                             .arg(callerIds.size())
                             .arg(rings + inProcess));
    if (inProcess > 0)
        inProcessRings(db, callerIds.mid(rings), guestCount);
    if (rings <= 0)
        return 0;

    // --- the desk: kamailio, the keychain's SIP password, the Sales Window with its phone ----------
    test::KamailioProcess pbx;
    pbx.logInvitesSent();
    QString pbxError;
    if (!pbx.start(&pbxError))
        bench::failBench(QStringLiteral("starting kamailio"), pbxError);
    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/kasp-bench-ring-XXXXXX"));
    session::Settings settings(dir.filePath(QStringLiteral("kasp.ini")));
    session::Settings::Phone phone;
    phone.server = pbx.server();
    phone.user = QStringLiteral("201");
    phone.globalKeys = false; // no X server to grab keys on
    settings.setPhone(phone);
    bench::storeSecret(QLatin1String(session::Settings::kSipPasswordKey),
                       QLatin1String(test::KamailioProcess::kPassword));

    SystemClock clock;
    User consultant;
    for (const User &u :
         bench::requireOk(storage::UserRepository(db, clock).all(), QStringLiteral("reading the users")))
        if (u.role == Role::Consultant && u.active && consultant.id.isNull())
            consultant = u;
    if (consultant.id.isNull())
        bench::failBench(QStringLiteral("finding a consultant"), QStringLiteral("the database has none"));
    app::AppContext context(db, clock, consultant, settings,
                            {path, storage::Migrator::currentVersion(db), true});
    app::MainWindow window(context);
    window.resize(1400, 820);
    telephony::Softphone::Options deskOptions;
    deskOptions.dataDir = dir.filePath(QStringLiteral("sip"));
    QDir().mkpath(deskOptions.dataDir);
    deskOptions.recordingsDir = dir.filePath(QStringLiteral("recordings"));
    deskOptions.bindAddress = QStringLiteral("127.0.0.1");
    deskOptions.useSoundFiles = true; // no sound card here
    app::PhoneSession *session = window.enablePhone(deskOptions);
    QString phoneStatus;
    QObject::connect(session, &app::PhoneSession::status, [&](const QString &text) { phoneStatus = text; });
    window.show();
    if (!bench::waitUntil(
            [&] { return session->phone().registrationState() == telephony::RegistrationState::Registered; },
            10'000))
        bench::failBench(QStringLiteral("registering the desk (201) with kamailio"),
                         phoneStatus.isEmpty() ? QStringLiteral("not registered in 10 s") : phoneStatus);

    // --- the caller, in a process of its own -------------------------------------------------------
    bench::RingCallerProcess caller;
    caller.start(QCoreApplication::applicationFilePath(), pbx.server());

    QList<Id> rung; // the guest each ring was for
    int shared = 0; // numbers of several guests: the window lists them instead of opening a card
    std::vector<double> totals, handled;
    for (const QString &number : callerIds.mid(0, rings)) {
        QList<Id> ringGuests;
        bool rang = false, recorded = false;
        double handledAt = 0; // realtime ms: the ring's own slots (lookup, card loaded and filled) done
        const auto ringing =
            QObject::connect(session, &app::PhoneSession::ringing,
                             [&](const telephony::CallInfo &, const QList<Id> &guests, const QString &) {
                                 // Connected after the window's own slots: runs when they are done.
                                 handledAt = bench::realtimeMs();
                                 rang = true;
                                 ringGuests = guests;
                             });
        const auto callRecorded =
            QObject::connect(session, &app::PhoneSession::callRecorded, [&](const Id &) { recorded = true; });
        app.watch(window.cardPanel(), [&] {
            return ringGuests.size() == 1 && window.cardPanel()->currentGuest() == ringGuests.first();
        });
        const qsizetype logMark = pbx.output().size();
        caller.call(number); // registers as the number, dials 201
        if (!bench::waitUntil([&] { return rang; }, 10'000))
            bench::failBench(QStringLiteral("ring from %1").arg(number),
                             QStringLiteral("the desk did not ring in 10 s"));
        if (ringGuests.isEmpty())
            bench::failBench(QStringLiteral("ring from %1").arg(number),
                             QStringLiteral("the number of an existing guest was not found"));
        if (ringGuests.size() == 1) {
            if (!bench::waitUntil([&] { return app.paintedAt() > 0; }, 5'000))
                bench::failBench(QStringLiteral("ring from %1").arg(number),
                                 QStringLiteral("the guest's card was not painted in 5 s"));
            const double sent = inviteSentAt(pbx.output(), logMark);
            if (sent <= 0)
                bench::failBench(QStringLiteral("ring from %1").arg(number),
                                 QStringLiteral("kamailio logged no INVITE sent to the desk"));
            totals.push_back(app.paintedAt() - sent);
            handled.push_back(handledAt - sent);
            rung.append(ringGuests.first());
        } else {
            ++shared;
        }
        caller.hangUp();
        if (!bench::waitUntil([&] { return recorded; }, 10'000))
            bench::failBench(QStringLiteral("ring from %1").arg(number),
                             QStringLiteral("the missed call was not recorded in 10 s"));
        QObject::disconnect(ringing);
        QObject::disconnect(callRecorded);
    }
    if (totals.empty())
        bench::failBench(QStringLiteral("ring -> card"), QStringLiteral("every number was shared"));
    std::printf(
        "ring -> card through SIP: %lld guests in %s, %zu rings from numbers of existing guests through "
        "kamailio on loopback (%d shared numbers listed instead, not timed), Sales Window 1400x820\n",
        guestCount, qPrintable(path), totals.size(), shared);
    printStats("INVITE sent on by kamailio -> card painted (target < 50 ms)", bench::stats(totals));
    printStats("  of it, INVITE -> the ring handled (lookup, card loaded, filled)", bench::stats(handled));
    return 0;
} catch (const bench::Failure &) {
    return 1;
}
