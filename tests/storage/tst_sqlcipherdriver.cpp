// The QSQLCIPHER driver against real encrypted files: types, placeholders, transactions, keys,
// on-disk encryption (checked with the sqlite3 and sqlcipher command-line tools) and error codes.
#include "kasp/storage/sqlcipherdriver.h"
#include "kasp/testsupport/testenv.h"

#include <algorithm>
#include <limits>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSqlResult>
#include <QTest>
#include <thread>
#include <vector>

using kasp::storage::kSqlCipherDriverName;

namespace {

const QString kHexKey = QStringLiteral("2DD29CA851E7B56E4697B0E1F08507293D761A05CE4D1B628663F411A8086D99");
const QString kRawKey = QStringLiteral("x'%1'").arg(kHexKey);
const QString kOtherRawKey =
    QStringLiteral("x'0000000000000000000000000000000000000000000000000000000000000001'");
const QString kSurname = QStringLiteral("Иванова");

QByteArray errorText(const QSqlError &error)
{
    return error.text().toUtf8();
}

QSqlDatabase addConnection(const QString &name, const QString &path, const QString &key,
                           const QString &options = QString())
{
    kasp::storage::registerSqlCipherDriver();
    QSqlDatabase db = QSqlDatabase::addDatabase(QString::fromLatin1(kSqlCipherDriverName), name);
    db.setDatabaseName(path);
    db.setPassword(key);
    db.setConnectOptions(options);
    return db;
}

// The address behind a handle() variant; the test does not see the sqlite types.
const void *handlePointer(const QVariant &handle)
{
    return handle.isValid() ? *static_cast<const void *const *>(handle.constData()) : nullptr;
}

qlonglong countRows(QSqlDatabase db, const QString &table)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

#ifdef Q_OS_LINUX
// Open descriptors of this process on the file: a zombie connection would keep one.
int openDescriptors(const QString &path)
{
    const QString target = QFileInfo(path).canonicalFilePath();
    int count = 0;
    const QStringList fds = QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files | QDir::System);
    for (const QString &fd : fds) {
        if (QFileInfo(QStringLiteral("/proc/self/fd/") + fd).symLinkTarget() == target)
            ++count;
    }
    return count;
}
#endif

} // namespace

class TestSqlCipherDriver : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void registrationIsIdempotentAndThreadSafe();
    void driverFeatures();
    void roundTripsAllTypes();
    void placeholders();
    void preparedStatementIsReused();
    void transactionsCommitAndRollBack();
    void lastInsertIdAndRowsAffected();
    void navigation();
    void forwardOnlyLargeTable();
    void catalog();
    void reopenWithRightKey();
    void wrongKeyFailsAtOpen();
    void passphraseKey();
    void fileIsEncrypted();
    void sqlite3CliCannotRead();
    void sqlcipherCliCanRead();
    void corruptFileFailsCleanly();
    void constraintViolationsReportExtendedCodes();
    void readOnlyOpenRefusesWrites();
    void busyTimeoutOption();
    void multipleStatementsAreRejected();
    void closeFinalizesLiveQueries();

private:
    QString path(const QString &name) const { return m_dir + QLatin1Char('/') + name; }
    // A fresh encrypted database with a "people" table holding three rows.
    QString makeSample(const QString &name, const QString &key = kRawKey);

    QString m_dir;
};

void TestSqlCipherDriver::initTestCase()
{
    kasp::test::initTestEnvironment();
    m_dir = kasp::test::makeTempDir(QStringLiteral("sqlcipher"));
    QVERIFY(!m_dir.isEmpty());
}

void TestSqlCipherDriver::cleanup()
{
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString &name : names)
        QSqlDatabase::removeDatabase(name);
}

QString TestSqlCipherDriver::makeSample(const QString &name, const QString &key)
{
    const QString file = path(name);
    const QString connection = QStringLiteral("sample-") + name;
    {
        QSqlDatabase db = addConnection(connection, file, key);
        if (!db.open())
            qFatal("cannot create sample: %s", errorText(db.lastError()).constData());
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("CREATE TABLE people (id INTEGER PRIMARY KEY, s TEXT NOT NULL)")) ||
            !q.prepare(QStringLiteral("INSERT INTO people (s) VALUES (?)")))
            qFatal("cannot create sample: %s", errorText(q.lastError()).constData());
        for (const QString &s : {kSurname, QStringLiteral("Petrov"), QStringLiteral("Sidorov")}) {
            q.addBindValue(s);
            if (!q.exec())
                qFatal("cannot fill sample: %s", errorText(q.lastError()).constData());
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return file;
}

void TestSqlCipherDriver::registrationIsIdempotentAndThreadSafe()
{
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i)
        threads.emplace_back([] { kasp::storage::registerSqlCipherDriver(); });
    for (std::thread &t : threads)
        t.join();
    kasp::storage::registerSqlCipherDriver();
    QVERIFY(QSqlDatabase::isDriverAvailable(QString::fromLatin1(kSqlCipherDriverName)));
    QCOMPARE(QSqlDatabase::drivers().count(QStringLiteral("QSQLCIPHER")), 1);
}

void TestSqlCipherDriver::driverFeatures()
{
    QSqlDatabase db = addConnection(QStringLiteral("features"), QStringLiteral(":memory:"), kRawKey);
    QVERIFY2(db.open(), errorText(db.lastError()));
    const QSqlDriver *driver = db.driver();
    for (auto f :
         {QSqlDriver::Transactions, QSqlDriver::BLOB, QSqlDriver::Unicode, QSqlDriver::PreparedQueries,
          QSqlDriver::NamedPlaceholders, QSqlDriver::PositionalPlaceholders, QSqlDriver::LastInsertId,
          QSqlDriver::LowPrecisionNumbers, QSqlDriver::FinishQuery})
        QVERIFY2(driver->hasFeature(f), QByteArray::number(f));
    for (auto f : {QSqlDriver::QuerySize, QSqlDriver::EventNotifications, QSqlDriver::MultipleResultSets,
                   QSqlDriver::CancelQuery})
        QVERIFY2(!driver->hasFeature(f), QByteArray::number(f));
    const QVariant handle = driver->handle();
    QCOMPARE(QByteArray(handle.typeName()), QByteArray("sqlite3*"));
    QVERIFY(handlePointer(handle) != nullptr);
}

void TestSqlCipherDriver::roundTripsAllTypes()
{
    QSqlDatabase db = addConnection(QStringLiteral("types"), path(QStringLiteral("types.db")), kRawKey);
    QVERIFY2(db.open(), errorText(db.lastError()));
    QSqlQuery q(db);
    QVERIFY2(
        q.exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, i INTEGER, d REAL, s TEXT, b BLOB,"
                              " n TEXT, day TEXT, flag BOOLEAN)")),
        errorText(q.lastError()));
    const QByteArray blob("\x00\x01\x00\xfe\xff\x00", 6);
    const QDateTime moment(QDate(2024, 5, 1), QTime(10, 20, 30, 400));

    QVERIFY(
        q.prepare(QStringLiteral("INSERT INTO t (i, d, s, b, n, day, flag) VALUES (?, ?, ?, ?, ?, ?, ?)")));
    q.addBindValue(std::numeric_limits<qlonglong>::min());
    q.addBindValue(3.141592653589793);
    q.addBindValue(kSurname);
    q.addBindValue(blob);
    q.addBindValue(QVariant(QMetaType::fromType<QString>()));
    q.addBindValue(QDate(2024, 2, 29));
    q.addBindValue(true);
    QVERIFY2(q.exec(), errorText(q.lastError()));

    QVERIFY(q.prepare(
        QStringLiteral("INSERT INTO t (i, d, s, b, n, day, flag) VALUES (:i, :d, :s, :b, :n, :day, :f)")));
    q.bindValue(QStringLiteral(":i"), std::numeric_limits<qlonglong>::max());
    q.bindValue(QStringLiteral(":d"), -1.5e300);
    q.bindValue(QStringLiteral(":s"), QStringLiteral(""));
    q.bindValue(QStringLiteral(":b"), QByteArray());
    q.bindValue(QStringLiteral(":n"), QVariant());
    q.bindValue(QStringLiteral(":day"), moment);
    q.bindValue(QStringLiteral(":f"), false);
    QVERIFY2(q.exec(), errorText(q.lastError()));

    // What sqlite stored, independent of how the driver reads it back.
    QVERIFY2(
        q.exec(QStringLiteral("SELECT typeof(i), typeof(d), typeof(s), typeof(b), typeof(n), typeof(day),"
                              " typeof(flag), length(s), hex(s) FROM t WHERE id = 1")),
        errorText(q.lastError()));
    QVERIFY(q.next());
    const QStringList storage{QStringLiteral("integer"), QStringLiteral("real"), QStringLiteral("text"),
                              QStringLiteral("blob"),    QStringLiteral("null"), QStringLiteral("text"),
                              QStringLiteral("integer")};
    for (int i = 0; i < storage.size(); ++i)
        QCOMPARE(q.value(i).toString(), storage.at(i));
    QCOMPARE(q.value(7).toLongLong(), 7);
    QCOMPARE(q.value(8).toString(), QString::fromLatin1(kSurname.toUtf8().toHex().toUpper()));

    for (const bool forwardOnly : {true, false}) {
        QSqlQuery r(db);
        r.setForwardOnly(forwardOnly);
        QVERIFY2(r.exec(QStringLiteral("SELECT id, i, d, s, b, n, day, flag FROM t ORDER BY id")),
                 errorText(r.lastError()));
        QVERIFY(r.next());
        QCOMPARE(r.value(1).metaType(), QMetaType::fromType<qlonglong>());
        QCOMPARE(r.value(1).toLongLong(), std::numeric_limits<qlonglong>::min());
        QCOMPARE(r.value(2).metaType(), QMetaType::fromType<double>());
        QCOMPARE(r.value(2).toDouble(), 3.141592653589793);
        QCOMPARE(r.value(3).metaType(), QMetaType::fromType<QString>());
        QCOMPARE(r.value(3).toString(), kSurname);
        QCOMPARE(r.value(4).metaType(), QMetaType::fromType<QByteArray>());
        QCOMPARE(r.value(4).toByteArray(), blob);
        QVERIFY(r.isNull(5));
        QVERIFY(r.value(5).isNull());
        QCOMPARE(r.value(5).metaType(), QMetaType::fromType<QString>()); // declared TEXT
        QCOMPARE(r.value(6).toString(), QStringLiteral("2024-02-29"));
        QCOMPARE(r.value(7), QVariant(qlonglong(1)));

        QVERIFY(r.next());
        QCOMPARE(r.value(1).toLongLong(), std::numeric_limits<qlonglong>::max());
        QCOMPARE(r.value(2).toDouble(), -1.5e300);
        QVERIFY(!r.isNull(3));
        QVERIFY(r.value(3).toString().isEmpty());
        QVERIFY(r.isNull(4)); // a null QByteArray binds as NULL
        QCOMPARE(r.value(4).metaType(), QMetaType::fromType<QByteArray>());
        QVERIFY(r.isNull(5));
        QCOMPARE(r.value(6).toString(), moment.toString(Qt::ISODateWithMs));
        QCOMPARE(QDateTime::fromString(r.value(6).toString(), Qt::ISODateWithMs), moment);
        QCOMPARE(r.value(7), QVariant(qlonglong(0)));
        QVERIFY(!r.next());
    }

    // Precision policy applies to REAL values.
    QSqlQuery p(db);
    p.setNumericalPrecisionPolicy(QSql::LowPrecisionInt64);
    QVERIFY(p.exec(QStringLiteral("SELECT 2.75, -2.75, 1e300")) && p.next());
    QCOMPARE(p.value(0), QVariant(qlonglong(2)));
    QCOMPARE(p.value(1), QVariant(qlonglong(-2)));
    QCOMPARE(p.value(2), QVariant(std::numeric_limits<qlonglong>::max())); // saturates
}

void TestSqlCipherDriver::placeholders()
{
    QSqlDatabase db = addConnection(QStringLiteral("holders"), QStringLiteral(":memory:"), kRawKey);
    QVERIFY2(db.open(), errorText(db.lastError()));
    QSqlQuery q(db);

    // A named placeholder used twice: one sqlite parameter, two Qt values.
    QVERIFY(q.prepare(QStringLiteral("SELECT :a + :b * :a, :guest_id")));
    q.bindValue(QStringLiteral(":guest_id"), 7);
    q.bindValue(QStringLiteral(":b"), 3);
    q.bindValue(QStringLiteral(":a"), 2);
    QVERIFY2(q.exec(), errorText(q.lastError()));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), 8);
    QCOMPARE(q.value(1).toLongLong(), 7);
    // Rebinding and re-executing uses the new values.
    q.bindValue(QStringLiteral(":a"), 10);
    QVERIFY2(q.exec(), errorText(q.lastError()));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), 40);

    // Quoted text is not a placeholder.
    QVERIFY(q.prepare(QStringLiteral("SELECT ':x', :x")));
    q.bindValue(QStringLiteral(":x"), QStringLiteral("bound"));
    QVERIFY2(q.exec() && q.next(), errorText(q.lastError()));
    QCOMPARE(q.value(0).toString(), QStringLiteral(":x"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("bound"));

    // Positional by explicit index.
    QVERIFY(q.prepare(QStringLiteral("SELECT ? || ?")));
    q.bindValue(1, QStringLiteral("b"));
    q.bindValue(0, QStringLiteral("a"));
    QVERIFY2(q.exec() && q.next(), errorText(q.lastError()));
    QCOMPARE(q.value(0).toString(), QStringLiteral("ab"));

    // Too few values is an error, not a silent NULL.
    QVERIFY(q.prepare(QStringLiteral("SELECT ?, ?")));
    q.addBindValue(1);
    QVERIFY(!q.exec());
    QVERIFY2(q.lastError().text().contains(QLatin1String("mismatch")), errorText(q.lastError()));
}

void TestSqlCipherDriver::preparedStatementIsReused()
{
    QSqlDatabase db = addConnection(QStringLiteral("reuse"), QStringLiteral(":memory:"), kRawKey);
    QVERIFY2(db.open(), errorText(db.lastError()));
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("CREATE TABLE t (v INTEGER, s TEXT)")));
    QVERIFY(q.prepare(QStringLiteral("INSERT INTO t (v, s) VALUES (?, ?)")));
    const QVariant handle = q.result()->handle();
    QCOMPARE(QByteArray(handle.typeName()), QByteArray("sqlite3_stmt*"));
    const void *stmt = handlePointer(handle);
    QVERIFY(stmt);

    QVERIFY(db.transaction());
    for (int i = 1; i <= 1000; ++i) {
        q.addBindValue(i);
        q.addBindValue(QString::number(i)); // a temporary: the driver must keep it alive
        QVERIFY2(q.exec(), errorText(q.lastError()));
        QCOMPARE(handlePointer(q.result()->handle()), stmt);
    }
    QVERIFY(db.commit());

    q.addBindValue(QVariantList{1001, 1002, 1003});
    q.addBindValue(QVariantList{QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z")});
    QVERIFY2(q.execBatch(), errorText(q.lastError()));
    QCOMPARE(handlePointer(q.result()->handle()), stmt);

    // Timing shows the reuse where the handle cannot (a re-prepared statement may land at the
    // same address): a statement that is slow to compile but instant to run.
    QString heavy = QStringLiteral("SELECT CASE v");
    for (int i = 0; i < 1500; ++i)
        heavy += QStringLiteral(" WHEN %1 THEN 'v%1'").arg(i);
    heavy += QStringLiteral(" END FROM t WHERE 0 = ?");
    QSqlQuery h(db);
    h.setForwardOnly(true);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 5; ++i)
        QVERIFY2(h.prepare(heavy), errorText(h.lastError()));
    const double prepareMs = double(timer.nsecsElapsed()) / 1e6 / 5;
    timer.restart();
    for (int i = 0; i < 100; ++i) {
        h.addBindValue(1);
        QVERIFY2(h.exec(), errorText(h.lastError()));
        QVERIFY(!h.next());
    }
    const double execMs = double(timer.nsecsElapsed()) / 1e6 / 100;
    qInfo("heavy statement: prepare %.3f ms, exec %.3f ms", prepareMs, execMs);
    QVERIFY2(execMs * 5 < prepareMs, "exec() of a prepared query must not compile it again");

    QVERIFY(
        q.exec(QStringLiteral("SELECT count(*), sum(v), sum(CAST(s AS INTEGER)) FROM t WHERE v <= 1000")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), 1000);
    QCOMPARE(q.value(1).toLongLong(), 500500);
    QCOMPARE(q.value(2).toLongLong(), 500500);
    QCOMPARE(countRows(db, QStringLiteral("t")), 1003);
}

void TestSqlCipherDriver::transactionsCommitAndRollBack()
{
    QSqlDatabase db = addConnection(QStringLiteral("tx"), path(QStringLiteral("tx.db")), kRawKey);
    QVERIFY2(db.open(), errorText(db.lastError()));
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("CREATE TABLE t (v INTEGER)")));

    QVERIFY2(db.transaction(), errorText(db.lastError()));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO t VALUES (1)")));
    QCOMPARE(countRows(db, QStringLiteral("t")), 1);
    QVERIFY2(db.rollback(), errorText(db.lastError()));
    QCOMPARE(countRows(db, QStringLiteral("t")), 0);

    QVERIFY(db.transaction());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO t VALUES (2)")));
    QVERIFY2(db.commit(), errorText(db.lastError()));
    QCOMPARE(countRows(db, QStringLiteral("t")), 1);

    QVERIFY(!db.commit());
    QCOMPARE(db.lastError().type(), QSqlError::TransactionError);
    QVERIFY2(db.lastError().text().contains(QLatin1String("no transaction is active")),
             errorText(db.lastError()));
    QCOMPARE(db.lastError().nativeErrorCode(), QStringLiteral("1"));

    // The commit reached the file: a second connection sees it.
    QSqlDatabase other = addConnection(QStringLiteral("tx2"), path(QStringLiteral("tx.db")), kRawKey);
    QVERIFY2(other.open(), errorText(other.lastError()));
    QCOMPARE(countRows(other, QStringLiteral("t")), 1);
}

void TestSqlCipherDriver::lastInsertIdAndRowsAffected()
{
    QSqlDatabase db = addConnection(QStringLiteral("ids"), QStringLiteral(":memory:"), kRawKey);
    QVERIFY2(db.open(), errorText(db.lastError()));
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER)")));
    QCOMPARE(q.numRowsAffected(), 0);

    QVERIFY(q.prepare(QStringLiteral("INSERT INTO t (v) VALUES (?)")));
    for (int i = 1; i <= 3; ++i) {
        q.addBindValue(i * 10);
        QVERIFY(q.exec());
        QCOMPARE(q.lastInsertId(), QVariant(qlonglong(i)));
        QCOMPARE(q.numRowsAffected(), 1);
    }
    QVERIFY(q.exec(QStringLiteral("INSERT INTO t (id, v) VALUES (100, 0)")));
    QCOMPARE(q.lastInsertId().toLongLong(), 100);
    QVERIFY(q.exec(QStringLiteral("INSERT OR IGNORE INTO t (id, v) VALUES (100, 1)")));
    QCOMPARE(q.numRowsAffected(), 0);
    QVERIFY(!q.lastInsertId().isValid());

    QVERIFY(q.exec(QStringLiteral("UPDATE t SET v = v + 1 WHERE v > 0")));
    QCOMPARE(q.numRowsAffected(), 3);
    QVERIFY(q.exec(QStringLiteral("UPDATE t SET v = 0 WHERE id = 12345")));
    QCOMPARE(q.numRowsAffected(), 0);
    QVERIFY(q.exec(QStringLiteral("DELETE FROM t WHERE id = 1")));
    QCOMPARE(q.numRowsAffected(), 1);
    // sqlite3_changes() would still say 1 here: DDL does not reset it.
    QVERIFY(q.exec(QStringLiteral("CREATE INDEX t_v ON t (v)")));
    QCOMPARE(q.numRowsAffected(), 0);
    QVERIFY(q.exec(QStringLiteral("SELECT * FROM t")));
    QCOMPARE(q.numRowsAffected(), -1);
    QCOMPARE(q.size(), -1);
}

void TestSqlCipherDriver::navigation()
{
    QSqlDatabase db = addConnection(QStringLiteral("nav"), QStringLiteral(":memory:"), kRawKey);
    QVERIFY2(db.open(), errorText(db.lastError()));
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("CREATE TABLE seq (v INTEGER)")));
    QVERIFY(q.prepare(QStringLiteral("INSERT INTO seq VALUES (?)")));
    for (int i = 1; i <= 10; ++i) {
        q.addBindValue(i);
        QVERIFY(q.exec());
    }
    const QString select = QStringLiteral("SELECT v FROM seq ORDER BY v");

    QSqlQuery s(db);
    QVERIFY(s.exec(select));
    QVERIFY(s.isSelect());
    QCOMPARE(s.record().fieldName(0), QStringLiteral("v"));
    QVERIFY(s.last());
    QCOMPARE(s.value(0).toInt(), 10);
    QCOMPARE(s.at(), 9);
    QVERIFY(s.previous());
    QCOMPARE(s.value(0).toInt(), 9);
    QVERIFY(s.first());
    QCOMPARE(s.value(0).toInt(), 1);
    QVERIFY(s.seek(4));
    QCOMPARE(s.value(0).toInt(), 5);
    QVERIFY(s.seek(2, true));
    QCOMPARE(s.value(0).toInt(), 7);
    QVERIFY(s.next());
    QCOMPARE(s.value(0).toInt(), 8);
    QVERIFY(!s.seek(20));
    QCOMPARE(s.at(), int(QSql::AfterLastRow));
    QVERIFY(s.previous());
    QCOMPARE(s.value(0).toInt(), 10);

    QSqlQuery f(db);
    f.setForwardOnly(true);
    QVERIFY(f.exec(select));
    for (int i = 1; i <= 3; ++i) {
        QVERIFY(f.next());
        QCOMPARE(f.value(0).toInt(), i);
    }
    QVERIFY(f.seek(5));
    QCOMPARE(f.value(0).toInt(), 6);
    QVERIFY(f.last());
    QCOMPARE(f.at(), 9);
    QCOMPARE(f.value(0).toInt(), 10);
    QVERIFY(!f.isNull(0));
    QVERIFY(!f.next());

    QVERIFY(f.exec(select)); // re-executing restarts from the top
    QVERIFY(f.last());
    QCOMPARE(f.value(0).toInt(), 10);

    QVERIFY(f.exec(QStringLiteral("SELECT v FROM seq WHERE v > 100")));
    QVERIFY(f.isSelect());
    QVERIFY(!f.next());
    QVERIFY(s.exec(QStringLiteral("SELECT v FROM seq WHERE v > 100")));
    QVERIFY(!s.last());
    QVERIFY(!s.first());

    // finish() releases the statement; the query can run again.
    QVERIFY(f.exec(select) && f.next());
    f.finish();
    QVERIFY(!f.isActive());
    QVERIFY(f.exec(select) && f.next());
    QCOMPARE(f.value(0).toInt(), 1);
}

void TestSqlCipherDriver::forwardOnlyLargeTable()
{
    constexpr int rows = 100000;
    QSqlDatabase db = addConnection(QStringLiteral("large"), path(QStringLiteral("large.db")), kRawKey);
    QVERIFY2(db.open(), errorText(db.lastError()));
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("CREATE TABLE big (id INTEGER PRIMARY KEY, amount INTEGER, name TEXT)")));

    QElapsedTimer timer;
    timer.start();
    QVERIFY(db.transaction());
    QVERIFY(q.prepare(QStringLiteral("INSERT INTO big (amount, name) VALUES (?, ?)")));
    const QString name = QStringLiteral("Гость");
    for (int i = 0; i < rows; ++i) {
        q.bindValue(0, qlonglong(i));
        q.bindValue(1, name);
        if (!q.exec())
            QFAIL(errorText(q.lastError()).constData());
    }
    QVERIFY(db.commit());
    const qint64 insertMs = timer.restart();

    QSqlQuery r(db);
    r.setForwardOnly(true);
    QVERIFY(r.exec(QStringLiteral("SELECT id, amount, name FROM big")));
    qlonglong sum = 0;
    int count = 0;
    while (r.next()) {
        sum += r.value(1).toLongLong();
        count += r.value(2).toString() == name ? 1 : 0;
    }
    const qint64 forwardMs = timer.restart();
    QCOMPARE(count, rows);
    QCOMPARE(sum, qlonglong(rows) * (rows - 1) / 2);

    QSqlQuery s(db);
    QVERIFY(s.exec(QStringLiteral("SELECT id, amount, name FROM big")));
    QVERIFY(s.last());
    QCOMPARE(s.at(), rows - 1);
    const qint64 scrollMs = timer.elapsed();
    qInfo("%d rows: insert %lld ms, forward-only read %lld ms, scrollable last() %lld ms", rows, insertMs,
          forwardMs, scrollMs);
    // Generous: a few hundred ms here; a per-row re-prepare or copy would be far slower.
    QVERIFY2(forwardMs < 5000, QByteArray::number(forwardMs));
}

void TestSqlCipherDriver::catalog()
{
    QSqlDatabase db = addConnection(QStringLiteral("catalog"), QStringLiteral(":memory:"), kRawKey);
    QVERIFY2(db.open(), errorText(db.lastError()));
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL,"
                                  " price REAL DEFAULT 1.5, note TEXT DEFAULT 'it''s')")));
    QVERIFY(q.exec(QStringLiteral("CREATE TABLE b (x INTEGER, y TEXT, data BLOB, PRIMARY KEY (y, x))")));
    QVERIFY(q.exec(QStringLiteral("CREATE VIEW v AS SELECT name FROM a")));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO a (name) VALUES ('n')")));

    QCOMPARE(db.tables(QSql::Tables), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(db.tables(QSql::Views), QStringList{QStringLiteral("v")});
    const QStringList system = db.tables(QSql::SystemTables);
    QVERIFY2(system.contains(QStringLiteral("sqlite_master")), qPrintable(system.join(u',')));
    QVERIFY2(system.contains(QStringLiteral("sqlite_sequence")), qPrintable(system.join(u',')));
    QCOMPARE(db.tables(QSql::AllTables).size(), 3 + system.size());

    const QSqlRecord rec = db.record(QStringLiteral("a"));
    QCOMPARE(rec.count(), 4);
    QCOMPARE(rec.fieldName(0), QStringLiteral("id"));
    QCOMPARE(rec.field(0).metaType(), QMetaType::fromType<qlonglong>());
    QVERIFY(rec.field(0).isAutoValue());
    QCOMPARE(rec.field(1).metaType(), QMetaType::fromType<QString>());
    QCOMPARE(rec.field(1).requiredStatus(), QSqlField::Required);
    QCOMPARE(rec.field(2).metaType(), QMetaType::fromType<double>());
    QCOMPARE(rec.field(2).defaultValue().toString(), QStringLiteral("1.5"));
    QCOMPARE(rec.field(3).defaultValue().toString(), QStringLiteral("it's"));
    QCOMPARE(db.record(QStringLiteral("main.a")).count(), 4);
    QCOMPARE(db.record(QStringLiteral("\"a\"")).count(), 4);
    QVERIFY(db.record(QStringLiteral("missing")).isEmpty());

    const QSqlIndex pk = db.primaryIndex(QStringLiteral("b"));
    QCOMPARE(pk.count(), 2);
    QCOMPARE(pk.fieldName(0), QStringLiteral("y"));
    QCOMPARE(pk.fieldName(1), QStringLiteral("x"));
    QVERIFY(!db.record(QStringLiteral("b")).field(QStringLiteral("x")).isAutoValue());
    QCOMPARE(db.primaryIndex(QStringLiteral("a")).fieldName(0), QStringLiteral("id"));

    const QSqlDriver *driver = db.driver();
    QCOMPARE(driver->escapeIdentifier(QStringLiteral("we\"ird"), QSqlDriver::FieldName),
             QStringLiteral("\"we\"\"ird\""));
    QCOMPARE(driver->escapeIdentifier(QStringLiteral("main.a"), QSqlDriver::TableName),
             QStringLiteral("\"main\".\"a\""));
    QCOMPARE(driver->escapeIdentifier(QStringLiteral("\"a\""), QSqlDriver::TableName),
             QStringLiteral("\"a\""));

    QSqlField blobField(QStringLiteral("data"), QMetaType::fromType<QByteArray>());
    blobField.setValue(QByteArray("\x01\xab", 2));
    QCOMPARE(driver->formatValue(blobField), QStringLiteral("X'01ab'"));

    QVERIFY(q.exec(QStringLiteral("SELECT id, name, 1 + 1 AS two, NULL AS nothing FROM a")));
    QVERIFY(q.next());
    const QSqlRecord row = q.record();
    QCOMPARE(row.field(0).tableName(), QStringLiteral("a"));
    QCOMPARE(row.field(1).metaType(), QMetaType::fromType<QString>());
    QCOMPARE(row.field(QStringLiteral("two")).metaType(), QMetaType::fromType<qlonglong>());
    QCOMPARE(row.value(QStringLiteral("two")).toInt(), 2);
    QVERIFY(row.isNull(QStringLiteral("nothing")));
}

void TestSqlCipherDriver::reopenWithRightKey()
{
    const QString file = makeSample(QStringLiteral("reopen.db"));
    QSqlDatabase db = addConnection(QStringLiteral("reopen"), file, kRawKey);
    QVERIFY2(db.open(), errorText(db.lastError()));
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("SELECT s FROM people WHERE id = 1")) && q.next());
    QCOMPARE(q.value(0).toString(), kSurname);
}

void TestSqlCipherDriver::wrongKeyFailsAtOpen()
{
    const QString file = makeSample(QStringLiteral("wrongkey.db"));
    for (const QString &key : {kOtherRawKey, QString(), QStringLiteral("a passphrase")}) {
        QSqlDatabase db = addConnection(QStringLiteral("wrong"), file, key);
        QVERIFY(!db.open());
        QVERIFY(!db.isOpen());
        QVERIFY(db.isOpenError());
        QCOMPARE(db.lastError().type(), QSqlError::ConnectionError);
        QVERIFY2(db.lastError().text().contains(QLatin1String("not a database")), errorText(db.lastError()));
        QCOMPARE(db.lastError().nativeErrorCode(), QStringLiteral("26"));

        // The failed handle was closed: the same connection opens with the right key.
        db.setPassword(kRawKey);
        QVERIFY2(db.open(), errorText(db.lastError()));
        QVERIFY(!db.lastError().isValid());
        QCOMPARE(countRows(db, QStringLiteral("people")), 3);
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("wrong"));
    }
}

void TestSqlCipherDriver::passphraseKey()
{
    // Quotes would break a PRAGMA key string; the driver passes bytes, so they are just data.
    const QString passphrase = QStringLiteral("correct horse 'battery' \"staple\" — Иван");
    const QString file = makeSample(QStringLiteral("passphrase.db"), passphrase);
    const QString rawFile = makeSample(QStringLiteral("passphrase-raw.db"));
    // Fastest of three opens: a raw x'..' key must skip PBKDF2, a passphrase must not.
    auto openMs = [](const QString &file, const QString &key) {
        qint64 best = std::numeric_limits<qint64>::max();
        for (int i = 0; i < 3; ++i) {
            {
                QSqlDatabase db = addConnection(QStringLiteral("pass"), file, key);
                QElapsedTimer timer;
                timer.start();
                if (!db.open() || countRows(db, QStringLiteral("people")) != 3)
                    return qint64(-1);
                best = std::min(best, timer.elapsed());
            }
            QSqlDatabase::removeDatabase(QStringLiteral("pass"));
        }
        return best;
    };
    const qint64 passphraseMs = openMs(file, passphrase);
    const qint64 rawMs = openMs(rawFile, kRawKey);
    qInfo("open with passphrase %lld ms, with raw key %lld ms", passphraseMs, rawMs);
    QVERIFY(passphraseMs >= 0);
    QVERIFY(rawMs >= 0);
    QVERIFY2(rawMs * 4 < passphraseMs, "a raw key should not go through PBKDF2");

    QSqlDatabase wrong = addConnection(QStringLiteral("pass-wrong"), file, passphrase + QLatin1Char('!'));
    QVERIFY(!wrong.open());
    QCOMPARE(wrong.lastError().nativeErrorCode(), QStringLiteral("26"));
    wrong.setPassword(kRawKey);
    QVERIFY(!wrong.open());
}

void TestSqlCipherDriver::fileIsEncrypted()
{
    const QString file = makeSample(QStringLiteral("plain-check.db"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.size() >= 1024);
    QVERIFY(!bytes.contains(kSurname.toUtf8()));
    QVERIFY(!bytes.contains("SQLite format 3"));
    QVERIFY(!bytes.contains("CREATE TABLE"));
}

void TestSqlCipherDriver::sqlite3CliCannotRead()
{
    const QString sqlite3 = QStringLiteral("/usr/bin/sqlite3");
    if (!QFileInfo::exists(sqlite3))
        QSKIP("/usr/bin/sqlite3 is not installed");
    const QString file = makeSample(QStringLiteral("cli-plain.db"));
    QProcess p;
    p.start(sqlite3, {QStringLiteral("-batch"), QStringLiteral("-init"), QStringLiteral("/dev/null"), file,
                      QStringLiteral("SELECT s FROM people;")});
    QVERIFY(p.waitForFinished(30000));
    const QByteArray out = p.readAllStandardOutput();
    const QByteArray err = p.readAllStandardError();
    QVERIFY2(p.exitCode() != 0, out + err);
    QVERIFY2(err.contains("not a database"), err);
    QVERIFY(!out.contains(kSurname.toUtf8()));
}

void TestSqlCipherDriver::sqlcipherCliCanRead()
{
    const QString sqlcipher = QStringLiteral("/usr/bin/sqlcipher");
    if (!QFileInfo::exists(sqlcipher))
        QSKIP("/usr/bin/sqlcipher is not installed");
    const QString file = makeSample(QStringLiteral("cli-cipher.db"));
    auto run = [&](const QString &hex, QByteArray *err) {
        QProcess p;
        p.start(sqlcipher,
                {QStringLiteral("-batch"), QStringLiteral("-init"), QStringLiteral("/dev/null"), file});
        p.write(
            QStringLiteral("PRAGMA key = \"x'%1'\";\nPRAGMA cipher_page_size = 4096;\nSELECT s FROM people ORDER BY id;\n").arg(hex).toUtf8());
        p.closeWriteChannel();
        if (!p.waitForFinished(30000))
            return QByteArray("timeout");
        *err = p.readAllStandardError();
        return p.readAllStandardOutput();
    };
    QByteArray err;
    const QByteArray out = run(kHexKey, &err);
    QVERIFY2(out.contains(kSurname.toUtf8()), out + err);
    QVERIFY2(out.contains("Sidorov"), out + err);

    const QByteArray wrongOut = run(QString(64, u'0'), &err);
    QVERIFY(!wrongOut.contains(kSurname.toUtf8()));
    QVERIFY2(err.contains("not a database"), err);
}

void TestSqlCipherDriver::corruptFileFailsCleanly()
{
    const QString file = path(QStringLiteral("corrupt.db"));
    QByteArray garbage(16384, Qt::Uninitialized);
    QRandomGenerator generator(20261123);
    for (char &c : garbage)
        c = char(generator.bounded(256));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(garbage), garbage.size());
    }
    for (const QString &key : {kRawKey, QString()}) {
        QSqlDatabase db = addConnection(QStringLiteral("corrupt"), file, key);
        QVERIFY(!db.open());
        QVERIFY(!db.isOpen());
        QCOMPARE(db.lastError().type(), QSqlError::ConnectionError);
        QCOMPARE(db.lastError().nativeErrorCode(), QStringLiteral("26"));
        QSqlQuery q(db);
        QTest::ignoreMessage(QtWarningMsg, "QSqlQuery::exec: database not open");
        QVERIFY(!q.exec(QStringLiteral("SELECT 1")));
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("corrupt"));
    }
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), garbage); // a failed open leaves the file alone
}

void TestSqlCipherDriver::constraintViolationsReportExtendedCodes()
{
    QSqlDatabase db = addConnection(QStringLiteral("constraints"), QStringLiteral(":memory:"), kRawKey);
    QVERIFY2(db.open(), errorText(db.lastError()));
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("CREATE TABLE u (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE)")));
    QVERIFY(q.prepare(QStringLiteral("INSERT INTO u (id, code) VALUES (?, ?)")));
    q.addBindValue(1);
    q.addBindValue(QStringLiteral("A"));
    QVERIFY2(q.exec(), errorText(q.lastError()));

    q.addBindValue(2);
    q.addBindValue(QStringLiteral("A"));
    QVERIFY(!q.exec());
    QCOMPARE(q.lastError().type(), QSqlError::StatementError);
    QCOMPARE(q.lastError().nativeErrorCode(), QStringLiteral("2067")); // SQLITE_CONSTRAINT_UNIQUE
    QVERIFY2(q.lastError().databaseText().contains(QLatin1String("UNIQUE constraint failed: u.code")),
             errorText(q.lastError()));

    q.addBindValue(1);
    q.addBindValue(QStringLiteral("B"));
    QVERIFY(!q.exec());
    QCOMPARE(q.lastError().nativeErrorCode(), QStringLiteral("1555")); // SQLITE_CONSTRAINT_PRIMARYKEY

    q.addBindValue(3);
    q.addBindValue(QVariant());
    QVERIFY(!q.exec());
    QCOMPARE(q.lastError().nativeErrorCode(), QStringLiteral("1299")); // SQLITE_CONSTRAINT_NOTNULL

    // The statement survives its failures.
    q.addBindValue(2);
    q.addBindValue(QStringLiteral("B"));
    QVERIFY2(q.exec(), errorText(q.lastError()));
    QVERIFY(!q.lastError().isValid());
    QCOMPARE(countRows(db, QStringLiteral("u")), 2);

    QVERIFY(!q.exec(QStringLiteral("SELEC 1")));
    QCOMPARE(q.lastError().nativeErrorCode(), QStringLiteral("1"));
    QVERIFY2(q.lastError().databaseText().contains(QLatin1String("syntax error")), errorText(q.lastError()));
}

void TestSqlCipherDriver::readOnlyOpenRefusesWrites()
{
    const QString file = makeSample(QStringLiteral("readonly.db"));
    QSqlDatabase db = addConnection(QStringLiteral("ro"), file, kRawKey,
                                    QStringLiteral(" KASP_OPEN_READONLY ; KASP_BUSY_TIMEOUT=100"));
    QVERIFY2(db.open(), errorText(db.lastError()));
    QCOMPARE(countRows(db, QStringLiteral("people")), 3);
    QSqlQuery q(db);
    QVERIFY(!q.exec(QStringLiteral("INSERT INTO people (s) VALUES ('x')")));
    QCOMPARE(q.lastError().nativeErrorCode(), QStringLiteral("8"));
    QVERIFY2(q.lastError().text().contains(QLatin1String("readonly")), errorText(q.lastError()));
    QVERIFY(!db.transaction() || !q.exec(QStringLiteral("CREATE TABLE x (a)")));
    db.rollback();
    QCOMPARE(countRows(db, QStringLiteral("people")), 3);

    QSqlDatabase missing = addConnection(QStringLiteral("ro-missing"), path(QStringLiteral("absent.db")),
                                         kRawKey, QStringLiteral("KASP_OPEN_READONLY"));
    QVERIFY(!missing.open());
    QCOMPARE(missing.lastError().nativeErrorCode(), QStringLiteral("14")); // SQLITE_CANTOPEN
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("absent.db"))));
}

void TestSqlCipherDriver::busyTimeoutOption()
{
    const QString file = makeSample(QStringLiteral("busy.db"));
    QSqlDatabase writer = addConnection(QStringLiteral("writer"), file, kRawKey);
    QVERIFY2(writer.open(), errorText(writer.lastError()));
    QSqlDatabase waiter =
        addConnection(QStringLiteral("waiter"), file, kRawKey, QStringLiteral("KASP_BUSY_TIMEOUT=300"));
    QVERIFY2(waiter.open(), errorText(waiter.lastError()));

    QSqlQuery lock(writer);
    QVERIFY2(lock.exec(QStringLiteral("BEGIN IMMEDIATE")), errorText(lock.lastError()));
    QSqlQuery insert(waiter);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!insert.exec(QStringLiteral("INSERT INTO people (s) VALUES ('late')")));
    const qint64 waited = timer.elapsed();
    QCOMPARE(insert.lastError().nativeErrorCode(), QStringLiteral("5")); // SQLITE_BUSY
    QVERIFY2(waited >= 250 && waited < 4000, QByteArray::number(waited));

    QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
    QVERIFY2(insert.exec(QStringLiteral("INSERT INTO people (s) VALUES ('late')")),
             errorText(insert.lastError()));
    QCOMPARE(countRows(writer, QStringLiteral("people")), 4);
}

void TestSqlCipherDriver::multipleStatementsAreRejected()
{
    QSqlDatabase db = addConnection(QStringLiteral("multi"), QStringLiteral(":memory:"), kRawKey);
    QVERIFY2(db.open(), errorText(db.lastError()));
    QSqlQuery q(db);
    QVERIFY(!q.exec(QStringLiteral("CREATE TABLE x (a); INSERT INTO x VALUES (1)")));
    QVERIFY2(q.lastError().text().contains(QLatin1String("one SQL statement")), errorText(q.lastError()));
    QVERIFY(!db.tables().contains(QStringLiteral("x"))); // nothing ran

    QVERIFY2(q.exec(QStringLiteral("SELECT 1 ;  \n ;")), errorText(q.lastError()));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QVERIFY2(q.exec(QStringLiteral("SELECT 2; -- trailing comment\n/* and another */")),
             errorText(q.lastError()));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 2);
    QVERIFY(!q.exec(QStringLiteral("  -- only a comment")));
    QVERIFY(q.lastError().isValid());
}

void TestSqlCipherDriver::closeFinalizesLiveQueries()
{
    const QString file = makeSample(QStringLiteral("close.db"));
    {
        QSqlDatabase db = addConnection(QStringLiteral("close"), file, kRawKey);
        QVERIFY2(db.open(), errorText(db.lastError()));
        QSqlQuery reading(db);
        reading.setForwardOnly(true);
        QVERIFY(reading.exec(QStringLiteral("SELECT s FROM people")) && reading.next());
        QSqlQuery prepared(db);
        QVERIFY(prepared.prepare(QStringLiteral("INSERT INTO people (s) VALUES (?)")));
#ifdef Q_OS_LINUX
        QCOMPARE(openDescriptors(file), 1);
#endif

        db.close();
#ifdef Q_OS_LINUX
        // sqlite3_close_v2 with unfinalized statements would leave a zombie holding the file.
        QCOMPARE(openDescriptors(file), 0);
#endif
        QVERIFY(!reading.isActive());
        QVERIFY(!reading.next());
        prepared.addBindValue(QStringLiteral("after close"));
        QVERIFY(!prepared.exec());

        QVERIFY2(db.open(), errorText(db.lastError()));
        QVERIFY(reading.exec(QStringLiteral("SELECT count(*) FROM people")) && reading.next());
        QCOMPARE(reading.value(0).toInt(), 3);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("close"));

    // A query that outlives its connection must not touch the deleted driver.
    QSqlQuery orphan;
    {
        QSqlDatabase db = addConnection(QStringLiteral("orphan"), file, kRawKey);
        QVERIFY2(db.open(), errorText(db.lastError()));
        orphan = QSqlQuery(db);
        QVERIFY(orphan.exec(QStringLiteral("SELECT s FROM people")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("orphan"));
#ifdef Q_OS_LINUX
    QCOMPARE(openDescriptors(file), 0);
#endif
    QVERIFY(!orphan.next());
    orphan = QSqlQuery();
}

QTEST_GUILESS_MAIN(TestSqlCipherDriver)
#include "tst_sqlcipherdriver.moc"
