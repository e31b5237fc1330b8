// The QSQLCIPHER driver as a Qt SQL driver: types, placeholders, transactions, navigation,
// catalog (statement reuse: tst_sqlcipherstatements).
#include "sqlciphertestdata.h"

using namespace kasp::drivertest;

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
    void transactionsCommitAndRollBack();
    void lastInsertIdAndRowsAffected();
    void navigation();
    void forwardOnlyLargeTable();
    void catalog();

private:
    QString path(const QString &name) const { return m_dir + QLatin1Char('/') + name; }
    QString makeSample(const QString &name, const QString &key = kRawKey)
    {
        return kasp::drivertest::makeSample(m_dir, name, key);
    }

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

QTEST_GUILESS_MAIN(TestSqlCipherDriver)
#include "tst_sqlcipherdriver.moc"
