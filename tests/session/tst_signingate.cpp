// The desk's own side of a sign-in (issue 20): argon2id verifiers (never the password), the
// throttle after failed attempts, the verifier a server's yes leaves for offline days, and the demo
// database's passwords. On real SQLCipher files.
#include "kasp/core/signinthrottle.h"
#include "kasp/demo/demogenerator.h"
#include "kasp/session/passwordhash.h"
#include "kasp/session/signingate.h"
#include "kasp/storage/connectionfactory.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/signinrepository.h"
#include "kasp/testsupport/testenv.h"

#include <QSqlQuery>
#include <QtTest>

using namespace kasp;

class TestSignInGate : public QObject
{
    Q_OBJECT
    QSqlDatabase db;
    FixedClock clock{QDateTime(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC)};

    int rowsIn(const QString &table)
    {
        QSqlQuery q(db);
        return q.exec(QStringLiteral("SELECT count(*) FROM ") + table) && q.next() ? q.value(0).toInt() : -1;
    }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        const QString dir = test::makeTempDir(QStringLiteral("signingate"));
        auto opened = storage::ConnectionFactory::open({dir + QStringLiteral("/kasp.db"),
                                                        storage::DatabaseKey::generateRaw(),
                                                        QStringLiteral("gate"), true, true});
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        db = opened.value();
    }

    void throttleGrowsAfterThreeFailures()
    {
        QCOMPARE(SignInThrottle::delaySecs(0), 0);
        QCOMPARE(SignInThrottle::delaySecs(2), 0);
        QCOMPARE(SignInThrottle::delaySecs(3), 30);
        QCOMPARE(SignInThrottle::delaySecs(4), 60);
        QCOMPARE(SignInThrottle::delaySecs(5), 120);
        QCOMPARE(SignInThrottle::delaySecs(60), 15 * 60); // capped
        const QDateTime at = clock.now();
        QCOMPARE(SignInThrottle::waitSecs(3, at, at.addMSecs(500)), 30); // rounded up
        QCOMPARE(SignInThrottle::waitSecs(3, at, at.addSecs(30)), 0);
        QCOMPARE(SignInThrottle::waitSecs(2, at, at), 0);
    }

    void verifierIsArgon2idNotThePassword()
    {
        auto one = session::PasswordHash::make(QStringLiteral("морской бриз 7"));
        auto two = session::PasswordHash::make(QStringLiteral("морской бриз 7"));
        QVERIFY(one.ok() && two.ok());
        QVERIFY(one.value().startsWith(QStringLiteral("$argon2id$")));
        QVERIFY(one.value() != two.value()); // a fresh salt each time
        QVERIFY(!one.value().contains(QStringLiteral("бриз")));
        QVERIFY(session::PasswordHash::verify(one.value(), QStringLiteral("морской бриз 7")));
        QVERIFY(!session::PasswordHash::verify(one.value(), QStringLiteral("морской бриз 8")));
        QVERIFY(!session::PasswordHash::verify(QString(), QString()));
        QVERIFY(!session::PasswordHash::verify(QStringLiteral("$argon2id$broken"), QStringLiteral("x")));
    }

    void localPasswordRightAndWrong()
    {
        session::SignInGate gate(db, clock);
        QVERIFY(gate.setPassword(QStringLiteral("anna"), QStringLiteral("сосны и море")).ok());
        QVERIFY(gate.checkLocally(QStringLiteral("anna"), QStringLiteral("сосны и море")).ok());
        const Status wrong = gate.checkLocally(QStringLiteral("anna"), QStringLiteral("сосны и горы"));
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, QStringLiteral("signin.wrong_password"));
        QCOMPARE(storage::DeskSignInRepository(db).get(QStringLiteral("anna")).value().failures, 1);
        // A right one clears the count.
        QVERIFY(gate.checkLocally(QStringLiteral("anna"), QStringLiteral("сосны и море")).ok());
        QCOMPARE(storage::DeskSignInRepository(db).get(QStringLiteral("anna")).value().failures, 0);
        // Nobody has a password here for this login: refused, and nothing was guessed.
        const Status stranger = gate.checkLocally(QStringLiteral("boris"), QStringLiteral("сосны и море"));
        QCOMPARE(stranger.error().code, QStringLiteral("signin.not_on_this_desk"));
        QCOMPARE(storage::DeskSignInRepository(db).get(QStringLiteral("boris")).value().failures, 0);
        // Desk-local: nothing of it goes to the server.
        QCOMPARE(storage::Outbox(db).pendingCount().value(), qint64(0));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT verifier FROM desk_sign_in WHERE login = 'anna'")) && q.next());
        QVERIFY(q.value(0).toString().startsWith(QStringLiteral("$argon2id$")));
    }

    void throttledAfterThreeWrongPasswords()
    {
        session::SignInGate gate(db, clock);
        QVERIFY(gate.setPassword(QStringLiteral("olga"), QStringLiteral("верный пароль")).ok());
        for (int i = 0; i < 2; ++i)
            QCOMPARE(gate.checkLocally(QStringLiteral("olga"), QStringLiteral("догадка")).error().message,
                     QStringLiteral("Wrong password."));
        const Status third = gate.checkLocally(QStringLiteral("olga"), QStringLiteral("догадка"));
        QCOMPARE(third.error().message,
                 QStringLiteral("Wrong password. Too many failed attempts in a row: the next one waits."));
        // Now even the right password waits, and the waiting attempt is not counted.
        const Status early = gate.checkLocally(QStringLiteral("olga"), QStringLiteral("верный пароль"));
        QCOMPARE(early.error().code, QStringLiteral("signin.throttled"));
        QCOMPARE(early.error().message, QStringLiteral("Too many failed attempts. Try again in 30 s."));
        QCOMPARE(gate.waitSecs(QStringLiteral("olga")).value(), 30);
        clock.advanceSecs(29);
        QCOMPARE(gate.waitSecs(QStringLiteral("olga")).value(), 1);
        QCOMPARE(gate.checkLocally(QStringLiteral("olga"), QStringLiteral("верный пароль")).error().code,
                 QStringLiteral("signin.throttled"));
        clock.advanceSecs(1);
        // A fourth wrong one doubles the wait.
        QCOMPARE(gate.checkLocally(QStringLiteral("olga"), QStringLiteral("догадка")).error().code,
                 QStringLiteral("signin.wrong_password"));
        QCOMPARE(gate.waitSecs(QStringLiteral("olga")).value(), 60);
        clock.advanceSecs(60);
        QVERIFY(gate.checkLocally(QStringLiteral("olga"), QStringLiteral("верный пароль")).ok());
        QCOMPARE(gate.waitSecs(QStringLiteral("olga")).value(), 0);
        // Other people at the desk are not held up by olga's failures.
        QCOMPARE(gate.waitSecs(QStringLiteral("anna")).value(), 0);
    }

    void theServersAnswerLeavesAVerifier()
    {
        session::SignInGate gate(db, clock);
        // Never signed in here: no offline sign-in.
        QCOMPARE(gate.checkLocally(QStringLiteral("galina"), QStringLiteral("пароль с сервера")).error().code,
                 QStringLiteral("signin.not_on_this_desk"));
        QVERIFY(gate.acceptedByServer(QStringLiteral("galina"), QStringLiteral("пароль с сервера")).ok());
        QVERIFY(storage::DeskSignInRepository(db).get(QStringLiteral("galina")).value().signedInAt.isValid());
        QVERIFY(gate.checkLocally(QStringLiteral("galina"), QStringLiteral("пароль с сервера")).ok());
        // The password was changed on the server: the old one, refused there, is no good here either.
        QVERIFY(gate.refusedByServer(QStringLiteral("galina"), QStringLiteral("пароль с сервера")).ok());
        QCOMPARE(gate.checkLocally(QStringLiteral("galina"), QStringLiteral("пароль с сервера")).error().code,
                 QStringLiteral("signin.not_on_this_desk"));
        QCOMPARE(storage::DeskSignInRepository(db).get(QStringLiteral("galina")).value().failures, 1);
        QCOMPARE(storage::DeskSignInRepository(db).loginsWithVerifier().value(),
                 QStringList({QStringLiteral("anna"), QStringLiteral("olga")}));
    }

    void demoDatabaseHasTheReadmePasswords()
    {
        const QString dir = test::makeTempDir(QStringLiteral("signingate-demo"));
        auto opened = storage::ConnectionFactory::open({dir + QStringLiteral("/demo.db"),
                                                        storage::DatabaseKey::generateRaw(),
                                                        QStringLiteral("demo"), true, true});
        QVERIFY(opened.ok());
        QSqlDatabase demoDb = opened.value();
        demo::DemoOptions options;
        options.guests = 50;
        options.years = 1;
        options.today = QDate(2026, 12, 7);
        QVERIFY(demo::generateDemo(demoDb, options).ok());
        session::SignInGate gate(demoDb, clock);
        QSqlQuery q(demoDb);
        QVERIFY(q.exec(QStringLiteral("SELECT login FROM users ORDER BY login")));
        QStringList logins;
        while (q.next())
            logins << q.value(0).toString();
        QCOMPARE(logins.size(), 8);
        for (const QString &login : logins) {
            QCOMPARE(demo::demoPassword(login), login + QStringLiteral("-demo"));
            QVERIFY2(gate.checkLocally(login, demo::demoPassword(login)).ok(), qPrintable(login));
        }
        QCOMPARE(gate.checkLocally(QStringLiteral("director"), QStringLiteral("anna-demo")).error().code,
                 QStringLiteral("signin.wrong_password"));
        QCOMPARE(demo::demoPassword(QStringLiteral("nobody")), QString());
        storage::ConnectionFactory::close(QStringLiteral("demo"));
    }

    void cleanupTestCase()
    {
        db = {};
        storage::ConnectionFactory::close(QStringLiteral("gate"));
    }
};

QTEST_MAIN(TestSignInGate)
#include "tst_signingate.moc"
