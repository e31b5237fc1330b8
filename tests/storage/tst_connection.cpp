// The connection factory and migrations against real encrypted files: the right key, a wrong key,
// corrupt and foreign files, a database from a newer KASP, read-only and full disks.
#include "kasp/storage/connectionfactory.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/storage/migrations.h"
#include "kasp/storage/outbox.h"
#include "kasp/testsupport/testdb.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlQuery>
#include <QtTest>
#include <unistd.h>

using namespace kasp;
using namespace kasp::storage;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

Guest sampleGuest(const QString &last, const QString &phone)
{
    Guest g;
    g.id = newId();
    g.lastName = last;
    g.firstName = QStringLiteral("Мария");
    g.phones.append(Phone::parse(phone).value());
    return g;
}

QString pragma(QSqlDatabase db, const QString &name)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("PRAGMA ") + name) && q.next() ? q.value(0).toString() : QString();
}

// A small tmpfs of its own (root only), unmounted when the test ends: a real disk that fills up
// or turns read-only. Empty mountPoint: mounting is not allowed here.
class Tmpfs
{
public:
    Tmpfs(const QString &hint, const QString &size)
    {
        const QString dir = test::makeTempDir(hint);
        if (::geteuid() == 0 &&
            QProcess::execute(QStringLiteral("mount"),
                              {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                               QStringLiteral("size=") + size, QStringLiteral("kasp-") + hint, dir}) == 0)
            mountPoint = dir;
    }
    ~Tmpfs()
    {
        if (!mountPoint.isEmpty())
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), mountPoint});
    }
    bool remountReadOnly() const
    {
        return QProcess::execute(QStringLiteral("mount"),
                                 {QStringLiteral("-o"), QStringLiteral("remount,ro"), mountPoint}) == 0;
    }
    QString mountPoint;
};

} // namespace

class TestConnection : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { test::initTestEnvironment(); }

    void createsEncryptedMigratedWalDatabase()
    {
        auto t = test::TestDatabase::create();
        QCOMPARE(Migrator::currentVersion(t.db), Migrator::latestVersion());
        QCOMPARE(pragma(t.db, QStringLiteral("journal_mode")), QStringLiteral("wal"));
        QCOMPARE(pragma(t.db, QStringLiteral("synchronous")), QStringLiteral("2")); // FULL
        QCOMPARE(pragma(t.db, QStringLiteral("foreign_keys")), QStringLiteral("1"));
        const QString clientId = Outbox(t.db).clientId().value();
        QCOMPARE(clientId.size(), 36);
        t.close();
        QFile f(t.path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.read(16).startsWith("SQLite format 3"));
    }

    void reopensWithTheRightKeyKeepingData()
    {
        auto t = test::TestDatabase::create();
        FixedClock clock(QDateTime(QDate(2026, 11, 23), QTime(10, 0), Qt::UTC));
        QVERIFY(GuestRepository(t.db, clock)
                    .create(sampleGuest(QStringLiteral("Иванова"), QStringLiteral("89161234567")))
                    .ok());
        const QString clientId = Outbox(t.db).clientId().value();
        t.close();
        auto again = ConnectionFactory::open({t.path, t.key, QStringLiteral("again"), false, true});
        QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().message));
        QCOMPARE(GuestRepository(again.value(), clock).count().value(), 1);
        QCOMPARE(Outbox(again.value()).clientId().value(), clientId); // made once, kept
        ConnectionFactory::close(QStringLiteral("again"));
    }

    void wrongKeyIsRefusedAndFileUntouched()
    {
        auto t = test::TestDatabase::create();
        t.close();
        const QByteArray before = fileHash(t.path);
        auto opened = ConnectionFactory::open(
            {t.path, DatabaseKey::generateRaw(), QStringLiteral("wrong"), false, true});
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, QStringLiteral("storage.wrong_key"));
        QVERIFY(!QSqlDatabase::contains(QStringLiteral("wrong")));
        QCOMPARE(fileHash(t.path), before);
        // A passphrase is not the raw key either.
        opened = ConnectionFactory::open({t.path, DatabaseKey::fromPassphrase(QStringLiteral("guess")),
                                          QStringLiteral("wrong2"), false, true});
        QCOMPARE(opened.error().code, QStringLiteral("storage.wrong_key"));
    }

    void passphraseDatabaseRoundTrip()
    {
        const QString path = test::makeTempDir(QStringLiteral("pass")) + QStringLiteral("/p.db");
        const auto key = DatabaseKey::fromPassphrase(QStringLiteral("горный воздух 2026"));
        auto opened = ConnectionFactory::open({path, key, QStringLiteral("p1"), true, true});
        QVERIFY(opened.ok());
        ConnectionFactory::close(QStringLiteral("p1"));
        QVERIFY(ConnectionFactory::open({path, key, QStringLiteral("p2"), false, true}).ok());
        ConnectionFactory::close(QStringLiteral("p2"));
    }

    void foreignFileIsRefused()
    {
        const QString path = test::makeTempDir(QStringLiteral("foreign")) + QStringLiteral("/notes.db");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray junk(64 * 1024, '\0');
        for (int i = 0; i < junk.size(); ++i)
            junk[i] = char((i * 7919) % 251);
        f.write(junk);
        f.close();
        const QByteArray before = fileHash(path);
        auto opened = ConnectionFactory::open(
            {path, DatabaseKey::generateRaw(), QStringLiteral("foreign"), false, true});
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, QStringLiteral("storage.wrong_key"));
        QVERIFY(opened.error().message.contains(QStringLiteral("not a KASP database")));
        QCOMPARE(fileHash(path), before);
    }

    void corruptPagesGiveAClearErrorNotACrash()
    {
        auto t = test::TestDatabase::create();
        FixedClock clock(QDateTime::currentDateTimeUtc());
        GuestRepository guests(t.db, clock);
        for (int i = 0; i < 300; ++i)
            QVERIFY(guests
                        .create(sampleGuest(QStringLiteral("Петрова%1").arg(i),
                                            QStringLiteral("+7916000%1").arg(i, 4, 10, QLatin1Char('0'))))
                        .ok());
        QSqlQuery(t.db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        t.close();
        QFile f(t.path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.size() > 8 * 4096);
        // One flipped byte in every page but the first: page 1 (the schema) still decrypts, every
        // table and index page fails its HMAC, as after a bad sector or a torn copy.
        for (qint64 at = 4096 + 2000; at < f.size(); at += 4096) {
            f.seek(at);
            char c = 0;
            f.getChar(&c);
            f.seek(at);
            f.putChar(char(c ^ 0x5a));
        }
        f.close();
        auto opened = ConnectionFactory::open({t.path, t.key, QStringLiteral("corrupt"), false, true});
        if (!opened.ok()) {
            QVERIFY2(opened.error().code == QLatin1String("storage.corrupt") ||
                         opened.error().code == QLatin1String("storage.wrong_key"),
                     qPrintable(opened.error().code));
            return;
        }
        auto count = GuestRepository(opened.value(), clock).search(QStringLiteral("петрова"), 1000);
        QVERIFY(!count.ok());
        QCOMPARE(count.error().code, QStringLiteral("storage.corrupt"));
        ConnectionFactory::close(QStringLiteral("corrupt"));
    }

    void newerSchemaIsRefusedUntouched()
    {
        auto t = test::TestDatabase::create();
        QVERIFY(QSqlQuery(t.db).exec(
            QStringLiteral("PRAGMA user_version = %1").arg(Migrator::latestVersion() + 5)));
        QSqlQuery(t.db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        t.close();
        const QByteArray before = fileHash(t.path);
        auto opened = ConnectionFactory::open({t.path, t.key, QStringLiteral("newer"), false, true});
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, QStringLiteral("storage.newer_schema"));
        QVERIFY(opened.error().message.contains(QString::number(Migrator::latestVersion() + 5)));
        QCOMPARE(fileHash(t.path), before);
    }

    void missingFileWithoutCreateIsAnError()
    {
        auto opened =
            ConnectionFactory::open({test::makeTempDir(QStringLiteral("missing")) + QStringLiteral("/no.db"),
                                     DatabaseKey::generateRaw(), QStringLiteral("missing"), false, true});
        QCOMPARE(opened.error().code, QStringLiteral("storage.missing"));
    }

    void readOnlyFileIsReportedBeforeAnyWrite()
    {
        if (::geteuid() == 0)
            QSKIP("root can write read-only files; covered by readOnlyDiskOnTmpfs");
        auto t = test::TestDatabase::create();
        t.close();
        QFile::setPermissions(t.path, QFile::ReadOwner);
        auto opened = ConnectionFactory::open({t.path, t.key, QStringLiteral("ro"), false, true});
        QCOMPARE(opened.error().code, QStringLiteral("storage.read_only"));
        QFile::setPermissions(t.path, QFile::ReadOwner | QFile::WriteOwner);
    }

    void readOnlyFolderRefusesCreate()
    {
        if (::geteuid() == 0)
            QSKIP("root writes anywhere; covered by readOnlyDiskOnTmpfs");
        const QString dir = test::makeTempDir(QStringLiteral("rodir"));
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::ExeOwner);
        auto opened = ConnectionFactory::open({dir + QStringLiteral("/new.db"), DatabaseKey::generateRaw(),
                                               QStringLiteral("rodir"), true, true});
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QCOMPARE(opened.error().code, QStringLiteral("storage.read_only"));
    }

    // The finding: a folder closed for writing was reported as the file, with «changes will
    // not be saved», and then KASP refused to start. The message names the folder and the truth.
    void readOnlyFolderNamesTheFolder()
    {
        if (::geteuid() == 0)
            QSKIP("root writes anywhere; covered by readOnlyDiskOnTmpfs");
        auto t = test::TestDatabase::create(QStringLiteral("rofolder"));
        t.close();
        const QString dir = QFileInfo(t.path).absolutePath();
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::ExeOwner);
        auto opened = ConnectionFactory::open({t.path, t.key, QStringLiteral("rofolder"), false, true});
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, QStringLiteral("storage.read_only"));
        QVERIFY2(opened.error().message.contains(QDir::toNativeSeparators(dir)),
                 qPrintable(opened.error().message));
        QVERIFY(!opened.error().message.contains(QStringLiteral("kasp.db")));
        QVERIFY(!opened.error().message.contains(QStringLiteral("cannot be saved")));
    }

    // A real read-only file system (root only: a tmpfs remounted read-only).
    void readOnlyDiskOnTmpfs()
    {
        if (::geteuid() != 0)
            QSKIP("mounting needs root; readOnlyFileIsReportedBeforeAnyWrite covers this user");
        const Tmpfs disk(QStringLiteral("rofs"), QStringLiteral("4m"));
        if (disk.mountPoint.isEmpty())
            QSKIP("this machine does not allow mounting a tmpfs");
        const QString &mountPoint = disk.mountPoint;
        const QString path = mountPoint + QStringLiteral("/kasp.db");
        const auto key = DatabaseKey::generateRaw();
        QVERIFY(ConnectionFactory::open({path, key, QStringLiteral("ro1"), true, true}).ok());
        FixedClock clock(QDateTime::currentDateTimeUtc());
        QVERIFY(GuestRepository(QSqlDatabase::database(QStringLiteral("ro1")), clock)
                    .create(sampleGuest(QStringLiteral("Осипова"), QStringLiteral("+79161110000")))
                    .ok());
        ConnectionFactory::close(QStringLiteral("ro1"));
        QVERIFY(disk.remountReadOnly());
        const QByteArray before = fileHash(path);
        auto opened = ConnectionFactory::open({path, key, QStringLiteral("ro2"), false, true});
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, QStringLiteral("storage.read_only"));
        // The whole disk is read-only: the message names the folder, and says KASP does not start.
        QVERIFY2(opened.error().message.contains(QDir::toNativeSeparators(mountPoint)),
                 qPrintable(opened.error().message));
        QVERIFY(!opened.error().message.contains(QStringLiteral("kasp.db")));
        QVERIFY(opened.error().message.contains(QStringLiteral("start KASP again")));
        QCOMPARE(fileHash(path), before);
    }

    // SQLite's page limit produces the very SQLITE_FULL a full disk does, on any machine.
    void fullDatabaseLosesNothing()
    {
        auto t = test::TestDatabase::create();
        FixedClock clock(QDateTime::currentDateTimeUtc());
        GuestRepository guests(t.db, clock);
        QVERIFY(guests.create(sampleGuest(QStringLiteral("Сидорова"), QStringLiteral("+79160000001"))).ok());
        QSqlQuery q(t.db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA page_count")) && q.next());
        const int pages = q.value(0).toInt();
        q.finish();
        QVERIFY(q.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages + 1)));
        q.finish();
        Status failure;
        int written = 0;
        for (int i = 0; i < 2000 && failure.ok(); ++i) {
            // Long names fill pages fast (within the 200 characters a name may have).
            Guest g = sampleGuest(QStringLiteral("Длиннофамильная%1").arg(i).repeated(10),
                                  QStringLiteral("+7917%1").arg(i, 7, 10, QLatin1Char('0')));
            failure = guests.create(g);
            if (failure.ok())
                ++written;
        }
        QVERIFY(!failure.ok());
        QCOMPARE(failure.error().code, QStringLiteral("storage.disk_full"));
        // Every committed guest has its outbox entry; the failed one left neither.
        QCOMPARE(guests.count().value(), written + 1);
        QCOMPARE(Outbox(t.db).pendingCount().value(), written + 1);
    }

    void realFullDiskOnTmpfs()
    {
        if (::geteuid() != 0)
            QSKIP("mounting a small tmpfs needs root");
        const Tmpfs disk(QStringLiteral("full"), QStringLiteral("600k"));
        if (disk.mountPoint.isEmpty())
            QSKIP("this machine does not allow mounting a tmpfs");
        const QString &mountPoint = disk.mountPoint;
        const QString path = mountPoint + QStringLiteral("/full.db");
        const auto key = DatabaseKey::generateRaw();
        auto opened = ConnectionFactory::open({path, key, QStringLiteral("full"), true, true});
        QVERIFY(opened.ok());
        FixedClock clock(QDateTime::currentDateTimeUtc());
        {
            GuestRepository guests(opened.value(), clock);
            Status failure;
            int written = 0;
            for (int i = 0; i < 20000 && failure.ok(); ++i) {
                failure =
                    guests.create(sampleGuest(QStringLiteral("Заполнялова%1").arg(i).repeated(10),
                                              QStringLiteral("+7918%1").arg(i, 7, 10, QLatin1Char('0'))));
                written += failure.ok();
            }
            QVERIFY(!failure.ok());
            QVERIFY2(failure.error().code == QLatin1String("storage.disk_full"),
                     qPrintable(failure.error().code));
            QCOMPARE(guests.count().value(), written);
        }
        ConnectionFactory::close(QStringLiteral("full"));
        // Everything committed before the disk filled is still there after reopening.
        auto again = ConnectionFactory::open({path, key, QStringLiteral("full2"), false, false});
        QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().message));
        QVERIFY(GuestRepository(again.value(), clock).count().value() > 0);
        ConnectionFactory::close(QStringLiteral("full2"));
    }
};

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
