#pragma once
// A real kasp-sync process on 127.0.0.1 over a PgCluster, for tests: --init-db, --add-user, then
// serve on a free port. Stopped (SIGKILL when asked, to test crashes) and reaped by the destructor.
#include "kasp/testsupport/pgcluster.h"
#include <memory>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>

namespace kasp::test {

class SyncServerProcess
{
public:
    SyncServerProcess(const PgCluster &pg, QString binary) : m_pg(pg), m_binary(std::move(binary)) {}
    ~SyncServerProcess() { stop(); }

    // Runs kasp-sync with the database flags plus args to completion (for --init-db, --add-user).
    int runCommand(const QStringList &args, QString *output, const QByteArray &stdinText = {}) const;
    bool initDb(QString *error) const;
    bool addUser(const QString &org, const QString &login, const QString &role, const QString &password,
                 QString *error) const;

    bool start(QString *error, const QStringList &extraArgs = {});
    void stop();
    void kill(); // SIGKILL: no goodbye
    bool isRunning() const { return m_process && m_process->state() == QProcess::Running; }
    int port() const { return m_port; }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    QString log() const { return m_log; } // stderr collected so far (JSON lines)

private:
    QStringList dbArgs() const;
    const PgCluster &m_pg;
    QString m_binary;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
    QString m_log;
};

} // namespace kasp::test
