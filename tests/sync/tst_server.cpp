// kasp-sync as IT runs it: a real process over a throwaway PostgreSQL on 127.0.0.1, spoken to over
// HTTP. Covers sign-in, versions and bad input, exactly-once push (also across crashes), pull with
// role filters, the double-booking race and deletes. Operations (tokens, TLS, pokes, restarts,
// retention) are in tst_serverops.
#include "serverfixture.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace kasp;
using namespace kasp::sync;
using test::HttpCall;
using test::HttpReply;

namespace {
const QString &kPassword = test::kServerPassword;
const QString &kOrg = test::kServerOrg;
} // namespace

class TestSyncServer : public QObject, test::ServerFixture
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(start(&error), qPrintable(error));
    }

    void health()
    {
        HttpCall http(server->baseUrl());
        const HttpReply r = http.get(QStringLiteral("/health"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("status").toString(), QStringLiteral("ok"));
        QCOMPARE(r.json().value("protocol").toInt(), kProtocolVersion);
    }

    void passwordsAreArgon2idAndNeverStoredPlain()
    {
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT password_hash FROM accounts WHERE login = 'anna'")) &&
                q.next());
        QVERIFY(q.value(0).toString().startsWith(QStringLiteral("$argon2id$")));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM accounts WHERE password_hash LIKE '%battery%'")),
                 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM tokens WHERE length(hash) <> 64")), 0);
    }

    void wrongPasswordsAreThrottled()
    {
        HttpCall http(server->baseUrl());
        auto attempt = [&](const QString &password) {
            return http.post(
                QStringLiteral("/v1/auth/signin"),
                QJsonDocument(QJsonObject{{"login", "victim"}, {"password", password}}).toJson());
        };
        for (int i = 0; i < 5; ++i) {
            const HttpReply r = attempt(QStringLiteral("wrong-%1").arg(i));
            QCOMPARE(r.status, 401);
            QCOMPARE(r.errorCode(), QStringLiteral("auth.bad_credentials"));
        }
        // Locked now: even the right password waits.
        const HttpReply locked = attempt(kPassword);
        QCOMPARE(locked.status, 429);
        QCOMPARE(locked.errorCode(), QStringLiteral("auth.throttled"));
        // An unknown login looks exactly like a wrong password.
        const HttpReply unknown =
            http.post(QStringLiteral("/v1/auth/signin"),
                      QJsonDocument(QJsonObject{{"login", "nobody"}, {"password", "x"}}).toJson());
        QCOMPARE(unknown.status, 401);
        QCOMPARE(unknown.errorCode(), QStringLiteral("auth.bad_credentials"));
    }

    void versionsAndBadInputGetClear4xx()
    {
        const QString token = signIn(QStringLiteral("anna"));
        const QString client = idToString(newId());
        const Guest g = test::makeGuest(QStringLiteral("Плохова"), QStringLiteral("+7 916 000-00-01"));
        const QByteArray good = encode(PushRequest{client, {test::pushed(1, "guest.create", toJson(g))}});
        const qint64 recordsBefore = count(QStringLiteral("SELECT count(*) FROM records"));

        struct Case
        {
            const char *what;
            QByteArray protocol, schema, body;
            QString token;
            int status;
            const char *code;
        };
        QByteArray huge(kMaxBodyBytes + 10, ' ');
        const QList<Case> cases{
            {"no protocol header", "", "1", good, token, 400, "protocol.missing"},
            {"newer protocol", QByteArray::number(kProtocolVersion + 1), "10", good, token, 426,
             "server.upgrade_required"},
            {"protocol 0", "0", "10", good, token, 426, "protocol.upgrade_required"},
            {"not a protocol", "two", "10", good, token, 426, "protocol.upgrade_required"},
            // Protocol 1 said what it understood through the schema: one past 10 may hold kinds
            // this server does not know (protocol 2 desks are not held to it: tst_protocolversions).
            {"desktop newer than server", "1", "99", good, token, 426, "server.upgrade_required"},
            {"protocol 1, schema 11", "1", "11", good, token, 426, "server.upgrade_required"},
            {"desktop too old", "1", "0", good, token, 426, "client.upgrade_required"},
            {"protocol 1 without a schema", "1", "", good, token, 400, "protocol.missing"},
            {"no token", "1", "1", good, QString(), 401, "auth.bad_token"},
            {"forged token", "1", "1", good, QStringLiteral("forged"), 401, "auth.bad_token"},
            {"malformed JSON", "1", "1", "{\"clientId\": ", token, 400, "json.malformed"},
            {"not an object", "1", "1", "[1,2]", token, 400, "json.not_object"},
            {"wrong type", "1", "1", "{\"clientId\": 5, \"mutations\": []}", token, 400, "json.bad_value"},
            {"bad args type", "1", "1",
             encode(PushRequest{client, {}})
                 .replace(
                     "[]",
                     "[{\"id\":1,\"name\":\"guest.create\",\"args\":7,\"at\":\"2026-01-01T00:00:00.000Z\"}]"),
             token, 400, "json.bad_value"},
            {"unknown mutation", "1", "1",
             encode(PushRequest{client, {test::pushed(1, "guest.explode", toJson(g))}}), token, 400,
             "mutation.unknown"},
            {"out of order", "1", "1",
             encode(PushRequest{
                 client,
                 {test::pushed(2, "guest.create", toJson(g)), test::pushed(1, "guest.create", toJson(g))}}),
             token, 400, "push.out_of_order"},
            {"oversized body", "1", "1", huge, token, 413, "body.too_large"},
        };
        for (const Case &c : cases) {
            HttpCall http(server->baseUrl());
            http.protocol = c.protocol;
            http.schema = c.schema;
            http.token = c.token;
            const HttpReply r = http.post(QStringLiteral("/v1/push"), c.body);
            QVERIFY2(r.status == c.status, qPrintable(QStringLiteral("%1: %2 %3")
                                                          .arg(c.what)
                                                          .arg(r.status)
                                                          .arg(QString::fromUtf8(r.body.left(300)))));
            QVERIFY2(r.errorCode() == QLatin1String(c.code),
                     qPrintable(QStringLiteral("%1: %2").arg(c.what, QString::fromUtf8(r.body.left(300)))));
            QVERIFY2(!r.json().value("message").toString().isEmpty(), c.what);
        }
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM records")), recordsBefore); // nothing applied
        // ... and the server still serves.
        const HttpReply ok = push(token, client, {test::pushed(1, "guest.create", toJson(g))});
        QCOMPARE(ok.status, 200);
        QVERIFY2(server->log().contains(QStringLiteral("\"req\":")),
                 "structured access log with request ids");
    }

    void pushIsExactlyOnce()
    {
        const QString token = signIn(QStringLiteral("anna"));
        const QString client = idToString(newId());
        QList<PushedMutation> batch;
        QList<Guest> guests;
        for (int i = 1; i <= 3; ++i) {
            guests.append(test::makeGuest(QStringLiteral("Однажды%1").arg(i),
                                          QStringLiteral("+7 916 100-00-0%1").arg(i)));
            batch.append(test::pushed(i, QStringLiteral("guest.create"), toJson(guests.last())));
        }
        const qint64 before = count(QStringLiteral("SELECT count(*) FROM records WHERE kind = 'guest'"));
        auto first = decodePushResponse(push(token, client, batch).body);
        QVERIFY(first.ok());
        QCOMPARE(first.value().lastMutationId, 3);
        for (const auto &o : first.value().outcomes)
            QCOMPARE(o.kind, MutationOutcome::Kind::Applied);

        // The same batch again (a retry after a lost reply): acknowledged, not applied again.
        auto again = decodePushResponse(push(token, client, batch).body);
        QVERIFY(again.ok());
        for (const auto &o : again.value().outcomes)
            QCOMPARE(o.kind, MutationOutcome::Kind::Duplicate);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM records WHERE kind = 'guest'")), before + 3);

        // A gap: mutation 5 before 4 is skipped, then 4 and 5 apply in order.
        Guest g4 = guests[0];
        g4.lastName = QStringLiteral("Позже");
        const PushedMutation m4 =
            test::pushed(4, "guest.update", {{"id", idToString(g4.id)}, {"lastName", "Четвёртая"}});
        const PushedMutation m5 =
            test::pushed(5, "guest.update", {{"id", idToString(g4.id)}, {"middleName", "Пятая"}});
        auto gap = decodePushResponse(push(token, client, {m5}).body);
        QCOMPARE(gap.value().outcomes.first().kind, MutationOutcome::Kind::Skipped);
        QCOMPARE(gap.value().lastMutationId, 3);
        auto filled = decodePushResponse(push(token, client, {m4, m5}).body);
        QCOMPARE(filled.value().lastMutationId, 5);
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "SELECT data->>'lastName', data->>'middleName', data->>'firstName' FROM records WHERE id = ?"));
        q.addBindValue(idToString(g4.id));
        QVERIFY(q.exec() && q.next());
        // Patches: each field keeps its last writer, the untouched one stays.
        QCOMPARE(q.value(0).toString(), QStringLiteral("Четвёртая"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("Пятая"));
        QCOMPARE(q.value(2).toString(), QStringLiteral("Мария"));
    }

    void textPostgresCannotStoreIsRejectedNotStuck()
    {
        const QString token = signIn(QStringLiteral("anna"));
        const QString client = idToString(newId());
        Guest bad = test::makeGuest(QStringLiteral("Нуль"), QStringLiteral("+7 916 100-10-01"));
        bad.lastName = QStringLiteral("Нуль") + QChar(0);
        const Guest good = test::makeGuest(QStringLiteral("Следующая"), QStringLiteral("+7 916 100-10-02"));
        const HttpReply r = push(
            token, client,
            {test::pushed(1, "guest.create", toJson(bad)), test::pushed(2, "guest.create", toJson(good))});
        QCOMPARE(r.status, 200);
        auto response = decodePushResponse(r.body).value();
        QCOMPARE(response.outcomes[0].kind, MutationOutcome::Kind::Rejected);
        QCOMPARE(response.outcomes[0].code, QStringLiteral("json.bad_value"));
        QCOMPARE(response.outcomes[1].kind, MutationOutcome::Kind::Applied); // the outbox moves on
        QCOMPARE(response.lastMutationId, 2);
    }

    void crashBeforeAndAfterCommitLoseAndDuplicateNothing_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<int>("applied");
        QTest::newRow("killed before commit") << "push_before_commit" << 0;
        QTest::newRow("killed after commit, before the reply") << "push_after_commit" << 1;
    }

    void crashBeforeAndAfterCommitLoseAndDuplicateNothing()
    {
        QFETCH(QString, fault);
        QFETCH(int, applied);
        QString error;
        test::SyncServerProcess crashing(pg, QStringLiteral(KASP_SYNC_BINARY));
        qputenv("KASP_SYNC_FAULT", fault.toLatin1());
        const bool started = crashing.start(&error);
        qunsetenv("KASP_SYNC_FAULT");
        QVERIFY2(started, qPrintable(error));
        const QString token = signIn(QStringLiteral("anna"), crashing.baseUrl());
        const QString client = idToString(newId());
        const Guest g = test::makeGuest(QStringLiteral("Крашева"), QStringLiteral("+7 916 200-00-01"));
        const QList<PushedMutation> batch{test::pushed(1, "guest.create", toJson(g))};
        const HttpReply lost = push(token, client, batch, crashing.baseUrl());
        QCOMPARE(lost.status, 0); // no reply: the process died
        QTRY_VERIFY_WITH_TIMEOUT(!crashing.isRunning(), 5000);
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT count(*) FROM records WHERE id = ?"));
        q.addBindValue(idToString(g.id));
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toInt(), applied);

        // The desktop retries against the healthy server: applied exactly once either way.
        const QString token2 = signIn(QStringLiteral("anna"));
        auto retry = decodePushResponse(push(token2, client, batch).body);
        QVERIFY(retry.ok());
        QCOMPARE(retry.value().outcomes.first().kind,
                 applied ? MutationOutcome::Kind::Duplicate : MutationOutcome::Kind::Applied);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    void rolesAreEnforcedOnPushAndPull()
    {
        const QString anna = signIn(QStringLiteral("anna"));
        const QString boris = signIn(QStringLiteral("boris"));
        const QString victor = signIn(QStringLiteral("victor"));
        const QString annaClient = idToString(newId());
        const Guest g = test::makeGuest(QStringLiteral("Задачина"), QStringLiteral("+7 916 300-00-01"));

        // Users' ids come from the pulled staff list.
        QString annaId, borisId;
        for (const Record &r : pullAll(anna, annaClient).records)
            if (r.kind == EntityKind::User) {
                if (r.data.value("login").toString() == QLatin1String("anna"))
                    annaId = r.id;
                if (r.data.value("login").toString() == QLatin1String("boris"))
                    borisId = r.id;
                QVERIFY(!r.data.contains(QStringLiteral("password_hash")));
            }
        QVERIFY(!annaId.isEmpty() && !borisId.isEmpty());

        auto task = [&](const QString &assignee, const QString &title) {
            Task t;
            t.id = newId();
            t.guestId = g.id;
            t.assigneeId = idFromString(assignee);
            t.title = title;
            t.createdAt = QDateTime::currentDateTimeUtc();
            return t;
        };
        const Task forAnna = task(annaId, QStringLiteral("Перезвонить (Анна)"));
        const Task forBoris = task(borisId, QStringLiteral("Перезвонить (Борис)"));
        const Task forPool = task(QString(), QStringLiteral("Общий пул"));
        auto r = decodePushResponse(
            push(anna, annaClient,
                 {test::pushed(1, "guest.create", toJson(g)), test::pushed(2, "task.create", toJson(forAnna)),
                  test::pushed(3, "task.create", toJson(forBoris)),
                  test::pushed(4, "task.create", toJson(forPool))})
                .body);
        QCOMPARE(r.value().lastMutationId, 4);

        QSet<QString> borisTasks;
        for (const Record &rec : pullAll(boris, idToString(newId())).records)
            if (rec.kind == EntityKind::Task)
                borisTasks.insert(rec.id);
        QVERIFY(borisTasks.contains(idToString(forBoris.id)));
        QVERIFY(borisTasks.contains(idToString(forPool.id)));
        QVERIFY(!borisTasks.contains(idToString(forAnna.id))); // a colleague's work list stays hers
        int headTasks = 0;
        for (const Record &rec : pullAll(headToken, headClient).records)
            headTasks += rec.kind == EntityKind::Task ? 1 : 0;
        QVERIFY(headTasks >= 3); // the head of sales sees everyone's

        // Boris cannot close Anna's task; his own he can.
        auto foreign = decodePushResponse(
            push(boris, idToString(newId()),
                 {test::pushed(1, "task.set_status", {{"id", idToString(forAnna.id)}, {"status", "done"}})})
                .body);
        QCOMPARE(foreign.value().outcomes.first().code, QStringLiteral("auth.forbidden"));

        // A consultant cannot change room stock; the director changes nothing.
        const QString borisClient = idToString(newId());
        test::RoomStock other;
        auto forbidden = decodePushResponse(push(boris, borisClient, other.mutations(1).mid(0, 1)).body);
        QCOMPARE(forbidden.value().outcomes.first().kind, MutationOutcome::Kind::Rejected);
        QCOMPARE(forbidden.value().outcomes.first().code, QStringLiteral("auth.forbidden"));
        const Guest dg = test::makeGuest(QStringLiteral("Директорова"), QStringLiteral("+7 916 300-00-02"));
        auto readOnly = decodePushResponse(
            push(victor, idToString(newId()), {test::pushed(1, "guest.create", toJson(dg))}).body);
        QCOMPARE(readOnly.value().outcomes.first().code, QStringLiteral("auth.read_only"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM records WHERE id = '%1' AND NOT deleted")
                           .arg(idToString(dg.id))),
                 0);

        // Another organisation sees none of it, and cannot borrow a client id.
        const QString olga = signIn(QStringLiteral("olga"));
        for (const Record &rec : pullAll(olga, idToString(newId())).records)
            QVERIFY2(rec.kind == EntityKind::User &&
                         rec.data.value("login").toString() == QLatin1String("olga"),
                     qPrintable(rec.id));
        HttpCall http(server->baseUrl());
        http.token = olga;
        QCOMPARE(http.post(QStringLiteral("/v1/pull"), encode(PullRequest{annaClient, 0, 10})).status, 403);
    }

    void doubleBookingRaceHasExactlyOneWinner()
    {
        const QString anna = signIn(QStringLiteral("anna"));
        const QString boris = signIn(QStringLiteral("boris"));
        const QString annaClient = idToString(newId()), borisClient = idToString(newId());
        const Guest ga = test::makeGuest(QStringLiteral("Первая"), QStringLiteral("+7 916 400-00-01"));
        const Guest gb = test::makeGuest(QStringLiteral("Вторая"), QStringLiteral("+7 916 400-00-02"));
        QCOMPARE(push(anna, annaClient, {test::pushed(1, "guest.create", toJson(ga))}).status, 200);
        QCOMPARE(push(boris, borisClient, {test::pushed(1, "guest.create", toJson(gb))}).status, 200);
        const QDate in(2027, 7, 10);
        const Booking ba = test::makeBooking(ga.id, stock.room, in, in.addDays(14));
        const Booking bb = test::makeBooking(gb.id, stock.room, in.addDays(7), in.addDays(21));

        // Both desktops push at the same moment.
        QNetworkAccessManager netA, netB;
        auto send = [&](QNetworkAccessManager &net, const QString &token, const QString &client,
                        const Booking &b) {
            QNetworkRequest req(QUrl(server->baseUrl() + QStringLiteral("/v1/push")));
            req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            req.setRawHeader(kProtocolHeader, "1");
            req.setRawHeader(kSchemaHeader, "1");
            req.setRawHeader("Authorization", "Bearer " + token.toLatin1());
            return net.post(req, encode(PushRequest{client, {test::pushed(2, "booking.create", toJson(b))}}));
        };
        QNetworkReply *ra = send(netA, anna, annaClient, ba);
        QNetworkReply *rb = send(netB, boris, borisClient, bb);
        QTRY_VERIFY_WITH_TIMEOUT(ra->isFinished() && rb->isFinished(), 15'000);
        auto oa = decodePushResponse(ra->readAll()).value().outcomes.first();
        auto ob = decodePushResponse(rb->readAll()).value().outcomes.first();
        QCOMPARE((oa.kind == MutationOutcome::Kind::Applied) + (ob.kind == MutationOutcome::Kind::Applied),
                 1);
        const MutationOutcome &loser = oa.kind == MutationOutcome::Kind::Rejected ? oa : ob;
        QCOMPARE(loser.code, QStringLiteral("booking.overlap"));
        QVERIFY(!loser.message.isEmpty());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM booking_nights WHERE room_id = '%1'")
                           .arg(idToString(stock.room))),
                 1);

        // The server wrote nothing for the losing booking (the losing desk drops its own copy when
        // the push settles, SyncClient): no record, and no deletion mark for every desk to pull.
        const bool annaLost = &loser == &oa;
        const Booking &lost = annaLost ? ba : bb;
        const PullResponse page = pullAll(annaLost ? anna : boris, annaLost ? annaClient : borisClient, 1);
        for (const Record &r : page.records)
            QVERIFY(r.id != idToString(lost.id));
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM records WHERE id = '%1'").arg(idToString(lost.id))),
            0);

        // Replaying the rejected mutation tells the same reason again and applies nothing.
        auto replay = decodePushResponse(push(annaLost ? anna : boris, annaLost ? annaClient : borisClient,
                                              {test::pushed(2, "booking.create", toJson(lost))})
                                             .body);
        QCOMPARE(replay.value().outcomes.first().code, QStringLiteral("booking.overlap"));

        // Cancelling the winner frees the nights: the other booking goes in.
        const Booking &won = annaLost ? bb : ba;
        const QString winnerToken = annaLost ? boris : anna,
                      winnerClient = annaLost ? borisClient : annaClient;
        auto cancel =
            decodePushResponse(push(winnerToken, winnerClient,
                                    {test::pushed(3, "booking.set_status",
                                                  {{"id", idToString(won.id)}, {"status", "cancelled"}})})
                                   .body);
        QCOMPARE(cancel.value().outcomes.first().kind, MutationOutcome::Kind::Applied);
        Booking retry = lost;
        retry.id = newId();
        auto second = decodePushResponse(push(annaLost ? anna : boris, annaLost ? annaClient : borisClient,
                                              {test::pushed(3, "booking.create", toJson(retry))})
                                             .body);
        QCOMPARE(second.value().outcomes.first().kind, MutationOutcome::Kind::Applied);
    }

    // A protocol-1 desktop on schema 8 would refuse a page with a «не дубль» record (kind
    // guest_distinct, schema 9): it is not sent one, and its cursor still moves past it. From
    // protocol 2 on, the protocol alone says which kinds a desk reads.
    void aDeskTooOldForAKindIsNotSentIt()
    {
        const QString anna = signIn(QStringLiteral("anna"));
        const QString client = idToString(newId());
        const Guest mother =
            test::makeGuest(QStringLiteral("Старосхемная"), QStringLiteral("+7 916 900-10-01"));
        const Guest daughter =
            test::makeGuest(QStringLiteral("Старосхемная-Дочь"), QStringLiteral("+7 916 900-10-01"));
        const QString x = idToString(mother.id), y = idToString(daughter.id);
        const QJsonObject mark{
            {QStringLiteral("id"), idToString(newId())},
            {QStringLiteral("firstId"), std::min(x, y)},
            {QStringLiteral("secondId"), std::max(x, y)},
            {QStringLiteral("userId"), QString()},
            {QStringLiteral("at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
        const auto pushed = decodePushResponse(push(anna, client,
                                                    {test::pushed(1, "guest.create", toJson(mother)),
                                                     test::pushed(2, "guest.create", toJson(daughter)),
                                                     test::pushed(3, "guest_distinct.create", mark)})
                                                   .body)
                                .value();
        QCOMPARE(pushed.outcomes.size(), 3);
        QCOMPARE(pushed.outcomes[2].kind, MutationOutcome::Kind::Applied);
        const auto marks = [](const PullResponse &page) {
            return std::count_if(page.records.begin(), page.records.end(),
                                 [](const Record &r) { return r.kind == EntityKind::GuestDistinct; });
        };
        const PullResponse old = pullAll(anna, idToString(newId()), 0, 1000, "8", "1");
        const PullResponse current = pullAll(anna, idToString(newId()), 0, 1000, "9", "1");
        const PullResponse protocol2 = pullAll(anna, idToString(newId()), 0, 1000, "8", "2");
        QCOMPARE(marks(old), 0);
        QCOMPARE(marks(current), 1);
        QCOMPARE(marks(protocol2), 1);
        QCOMPARE(old.cursor, current.cursor);
        QCOMPARE(protocol2.cursor, current.cursor);
    }

    void guestDeleteLeavesATombstoneAndRefusesGuestsWithHistory()
    {
        const QString anna = signIn(QStringLiteral("anna"));
        const QString client = idToString(newId());
        const Guest mistake = test::makeGuest(QStringLiteral("Ошибкина"), QStringLiteral("+7 916 900-00-01"));
        const Guest real = test::makeGuest(QStringLiteral("Настоящая"), QStringLiteral("+7 916 900-00-02"));
        Touch call;
        call.id = newId();
        call.guestId = real.id;
        call.kind = TouchKind::CallIn;
        call.at = QDateTime::currentDateTimeUtc();
        QCOMPARE(decodePushResponse(push(anna, client,
                                         {test::pushed(1, "guest.create", toJson(mistake)),
                                          test::pushed(2, "guest.create", toJson(real)),
                                          test::pushed(3, "touch.add", toJson(call))})
                                        .body)
                     .value()
                     .lastMutationId,
                 3);
        const qint64 cursor = pullAll(anna, client).cursor;
        auto r = decodePushResponse(push(anna, client,
                                         {test::pushed(4, "guest.delete", {{"id", idToString(mistake.id)}}),
                                          test::pushed(5, "guest.delete", {{"id", idToString(real.id)}})})
                                        .body)
                     .value();
        QCOMPARE(r.outcomes[0].kind, MutationOutcome::Kind::Applied);
        QCOMPARE(r.outcomes[1].code, QStringLiteral("guest.in_use")); // history is merged, not deleted
        bool tombstone = false;
        for (const Record &rec : pullAll(anna, client, cursor).records)
            tombstone |= rec.id == idToString(mistake.id) && rec.deleted;
        QVERIFY(tombstone);
        // Nothing may point at the deleted card any more.
        Touch late = call;
        late.id = newId();
        late.guestId = mistake.id;
        QCOMPARE(decodePushResponse(push(anna, client, {test::pushed(6, "touch.add", toJson(late))}).body)
                     .value()
                     .outcomes[0]
                     .code,
                 QStringLiteral("ref.missing"));
    }

    // Last: it purges the shared database's deletion marks.
};

QTEST_GUILESS_MAIN(TestSyncServer)
#include "tst_server.moc"
