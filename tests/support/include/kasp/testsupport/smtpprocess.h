#pragma once
// A real SMTP server for a test: aiosmtpd (tests/mail/smtpserver.py) on a free loopback port,
// keeping each message in a maildir. Plain, STARTTLS or implicit TLS, with or without a required
// login; the certificate for the TLS modes comes from makeTestCertificate (openssl, CN=localhost).
#include <memory>
#include <QByteArray>
#include <QProcess>
#include <QString>

namespace kasp::test {

// A self-signed certificate and key for "localhost" in dir (cert.pem, key.pem). False if openssl
// failed; error says why.
bool makeTestCertificate(const QString &dir, QString *certFile, QString *keyFile, QString *error);

class SmtpProcess
{
public:
    enum class Mode { Plain, StartTls, Tls };
    struct Options
    {
        Mode mode = Mode::Plain;
        QString user; // empty: no login asked
        QString password;
        QString certFile, keyFile; // the TLS modes
    };
    ~SmtpProcess();
    // Starts and waits until it accepts connections (up to 15 s).
    bool start(const QString &workDir, const Options &options, QString *error);
    void stop();
    int port() const { return m_port; }
    QString maildir() const { return m_maildir; }
    int delivered() const; // messages in the maildir
    QByteArray message(int index) const;

private:
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
    QString m_maildir;
};

} // namespace kasp::test
