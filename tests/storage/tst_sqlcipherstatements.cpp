// The QSQLCIPHER driver's statements: a query's statement is compiled once and rebound, and a
// closed query leaves its statement to the next query of the same text.
#include "sqlciphertestdata.h"

using namespace kasp::drivertest;

class TestSqlCipherStatements : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void preparedStatementIsReused();
    void closedQueriesLeaveTheirStatements();

private:
    QString path(const QString &name) const { return m_dir + QLatin1Char('/') + name; }

    QString m_dir;
};

void TestSqlCipherStatements::initTestCase()
{
    kasp::test::initTestEnvironment();
    m_dir = kasp::test::makeTempDir(QStringLiteral("sqlcipherstatements"));
    QVERIFY(!m_dir.isEmpty());
}

void TestSqlCipherStatements::cleanup()
{
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString &name : names)
        QSqlDatabase::removeDatabase(name);
}

void TestSqlCipherStatements::preparedStatementIsReused()
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
    // Five different texts: the connection keeps a closed query's statement for the same text.
    for (int i = 0; i < 5; ++i)
        QVERIFY2(h.prepare(heavy + QStringLiteral(" AND v <> -%1").arg(i)), errorText(h.lastError()));
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

// Repositories make a query per call: the connection keeps each closed query's statement and
// hands it to the next query of the same text, reset, without the old bindings or the read lock.
void TestSqlCipherStatements::closedQueriesLeaveTheirStatements()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral("sqlite3_close_v2")));
    const QString file = path(QStringLiteral("idle.db"));
    QSqlDatabase db = addConnection(QStringLiteral("idle"), file, kRawKey);
    QVERIFY2(db.open(), errorText(db.lastError()));
    {
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE t (v INTEGER, s TEXT)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')")));
    }
    const QString select = QStringLiteral("SELECT s FROM t WHERE v >= ? ORDER BY v");
    const void *first = nullptr;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        QVERIFY(q.prepare(select));
        first = handlePointer(q.result()->handle());
        q.addBindValue(1);
        QVERIFY2(q.exec(), errorText(q.lastError()));
        QVERIFY(q.next()); // left in the middle of its rows: a read lock a reset must release
        QCOMPARE(q.value(0).toString(), QStringLiteral("a"));
    }
    {
        // Another connection writes: the closed query's statement holds no lock any more.
        QSqlDatabase other = addConnection(QStringLiteral("idle-writer"), file, kRawKey,
                                           QStringLiteral("KASP_BUSY_TIMEOUT=200"));
        QVERIFY2(other.open(), errorText(other.lastError()));
        QSqlQuery w(other);
        QVERIFY2(w.exec(QStringLiteral("INSERT INTO t VALUES (4, 'd')")), errorText(w.lastError()));
    }
    QSqlQuery a(db);
    a.setForwardOnly(true);
    QVERIFY(a.prepare(select));
    QCOMPARE(handlePointer(a.result()->handle()), first); // taken, not compiled again
    a.addBindValue(3);
    QVERIFY2(a.exec(), errorText(a.lastError()));
    // Two queries of one text open at once: the second compiles its own, each keeps its rows.
    QSqlQuery b(db);
    b.setForwardOnly(true);
    QVERIFY(b.prepare(select));
    QVERIFY(handlePointer(b.result()->handle()) != first);
    b.addBindValue(2);
    QVERIFY2(b.exec(), errorText(b.lastError()));
    QStringList fromA, fromB;
    while (a.next() | b.next()) {
        if (a.isValid())
            fromA << a.value(0).toString();
        if (b.isValid())
            fromB << b.value(0).toString();
    }
    QCOMPARE(fromA, (QStringList{QStringLiteral("c"), QStringLiteral("d")}));
    QCOMPARE(fromB, (QStringList{QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")}));
    a = QSqlQuery();
    b = QSqlQuery();

    // A kept statement follows the schema: a column added after it was compiled shows.
    const QString all = QStringLiteral("SELECT * FROM t");
    {
        QSqlQuery q(db);
        QVERIFY(q.exec(all));
        QCOMPARE(q.record().count(), 2);
    }
    {
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("ALTER TABLE t ADD COLUMN w INTEGER DEFAULT 7")));
    }
    {
        QSqlQuery q(db);
        QVERIFY2(q.exec(all), errorText(q.lastError()));
        QVERIFY(q.next());
        QCOMPARE(q.record().count(), 3);
        QCOMPARE(q.value(2).toInt(), 7);
    }
    // Timing shows the reuse where a handle cannot (a statement compiled again may land at the
    // same address): a text slow to compile, prepared by a new query after the first one closed.
    QString heavy = QStringLiteral("SELECT CASE v");
    for (int i = 0; i < 1500; ++i)
        heavy += QStringLiteral(" WHEN %1 THEN 'v%1'").arg(i);
    heavy += QStringLiteral(" END FROM t WHERE 0 = ?");
    QElapsedTimer timer;
    timer.start();
    {
        QSqlQuery q(db);
        QVERIFY2(q.prepare(heavy), errorText(q.lastError()));
    }
    const qint64 compileNs = timer.nsecsElapsed();
    timer.restart();
    {
        QSqlQuery q(db);
        QVERIFY2(q.prepare(heavy), errorText(q.lastError()));
    }
    const qint64 reuseNs = timer.nsecsElapsed();
    qInfo("heavy statement: compiled in %.3f ms, taken again in %.3f ms", compileNs / 1e6, reuseNs / 1e6);
    QVERIFY2(reuseNs * 5 < compileNs, "a closed query's statement must be taken, not compiled again");

    // Many texts (IN lists of every length): the connection keeps a bounded number, and closing
    // it finalizes them all (sqlite3_close_v2 warns otherwise).
    for (int n = 1; n <= 400; ++n) {
        QSqlQuery q(db);
        QVERIFY(q.prepare(QStringLiteral("SELECT count(*) FROM t WHERE v IN (%1)")
                              .arg(QStringList(n, QStringLiteral("?")).join(QLatin1Char(',')))));
        for (int i = 0; i < n; ++i)
            q.addBindValue(i);
        QVERIFY2(q.exec(), errorText(q.lastError()));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), std::min(n - 1, 4));
    }
    db.close();
    QVERIFY2(db.open(), errorText(db.lastError()));
    QSqlQuery again(db);
    QVERIFY(again.exec(QStringLiteral("SELECT count(*) FROM t")));
    QVERIFY(again.next());
    QCOMPARE(again.value(0).toInt(), 4);
}

QTEST_GUILESS_MAIN(TestSqlCipherStatements)
#include "tst_sqlcipherstatements.moc"
