// «Пересобрать с сервера» end to end (issue 20), against a real kasp-sync over PostgreSQL: a desk
// with unsent changes has its file damaged (pages of the base it pulled no longer pass SQLCipher's
// HMAC). The rebuild puts the file aside and keeps the outbox, the client id and the mutation
// counter; the new file signs in, pulls the base from the server and pushes the kept changes. The
// server ends with each of them exactly once, even those it had already taken before the desk could
// note it (an acknowledgement lost: the desk's file is the copy from before that push).
#include "kasp/storage/connectionfactory.h"
#include "kasp/storage/damagecheck.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/replicarebuild.h"
#include "kasp/storage/roomrepository.h"
#include "kasp/sync/syncclient.h"
#include "kasp/testsupport/damagedfile.h"
#include "kasp/testsupport/pgcluster.h"
#include "kasp/testsupport/syncserverprocess.h"
#include "syncdata.h"
#include "syncdesktop.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>

using namespace kasp;
using namespace kasp::storage;

using test::Desktop;
using test::kPassword;

namespace {
constexpr int kBase = 400; // guests on the server, made by another desk

bool copyFile(const QString &from, const QString &to)
{
    QFile::remove(to);
    return QFile::copy(from, to);
}
} // namespace

class TestRebuild : public QObject
{
    Q_OBJECT
    test::PgCluster pg;
    std::unique_ptr<test::SyncServerProcess> server;
    QSqlDatabase pgdb;

    // How many live records of a kind with this id the server holds.
    int onServer(const Id &id)
    {
        QSqlQuery q(pgdb);
        q.prepare(QStringLiteral("SELECT count(*) FROM records WHERE id = ? AND NOT deleted"));
        q.addBindValue(idToString(id));
        return q.exec() && q.next() ? q.value(0).toInt() : -1;
    }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QString error;
        QVERIFY2(pg.start(&error), qPrintable(error));
        server = std::make_unique<test::SyncServerProcess>(pg, QStringLiteral(KASP_SYNC_BINARY));
        QVERIFY2(server->initDb(&error), qPrintable(error));
        for (const QString &login : {QStringLiteral("anna"), QStringLiteral("boris")})
            QVERIFY2(server->addUser(QStringLiteral("Санаторий"), login, QStringLiteral("consultant"),
                                     kPassword, &error),
                     qPrintable(error));
        QVERIFY2(server->start(&error), qPrintable(error));
        pgdb = pg.connect(QStringLiteral("check"), &error);
        QVERIFY2(pgdb.isOpen(), qPrintable(error));
    }

    void rebuildPullsTheBaseAndPushesTheKeptChangesOnce()
    {
        // The base: another desk's guests, on the server.
        Desktop boris(QStringLiteral("boris"), server->baseUrl());
        QVERIFY(boris.signIn(QStringLiteral("boris")));
        QList<Id> base;
        for (int i = 0; i < kBase; ++i) {
            Guest g = test::makeGuest(QStringLiteral("Базовая%1").arg(i),
                                      QStringLiteral("+7 916 1%1").arg(i, 6, 10, QLatin1Char('0')));
            QVERIFY(boris.guests().create(g).ok());
            base.append(g.id);
        }
        QVERIFY(boris.syncOnce());
        QCOMPARE(boris.client->pendingCount(), 0);

        // Anna's desk pulls it: these pages are what the damage hits later.
        auto anna = std::make_unique<Desktop>(QStringLiteral("anna"), server->baseUrl());
        const QString path = anna->t.path;
        const DatabaseKey key = anna->t.key;
        QVERIFY(anna->signIn(QStringLiteral("anna")));
        const qint64 firstBasePage = test::pageCount(anna->t.db) + 1;
        QVERIFY(anna->syncOnce());
        QCOMPARE(anna->guests().count().value(), kBase);
        const qint64 lastBasePage = test::pageCount(anna->t.db);
        QVERIFY2(lastBasePage - firstBasePage > 10,
                 qPrintable(QString::number(lastBasePage - firstBasePage)));
        const QString clientId = Outbox(anna->t.db).clientId().value();

        // Two changes, then the copy of the file as it is; the push reaches the server, and the
        // desk goes back to the copy: for it the two were never acknowledged (a lost reply).
        const Guest first = test::makeGuest(QStringLiteral("Первая"), QStringLiteral("+7 916 200-00-01"));
        const Guest second = test::makeGuest(QStringLiteral("Вторая"), QStringLiteral("+7 916 200-00-02"));
        QVERIFY(anna->guests().create(first).ok());
        QVERIFY(anna->guests().create(second).ok());
        QVERIFY(QSqlQuery(anna->t.db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        const QString before = path + QStringLiteral(".before-push");
        QVERIFY(copyFile(path, before));
        QVERIFY(anna->syncOnce());
        QCOMPARE(onServer(first.id), 1);
        QCOMPARE(onServer(second.id), 1);
        anna.reset(); // closes the connection
        for (const char *suffix : {"-wal", "-shm"})
            QFile::remove(path + QLatin1String(suffix));
        QVERIFY(copyFile(before, path));

        // One more change nobody has seen yet, then the damage.
        const Guest third = test::makeGuest(QStringLiteral("Третья"), QStringLiteral("+7 916 200-00-03"));
        {
            auto db = ConnectionFactory::open({path, key, QStringLiteral("anna-offline"), false, true});
            QVERIFY(db.ok());
            SystemClock clock;
            QVERIFY(GuestRepository(db.value(), clock).create(third).ok());
            QCOMPARE(Outbox(db.value()).pendingCount().value(), 3);
            QVERIFY(QSqlQuery(db.value()).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        }
        ConnectionFactory::close(QStringLiteral("anna-offline"));
        QCOMPARE(onServer(third.id), 0);
        QVERIFY(test::flipBytesInPages(path, test::spreadPages(firstBasePage, lastBasePage, 5)));
        {
            auto db = ConnectionFactory::open({path, key, QStringLiteral("anna-damaged"), false, true});
            QVERIFY(db.ok());
            const Status pages = checkPages(db.value());
            QVERIFY(!pages.ok());
            QCOMPARE(pages.error().code, QStringLiteral("storage.corrupt"));
        }
        ConnectionFactory::close(QStringLiteral("anna-damaged"));

        // «Пересобрать с сервера»: the file aside, the unsent changes and the desk's identity kept.
        const SystemClock rebuildClock;
        auto rebuilt = rebuildKeepingOutbox({path, key, QStringLiteral("unused"), false, true}, rebuildClock);
        QVERIFY2(rebuilt.ok(), rebuilt.ok() ? "" : qPrintable(rebuilt.error().message));
        QCOMPARE(rebuilt.value().keptMutations, 3);
        QVERIFY(QFile::exists(rebuilt.value().damagedCopy));

        // The new file signs in and syncs as a new desk does: the base comes, the changes go.
        auto opened = ConnectionFactory::open({path, key, QStringLiteral("anna-rebuilt"), false, true});
        QVERIFY(opened.ok());
        {
            QSqlDatabase db = opened.value();
            QCOMPARE(Outbox(db).clientId().value(), clientId);
            sync::SyncClient::Options options;
            options.server = QUrl(server->baseUrl());
            const FixedClock deskClock(QDateTime(QDate(2026, 12, 7), QTime(21, 30), Qt::UTC));
            options.clock = &deskClock; // "last synced" is the desk's clock (issue 19's Clock rule)
            sync::SyncClient client(db, options);
            QSignalSpy signedIn(&client, &sync::SyncClient::signedIn);
            client.signIn(QStringLiteral("anna"), kPassword);
            QVERIFY(signedIn.wait(10'000));
            QSignalSpy rejected(&client, &sync::SyncClient::mutationRejected);
            QSignalSpy failed(&client, &sync::SyncClient::syncFailed);
            QSignalSpy synced(&client, &sync::SyncClient::synced);
            client.syncNow();
            QVERIFY(QTest::qWaitFor([&] { return !synced.isEmpty() || !failed.isEmpty(); }, 30'000));
            QVERIFY2(failed.isEmpty(),
                     qPrintable(failed.isEmpty() ? QString() : failed.first().first().value<Error>().code));
            QTRY_VERIFY_WITH_TIMEOUT(!client.isBusy(), 30'000);
            QCOMPARE(rejected.size(), 0); // the server took none of them for a second create
            QCOMPARE(synced.first().first().toDateTime(), deskClock.now());
            QCOMPARE(client.pendingCount(), 0);

            SystemClock clock;
            GuestRepository guests(db, clock);
            QCOMPARE(guests.count().value(), kBase + 3);
            for (const Id &id : base)
                QVERIFY(guests.byId(id).value().has_value());
            for (const Guest *g : {&first, &second, &third}) {
                auto there = guests.byId(g->id);
                QVERIFY(there.ok() && there.value().has_value());
                QCOMPARE(there.value()->lastName, g->lastName);
            }
            QVERIFY(checkPages(db).ok());
        }
        opened = QSqlDatabase();
        ConnectionFactory::close(QStringLiteral("anna-rebuilt"));

        // The server: each kept change once, the one it had not seen now there, nothing else new.
        for (const Guest *g : {&first, &second, &third})
            QCOMPARE(onServer(g->id), 1);
        QSqlQuery q(pgdb);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM records WHERE kind = 'guest' AND NOT deleted")) &&
                q.next());
        QCOMPARE(q.value(0).toInt(), kBase + 3);
        // And a colleague's desk sees them.
        QVERIFY(boris.syncOnce());
        QCOMPARE(boris.guests().count().value(), kBase + 3);
        QVERIFY(boris.guests().byId(third.id).value().has_value());
    }
};

QTEST_GUILESS_MAIN(TestRebuild)
#include "tst_rebuild.moc"
