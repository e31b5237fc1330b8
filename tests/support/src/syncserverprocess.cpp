#include "kasp/testsupport/syncserverprocess.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

namespace kasp::test {

QStringList SyncServerProcess::dbArgs() const
{
    return {QStringLiteral("--db-host"), m_pg.host(),
            QStringLiteral("--db-port"), QString::number(m_pg.port()),
            QStringLiteral("--db-name"), m_pg.database(),
            QStringLiteral("--db-user"), m_pg.user()};
}

int SyncServerProcess::runCommand(const QStringList &args, QString *output, const QByteArray &stdinText) const
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KASP_SYNC_DB_PASSWORD"), m_pg.password());
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(m_binary, dbArgs() + args);
    if (!p.waitForStarted(10'000)) {
        *output = p.errorString();
        return -1;
    }
    if (!stdinText.isEmpty())
        p.write(stdinText);
    p.closeWriteChannel();
    if (!p.waitForFinished(60'000)) {
        p.kill();
        p.waitForFinished(5000);
        *output = QStringLiteral("timed out");
        return -1;
    }
    *output = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

bool SyncServerProcess::initDb(QString *error) const
{
    return runCommand({QStringLiteral("--init-db")}, error) == 0;
}

bool SyncServerProcess::addUser(const QString &org, const QString &login, const QString &role,
                                const QString &password, QString *error) const
{
    return runCommand({QStringLiteral("--add-user"), login, QStringLiteral("--org"), org,
                       QStringLiteral("--role"), role, QStringLiteral("--name"), login},
                      error, password.toUtf8() + '\n') == 0;
}

bool SyncServerProcess::start(QString *error, const QStringList &extraArgs)
{
    stop();
    m_process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KASP_SYNC_DB_PASSWORD"), m_pg.password());
    m_process->setProcessEnvironment(env);
    m_process->start(m_binary,
                     dbArgs() + QStringList{QStringLiteral("--port"), QStringLiteral("0")} + extraArgs);
    if (!m_process->waitForStarted(10'000)) {
        *error = m_process->errorString();
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("listening on [0-9.]+:(\\d+)"));
    QString out;
    const QDeadlineTimer deadline(15'000);
    while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
        m_process->waitForReadyRead(200);
        out += QString::fromUtf8(m_process->readAllStandardOutput());
        m_log += QString::fromUtf8(m_process->readAllStandardError());
        if (const auto match = listening.match(out); match.hasMatch()) {
            m_port = match.captured(1).toInt();
            QObject::connect(m_process.get(), &QProcess::readyReadStandardError, m_process.get(),
                             [this] { m_log += QString::fromUtf8(m_process->readAllStandardError()); });
            return true;
        }
    }
    m_log += QString::fromUtf8(m_process->readAllStandardError());
    *error = QStringLiteral("kasp-sync did not start: %1 %2").arg(out, m_log);
    stop();
    return false;
}

void SyncServerProcess::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_log += QString::fromUtf8(m_process->readAllStandardError());
    m_process.reset();
}

void SyncServerProcess::kill()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_process.reset();
}

} // namespace kasp::test
