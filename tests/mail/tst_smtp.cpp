// The SMTP sender against a real aiosmtpd (tests/mail/smtpserver.py) in the three ways sanatoriums'
// mail servers run: STARTTLS with a login (port 587), implicit TLS with a login (465), and a plain
// office relay. The server's certificate is made for this run by openssl and trusted through the
// settings' CA file. Every refusal is a clear error code and leaves no message behind: a wrong
// password, no login where one is wanted, an untrusted certificate, a server without STARTTLS.
#include "kasp/mail/smtpsender.h"
#include "kasp/testsupport/smtpprocess.h"
#include "kasp/testsupport/testenv.h"

#include <QtTest>

using namespace kasp;
using test::SmtpProcess;

namespace {

const QString kUser = QStringLiteral("sales@rodnik.example");
const QString kPassword = QStringLiteral("Кисловодск-2027"); // non-ASCII: sent as UTF-8

mail::MailMessage message()
{
    mail::MailMessage m;
    m.fromAddress = kUser;
    m.fromName = QStringLiteral("Санаторий «Родник»");
    m.to = {QStringLiteral("darya@example.org")};
    m.subject = QStringLiteral("Ваучер на проживание");
    m.text = QStringLiteral("Ждём вас 1 июня.");
    m.date = QDateTime(QDate(2026, 6, 1), QTime(9, 30), Qt::UTC); // the sender's clock, not this machine's
    return m;
}

QString codeOf(const Status &s)
{
    return s.ok() ? QString() : s.error().code;
}

} // namespace

class TestSmtp : public QObject
{
    Q_OBJECT
    QString work, cert, key;

    std::unique_ptr<SmtpProcess> start(SmtpProcess::Mode mode, bool login)
    {
        auto smtp = std::make_unique<SmtpProcess>();
        SmtpProcess::Options options;
        options.mode = mode;
        options.certFile = cert;
        options.keyFile = key;
        if (login) {
            options.user = kUser;
            options.password = kPassword;
        }
        QString error;
        if (!smtp->start(work, options, &error)) {
            qWarning() << error;
            return nullptr;
        }
        return smtp;
    }

    mail::SmtpServer server(const SmtpProcess &smtp, mail::SmtpServer::Security security)
    {
        mail::SmtpServer s;
        s.host = QStringLiteral("localhost"); // the name on the certificate
        s.port = smtp.port();
        s.security = security;
        s.user = kUser;
        s.password = kPassword;
        s.caFile = cert;
        s.timeoutSecs = 15;
        return s;
    }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        work = test::makeTempDir(QStringLiteral("smtp"));
        QString error;
        QVERIFY2(test::makeTestCertificate(work, &cert, &key, &error), qPrintable(error));
    }

    void startTlsWithLoginDelivers()
    {
        auto smtp = start(SmtpProcess::Mode::StartTls, true);
        QVERIFY(smtp);
        const Status sent = mail::sendMail(server(*smtp, mail::SmtpServer::Security::StartTls), message());
        QVERIFY2(sent.ok(), qPrintable(sent.ok() ? QString() : sent.error().message));
        QCOMPARE(smtp->delivered(), 1);
        const QByteArray stored = smtp->message(0);
        QVERIFY(stored.contains("To: darya@example.org"));
        QVERIFY(stored.contains("Subject: =?UTF-8?B?"));
        QVERIFY2(stored.contains("Date: Mon, 01 Jun 2026 09:30:00 +0000"), stored.left(400).constData());
    }

    void implicitTlsWithLoginDelivers()
    {
        auto smtp = start(SmtpProcess::Mode::Tls, true);
        QVERIFY(smtp);
        const Status sent = mail::sendMail(server(*smtp, mail::SmtpServer::Security::Tls), message());
        QVERIFY2(sent.ok(), qPrintable(sent.ok() ? QString() : sent.error().message));
        QCOMPARE(smtp->delivered(), 1);
    }

    void anOfficeRelayNeedsNeither()
    {
        auto smtp = start(SmtpProcess::Mode::Plain, false);
        QVERIFY(smtp);
        mail::SmtpServer relay = server(*smtp, mail::SmtpServer::Security::None);
        relay.user.clear();
        QVERIFY(mail::sendMail(relay, message()).ok());
        QCOMPARE(smtp->delivered(), 1);
    }

    void refusalsAreClearAndDeliverNothing()
    {
        auto smtp = start(SmtpProcess::Mode::StartTls, true);
        QVERIFY(smtp);
        const mail::SmtpServer good = server(*smtp, mail::SmtpServer::Security::StartTls);

        mail::SmtpServer wrong = good;
        wrong.password = QStringLiteral("кисловодск-2027");
        QCOMPARE(codeOf(mail::sendMail(wrong, message())), QStringLiteral("mail.auth"));

        mail::SmtpServer anonymous = good;
        anonymous.user.clear();
        const Status noLogin = mail::sendMail(anonymous, message());
        QCOMPARE(codeOf(noLogin), QStringLiteral("mail.auth"));
        QVERIFY2(noLogin.error().message.contains(QStringLiteral("login")),
                 qPrintable(noLogin.error().message));

        mail::SmtpServer untrusted = good;
        untrusted.caFile.clear(); // the system's store does not know this certificate
        QCOMPARE(codeOf(mail::sendMail(untrusted, message())), QStringLiteral("mail.tls"));
        QCOMPARE(smtp->delivered(), 0);

        auto relay = start(SmtpProcess::Mode::Plain, false);
        QVERIFY(relay);
        QCOMPARE(codeOf(mail::sendMail(server(*relay, mail::SmtpServer::Security::StartTls), message())),
                 QStringLiteral("mail.tls"));
        QCOMPARE(relay->delivered(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSmtp)
#include "tst_smtp.moc"
