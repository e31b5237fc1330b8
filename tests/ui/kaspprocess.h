#pragma once
// The real kasp executable driven through the X server, for the start-up tests that type into it:
// xdotool (bounded in time), giving a window the keyboard, and one run of kasp with its own
// settings and its log, killed at the end if it is still running.
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QtTest>

namespace kasp::test::desk {

constexpr int kWaitMs = 30'000; // every wait for the other processes is bounded by this

// xdotool, bounded in time; its standard output.
inline QString xdotool(const QStringList &args, int *exitCode = nullptr)
{
    QProcess p;
    p.start(QStringLiteral("xdotool"), args);
    const bool done = p.waitForFinished(10'000);
    if (!done) {
        p.kill();
        p.waitForFinished(2000);
    }
    if (exitCode)
        *exitCode = done && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

inline bool keys(const QStringList &args)
{
    int code = 0;
    xdotool(args, &code);
    QTest::qWait(150); // let the application take them in before the next ones
    return code == 0;
}

// Gives a window of kasp the keyboard, as a click on it would.
inline bool focus(const QString &window)
{
    int code = 0;
    xdotool({QStringLiteral("windowfocus"), QStringLiteral("--sync"), window}, &code);
    QTest::qWait(200);
    return code == 0;
}
// One run of the real kasp: its own settings (XDG_CONFIG_HOME), its log on stderr with the
// application's info lines on, killed at the end if it is still running.
class KaspProcess
{
public:
    explicit KaspProcess(const QString &configHome)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome);
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("kasp.*.info=true"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        m_process.setProcessEnvironment(env);
        QObject::connect(&m_process, &QProcess::readyReadStandardError,
                         [this] { m_log += QString::fromUtf8(m_process.readAllStandardError()); });
    }
    ~KaspProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    bool start(const QStringList &args)
    {
        m_process.start(QStringLiteral(KASP_BINARY),
                        QStringList{QStringLiteral("--lang"), QStringLiteral("ru")} + args);
        return m_process.waitForStarted(10'000);
    }
    bool isRunning() const { return m_process.state() == QProcess::Running; }
    QString log() const { return m_log; }
    // What a failed check prints: how the process ended and what it said.
    QByteArray describe() const
    {
        const QString state = isRunning() ? QStringLiteral("running")
                                          : QStringLiteral("exited with code %1").arg(m_process.exitCode());
        return QStringLiteral("kasp %1; its log:\n%2").arg(state, m_log).toUtf8();
    }

    // This process's visible windows whose title contains the text.
    QStringList windows(const QString &title) const
    {
        if (!isRunning())
            return {};
        const QString out =
            xdotool({QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("--onlyvisible"),
                     QStringLiteral("--pid"), QString::number(m_process.processId()),
                     QStringLiteral("--name"), title});
        return out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }
    QString waitForWindow(const QString &title, int ms = kWaitMs) const
    {
        QStringList found;
        if (!QTest::qWaitFor([&] { return !isRunning() || !(found = windows(title)).isEmpty(); }, ms))
            return {};
        return found.value(0);
    }
    bool waitForLog(const QString &text, int ms = kWaitMs) const
    {
        return QTest::qWaitFor([&] { return m_log.contains(text) || !isRunning(); }, ms) &&
               m_log.contains(text);
    }
    // Exit code, or -1 when it did not end by itself in time.
    int waitForExit(int ms = kWaitMs)
    {
        if (!QTest::qWaitFor([&] { return !isRunning(); }, ms))
            return -1;
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

private:
    QProcess m_process;
    QString m_log;
};

} // namespace kasp::test::desk
