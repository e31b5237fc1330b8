// A desk that syncs, with its server away (issue 20): the person's password is checked by the desk's
// own verifier without a long wait. A refused connection falls back at once; a server that accepts
// the connection and never answers is given a few seconds (SyncClient::Options::signInTimeoutMs),
// not the 30 s a sync request waits. Real sockets on loopback: a closed port and a QTcpServer that
// never replies.
#include "desksignin.h"
#include "kasp/credentials/credentialstore.h"
#include "kasp/demo/demogenerator.h"
#include "kasp/session/settings.h"
#include "kasp/storage/connectionfactory.h"
#include "kasp/storage/signinrepository.h"
#include "kasp/sync/syncclient.h"
#include "kasp/testsupport/testenv.h"
#include "syncsession.h"

#include <optional>
#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace kasp;

namespace {
struct Timed
{
    Result<User> answer;
    qint64 ms;
};
} // namespace

class TestSignInAway : public QObject
{
    Q_OBJECT
    QString dir;
    QSqlDatabase db;
    SystemClock clock;

    // The desk's check for `login` with the server at `url`, timed (bounded at 20 s).
    Timed check(const QString &url, const QString &login, const QString &password)
    {
        session::Settings settings(dir + QStringLiteral("/settings.ini"));
        settings.setSyncServerUrl(url);
        credentials::CredentialStore keychain(QStringLiteral("KASP-test-away"));
        app::SyncSession session(db, settings, keychain);
        app::DeskSignIn signIn(db, clock, &session);
        std::optional<Result<User>> answer;
        QElapsedTimer took;
        took.start();
        signIn.check(login, password, [&](const Result<User> &r) { answer = r; });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 20'000))
            answer = Error{QStringLiteral("test.no_answer"), QStringLiteral("no answer in 20 s")};
        const qint64 ms = took.elapsed();
        if (session.client())
            session.client()->stop();
        return {*answer, ms};
    }

    static QString codeOf(const Result<User> &r)
    {
        return r.ok() ? QStringLiteral("ok:") + r.value().login : r.error().code;
    }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        dir = test::makeTempDir(QStringLiteral("signin-away"));
        auto opened = storage::ConnectionFactory::open({dir + QStringLiteral("/kasp.db"),
                                                        storage::DatabaseKey::generateRaw(),
                                                        QStringLiteral("away"), true, true});
        QVERIFY(opened.ok());
        db = opened.value();
        demo::DemoOptions options;
        options.guests = 50;
        options.years = 1;
        options.today = QDate(2026, 12, 7);
        QVERIFY(demo::generateDemo(db, options).ok()); // everyone's verifier: login + "-demo"
    }

    void aClosedPortFallsBackAtOnce()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort());
        probe.close();
        const Timed right = check(url, QStringLiteral("anna"), QStringLiteral("anna-demo"));
        qInfo() << "closed port: signed in offline after" << right.ms << "ms";
        QCOMPARE(codeOf(right.answer), QStringLiteral("ok:anna"));
        QVERIFY2(right.ms < 1500, qPrintable(QString::number(right.ms)));
        const Timed wrong = check(url, QStringLiteral("anna"), QStringLiteral("anna-guess"));
        QCOMPARE(codeOf(wrong.answer), QStringLiteral("signin.wrong_password"));
        QVERIFY2(wrong.ms < 1500, qPrintable(QString::number(wrong.ms)));
        QCOMPARE(storage::DeskSignInRepository(db).get(QStringLiteral("anna")).value().failures, 1);
    }

    // Accepts the connection and the request, answers nothing, never closes: the desk gives it the
    // sign-in's few seconds and then checks on its own.
    void aSilentServerGetsAFewSeconds()
    {
        QTcpServer silent;
        QList<QTcpSocket *> held;
        QByteArray heard;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *s = silent.nextPendingConnection()) {
                held << s;
                connect(s, &QTcpSocket::readyRead, this, [&heard, s] { heard += s->readAll(); });
            }
        });
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort());
        const int limit = sync::SyncClient::Options{}.signInTimeoutMs;
        QVERIFY(limit <= 5000);
        const Timed right = check(url, QStringLiteral("olga"), QStringLiteral("olga-demo"));
        qInfo() << "silent server: signed in offline after" << right.ms << "ms";
        QCOMPARE(codeOf(right.answer), QStringLiteral("ok:olga"));
        QVERIFY(heard.startsWith("POST /v1/auth/signin")); // it was asked, and said nothing
        QVERIFY2(right.ms >= limit - 200 && right.ms < limit + 2000, qPrintable(QString::number(right.ms)));
        const Timed wrong = check(url, QStringLiteral("olga"), QStringLiteral("olga-guess"));
        QCOMPARE(codeOf(wrong.answer), QStringLiteral("signin.wrong_password"));
        QVERIFY2(wrong.ms < limit + 2000, qPrintable(QString::number(wrong.ms)));
        // Someone who never signed in on this desk is not let in because the server is silent.
        QVERIFY(storage::DeskSignInRepository(db).removeVerifier(QStringLiteral("rop")).ok());
        const Timed stranger = check(url, QStringLiteral("rop"), QStringLiteral("rop-demo"));
        QCOMPARE(codeOf(stranger.answer), QStringLiteral("signin.not_on_this_desk"));
        QVERIFY(stranger.answer.error().message.startsWith(QStringLiteral("The server does not answer")));
        qDeleteAll(held);
    }

    void cleanupTestCase()
    {
        db = {};
        storage::ConnectionFactory::close(QStringLiteral("away"));
    }
};

QTEST_MAIN(TestSignInAway)
#include "tst_signinaway.moc"
