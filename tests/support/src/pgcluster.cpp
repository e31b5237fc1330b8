#include "kasp/testsupport/pgcluster.h"

#include <QSqlError>

#include "kasp/testsupport/testenv.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>
#include <QUuid>
#include <unistd.h>

namespace kasp::test {

namespace {
bool runningAsRoot()
{
    return ::geteuid() == 0;
}
} // namespace

PgCluster::PgCluster() = default;

PgCluster::~PgCluster()
{
    stop();
}

QString PgCluster::binDir()
{
    for (const char *version : {"15", "16", "17"}) {
        const QString dir = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(QLatin1String(version));
        if (QFile::exists(dir + QStringLiteral("/initdb")))
            return dir;
    }
    return {};
}

int PgCluster::freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort(); // released on return; the tiny race is acceptable for tests
}

bool PgCluster::run(const QStringList &command, QString *output, int timeoutMs) const
{
    QProcess process;
    QStringList args = command;
    QString program = args.takeFirst();
    if (runningAsRoot()) {
        args.prepend(program);
        args.prepend(QStringLiteral("--"));
        args.prepend(QStringLiteral("postgres"));
        args.prepend(QStringLiteral("-u"));
        program = QStringLiteral("runuser");
    }
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(m_root);
    process.start(program, args);
    const bool finished = process.waitForFinished(timeoutMs);
    if (output)
        *output = QString::fromLocal8Bit(process.readAll());
    if (!finished) {
        process.kill();
        process.waitForFinished(2000);
        return false;
    }
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

bool PgCluster::start(QString *error)
{
    const QString bin = binDir();
    if (bin.isEmpty()) {
        *error = QStringLiteral("PostgreSQL server binaries not found (apt-get install postgresql)");
        return false;
    }
    // Under /tmp, not the build tree: when tests run as root the server runs as "postgres", which
    // cannot traverse a clone under /root.
    m_tempDir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/kasp-pg-XXXXXX"));
    m_tempDir->setAutoRemove(qEnvironmentVariableIsEmpty("KASP_KEEP_TMP"));
    if (!m_tempDir->isValid()) {
        *error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    m_root = m_tempDir->path();
    m_dataDir = m_root + QStringLiteral("/data");
    m_password = QUuid::createUuid().toString(QUuid::Id128);
    const QString pwFile = m_root + QStringLiteral("/pw");
    {
        QFile f(pwFile);
        if (!f.open(QIODevice::WriteOnly)) {
            *error = QStringLiteral("cannot write %1").arg(pwFile);
            return false;
        }
        f.write(m_password.toUtf8());
    }
    if (runningAsRoot()) {
        // The server user must own its directories and read the password file.
        QProcess::execute(QStringLiteral("chown"),
                          {QStringLiteral("-R"), QStringLiteral("postgres:postgres"), m_root});
    }
    QString out;
    if (!run({bin + QStringLiteral("/initdb"), QStringLiteral("-D"), m_dataDir, QStringLiteral("-U"), user(),
              QStringLiteral("--pwfile=") + pwFile, QStringLiteral("--auth-host=scram-sha-256"),
              QStringLiteral("--auth-local=trust"), QStringLiteral("--no-sync"), QStringLiteral("-E"),
              QStringLiteral("UTF8"), QStringLiteral("--locale=C.UTF-8")},
             &out, 60000)) {
        *error = QStringLiteral("initdb failed: ") + out;
        return false;
    }
    QFile::remove(pwFile);
    for (int attempt = 0; attempt < 3 && !m_running; ++attempt) {
        m_port = freePort();
        const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off "
                                               "-c synchronous_commit=off -c full_page_writes=off")
                                    .arg(m_port)
                                    .arg(m_root);
        m_running = run({bin + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), m_dataDir,
                         QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("30"),
                         QStringLiteral("-l"), m_root + QStringLiteral("/server.log"), QStringLiteral("-o"),
                         options, QStringLiteral("start")},
                        &out, 40000);
    }
    if (!m_running) {
        QFile log(m_root + QStringLiteral("/server.log"));
        log.open(QIODevice::ReadOnly);
        *error = QStringLiteral("pg_ctl start failed: ") + out + QString::fromLocal8Bit(log.readAll());
    }
    return m_running;
}

QSqlDatabase PgCluster::connect(const QString &connectionName, QString *error) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(host());
    db.setPort(m_port);
    db.setUserName(user());
    db.setPassword(m_password);
    db.setDatabaseName(database());
    if (!db.open() && error)
        *error = db.lastError().text();
    return db;
}

bool PgCluster::restart(QString *error)
{
    // Same data, same port: what a database upgrade or a crash looks like to kasp-sync.
    const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off "
                                           "-c synchronous_commit=off -c full_page_writes=off")
                                .arg(m_port)
                                .arg(m_root);
    QString out;
    m_running = run({binDir() + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), m_dataDir,
                     QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("-t"),
                     QStringLiteral("30"), QStringLiteral("-l"), m_root + QStringLiteral("/server.log"),
                     QStringLiteral("-o"), options, QStringLiteral("restart")},
                    &out, 40000);
    if (!m_running)
        *error = QStringLiteral("pg_ctl restart failed: ") + out;
    return m_running;
}

void PgCluster::stop()
{
    if (!m_running)
        return;
    run({binDir() + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), m_dataDir, QStringLiteral("-m"),
         QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("stop")},
        nullptr, 30000);
    m_running = false;
}

} // namespace kasp::test
