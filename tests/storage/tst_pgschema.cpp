// The same logical schema on both sides: every migration statement runs unchanged on a real
// PostgreSQL 15 (throwaway cluster on 127.0.0.1), and values that outgrow 32 bits survive.
#include "kasp/storage/migrations.h"
#include "kasp/testsupport/pgcluster.h"
#include "kasp/testsupport/testenv.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace kasp;

class TestPgSchema : public QObject
{
    Q_OBJECT
    test::PgCluster pg;
    QSqlDatabase db;

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QString error;
        QVERIFY2(pg.start(&error), qPrintable(error));
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("pg"));
        db.setHostName(pg.host());
        db.setPort(pg.port());
        db.setUserName(pg.user());
        db.setPassword(pg.password());
        db.setDatabaseName(pg.database());
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
    }

    void wrongPasswordIsRefused()
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("pg-wrong"));
        other.setHostName(pg.host());
        other.setPort(pg.port());
        other.setUserName(pg.user());
        other.setPassword(QStringLiteral("not-the-password"));
        other.setDatabaseName(pg.database());
        QVERIFY(!other.open());
        QVERIFY(other.lastError().text().contains(QStringLiteral("password authentication failed")));
        other = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("pg-wrong"));
    }

    void everyMigrationRunsOnPostgres()
    {
        QVERIFY(db.transaction());
        QSqlQuery q(db);
        for (const auto &migration : storage::allMigrations()) {
            for (const QString &sql : migration.statements)
                QVERIFY2(q.exec(sql), qPrintable(sql + QStringLiteral("\n") + q.lastError().text()));
        }
        QVERIFY(db.commit());
        QVERIFY(db.tables().contains(QStringLiteral("guests")));
        QVERIFY(db.tables().contains(QStringLiteral("bookings")));
    }

    void bigValuesFit()
    {
        QSqlQuery q(db);
        QVERIFY(
            q.prepare(QStringLiteral("INSERT INTO guests (id, created_at, updated_at) VALUES (?, ?, ?)")));
        const qint64 ms = QDateTime(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
        q.addBindValue(QStringLiteral("6f1c2a52-0000-4000-8000-000000000001"));
        q.addBindValue(ms);
        q.addBindValue(ms);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        QVERIFY(q.exec(QStringLiteral("SELECT created_at FROM guests")) && q.next());
        QCOMPARE(q.value(0).toLongLong(), ms);
    }

    void cleanupTestCase()
    {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("pg"));
        pg.stop();
    }
};

QTEST_GUILESS_MAIN(TestPgSchema)
#include "tst_pgschema.moc"
