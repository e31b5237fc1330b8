// The replica's side of a pull, without a server: a page and its cursor land together, a first
// sync stays marked as one until its last page, pending local changes survive a page that carries
// the server's older version, tombstones remove rows, and a failing page leaves nothing behind.
#include "kasp/core/clock.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/replicastore.h"
#include "kasp/testsupport/testdb.h"

#include <QtTest>

using namespace kasp;
using namespace kasp::storage;

namespace {
Guest guest(const QString &lastName)
{
    Guest g;
    g.id = newId();
    g.lastName = lastName;
    g.firstName = QStringLiteral("Анна");
    g.phones.append(Phone::parse(QStringLiteral("+7 916 555-44-33")).value());
    g.createdAt = g.updatedAt = QDateTime::fromMSecsSinceEpoch(1'780'000'000'000, Qt::UTC);
    return g;
}
sync::Record record(const Guest &g, qint64 seq)
{
    return sync::Record{sync::EntityKind::Guest, idToString(g.id), seq, false, toJson(g)};
}
} // namespace

class TestReplicaStore : public QObject
{
    Q_OBJECT
    SystemClock clock;

private slots:
    void initTestCase() { test::initTestEnvironment(); }

    void firstSyncStaysMarkedUntilItsLastPage()
    {
        auto t = test::TestDatabase::create(QStringLiteral("replica"));
        ReplicaStore store(t.db);
        QVERIFY(store.inSnapshot().value()); // nothing pulled yet
        const Guest a = guest(QStringLiteral("Первая")), b = guest(QStringLiteral("Вторая"));
        QVERIFY(store.applyPage(sync::PullResponse{5, true, 10, 0, {record(a, 5)}}).ok());
        QCOMPARE(store.cursor().value(), 5);
        QVERIFY(store.inSnapshot().value()); // a restart or a token refresh here continues the first sync
        QVERIFY(ReplicaStore(t.db).inSnapshot().value());
        QVERIFY(store.applyPage(sync::PullResponse{9, false, 10, 0, {record(b, 9)}}).ok());
        QVERIFY(!store.inSnapshot().value());
        QCOMPARE(GuestRepository(t.db, clock).count().value(), 2);
        t.close();
    }

    void pendingChangesSurviveAnOlderServerVersion()
    {
        auto t = test::TestDatabase::create(QStringLiteral("replica"));
        ReplicaStore store(t.db);
        GuestRepository guests(t.db, clock);
        const Guest g = guest(QStringLiteral("Сервернова"));
        QVERIFY(store.applyPage(sync::PullResponse{3, false, 3, 0, {record(g, 3)}}).ok());
        Guest mine = *guests.byId(g.id).value();
        mine.middleName = QStringLiteral("Локальная"); // not pushed yet
        QVERIFY(guests.update(mine).ok());
        Guest theirs = g;
        theirs.lastName = QStringLiteral("Переименованная"); // a colleague's change, in server order
        QVERIFY(store.applyPage(sync::PullResponse{4, false, 4, 0, {record(theirs, 4)}}).ok());
        const Guest now = *guests.byId(g.id).value();
        QCOMPARE(now.lastName, QStringLiteral("Переименованная"));
        QCOMPARE(now.middleName, QStringLiteral("Локальная"));
        QCOMPARE(Outbox(t.db).pendingCount().value(), 1);
        // The server settles it: lastMutationId acknowledges the entry with the page.
        QVERIFY(store
                    .applyPage(sync::PullResponse{
                        5, false, 5, Outbox(t.db).pending(1).value().first().mutationId, {}})
                    .ok());
        QCOMPARE(Outbox(t.db).pendingCount().value(), 0);
        t.close();
    }

    void tombstonesRemoveAndABadPageChangesNothing()
    {
        auto t = test::TestDatabase::create(QStringLiteral("replica"));
        ReplicaStore store(t.db);
        const Guest g = guest(QStringLiteral("Удаляемая"));
        QVERIFY(store.applyPage(sync::PullResponse{2, false, 2, 0, {record(g, 2)}}).ok());
        QVERIFY(
            store
                .applyPage(sync::PullResponse{
                    3, false, 3, 0, {sync::Record{sync::EntityKind::Guest, idToString(g.id), 3, true, {}}}})
                .ok());
        QVERIFY(!GuestRepository(t.db, clock).byId(g.id).value().has_value());
        // A page with a record the codecs refuse: an error, and neither its rows nor its cursor land.
        const Guest ok = guest(QStringLiteral("Хорошая"));
        sync::Record broken{sync::EntityKind::Guest, idToString(newId()), 5, false, QJsonObject{{"id", 42}}};
        const Status s = store.applyPage(sync::PullResponse{5, false, 5, 0, {record(ok, 4), broken}});
        QVERIFY(!s.ok());
        QCOMPARE(store.cursor().value(), 3);
        QVERIFY(!GuestRepository(t.db, clock).byId(ok.id).value().has_value());
        t.close();
    }
};

QTEST_GUILESS_MAIN(TestReplicaStore)
#include "tst_replicastore.moc"
