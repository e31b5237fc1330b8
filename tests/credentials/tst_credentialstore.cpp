// The keychain through QtKeychain against a real Secret Service (gnome-keyring in a private D-Bus
// session, started by scripts/run-tests.sh).
#include "kasp/credentials/credentialstore.h"
#include "kasp/testsupport/testenv.h"

#include <QSignalSpy>
#include <QtTest>

using kasp::credentials::CredentialStore;

class TestCredentialStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        kasp::test::initTestEnvironment();
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("no D-Bus session: run through scripts/run-tests.sh");
    }

    void writeReadRemove()
    {
        CredentialStore store(QStringLiteral("KASP-test"));
        QSignalSpy written(&store, &CredentialStore::writeFinished);
        QSignalSpy read(&store, &CredentialStore::readFinished);
        QSignalSpy removed(&store, &CredentialStore::removeFinished);
        QSignalSpy failed(&store, &CredentialStore::failed);
        const QString key = QStringLiteral("unit-%1").arg(QDateTime::currentMSecsSinceEpoch());
        store.write(key, QStringLiteral("секрет-42"));
        QTRY_VERIFY_WITH_TIMEOUT(written.count() + failed.count() > 0, 10000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(2).toString()));
        store.read(key);
        QTRY_VERIFY_WITH_TIMEOUT(read.count() > 0, 10000);
        QCOMPARE(read.first().at(1).toString(), QStringLiteral("секрет-42"));
        store.remove(key);
        QTRY_VERIFY_WITH_TIMEOUT(removed.count() > 0, 10000);
        store.read(key);
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() > 0, 10000);
        QCOMPARE(failed.first().at(1).toString(), QStringLiteral("keychain.not_found"));
    }

    void keyNamesArePerFile()
    {
        QVERIFY(CredentialStore::databaseKeyName(QStringLiteral("/a/kasp.db")) !=
                CredentialStore::databaseKeyName(QStringLiteral("/b/kasp.db")));
        QCOMPARE(CredentialStore::databaseKeyName(QStringLiteral("/a/kasp.db")),
                 CredentialStore::databaseKeyName(QStringLiteral("/a/../a/kasp.db")));
    }
};

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
