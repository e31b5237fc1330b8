// kasp-sync's settings file: values are read, flags' defaults survive where the file is silent, and
// a bad value or an unreadable file is a clear error naming the key, not a server on a wrong port.
#include "kasp/testsupport/testenv.h"
#include "serverconfig.h"

#include <QFile>
#include <QtTest>

using namespace kasp;
using namespace kasp::server;

class TestServerConfig : public QObject
{
    Q_OBJECT
    QString write(const QByteArray &text)
    {
        const QString path = test::makeTempDir(QStringLiteral("cfg")) + QStringLiteral("/kasp-sync.conf");
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(text);
        return path;
    }

private slots:
    void initTestCase() { test::initTestEnvironment(); }

    void readsEverySection()
    {
        ServerConfig defaults;
        defaults.dbPassword = QStringLiteral("from-env");
        auto cfg = loadServerConfig(
            write("[server]\nlisten=0.0.0.0\nport=9443\n[database]\nhost=db.local\nport=5433\n"
                  "name=kasp_prod\nuser=kasp_sync\n[tls]\ncertificate=/etc/kasp/cert.pem\n"
                  "key=/etc/kasp/key.pem\n[auth]\naccess_token_secs=600\nrefresh_token_days=14\n"),
            defaults);
        QVERIFY(cfg.ok());
        QCOMPARE(cfg.value().listenAddress, QHostAddress(QStringLiteral("0.0.0.0")));
        QCOMPARE(cfg.value().port, 9443);
        QCOMPARE(cfg.value().dbHost, QStringLiteral("db.local"));
        QCOMPARE(cfg.value().dbPort, 5433);
        QCOMPARE(cfg.value().dbName, QStringLiteral("kasp_prod"));
        QCOMPARE(cfg.value().dbUser, QStringLiteral("kasp_sync"));
        QCOMPARE(cfg.value().dbPassword,
                 QStringLiteral("from-env")); // the file is silent: the env value stays
        QCOMPARE(cfg.value().tlsCertificate, QStringLiteral("/etc/kasp/cert.pem"));
        QCOMPARE(cfg.value().accessTokenSecs, 600);
        QCOMPARE(cfg.value().refreshTokenDays, 14);
    }

    void badValuesNameTheKey_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("key");
        QTest::newRow("port") << QByteArray("[server]\nport=99999\n") << "server/port";
        QTest::newRow("port text") << QByteArray("[server]\nport=http\n") << "server/port";
        QTest::newRow("listen") << QByteArray("[server]\nlisten=not-an-address\n") << "server/listen";
        QTest::newRow("db port") << QByteArray("[database]\nport=x\n") << "database/port";
        QTest::newRow("token") << QByteArray("[auth]\naccess_token_secs=0\n") << "auth/access_token_secs";
    }

    void badValuesNameTheKey()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, key);
        auto cfg = loadServerConfig(write(text));
        QVERIFY(!cfg.ok());
        QCOMPARE(cfg.error().code, QStringLiteral("config.bad_value"));
        QVERIFY2(cfg.error().message.contains(key), qPrintable(cfg.error().message));
    }

    void missingFileIsAClearError()
    {
        auto cfg = loadServerConfig(QStringLiteral("/nonexistent/kasp-sync.conf"));
        QCOMPARE(cfg.error().code, QStringLiteral("config.file"));
        QVERIFY(cfg.error().message.contains(QStringLiteral("/nonexistent/kasp-sync.conf")));
        QVERIFY(loadServerConfig(QString()).ok()); // no file: the defaults
    }
};

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
