// A shift change at a desk that syncs (issue 20), against a real kasp-sync over a throwaway
// PostgreSQL: every unsent change is pushed under the server session of the person who made it,
// and the desk never syncs as anyone but the person signed in. anna makes changes while the desk
// does not sync, boris signs in: anna's arrive as anna's (her session from her own sign-in here),
// boris's as his. vera signs in offline with no session of hers here: the desk does not sync and
// says it waits for her; her changes then wait (never sent as boris's) until she signs in online.
#include "../sync/syncdata.h"
#include "desksignin.h"
#include "kasp/credentials/credentialstore.h"
#include "kasp/session/settings.h"
#include "kasp/storage/connectionfactory.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/recordwriter.h"
#include "kasp/storage/sessionwriter.h"
#include "kasp/storage/userrepository.h"
#include "kasp/sync/syncclient.h"
#include "kasp/testsupport/pgcluster.h"
#include "kasp/testsupport/syncserverprocess.h"
#include "kasp/testsupport/testenv.h"
#include "syncsession.h"

#include <optional>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>

using namespace kasp;

namespace {
const QString kPassword = QStringLiteral("correct horse battery");
constexpr int kWaitMs = 20'000;

// Who pushed what: the server's access log, one "user" per /v1/push that applied something.
QStringList pushersIn(const QString &log)
{
    QStringList users;
    for (const QString &line : log.split(QLatin1Char('\n'))) {
        const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
        if (o.value(QStringLiteral("path")).toString() == QLatin1String("/v1/push"))
            users << o.value(QStringLiteral("user")).toString();
    }
    return users;
}
} // namespace

class TestShiftSync : public QObject
{
    Q_OBJECT
    test::PgCluster pg;
    std::unique_ptr<test::SyncServerProcess> server;
    QString dir;
    QSqlDatabase db;
    SystemClock clock;

    User user(const QString &login)
    {
        return storage::UserRepository(db, clock).byLogin(login).value().value();
    }

    Result<User> checkSignIn(app::DeskSignIn &signIn, const QString &login, const QString &password)
    {
        std::optional<Result<User>> answer;
        signIn.check(login, password, [&](const Result<User> &r) { answer = r; });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, kWaitMs))
            return Error{QStringLiteral("test.no_answer"), QStringLiteral("no answer in time")};
        return *answer;
    }

    // A new guest written at the desk by `who` (the write path, the outbox).
    QString writeGuest(const User &who, const QString &lastName)
    {
        const quint64 ticket = storage::setSessionWriter(db, {who.id, who.role});
        Guest g = test::makeGuest(
            lastName, QStringLiteral("+7 916 %1").arg(qHash(lastName) % 10'000'000, 7, 10, QLatin1Char('0')));
        auto written =
            storage::writeMutation(db, Mutation{QStringLiteral("guest.create"), toJson(g)}, clock.now());
        storage::clearSessionWriter(db, ticket);
        return written.ok() ? idToString(g.id) : QString();
    }

    QStringList pendingAuthors()
    {
        QStringList authors;
        for (const storage::OutboxEntry &e : storage::Outbox(db).pending(100).value())
            authors << e.authorId;
        return authors;
    }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QString error;
        QVERIFY2(pg.start(&error), qPrintable(error));
        server = std::make_unique<test::SyncServerProcess>(pg, QStringLiteral(KASP_SYNC_BINARY));
        QVERIFY2(server->initDb(&error), qPrintable(error));
        for (const QString &login : {QStringLiteral("anna"), QStringLiteral("boris"), QStringLiteral("vera")})
            QVERIFY2(server->addUser(QStringLiteral("Санаторий"), login, QStringLiteral("consultant"),
                                     kPassword, &error),
                     qPrintable(error));
        QVERIFY2(server->start(&error), qPrintable(error));
        dir = test::makeTempDir(QStringLiteral("shiftsync"));
        auto opened = storage::ConnectionFactory::open({dir + QStringLiteral("/kasp.db"),
                                                        storage::DatabaseKey::generateRaw(),
                                                        QStringLiteral("shift"), true, true});
        QVERIFY(opened.ok());
        db = opened.value();
    }

    void eachChangeIsPushedAsItsAuthor()
    {
        session::Settings settings(dir + QStringLiteral("/settings.ini"));
        credentials::CredentialStore keychain(QStringLiteral("KASP"));
        app::SyncSession session(db, settings, keychain);
        {
            // The desk joins as anna and brings the staff in; vera signs in here once online (a
            // verifier for her offline days), then anna again.
            QSignalSpy firstSync(&session, &app::SyncSession::firstSyncDone);
            session.connectTo(server->baseUrl(), QStringLiteral("anna"), kPassword);
            QVERIFY(firstSync.wait(kWaitMs));
        }
        app::DeskSignIn signIn(db, clock, &session);
        QCOMPARE(checkSignIn(signIn, QStringLiteral("vera"), kPassword).ok(), true);
        QCOMPARE(checkSignIn(signIn, QStringLiteral("anna"), kPassword).ok(), true);
        session.resumeAs(user(QStringLiteral("anna")));
        QCOMPARE(session.client()->userId(), idToString(user(QStringLiteral("anna")).id));
        const User anna = user(QStringLiteral("anna"));
        const User boris = user(QStringLiteral("boris"));
        const User vera = user(QStringLiteral("vera"));

        // anna works while the desk does not sync (the server away for the desk).
        session.client()->stop();
        const int pushesBefore = pushersIn(server->log()).size();
        const QString annas1 = writeGuest(anna, QStringLiteral("Аннина"));
        const QString annas2 = writeGuest(anna, QStringLiteral("Аннина-вторая"));
        QVERIFY(!annas1.isEmpty() && !annas2.isEmpty());
        QCOMPARE(pendingAuthors(), QStringList({idToString(anna.id), idToString(anna.id)}));

        // A shift change: boris signs in online. anna's changes go as anna's, then boris's as his.
        QCOMPARE(checkSignIn(signIn, QStringLiteral("boris"), kPassword).ok(), true);
        session.resumeAs(boris);
        QCOMPARE(session.client()->userId(), idToString(boris.id));
        const QString boriss = writeGuest(boris, QStringLiteral("Борисова"));
        // Left to the outbox watch (the poll is 45 s away): the change is pushed at once even when
        // it is written right after the sign-in starts the sync (sync.outboxwatch).
        QTRY_VERIFY_WITH_TIMEOUT(storage::Outbox(db).pendingCount().value() == 0, kWaitMs);
        const QStringList pushers = pushersIn(server->log()).mid(pushesBefore);
        qInfo() << "pushes after the shift change, by user:" << pushers;
        QVERIFY2(pushers.contains(QStringLiteral("anna")), qPrintable(pushers.join(',')));
        QVERIFY2(pushers.contains(QStringLiteral("boris")), qPrintable(pushers.join(',')));
        QCOMPARE(pushers.indexOf(QStringLiteral("anna")) < pushers.indexOf(QStringLiteral("boris")), true);

        // vera signs in offline: her password is checked on the desk, and the desk has no server
        // session of hers (gone from the keychain): it stops syncing as boris and waits for her.
        {
            QSignalSpy removed(&keychain, &credentials::CredentialStore::removeFinished);
            keychain.remove(app::SyncSession::tokenKey(server->baseUrl(), idToString(vera.id)));
            removed.wait(5000);
        }
        // The server away for the desk while vera signs in: checked on the desk.
        const int port = server->port();
        server->stop();
        QString error;
        const Result<User> offline = checkSignIn(signIn, QStringLiteral("vera"), kPassword);
        QVERIFY2(server->start(&error, {QStringLiteral("--port"), QString::number(port)}), qPrintable(error));
        QCOMPARE(server->port(), port);
        QCOMPARE(offline.ok(), true);
        const int pushesAtVera = pushersIn(server->log()).size();
        session.resumeAs(vera);
        QTRY_VERIFY_WITH_TIMEOUT(!session.waitingText().isEmpty(), kWaitMs);
        QVERIFY2(session.waitingText().startsWith(QStringLiteral("sync waits for your sign-in")),
                 qPrintable(session.waitingText()));
        QVERIFY(session.client()->userId().isEmpty()); // nobody's session: not boris's
        const QString veras = writeGuest(vera, QStringLiteral("Верина"));
        session.syncNow(); // no session of hers: nothing may go
        QTest::qWait(1500);
        QCOMPARE(storage::Outbox(db).pendingCount().value(), qint64(1));

        // boris signs in again: vera's change comes first and has no session here, so it waits
        // (and boris's after it: the server applies a desk's changes in order); nothing of hers is
        // sent as his.
        QCOMPARE(checkSignIn(signIn, QStringLiteral("boris"), kPassword).ok(), true);
        session.resumeAs(boris);
        const QString boriss2 = writeGuest(boris, QStringLiteral("Борисова-вторая"));
        session.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(session.waitingText().startsWith(QStringLiteral("unsent: 1 change(s) by")),
                                 kWaitMs);
        QTest::qWait(1500);
        QCOMPARE(pendingAuthors(), QStringList({idToString(vera.id), idToString(boris.id)}));
        QVERIFY2(!pushersIn(server->log()).mid(pushesAtVera).contains(QStringLiteral("boris")) ||
                     storage::Outbox(db).pendingCount().value() == 2,
                 "nothing pushed past vera's change");

        // vera signs in online: her change goes as hers, then boris's.
        QCOMPARE(checkSignIn(signIn, QStringLiteral("vera"), kPassword).ok(), true);
        session.resumeAs(vera);
        QTRY_VERIFY_WITH_TIMEOUT(storage::Outbox(db).pendingCount().value() == 0, kWaitMs);
        const QStringList later = pushersIn(server->log()).mid(pushesAtVera);
        qInfo() << "pushes from vera's offline sign-in on, by user:" << later;
        QCOMPARE(later.first(), QStringLiteral("vera"));
        QVERIFY(later.contains(QStringLiteral("boris")));
        QVERIFY(session.waitingText().isEmpty());
        session.client()->stop();
        Q_UNUSED(boriss);
        Q_UNUSED(boriss2);
        Q_UNUSED(veras);
    }

    void cleanupTestCase()
    {
        db = {};
        storage::ConnectionFactory::close(QStringLiteral("shift"));
    }
};

QTEST_MAIN(TestShiftSync)
#include "tst_shiftsync.moc"
