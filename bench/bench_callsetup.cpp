// Call set-up through kamailio on loopback: KASP's softphone against linphonec (Debian's
// linphone-cli), side by side on the same machine, the same PBX and the same callee.
// The callee is a KASP desk (extension 201) that answers every call at once. Each round the two
// callers take turns, one call each, so both see the same machine:
// - KASP (301): from Softphone::dial() to callAnswered (the 200 OK: the moment linphonec prints
//   "connected"), and on to the call talking (its audio running);
// - linphonec (302): from the "call" command written to its stdin to its "… connected." line.
// Both times include kamailio's digest challenge of the INVITE, the ringing and the answer.
//   kasp-bench-callsetup [--calls 40]
#include "benchsupport.h"
#include "kasp/telephony/softphone.h"
#include "kasp/testsupport/kamailioprocess.h"

#include <cstdio>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

using namespace kasp;
using namespace kasp::telephony;

namespace {

bool waitUntil(const std::function<bool()> &done, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > ms)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

Softphone::Options options(const QString &dir)
{
    Softphone::Options o;
    o.dataDir = dir;
    QDir().mkpath(dir);
    o.bindAddress = QStringLiteral("127.0.0.1");
    o.useSoundFiles = true;
    o.playFile = QStringLiteral("/usr/share/sounds/linphone/hello8000.wav");
    return o;
}

// Starts the softphone and registers `user`; fails the bench (with kamailio's log) when it cannot.
void registerOrFail(Softphone &phone, const test::KamailioProcess &pbx, const QString &user)
{
    const QString what = QStringLiteral("registration of %1").arg(user);
    bench::requireOk(phone.start(), what + QStringLiteral(": softphone start"));
    bench::requireOk(phone.registerAccount({pbx.server(), user, {}, SipTransport::Udp},
                                           QLatin1String(test::KamailioProcess::kPassword)),
                     what);
    if (!waitUntil([&] { return phone.registrationState() == RegistrationState::Registered; }, 10'000)) {
        std::fprintf(stderr, "%s\n", qPrintable(pbx.log().right(1500)));
        bench::failBench(what, QStringLiteral("not registered in 10 s"));
    }
}

// linphonec driven through its stdin; its stdout read line by line.
class Linphonec
{
public:
    bool start(const QString &dir, const QString &server)
    {
        // No sound card here: linphonec runs on whatever ALSA offers (nothing), as a desk would
        // without a headset; media ports chosen by the system, loopback only.
        QFile rc(dir + QStringLiteral("/linphonerc"));
        if (!rc.open(QIODevice::WriteOnly))
            return false;
        // A free port found here (loopback, like every other endpoint in this bench).
        QUdpSocket probe;
        probe.bind(QHostAddress::LocalHost, 0);
        const quint16 port = probe.localPort();
        probe.close();
        rc.write(QStringLiteral("[sip]\nsip_port=%1\nsip_tcp_port=0\nguess_hostname=0\n").arg(port).toUtf8());
        rc.write(""
                 "[rtp]\naudio_rtp_port=-1\n[net]\nipv6=0\n[video]\ncapture=0\n"
                 "display=0\n");
        rc.close();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        // linphonec keeps its database under $HOME/.local/share/linphone and does not start its SIP
        // stack at all when it cannot open it: a home of its own, with that folder.
        QDir(dir).mkpath(QStringLiteral("home/.local/share/linphone"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), dir + QStringLiteral("/home"));
        m_process.setProcessEnvironment(env);
        // Under a pseudo-terminal (script(1)): linphonec runs its SIP stack from readline's idle
        // hook, which a plain pipe on stdin never calls.
        m_process.start(QStringLiteral("script"),
                        {QStringLiteral("-qfec"), QStringLiteral("linphonec -S -c %1").arg(rc.fileName()),
                         QStringLiteral("/dev/null")});
        if (!m_process.waitForStarted(5000))
            return false;
        send(QStringLiteral("register sip:302@127.0.0.1 sip:%1 %2")
                 .arg(server, QLatin1String(test::KamailioProcess::kPassword)));
        // Its registration is not needed to call out (kamailio challenges the INVITE and linphonec
        // answers with the account's password); its "status register" does not report it here.
        send(QStringLiteral("proxy use 0"));
        return waitFor(QStringLiteral("Default proxy set"), 5000);
    }
    void send(const QString &command) { m_process.write(command.toUtf8() + '\n'); }
    // Waits for a line containing `text` (lines before it are dropped).
    bool waitFor(const QString &text, int ms)
    {
        return waitUntil(
            [&] {
                const QString more = QString::fromUtf8(m_process.readAll());
                m_buffer += more;
                m_all += more;
                const qsizetype at = m_buffer.indexOf(text);
                if (at < 0)
                    return false;
                m_buffer = m_buffer.mid(at + text.size());
                return true;
            },
            ms);
    }
    void stop()
    {
        send(QStringLiteral("quit"));
        if (!m_process.waitForFinished(5000))
            m_process.kill();
    }
    QString tail() { return (m_all + QString::fromUtf8(m_process.readAll())).right(3000); }

private:
    QProcess m_process;
    QString m_buffer;
    QString m_all; // everything it said, for a failure's message
};

} // namespace

int main(int argc, char *argv[])
try {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("calls"), QStringLiteral("calls per caller"), QStringLiteral("n"),
                      QStringLiteral("40")});
    parser.process(app);
    const int calls = parser.value(QStringLiteral("calls")).toInt();

    QTemporaryDir dir;
    qputenv("KASP_TEST_TMP", dir.path().toUtf8());
    test::KamailioProcess pbx;
    QString error;
    if (!pbx.start(&error))
        bench::failBench(QStringLiteral("starting kamailio"), error);
    Softphone desk(options(dir.filePath(QStringLiteral("desk"))));
    Softphone caller(options(dir.filePath(QStringLiteral("caller"))));
    registerOrFail(desk, pbx, QStringLiteral("201"));
    registerOrFail(caller, pbx, QStringLiteral("301"));
    QObject::connect(&desk, &Softphone::incomingCall, &desk,
                     [&desk](const CallInfo &c) { desk.answer(c.id); });
    Linphonec linphonec;
    if (!linphonec.start(dir.path(), pbx.server())) {
        std::fprintf(stderr, "%s\n", qPrintable(linphonec.tail()));
        bench::failBench(QStringLiteral("starting linphonec"),
                         QStringLiteral("no \"Default proxy set\" in 5 s"));
    }

    std::vector<double> ours, oursTalking, theirs;
    const auto idle = [&] { return desk.calls().isEmpty() && caller.calls().isEmpty(); };
    for (int i = 0; i < calls; ++i) {
        // KASP calls the desk.
        QElapsedTimer t;
        t.start();
        double answeredMs = -1;
        const auto answered = QObject::connect(&caller, &Softphone::callAnswered, &caller,
                                               [&] { answeredMs = bench::msSince(t); });
        const Result<int> out = caller.dial(QStringLiteral("201"));
        const bool talking =
            out.ok() && waitUntil(
                            [&] {
                                const auto c = caller.calls();
                                return !c.isEmpty() && c.first().state == CallState::Connected;
                            },
                            10'000);
        QObject::disconnect(answered);
        if (!out.ok())
            bench::failBench(QStringLiteral("KASP call %1: dial 201").arg(i), out.error());
        if (!talking || answeredMs < 0)
            bench::failBench(QStringLiteral("KASP call %1").arg(i),
                             !talking ? QStringLiteral("not connected in 10 s")
                                      : QStringLiteral("no callAnswered"));
        ours.push_back(answeredMs);
        oursTalking.push_back(bench::msSince(t));
        bench::requireOk(caller.hangUp(out.value()), QStringLiteral("KASP call %1: hang up").arg(i));
        if (!waitUntil(idle, 10'000))
            bench::failBench(QStringLiteral("KASP call %1: hang up").arg(i),
                             QStringLiteral("calls still up after 10 s"));

        // linphonec calls the desk.
        t.start();
        linphonec.send(QStringLiteral("call sip:201@%1").arg(pbx.server()));
        if (!linphonec.waitFor(QStringLiteral("connected"), 10'000)) {
            std::fprintf(stderr, "%s\n", qPrintable(linphonec.tail()));
            bench::failBench(QStringLiteral("linphonec call %1").arg(i),
                             QStringLiteral("not connected in 10 s"));
        }
        theirs.push_back(bench::msSince(t));
        linphonec.send(QStringLiteral("terminate"));
        if (!waitUntil([&] { return desk.calls().isEmpty(); }, 10'000))
            bench::failBench(QStringLiteral("linphonec call %1: terminate").arg(i),
                             QStringLiteral("the desk's call still up after 10 s"));
        QTest::qWait(50); // linphonec's own end of the call
    }
    linphonec.stop();

    std::printf(
        "call set-up through kamailio on loopback, %d calls each, callee: a KASP desk answering at once\n",
        calls);
    const bench::Stats k = bench::stats(ours);
    const bench::Stats l = bench::stats(theirs);
    bench::printStats(QStringLiteral("KASP softphone (dial -> answered)"), k);
    bench::printStats(QStringLiteral("KASP softphone (dial -> audio running)"), bench::stats(oursTalking));
    bench::printStats(QStringLiteral("linphonec (call -> connected)"), l);
    std::printf("ratio of medians KASP / linphonec: %.2f (target <= 1.20)\n",
                l.median > 0 ? k.median / l.median : 0.0);
    return 0;
} catch (const bench::Failure &) {
    return 1;
}
