// A damaged database file (16 bytes inverted in five of its pages, the pages then failing
// SQLCipher's HMAC) is an error everywhere it is read, never a shorter list: the repositories say
// storage.corrupt, the connection's damage watch hears it, the page check finds it. Real files.
#include "kasp/core/clock.h"
#include "kasp/storage/damagecheck.h"
#include "kasp/storage/guestlist.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/replicarebuild.h"
#include "kasp/storage/replicastore.h"
#include "kasp/storage/roomrepository.h"
#include "kasp/storage/taskrepository.h"
#include "kasp/testsupport/damagedfile.h"
#include "kasp/testsupport/testdb.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace kasp;
using namespace kasp::storage;

namespace {

constexpr int kTasks = 300;

// A database whose tasks fill pages [firstTaskPage, lastTaskPage]: long titles, so that nearly all
// of those pages are the table's own rows (a few are its indexes').
struct TaskFile
{
    test::TestDatabase t;
    Id assignee = newId();
    qint64 firstTaskPage = 0;
    qint64 lastTaskPage = 0;
};

TaskFile makeTaskFile()
{
    TaskFile f{test::TestDatabase::create(QStringLiteral("damaged")), newId(), 0, 0};
    f.firstTaskPage = test::pageCount(f.t.db) + 1;
    QSqlQuery q(f.t.db);
    q.prepare(QStringLiteral("INSERT INTO tasks (id, assignee_id, title, due_at, status, created_at, kind) "
                             "VALUES (?, ?, ?, ?, 'open', ?, 'call_back')"));
    const qint64 at = QDateTime(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch();
    for (int i = 0; i < kTasks; ++i) {
        q.addBindValue(idToString(newId()));
        q.addBindValue(idToString(f.assignee));
        q.addBindValue(QStringLiteral("Перезвонить гостю %1 ").arg(i).repeated(40));
        q.addBindValue(at + i * 60000);
        q.addBindValue(at);
        if (!q.exec())
            qFatal("insert: %s", qPrintable(q.lastError().text()));
    }
    QSqlQuery(f.t.db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    f.lastTaskPage = test::pageCount(f.t.db);
    f.t.close();
    return f;
}

QSqlDatabase reopen(const TaskFile &f, const QString &connection)
{
    auto opened = ConnectionFactory::open({f.t.path, f.t.key, connection, false, true});
    if (!opened.ok())
        qFatal("reopen: %s", qPrintable(opened.error().message));
    return opened.value();
}

} // namespace

class TestDamagedFile : public QObject
{
    Q_OBJECT

private slots:
    void wholeFilePassesTheCheck()
    {
        const TaskFile f = makeTaskFile();
        QVERIFY(f.lastTaskPage - f.firstTaskPage > 100);
        QSqlDatabase db = reopen(f, QStringLiteral("whole"));
        QVERIFY(checkPages(db).ok());
        FixedClock clock(QDateTime::currentDateTimeUtc());
        auto tasks = TaskRepository(db, clock).openFor(f.assignee, 10000);
        QVERIFY(tasks.ok());
        QCOMPARE(tasks.value().size(), kTasks);
        ConnectionFactory::close(QStringLiteral("whole"));
    }

    // The finding: the desk opened with no error and showed 3 tasks of 122. The first rows
    // read fine; the read stops at the first damaged page, which used to look like the end.
    void damagedPagesAreAnErrorNotFewerRows()
    {
        const TaskFile f = makeTaskFile();
        QVERIFY(test::flipBytesInPages(f.t.path, test::spreadPages(f.firstTaskPage, f.lastTaskPage, 5)));
        QSqlDatabase db = reopen(f, QStringLiteral("damaged")); // page 1 and the schema still read
        QStringList heard;
        QObject receiver;
        QVERIFY(watchDamage(db, &receiver, [&](const QString &detail) { heard.append(detail); }));

        FixedClock clock(QDateTime::currentDateTimeUtc());
        TaskRepository tasks(db, clock);
        auto open = tasks.openFor(f.assignee, 10000);
        QVERIFY2(!open.ok(), open.ok() ? qPrintable(QString::number(open.value().size())) : "");
        QCOMPARE(open.error().code, QStringLiteral("storage.corrupt"));
        // The user's words, in full: what happened and what to do; SQLite's English is not in them.
        QCOMPARE(open.error().message, damagedDatabaseMessage());
        QVERIFY(!open.error().message.contains(QStringLiteral("malformed")));

        auto agenda = tasks.agenda(f.assignee, QDateTime(QDate(2027, 1, 1), QTime(0, 0), Qt::UTC), 10000);
        QVERIFY(!agenda.ok());
        QCOMPARE(agenda.error().code, QStringLiteral("storage.corrupt"));

        QTRY_VERIFY(!heard.isEmpty()); // the watch heard it, whatever the caller did
        QVERIFY2(heard.first().contains(QStringLiteral("tasks")), qPrintable(heard.first()));

        const Status check = checkPages(db);
        QVERIFY(!check.ok());
        QCOMPARE(check.error().code, QStringLiteral("storage.corrupt"));
        ConnectionFactory::close(QStringLiteral("damaged"));
    }

    // Pages of other tables: the guest list still reads whole, but the page check finds the damage
    // before anyone looks at the tasks.
    void checkFindsDamageNoReadHasMetYet()
    {
        const TaskFile f = makeTaskFile();
        QVERIFY(test::flipBytesInPages(f.t.path, {f.lastTaskPage - 3}));
        QSqlDatabase db = reopen(f, QStringLiteral("unseen"));
        QVERIFY(GuestList(db).count().ok());
        const Status check = checkPages(db);
        QVERIFY(!check.ok());
        QCOMPARE(check.error().code, QStringLiteral("storage.corrupt"));
        ConnectionFactory::close(QStringLiteral("unseen"));
    }

    // A desk that syncs rebuilds its replica from the server: the unsent changes (the outbox), the
    // desk's client id and its mutation counter survive; the damaged file is kept aside, unchanged.
    void rebuildKeepsTheOutbox()
    {
        auto t = test::TestDatabase::create(QStringLiteral("rebuild"));
        FixedClock clock(QDateTime(QDate(2026, 12, 7), QTime(10, 0), Qt::UTC));
        TaskRepository tasks(t.db, clock);
        const Id assignee = newId();
        for (int i = 0; i < 3; ++i) {
            Task task;
            task.id = newId();
            task.assigneeId = assignee;
            task.title = QStringLiteral("Не отправлено %1").arg(i);
            task.due = clock.now().addDays(1);
            QVERIFY(tasks.create(task).ok());
        }
        auto before = Outbox(t.db).pending(100);
        QVERIFY(before.ok());
        QCOMPARE(before.value().size(), 3);
        const QString clientId = Outbox(t.db).clientId().value();
        const qint64 firstDamaged = test::pageCount(t.db) + 1;
        QSqlQuery q(t.db);
        for (int i = 0; i < 200; ++i)
            QVERIFY(q.exec(QStringLiteral("INSERT INTO tasks (id, assignee_id, title, status, created_at) "
                                          "VALUES ('%1', 'x', '%2', 'open', 0)")
                               .arg(idToString(newId()), QStringLiteral("пришло с сервера ").repeated(60))));
        QSqlQuery(t.db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        const qint64 lastDamaged = test::pageCount(t.db);
        t.close();
        QVERIFY(test::flipBytesInPages(t.path, test::spreadPages(firstDamaged, lastDamaged, 5)));
        QFile damaged(t.path);
        QVERIFY(damaged.open(QIODevice::ReadOnly));
        const QByteArray damagedBytes = damaged.readAll();
        damaged.close();

        auto rebuilt = rebuildKeepingOutbox({t.path, t.key, QStringLiteral("unused"), false, true}, clock);
        QVERIFY2(rebuilt.ok(), rebuilt.ok() ? "" : qPrintable(rebuilt.error().message));
        QCOMPARE(rebuilt.value().keptMutations, 3);
        // Named by the desk's clock, in local time: the file put aside tells when.
        QVERIFY2(rebuilt.value().damagedCopy.endsWith(
                     QStringLiteral(".damaged-") +
                     clock.now().toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))),
                 qPrintable(rebuilt.value().damagedCopy));
        QFile aside(rebuilt.value().damagedCopy);
        QVERIFY(aside.open(QIODevice::ReadOnly));
        QVERIFY(aside.readAll() == damagedBytes);

        auto opened = ConnectionFactory::open({t.path, t.key, QStringLiteral("rebuilt"), false, true});
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
        QSqlDatabase db = opened.value();
        QVERIFY(checkPages(db).ok());
        QCOMPARE(Outbox(db).clientId().value(), clientId);
        auto after = Outbox(db).pending(100);
        QVERIFY(after.ok());
        QCOMPARE(after.value().size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(after.value()[i].mutationId, before.value()[i].mutationId);
            QCOMPARE(after.value()[i].name, before.value()[i].name);
            QCOMPARE(after.value()[i].args, before.value()[i].args);
            QCOMPARE(after.value()[i].createdAt, before.value()[i].createdAt);
        }
        // The replica is empty until the server's pages come; the desk's next change carries on
        // the same counter, so no mutation id repeats.
        auto left = TaskRepository(db, clock).openFor(assignee, 100);
        QVERIFY(left.ok());
        QVERIFY(left.value().isEmpty());
        Task next;
        next.id = newId();
        next.assigneeId = assignee;
        next.title = QStringLiteral("После пересборки");
        next.due = clock.now().addDays(2);
        QVERIFY(TaskRepository(db, clock).create(next).ok());
        auto all = Outbox(db).pending(100);
        QVERIFY(all.ok());
        QCOMPARE(all.value().size(), 4);
        QVERIFY(all.value().last().mutationId > before.value().last().mutationId);
        ConnectionFactory::close(QStringLiteral("rebuilt"));
    }

    // When the outbox itself is damaged, the rebuild refuses and leaves the file where it was.
    void rebuildRefusesToLoseAnUnreadableOutbox()
    {
        auto t = test::TestDatabase::create(QStringLiteral("rebuild-outbox"));
        FixedClock clock(QDateTime(QDate(2026, 12, 7), QTime(10, 0), Qt::UTC));
        const qint64 first = test::pageCount(t.db) + 1;
        TaskRepository tasks(t.db, clock);
        for (int i = 0; i < 400; ++i) {
            Task task;
            task.id = newId();
            task.assigneeId = newId();
            task.title = QStringLiteral("Длинная задача ").repeated(12);
            QVERIFY(tasks.create(task).ok());
        }
        QSqlQuery(t.db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        const qint64 last = test::pageCount(t.db);
        t.close();
        // Every new page: the outbox's among them.
        QList<qint64> pages;
        for (qint64 p = first; p <= last; ++p)
            pages.append(p);
        QVERIFY(test::flipBytesInPages(t.path, pages));
        auto rebuilt = rebuildKeepingOutbox({t.path, t.key, QStringLiteral("unused"), false, true}, clock);
        QVERIFY(!rebuilt.ok());
        QCOMPARE(rebuilt.error().code, QStringLiteral("storage.outbox_unreadable"));
        QVERIFY(QFile::exists(t.path));
        QCOMPARE(QDir(QFileInfo(t.path).absolutePath()).entryList({QStringLiteral("*.damaged-*")}).size(), 0);
    }

    // The sync's own state (meta: the client id, the pull cursor, the first sync's mark) on a
    // damaged page: each read is storage.corrupt, heard by the damage watch, never the default
    // that would make the sync re-pull the base from 0 or push under an empty client id.
    void syncStateOnADamagedPageIsAnError()
    {
        test::TestDatabase t = test::TestDatabase::create(QStringLiteral("meta"));
        QSqlQuery q(t.db);
        QVERIFY(q.exec(
            QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('sync_cursor', '4242')")));
        QCOMPARE(ReplicaStore(t.db).cursor().value(), 4242);
        QVERIFY(!ReplicaStore(t.db).inSnapshot().value());
        QVERIFY(!Outbox(t.db).clientId().value().isEmpty());
        QVERIFY(q.exec(QStringLiteral(
                    "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'meta'")) &&
                q.next());
        const qint64 metaPage = q.value(0).toLongLong();
        q.finish();
        QVERIFY(QSqlQuery(t.db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        t.close();
        QVERIFY(test::flipBytesInPages(t.path, {metaPage}));

        auto opened = ConnectionFactory::open({t.path, t.key, QStringLiteral("meta-damaged"), false, false});
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
        {
            QSqlDatabase db = opened.value();
            QObject receiver;
            int heard = 0;
            QVERIFY(watchDamage(db, &receiver, [&](const QString &) { ++heard; }));
            const auto cursor = ReplicaStore(db).cursor();
            QVERIFY(!cursor.ok());
            QCOMPARE(cursor.error().code, QStringLiteral("storage.corrupt"));
            const auto snapshot = ReplicaStore(db).inSnapshot();
            QVERIFY(!snapshot.ok());
            QCOMPARE(snapshot.error().code, QStringLiteral("storage.corrupt"));
            const auto clientId = Outbox(db).clientId();
            QVERIFY(!clientId.ok());
            QCOMPARE(clientId.error().code, QStringLiteral("storage.corrupt"));
            QTRY_VERIFY(heard >= 3);
        }
        opened = QSqlDatabase();
        ConnectionFactory::close(QStringLiteral("meta-damaged"));
    }

    // A room's bookings on damaged pages: taking the room out of service cannot count them, and
    // says so; it never counts none and closes a room that has guests on those nights.
    void roomClosureOverDamagedBookingsIsRefused()
    {
        test::TestDatabase t = test::TestDatabase::create(QStringLiteral("closure"));
        FixedClock clock(QDateTime(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC));
        RoomRepository stock(t.db, clock);
        Building b{newId(), QStringLiteral("Корпус 1"), {}};
        RoomCategory c{newId(), QStringLiteral("std"),     QStringLiteral("Стандарт"), 2,
                       1,       Money::fromKopecks(350000)};
        const Id room = newId();
        QVERIFY(stock.addBuilding(b).ok());
        QVERIFY(stock.addCategory(c).ok());
        QVERIFY(stock.addRoom(Room{room, b.id, c.id, QStringLiteral("101"), 1, 2}).ok());
        const qint64 first = test::pageCount(t.db) + 1;
        QSqlQuery q(t.db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys=OFF")));
        const QDate in(2027, 1, 1);
        for (int i = 0; i < 400; ++i)
            QVERIFY(q.exec(
                QStringLiteral("INSERT INTO bookings (id, guest_id, room_id, check_in, check_out, adults, "
                               "children, total, prepaid, status, created_by, created_at) VALUES ('%1', "
                               "'g', '%2', '%3', '%4', 2, 0, 0, 0, 'paid', '%5', 0)")
                    .arg(idToString(newId()), idToString(room), in.addDays(2 * i).toString(Qt::ISODate),
                         in.addDays(2 * i + 1).toString(Qt::ISODate), QStringLiteral("x").repeated(300))));
        QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        const qint64 last = test::pageCount(t.db);
        q.finish();
        t.close();
        QVERIFY(test::flipBytesInPages(t.path, test::spreadPages(first, last, 5)));

        auto opened =
            ConnectionFactory::open({t.path, t.key, QStringLiteral("closure-damaged"), false, true});
        QVERIFY(opened.ok());
        {
            const Status closed =
                RoomRepository(opened.value(), clock)
                    .closeRoom(RoomClosure{newId(), room, in, in.addDays(800), QStringLiteral("Ремонт")});
            QVERIFY(!closed.ok());
            QCOMPARE(closed.error().code, QStringLiteral("storage.corrupt"));
            auto closures = RoomRepository(opened.value(), clock).closures(in, in.addDays(800));
            QVERIFY(closures.ok() && closures.value().isEmpty());
        }
        opened = QSqlDatabase();
        ConnectionFactory::close(QStringLiteral("closure-damaged"));
    }
};

QTEST_GUILESS_MAIN(TestDamagedFile)
#include "tst_damagedfile.moc"
