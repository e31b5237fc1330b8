// Opening a database the way the app does: key from the real keychain (gnome-keyring), a fresh key
// for a new file, and the passphrase path when the keychain is missing. The ".nokeychain" variant
// runs this program with a D-Bus address nobody listens on.
#include "kasp/credentials/credentialstore.h"
#include "kasp/session/databaseunlocker.h"
#include "kasp/storage/connectionfactory.h"
#include "kasp/storage/outbox.h"
#include "kasp/testsupport/testenv.h"

#include <QFile>
#include <QSignalSpy>
#include <QtTest>

using namespace kasp;
using kasp::credentials::CredentialStore;
using kasp::session::DatabaseUnlocker;

class TestUnlocker : public QObject
{
    Q_OBJECT
    bool noKeychain = false;

    struct Outcome
    {
        QString unlocked;
        QString needPassphrase;
        bool creating = false;
        QString failedCode;
    };

    Outcome run(DatabaseUnlocker &unlocker, const std::function<void()> &kick)
    {
        Outcome o;
        bool done = false;
        connect(&unlocker, &DatabaseUnlocker::unlocked, this, [&](const QString &c) {
            o.unlocked = c;
            done = true;
        });
        connect(&unlocker, &DatabaseUnlocker::needPassphrase, this, [&](const QString &r, bool creating) {
            o.needPassphrase = r;
            o.creating = creating;
            done = true;
        });
        connect(&unlocker, &DatabaseUnlocker::failed, this, [&](const QString &code, const QString &) {
            o.failedCode = code;
            done = true;
        });
        kick();
        if (!QTest::qWaitFor([&] { return done; }, 15000))
            o.failedCode = QStringLiteral("test.timeout");
        disconnect(&unlocker, nullptr, this, nullptr);
        return o;
    }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        noKeychain = qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").contains(QLatin1String("nonexistent"));
        if (!noKeychain && qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("no D-Bus session: run through scripts/run-tests.sh");
    }

    void newDatabaseGetsARandomKeyInTheKeychain()
    {
        if (noKeychain)
            QSKIP("keychain variant only");
        const QString path = test::makeTempDir(QStringLiteral("unlock")) + QStringLiteral("/kasp.db");
        CredentialStore store(QStringLiteral("KASP-test"));
        {
            DatabaseUnlocker unlocker(&store, path, QStringLiteral("u1"));
            const Outcome o = run(unlocker, [&] { unlocker.start(); });
            QCOMPARE(o.failedCode, QString());
            QCOMPARE(o.unlocked, QStringLiteral("u1"));
            storage::ConnectionFactory::close(QStringLiteral("u1"));
        }
        QVERIFY(QFile::exists(path));
        // The key is in the keychain: 64 hex digits, and it opens the file.
        QSignalSpy read(&store, &CredentialStore::readFinished);
        store.read(CredentialStore::databaseKeyName(path));
        QTRY_VERIFY_WITH_TIMEOUT(read.count() == 1, 10000);
        const QString hex = read.first().at(1).toString();
        QCOMPARE(hex.size(), 64);
        auto key = storage::DatabaseKey::fromHex(hex);
        QVERIFY(key.ok());
        QVERIFY(
            storage::ConnectionFactory::open({path, key.value(), QStringLiteral("u2"), false, true}).ok());
        storage::ConnectionFactory::close(QStringLiteral("u2"));
        // A second start finds the key and opens without asking anything.
        DatabaseUnlocker again(&store, path, QStringLiteral("u3"));
        QCOMPARE(run(again, [&] { again.start(); }).unlocked, QStringLiteral("u3"));
        storage::ConnectionFactory::close(QStringLiteral("u3"));
        // No key file was written next to the database.
        QCOMPARE(
            QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files).filter(QStringLiteral("key")).size(),
            0);
    }

    void existingDatabaseWithoutKeyAsksForPassphrase()
    {
        if (noKeychain)
            QSKIP("keychain variant only");
        const QString path = test::makeTempDir(QStringLiteral("unlock")) + QStringLiteral("/p.db");
        const auto pass = storage::DatabaseKey::fromPassphrase(QStringLiteral("море и сосны"));
        QVERIFY(storage::ConnectionFactory::open({path, pass, QStringLiteral("mk"), true, true}).ok());
        storage::ConnectionFactory::close(QStringLiteral("mk"));
        CredentialStore store(QStringLiteral("KASP-test"));
        DatabaseUnlocker unlocker(&store, path, QStringLiteral("p1"));
        const Outcome o = run(unlocker, [&] { unlocker.start(); });
        QVERIFY(!o.needPassphrase.isEmpty());
        QVERIFY(!o.creating);
        QCOMPARE(run(unlocker, [&] { unlocker.unlockWithPassphrase(QStringLiteral("неверно")); }).failedCode,
                 QStringLiteral("storage.wrong_key"));
        QCOMPARE(
            run(unlocker, [&] { unlocker.unlockWithPassphrase(QStringLiteral("море и сосны")); }).unlocked,
            QStringLiteral("p1"));
        storage::ConnectionFactory::close(QStringLiteral("p1"));
    }

    void noKeychainFallsBackToPassphraseNeverToAFile()
    {
        if (!noKeychain)
            QSKIP("run as session.unlocker.nokeychain");
        const QString dir = test::makeTempDir(QStringLiteral("nokc"));
        const QString path = dir + QStringLiteral("/kasp.db");
        CredentialStore store(QStringLiteral("KASP-test"));
        DatabaseUnlocker unlocker(&store, path, QStringLiteral("n1"));
        const Outcome o = run(unlocker, [&] { unlocker.start(); });
        QVERIFY2(!o.needPassphrase.isEmpty(), qPrintable(o.failedCode));
        QVERIFY(o.creating);
        // Says what is missing in the user's words; the keychain's own text is only in the log.
        QVERIFY2(o.needPassphrase.contains(QStringLiteral("password storage")), qPrintable(o.needPassphrase));
        QVERIFY2(!o.needPassphrase.contains(QStringLiteral("D-Bus")) &&
                     !o.needPassphrase.contains(QStringLiteral("org.freedesktop")),
                 qPrintable(o.needPassphrase));
        QVERIFY(!QFile::exists(path)); // nothing created before the user chose a passphrase
        QCOMPARE(run(unlocker, [&] { unlocker.unlockWithPassphrase(QString()); }).failedCode,
                 QStringLiteral("session.empty_passphrase"));
        QCOMPARE(
            run(unlocker, [&] { unlocker.unlockWithPassphrase(QStringLiteral("длинная фраза")); }).unlocked,
            QStringLiteral("n1"));
        storage::ConnectionFactory::close(QStringLiteral("n1"));
        QCOMPARE(QDir(dir).entryList(QDir::Files).filter(QStringLiteral("key")).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestUnlocker)
#include "tst_unlocker.moc"
