// The QSQLCIPHER driver and the files on disk: keys, encryption checked with the sqlite3 and
// sqlcipher command-line tools, corrupt files, error codes, read-only and busy databases.
#include "sqlciphertestdata.h"

using namespace kasp::drivertest;

class TestSqlCipherFiles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

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
    QString makeSample(const QString &name, const QString &key = kRawKey)
    {
        return kasp::drivertest::makeSample(m_dir, name, key);
    }

    QString m_dir;
};

void TestSqlCipherFiles::initTestCase()
{
    kasp::test::initTestEnvironment();
    m_dir = kasp::test::makeTempDir(QStringLiteral("sqlcipher"));
    QVERIFY(!m_dir.isEmpty());
}

void TestSqlCipherFiles::cleanup()
{
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString &name : names)
        QSqlDatabase::removeDatabase(name);
}

void TestSqlCipherFiles::reopenWithRightKey()
{
    const QString file = makeSample(QStringLiteral("reopen.db"));
    QSqlDatabase db = addConnection(QStringLiteral("reopen"), file, kRawKey);
    QVERIFY2(db.open(), errorText(db.lastError()));
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("SELECT s FROM people WHERE id = 1")) && q.next());
    QCOMPARE(q.value(0).toString(), kSurname);
}

void TestSqlCipherFiles::wrongKeyFailsAtOpen()
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

void TestSqlCipherFiles::passphraseKey()
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

void TestSqlCipherFiles::fileIsEncrypted()
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

void TestSqlCipherFiles::sqlite3CliCannotRead()
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

void TestSqlCipherFiles::sqlcipherCliCanRead()
{
    const QString sqlcipher = QStringLiteral("/usr/bin/sqlcipher");
    if (!QFileInfo::exists(sqlcipher))
        QSKIP("/usr/bin/sqlcipher is not installed");
    const QString file = makeSample(QStringLiteral("cli-cipher.db"));
    auto run = [&](const QString &hex, QByteArray *err) {
        QProcess p;
        p.start(sqlcipher,
                {QStringLiteral("-batch"), QStringLiteral("-init"), QStringLiteral("/dev/null"), file});
        p.write(QStringLiteral("PRAGMA key = \"x'%1'\";\nPRAGMA cipher_page_size = 4096;\nSELECT s FROM "
                               "people ORDER BY id;\n")
                    .arg(hex)
                    .toUtf8());
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

void TestSqlCipherFiles::corruptFileFailsCleanly()
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

void TestSqlCipherFiles::constraintViolationsReportExtendedCodes()
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

void TestSqlCipherFiles::readOnlyOpenRefusesWrites()
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

void TestSqlCipherFiles::busyTimeoutOption()
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

void TestSqlCipherFiles::multipleStatementsAreRejected()
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

void TestSqlCipherFiles::closeFinalizesLiveQueries()
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

QTEST_GUILESS_MAIN(TestSqlCipherFiles)
#include "tst_sqlcipherfiles.moc"
