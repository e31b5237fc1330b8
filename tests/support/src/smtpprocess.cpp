#include "kasp/testsupport/smtpprocess.h"

#include "kasp/testsupport/pgcluster.h"
#include "kasp/testsupport/testenv.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>

namespace kasp::test {

bool makeTestCertificate(const QString &dir, QString *certFile, QString *keyFile, QString *error)
{
    *certFile = dir + QStringLiteral("/cert.pem");
    *keyFile = dir + QStringLiteral("/key.pem");
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), *keyFile,
                   QStringLiteral("-out"), *certFile, QStringLiteral("-days"), QStringLiteral("2"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=DNS:localhost")});
    if (!openssl.waitForFinished(60'000) || openssl.exitCode() != 0) {
        *error = QStringLiteral("openssl req failed: ") + QString::fromLocal8Bit(openssl.readAll());
        return false;
    }
    return true;
}

SmtpProcess::~SmtpProcess()
{
    stop();
}

bool SmtpProcess::start(const QString &workDir, const Options &options, QString *error)
{
    m_port = PgCluster::freePort();
    // Not created here: the Mailbox handler makes cur/new/tmp only when it creates the folder.
    m_maildir = workDir + QStringLiteral("/maildir-%1").arg(m_port);
    const char *modes[] = {"plain", "starttls", "tls"};
    QStringList args{sourceDir() + QStringLiteral("/tests/mail/smtpserver.py"),
                     QStringLiteral("--port"),
                     QString::number(m_port),
                     QStringLiteral("--maildir"),
                     m_maildir,
                     QStringLiteral("--mode"),
                     QLatin1String(modes[int(options.mode)])};
    if (options.mode != Mode::Plain)
        args << QStringLiteral("--cert") << options.certFile << QStringLiteral("--key") << options.keyFile;
    if (!options.user.isEmpty())
        args << QStringLiteral("--user") << options.user << QStringLiteral("--password") << options.password;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // Debian's python3, for which python3-aiosmtpd is installed (not another one on the PATH).
    m_process->start(QStringLiteral("/usr/bin/python3"), args);
    if (!m_process->waitForStarted(10'000)) {
        *error = QStringLiteral("aiosmtpd did not start: ") + m_process->errorString();
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    QByteArray out;
    while (!out.contains("ready") && timer.elapsed() < 15'000 && m_process->state() == QProcess::Running) {
        m_process->waitForReadyRead(500);
        out += m_process->readAllStandardOutput();
    }
    if (!out.contains("ready")) {
        *error = QStringLiteral("aiosmtpd did not get ready: ") + QString::fromLocal8Bit(out);
        return false;
    }
    return true;
}

void SmtpProcess::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(5000))
        m_process->kill();
}

int SmtpProcess::delivered() const
{
    return int(QDir(m_maildir + QStringLiteral("/new")).entryList(QDir::Files).size());
}

QByteArray SmtpProcess::message(int index) const
{
    const QStringList files =
        QDir(m_maildir + QStringLiteral("/new")).entryList(QDir::Files, QDir::Time | QDir::Reversed);
    QFile f(m_maildir + QStringLiteral("/new/") + files.value(index));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace kasp::test
