// kasp-sync in operation: access tokens expiring and rotating, TLS, pokes across two instances, a
// PostgreSQL restart under a running server, and tombstone retention answering "resync".
#include "serverfixture.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslConfiguration>
#include <QWebSocket>

using namespace kasp;
using namespace kasp::sync;
using test::HttpCall;
using test::HttpReply;

namespace {
const QString &kPassword = test::kServerPassword;
} // namespace

class TestSyncServerOps : public QObject, test::ServerFixture
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(start(&error), qPrintable(error));
    }

    void tokensExpireRefreshAndRotate()
    {
        QString error;
        test::SyncServerProcess shortLived(pg, QStringLiteral(KASP_SYNC_BINARY));
        QVERIFY2(shortLived.start(&error, {QStringLiteral("--access-token-secs"), QStringLiteral("1")}),
                 qPrintable(error));
        HttpCall http(shortLived.baseUrl());
        const HttpReply in =
            http.post(QStringLiteral("/v1/auth/signin"),
                      QJsonDocument(QJsonObject{{"login", "anna"}, {"password", kPassword}}).toJson());
        QCOMPARE(in.status, 200);
        const QString refresh = in.json().value("refreshToken").toString();
        http.token = in.json().value("accessToken").toString();
        const QByteArray pullBody = encode(PullRequest{idToString(newId()), 0, 10});
        QCOMPARE(http.post(QStringLiteral("/v1/pull"), pullBody).status, 200);
        QTest::qWait(1300);
        const HttpReply expired = http.post(QStringLiteral("/v1/pull"), pullBody);
        QCOMPARE(expired.status, 401);
        QCOMPARE(expired.errorCode(), QStringLiteral("auth.token_expired"));

        http.token.clear();
        const HttpReply renewed = http.post(QStringLiteral("/v1/auth/refresh"),
                                            QJsonDocument(QJsonObject{{"refreshToken", refresh}}).toJson());
        QCOMPARE(renewed.status, 200);
        http.token = renewed.json().value("accessToken").toString();
        QCOMPARE(http.post(QStringLiteral("/v1/pull"), pullBody).status, 200);

        // The old refresh token again: somebody copied it. The whole sign-in is revoked.
        http.token.clear();
        const HttpReply reused = http.post(QStringLiteral("/v1/auth/refresh"),
                                           QJsonDocument(QJsonObject{{"refreshToken", refresh}}).toJson());
        QCOMPARE(reused.errorCode(), QStringLiteral("auth.token_reused"));
        const HttpReply afterTheft = http.post(
            QStringLiteral("/v1/auth/refresh"),
            QJsonDocument(QJsonObject{{"refreshToken", renewed.json().value("refreshToken").toString()}})
                .toJson());
        QCOMPARE(afterTheft.status, 401);
    }

    void tlsServesHttpsAndWss()
    {
        // A certificate as an office CA (or IT by hand) would make it, trusted by the desktop.
        const QString dir = test::makeTempDir(QStringLiteral("tls"));
        const QString cert = dir + QStringLiteral("/cert.pem"), key = dir + QStringLiteral("/key.pem");
        QCOMPARE(QProcess::execute(QStringLiteral("openssl"),
                                   {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                                    QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                                    QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
                                    QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                                    QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                                    QStringLiteral("subjectAltName=IP:127.0.0.1")}),
                 0);
        QString error;
        test::SyncServerProcess tls(pg, QStringLiteral(KASP_SYNC_BINARY));
        QVERIFY2(tls.start(&error, {QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key}),
                 qPrintable(error));
        QSslConfiguration trust = QSslConfiguration::defaultConfiguration();
        QVERIFY(trust.addCaCertificates(cert));
        QSslConfiguration::setDefaultConfiguration(trust);

        const QString https = QStringLiteral("https://127.0.0.1:%1").arg(tls.port());
        HttpCall http(https);
        QCOMPARE(http.get(QStringLiteral("/health")).status, 200);
        const HttpReply in =
            http.post(QStringLiteral("/v1/auth/signin"),
                      QJsonDocument(QJsonObject{{"login", "anna"}, {"password", kPassword}}).toJson());
        QCOMPARE(in.status, 200);
        // Plain HTTP on the TLS port gets nothing: passwords never cross the network in clear.
        HttpCall plain(QStringLiteral("http://127.0.0.1:%1").arg(tls.port()));
        QVERIFY(plain.get(QStringLiteral("/health"), 3000).status != 200);

        QWebSocket socket;
        QSignalSpy connected(&socket, &QWebSocket::connected);
        socket.open(QUrl(QStringLiteral("wss://127.0.0.1:%1/v1/poke?access_token=%2")
                             .arg(tls.port())
                             .arg(in.json().value("accessToken").toString())));
        QVERIFY(connected.wait(5000));
        socket.close();
    }

    void pokeReachesDesktopsOnAnotherInstance()
    {
        QString error;
        test::SyncServerProcess second(pg, QStringLiteral(KASP_SYNC_BINARY));
        QVERIFY2(second.start(&error), qPrintable(error));
        const QString boris = signIn(QStringLiteral("boris"), second.baseUrl());
        const QString olga = signIn(QStringLiteral("olga"), second.baseUrl());

        QWebSocket borisSocket, olgaSocket;
        QSignalSpy borisPokes(&borisSocket, &QWebSocket::textMessageReceived);
        QSignalSpy olgaPokes(&olgaSocket, &QWebSocket::textMessageReceived);
        QSignalSpy connected(&borisSocket, &QWebSocket::connected);
        borisSocket.open(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/v1/poke?access_token=%2").arg(second.port()).arg(boris)));
        olgaSocket.open(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/v1/poke?access_token=%2").arg(second.port()).arg(olga)));
        QVERIFY(connected.wait(5000));
        QTRY_COMPARE_WITH_TIMEOUT(olgaSocket.state(), QAbstractSocket::ConnectedState, 5000);

        // A socket with a bad token is refused.
        QWebSocket intruder;
        QSignalSpy intruderDone(&intruder, &QWebSocket::disconnected);
        intruder.open(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/v1/poke?access_token=forged").arg(second.port())));
        QVERIFY(intruderDone.wait(5000));

        // Anna pushes through the first instance; Boris, on the second, is poked within a second.
        QElapsedTimer timer;
        timer.start();
        const Guest g = test::makeGuest(QStringLiteral("Тычкова"), QStringLiteral("+7 916 500-00-01"));
        QCOMPARE(push(signIn(QStringLiteral("anna")), idToString(newId()),
                      {test::pushed(1, "guest.create", toJson(g))})
                     .status,
                 200);
        // The poke may land while the push's reply is still being read: count, don't wait for a new one.
        QTRY_VERIFY_WITH_TIMEOUT(borisPokes.size() >= 1, 1000);
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(borisPokes.first().first().toString(), QStringLiteral("poke"));
        QTest::qWait(200);
        QCOMPARE(olgaPokes.size(), 0); // another organisation is not disturbed
    }

    void survivesAPostgresRestart()
    {
        QString error;
        const QString boris = signIn(QStringLiteral("boris"));
        QWebSocket socket;
        QSignalSpy pokes(&socket, &QWebSocket::textMessageReceived);
        QSignalSpy connected(&socket, &QWebSocket::connected);
        socket.open(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/v1/poke?access_token=%2").arg(server->port()).arg(boris)));
        QVERIFY(connected.wait(5000));
        QVERIFY2(pg.restart(&error), qPrintable(error));
        // Within the watchdog's period, calls work again; so do pokes (LISTEN renewed).
        HttpCall http(server->baseUrl());
        http.token = boris;
        QTRY_COMPARE_WITH_TIMEOUT(
            http.post(QStringLiteral("/v1/pull"), encode(PullRequest{idToString(newId()), 0, 10})).status,
            200, 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(server->log().contains(QStringLiteral("database.relisten")), 10'000);
        const Guest g =
            test::makeGuest(QStringLiteral("Послерестартова"), QStringLiteral("+7 916 100-20-01"));
        QCOMPARE(push(signIn(QStringLiteral("anna")), idToString(newId()),
                      {test::pushed(1, "guest.create", toJson(g))})
                     .status,
                 200);
        QTRY_VERIFY_WITH_TIMEOUT(pokes.size() >= 1, 3000);
        QVERIFY(db.open() || db.isOpen());
    }

    // Server migration 4 builds its index CONCURRENTLY (writes go on) and, after a failed try that
    // left an index of its name behind, builds it again from scratch.
    void migrationFourBuildsItsIndexWithoutALock()
    {
        QSqlQuery q(db);
        for (const char *sql :
             {"DROP INDEX IF EXISTS records_guest_history", // migration 8 replaced it
              "CREATE INDEX records_guest_refs ON records (org_id, (data->>'guestId'))"
              " WHERE kind IN ('touch', 'booking', 'deal', 'task') AND NOT deleted",
              "CREATE INDEX records_guest_history ON records (seq)", // a failed try's leftover
              "DELETE FROM schema_migrations WHERE version = 4"})
            QVERIFY2(q.exec(QLatin1String(sql)), qPrintable(q.lastError().text()));
        QString error;
        QVERIFY2(server->initDb(&error), qPrintable(error)); // while kasp-sync keeps serving
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM schema_migrations WHERE version = 4")), 1);
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM pg_indexes WHERE indexname = 'records_guest_refs'")),
            0);
        QVERIFY(q.exec(QStringLiteral("SELECT d.indexdef, i.indisvalid FROM pg_indexes d JOIN pg_class c ON "
                                      "c.relname = d.indexname JOIN pg_index i ON i.indexrelid = c.oid "
                                      "WHERE d.indexname = 'records_guest_history'")));
        QVERIFY(q.next());
        QVERIFY2(q.value(0).toString().contains(QStringLiteral("guestId")),
                 qPrintable(q.value(0).toString()));
        QVERIFY(q.value(1).toBool());
        QVERIFY(!q.next());
    }

    // The merge's query names every kind of a guest's history (syncproto guestHistoryKinds, consents too):
    // migration 8's partial index covers that list, so the planner can use it instead of reading
    // the whole records table.
    void theMergesIndexCoversEveryHistoryKind()
    {
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SET enable_seqscan = off")));
        QStringList kinds;
        for (EntityKind kind : guestHistoryKinds())
            kinds << QStringLiteral("'%1'").arg(entityKindKey(kind));
        QVERIFY(q.exec(
            QStringLiteral("EXPLAIN SELECT kind, id FROM records WHERE org_id = 'o' AND kind IN (%1) AND "
                           "NOT deleted AND data->>'guestId' = 'g'")
                .arg(kinds.join(QLatin1String(", ")))));
        QString plan;
        while (q.next())
            plan += q.value(0).toString() + QLatin1Char('\n');
        QVERIFY(q.exec(QStringLiteral("SET enable_seqscan = on")));
        QVERIFY2(plan.contains(QStringLiteral("records_guest_history_8")), qPrintable(plan));
        QVERIFY(guestHistoryKinds().contains(EntityKind::Consent));
    }

    void purgedHistoryAnswersResync()
    {
        const QString anna = signIn(QStringLiteral("anna"));
        const QString client = idToString(newId());
        const qint64 stale = pullAll(anna, client).cursor;
        QVERIFY(stale > 0);
        // A fresh deletion mark after that cursor: a card made by mistake and deleted.
        const Guest mistake =
            test::makeGuest(QStringLiteral("Ошибочная"), QStringLiteral("+7 916 700-00-09"));
        auto deleted =
            decodePushResponse(push(anna, client,
                                    {test::pushed(1, "guest.create", toJson(mistake)),
                                     test::pushed(2, "guest.delete", {{"id", idToString(mistake.id)}})})
                                   .body);
        QCOMPARE(deleted.value().lastMutationId, 2);
        QCOMPARE(deleted.value().outcomes.last().kind, MutationOutcome::Kind::Applied);
        QString output;
        QCOMPARE(server->runCommand({QStringLiteral("--purge-tombstones"), QStringLiteral("0")}, &output), 0);
        QVERIFY2(output.contains(QStringLiteral("\"count\"")), qPrintable(output));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM records WHERE deleted")), 0);

        HttpCall http(server->baseUrl());
        http.token = anna;
        const HttpReply old = http.post(QStringLiteral("/v1/pull"), encode(PullRequest{client, stale, 100}));
        QCOMPARE(old.status, 409);
        QCOMPARE(old.errorCode(), QStringLiteral("sync.resync_required"));
        QCOMPARE(http.post(QStringLiteral("/v1/pull"), encode(PullRequest{client, 0, 100})).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestSyncServerOps)
#include "tst_serverops.moc"
