#pragma once
// A throwaway PostgreSQL 15 cluster for tests: initdb into a temp dir, started on 127.0.0.1 at a
// free port, stopped (by its PID file, through pg_ctl) when the object dies. When the tests run as
// root, the server runs as the "postgres" user, since PostgreSQL refuses to run as root.
#include <memory>
#include <QSqlDatabase>
#include <QString>
#include <QTemporaryDir>

namespace kasp::test {

class PgCluster
{
public:
    PgCluster();
    ~PgCluster();
    PgCluster(const PgCluster &) = delete;
    PgCluster &operator=(const PgCluster &) = delete;

    bool start(QString *error); // bounded: gives up after ~30 s
    void stop();
    bool restart(QString *error); // same data and port
    // A QPSQL connection to the cluster under this name (open, or with its error in *error).
    QSqlDatabase connect(const QString &connectionName, QString *error) const;
    bool isRunning() const { return m_running; }

    int port() const { return m_port; }
    QString host() const { return QStringLiteral("127.0.0.1"); }
    QString user() const { return QStringLiteral("kasp"); }
    QString password() const { return m_password; }
    QString database() const { return QStringLiteral("postgres"); }
    QString dataDir() const { return m_dataDir; }

    static QString binDir(); // /usr/lib/postgresql/15/bin
    static int freePort();

private:
    bool run(const QStringList &command, QString *output, int timeoutMs) const;

    std::unique_ptr<QTemporaryDir> m_tempDir;
    QString m_root;
    QString m_dataDir;
    QString m_password;
    int m_port = 0;
    bool m_running = false;
};

} // namespace kasp::test
