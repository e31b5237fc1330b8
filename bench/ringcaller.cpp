#include "ringcaller.h"

#include "benchdesk.h"
#include "benchsupport.h"
#include "kasp/telephony/softphone.h"
#include "kasp/testsupport/kamailioprocess.h"

#include <algorithm>
#include <cstdio>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <unistd.h>

namespace kasp::bench {

using telephony::RegistrationState;
using telephony::Softphone;

namespace {

void say(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

} // namespace

int runRingCaller(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString server = QString::fromLocal8Bit(argc > 2 ? argv[2] : "");
    QTemporaryDir dir;
    Softphone::Options options;
    options.dataDir = dir.path();
    options.bindAddress = QStringLiteral("127.0.0.1");
    options.useSoundFiles = true; // no sound card here
    options.playFile = QStringLiteral("/usr/share/sounds/linphone/hello8000.wav");
    Softphone phone(options);
    if (auto s = phone.start(); !s.ok()) {
        say(QStringLiteral("error ") + s.error().message);
        return 1;
    }
    bool dialPending = false; // registered as the next number: then dial
    bool hangUpPending = false;
    QObject::connect(&phone, &Softphone::registrationChanged,
                     [&](RegistrationState state, const QString &code, const QString &text) {
                         if (!dialPending)
                             return;
                         if (state == RegistrationState::Registered) {
                             dialPending = false;
                             auto call = phone.dial(QStringLiteral("201"));
                             say(call.ok() ? QStringLiteral("dialled")
                                           : QStringLiteral("error ") + call.error().message);
                         } else if (state == RegistrationState::Failed) {
                             dialPending = false;
                             say(QStringLiteral("error registration: %1 %2").arg(code, text));
                         }
                     });
    QObject::connect(&phone, &Softphone::callEnded, [&] {
        if (hangUpPending && phone.calls().isEmpty()) {
            hangUpPending = false;
            say(QStringLiteral("ended"));
        }
    });
    QByteArray input;
    QSocketNotifier stdinReady(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&stdinReady, &QSocketNotifier::activated, [&] {
        char chunk[512];
        const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (n <= 0) {
            stdinReady.setEnabled(false);
            QCoreApplication::quit();
            return;
        }
        input.append(chunk, qsizetype(n));
        for (qsizetype end = input.indexOf('\n'); end >= 0; end = input.indexOf('\n')) {
            const QString line = QString::fromUtf8(input.left(end)).trimmed();
            input.remove(0, end + 1);
            if (line.startsWith(QLatin1String("call "))) {
                dialPending = true;
                const QString user = line.mid(5);
                if (auto s = phone.registerAccount({server, user, {}, telephony::SipTransport::Udp},
                                                   QLatin1String(test::KamailioProcess::kPassword));
                    !s.ok()) {
                    dialPending = false;
                    say(QStringLiteral("error ") + s.error().message);
                }
            } else if (line == QLatin1String("hangup")) {
                hangUpPending = true;
                const auto calls = phone.calls();
                for (const telephony::CallInfo &call : calls)
                    (void)phone.hangUp(call.id); // a call already over ends by itself
                if (calls.isEmpty()) {
                    hangUpPending = false;
                    say(QStringLiteral("ended"));
                }
            }
        }
    });
    say(QStringLiteral("ready"));
    return app.exec();
}

RingCallerProcess::~RingCallerProcess()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.closeWriteChannel(); // end of input: the caller ends
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

void RingCallerProcess::start(const QString &program, const QString &server)
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(program, {QStringLiteral("--caller"), server});
    expect("ready", QStringLiteral("starting the caller's softphone"), 10'000);
}

void RingCallerProcess::call(const QString &number)
{
    m_process.write("call " + number.toUtf8() + '\n');
    expect("dialled", QStringLiteral("the caller %1 dialling 201").arg(number), 10'000);
}

void RingCallerProcess::hangUp()
{
    m_process.write("hangup\n");
    expect("ended", QStringLiteral("the caller hanging up"), 10'000);
}

void RingCallerProcess::expect(const QByteArray &answer, const QString &what, int ms)
{
    QElapsedTimer t;
    t.start();
    for (;;) { // lines that are no answer (a library's own output) are passed over
        const int left = ms - int(t.elapsed());
        if (!waitUntil([&] { return m_process.canReadLine() || m_process.state() == QProcess::NotRunning; },
                       std::max(0, left)))
            failBench(what, QStringLiteral("no answer from the caller in %1 s").arg(ms / 1000));
        if (!m_process.canReadLine())
            failBench(what, QStringLiteral("the caller ended"));
        const QByteArray line = m_process.readLine().trimmed();
        if (line == answer)
            return;
        if (line.startsWith("error ") || line == "ready" || line == "dialled" || line == "ended")
            failBench(what, QString::fromUtf8(line));
    }
}

} // namespace kasp::bench
