// kasp-sync against what an independent tester threw at it (issue 18): ids reused across kinds,
// text PostgreSQL cannot store, bodies and pages past their limits, sign-ins in a crowd and by a
// guesser, and refusals that must leave nothing behind. A real kasp-sync over a throwaway
// PostgreSQL, spoken to over HTTP (and raw TCP where QNetworkAccessManager cannot go).
#include "kasp/core/textlimits.h"
#include "kasp/core/touch.h"
#include "rawhttp.h"
#include "serverfixture.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlQuery>

using namespace kasp;
using namespace kasp::sync;
using test::HttpCall;
using test::HttpReply;
using test::RawHttp;
using test::RawReply;

namespace {

constexpr int AccountStoreFreeAttempts = 5; // server-sync/src/accountstore.h

QJsonObject closureArgs(const Id &id, const Id &room, const QString &first, const QString &end)
{
    return {{"id", idToString(id)},
            {"roomId", idToString(room)},
            {"firstNight", first},
            {"endNight", end},
            {"reason", QStringLiteral("Ремонт")}};
}

Touch makeTouch(const Id &guest, const QString &note)
{
    Touch t;
    t.id = newId();
    t.guestId = guest;
    t.kind = TouchKind::Note;
    t.at = QDateTime::currentDateTimeUtc();
    t.note = note;
    return t;
}

QList<MutationOutcome::Kind> kinds(const PushResponse &r)
{
    QList<MutationOutcome::Kind> out;
    for (const MutationOutcome &o : r.outcomes)
        out.append(o.kind);
    return out;
}

} // namespace

class TestServerInput : public QObject, test::ServerFixture
{
    Q_OBJECT

    QString anna;
    QString annaClient = idToString(newId());
    qint64 annaNext = 1;
    QString headClient2 = idToString(newId());
    qint64 headNext = 1;

    PushResponse pushAs(const QString &token, const QString &client, qint64 &next,
                        const QList<std::pair<QString, QJsonObject>> &mutations)
    {
        QList<PushedMutation> list;
        for (const auto &[name, args] : mutations)
            list.append(test::pushed(next++, name, args));
        const HttpReply r = push(token, client, list);
        if (r.status != 200)
            qWarning() << "push" << r.status << r.body.left(300);
        return decodePushResponse(r.body).value();
    }

    qint64 orgSeq() { return count(QStringLiteral("SELECT seq FROM orgs WHERE name = 'Санаторий Русь'")); }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(start(&error), qPrintable(error));
        anna = signIn(QStringLiteral("anna"));
        QVERIFY(!anna.isEmpty());
        QVERIFY2(server->addUser(test::kServerOrg, QStringLiteral("owner"), QStringLiteral("consultant"),
                                 test::kServerPassword, &error),
                 qPrintable(error));
    }

    // A closure and a booking that share an id never take over each other's nights, whichever
    // came first; a create over a deleted record's id is refused too.
    void anIdNamesOneRecordOfOneKind()
    {
        const Id room102 = newId();
        auto added = pushAs(headToken, headClient2, headNext,
                            {{"room.create",
                              {{"id", idToString(room102)},
                               {"buildingId", idToString(stock.building)},
                               {"categoryId", idToString(stock.category)},
                               {"number", "102"},
                               {"floor", 1},
                               {"beds", 2}}}});
        QCOMPARE(added.outcomes.first().kind, MutationOutcome::Kind::Applied);
        const Guest g = test::makeGuest(QStringLiteral("Ночная"), QStringLiteral("+7 916 500-00-01"));
        QCOMPARE(pushAs(anna, annaClient, annaNext, {{"guest.create", toJson(g)}}).outcomes.first().kind,
                 MutationOutcome::Kind::Applied);
        const qint64 nightsBefore = count(QStringLiteral("SELECT count(*) FROM booking_nights"));

        // Closure first: the head of sales closes R101 for March.
        const Id closure = newId();
        auto closed =
            pushAs(headToken, headClient2, headNext,
                   {{"room_closure.create", closureArgs(closure, stock.room, "2034-03-01", "2034-03-10")}});
        QCOMPARE(closed.outcomes.first().kind, MutationOutcome::Kind::Applied);
        // A booking reusing the closure's id, elsewhere: refused, the closure keeps its nights.
        Booking reuse = test::makeBooking(g.id, room102, QDate(2034, 6, 1), QDate(2034, 6, 2));
        reuse.id = closure;
        auto stolen = pushAs(anna, annaClient, annaNext, {{"booking.create", toJson(reuse)}});
        QCOMPARE(stolen.outcomes.first().kind, MutationOutcome::Kind::Rejected);
        QCOMPARE(stolen.outcomes.first().code, QStringLiteral("entity.exists"));
        // ... so a booking inside the closure is still refused.
        const Booking inside = test::makeBooking(g.id, stock.room, QDate(2034, 3, 2), QDate(2034, 3, 5));
        auto overlap = pushAs(anna, annaClient, annaNext, {{"booking.create", toJson(inside)}});
        QCOMPARE(overlap.outcomes.first().code, QStringLiteral("booking.overlap"));

        // Booking first: a closure reusing its id is refused, and the room-night stays taken.
        const Booking august = test::makeBooking(g.id, stock.room, QDate(2034, 8, 1), QDate(2034, 8, 5));
        QCOMPARE(
            pushAs(anna, annaClient, annaNext, {{"booking.create", toJson(august)}}).outcomes.first().kind,
            MutationOutcome::Kind::Applied);
        auto reused =
            pushAs(headToken, headClient2, headNext,
                   {{"room_closure.create", closureArgs(august.id, room102, "2034-11-01", "2034-11-05")}});
        QCOMPARE(reused.outcomes.first().code, QStringLiteral("entity.exists"));
        const Booking second = test::makeBooking(g.id, stock.room, QDate(2034, 8, 2), QDate(2034, 8, 4));
        QCOMPARE(
            pushAs(anna, annaClient, annaNext, {{"booking.create", toJson(second)}}).outcomes.first().code,
            QStringLiteral("booking.overlap"));

        // Every night row is still its own record's, of its own kind.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM booking_nights")), nightsBefore + 2);
        QCOMPARE(count(QStringLiteral(
                     "SELECT count(*) FROM booking_nights n JOIN records r ON r.org_id = n.org_id "
                     "AND r.id = n.booking_id AND r.kind = n.kind AND NOT r.deleted")),
                 count(QStringLiteral("SELECT count(*) FROM booking_nights")));
        QCOMPARE(
            count(QStringLiteral("SELECT count(*) FROM (SELECT org_id, id FROM records GROUP BY org_id, id "
                                 "HAVING count(*) > 1) twice")),
            0);

        // A deleted card's id does not come back as a new card.
        const Guest once = test::makeGuest(QStringLiteral("Удалённая"), QStringLiteral("+7 916 500-00-02"));
        pushAs(anna, annaClient, annaNext, {{"guest.create", toJson(once)}});
        auto deleted = pushAs(anna, annaClient, annaNext, {{"guest.delete", {{"id", idToString(once.id)}}}});
        QCOMPARE(deleted.outcomes.first().kind, MutationOutcome::Kind::Applied);
        auto again = pushAs(anna, annaClient, annaNext, {{"guest.create", toJson(once)}});
        QCOMPARE(again.outcomes.first().code, QStringLiteral("entity.exists"));
    }

    // One bad string rejects its own mutation and nothing else: the batch goes on, the counter
    // moves, and the next push is applied, not skipped.
    void oneBadCharacterNeverWedgesAnOutbox()
    {
        const QString client = idToString(newId());
        const Guest first = test::makeGuest(QStringLiteral("Перед"), QStringLiteral("+7 916 510-00-01"));
        Touch nulId = makeTouch(first.id, QStringLiteral("заметка"));
        QJsonObject nulArgs = toJson(nulId);
        nulArgs.insert(QStringLiteral("guestId"), QStringLiteral("x") + QChar(0));
        Guest lone = test::makeGuest(QStringLiteral("LONE_SURROGATE"), QStringLiteral("+7 916 510-00-02"));
        Guest huge =
            test::makeGuest(QString(7 * 1024 * 1024 / 2, QChar(u'я')), QStringLiteral("+7 916 510-00-03"));
        const Guest after = test::makeGuest(QStringLiteral("После"), QStringLiteral("+7 916 510-00-04"));
        QByteArray body = encode(PushRequest{
            client,
            {test::pushed(1, "guest.create", toJson(first)), test::pushed(2, "touch.add", nulArgs),
             test::pushed(3, "guest.create", toJson(lone)), test::pushed(4, "guest.create", toJson(huge)),
             test::pushed(5, "guest.create", toJson(after))}});
        // A lone surrogate cannot be made with QJsonDocument: it goes in as the escape a client writes.
        body.replace("LONE_SURROGATE", "\\ud800x");
        QVERIFY(body.size() < kMaxBodyBytes);
        HttpCall http(server->baseUrl());
        http.token = anna;
        const HttpReply r = http.post(QStringLiteral("/v1/push"), body);
        QVERIFY2(r.status == 200, r.body.left(300).constData());
        const PushResponse response = decodePushResponse(r.body).value();
        using K = MutationOutcome::Kind;
        QCOMPARE(kinds(response), (QList<K>{K::Applied, K::Rejected, K::Rejected, K::Rejected, K::Applied}));
        for (int i : {1, 2, 3})
            QVERIFY2(response.outcomes[i].code == QLatin1String("json.bad_value"),
                     qPrintable(response.outcomes[i].code + QLatin1Char(' ') + response.outcomes[i].message));
        QCOMPARE(response.lastMutationId, 5);
        // The next change of that desk is applied at once.
        const Guest next = test::makeGuest(QStringLiteral("Следом"), QStringLiteral("+7 916 510-00-05"));
        auto followUp =
            decodePushResponse(push(anna, client, {test::pushed(6, "guest.create", toJson(next))}).body);
        QCOMPARE(followUp.value().outcomes.first().kind, K::Applied);

        // A change of a card refused for its text is rolled back like any other refusal: the card
        // gets a new seq, so the desk that pushed it pulls the server's version back.
        const qint64 before =
            count(QStringLiteral("SELECT seq FROM records WHERE id = '%1'").arg(idToString(first.id)));
        auto patched = decodePushResponse(
            push(anna, client,
                 {test::pushed(7, "guest.update",
                               {{"id", idToString(first.id)}, {"lastName", QString(QChar(0))}})})
                .body);
        QCOMPARE(patched.value().outcomes.first().code, QStringLiteral("json.bad_value"));
        QVERIFY(count(QStringLiteral("SELECT seq FROM records WHERE id = '%1'").arg(idToString(first.id))) >
                before);

        // A NUL in a sign-in's login: a clear 400, and no SQL in the answer.
        const HttpReply signin = http.post(
            QStringLiteral("/v1/auth/signin"),
            QJsonDocument(QJsonObject{{"login", QStringLiteral("anna") + QChar(0)}, {"password", "x"}})
                .toJson());
        QCOMPARE(signin.status, 400);
        QCOMPARE(signin.errorCode(), QStringLiteral("json.bad_value"));
        for (const char *word : {"SELECT", "ERROR", "QPSQL", "accounts", "invalid byte"})
            QVERIFY2(!signin.body.contains(word), signin.body.constData());
        QVERIFY(!server->log().contains(QStringLiteral("\"status\":503")));
    }

    // A refused change of a record the server never had writes nothing: no tombstone, no new seq,
    // no poke for every desk.
    void refusedChangesWriteNothing()
    {
        const qint64 seqBefore = orgSeq();
        const Guest ghost = test::makeGuest(QStringLiteral("Призрак"), QStringLiteral("+7 916 520-00-01"));
        const Booking orphan = test::makeBooking(ghost.id, stock.room, QDate(2035, 1, 1), QDate(2035, 1, 3));
        auto refused = pushAs(anna, annaClient, annaNext,
                              {{"booking.create", toJson(orphan)},
                               {"task.set_status", {{"id", idToString(newId())}, {"status", "done"}}}});
        QCOMPARE(refused.outcomes[0].code, QStringLiteral("ref.missing"));
        QCOMPARE(refused.outcomes[1].code, QStringLiteral("entity.not_found"));
        const QString director = signIn(QStringLiteral("victor"));
        qint64 directorNext = 1;
        auto readOnly =
            pushAs(director, idToString(newId()), directorNext, {{"guest.create", toJson(ghost)}});
        QCOMPARE(readOnly.outcomes.first().code, QStringLiteral("auth.read_only"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM records WHERE id IN ('%1', '%2')")
                           .arg(idToString(orphan.id), idToString(ghost.id))),
                 0);
        QCOMPARE(orgSeq(), seqBefore);
    }

    // A consultant hands a guest over by a task for a colleague (a missed call's call-back goes to
    // the guest's manager the same way), and then leaves that task alone.
    void consultantsHandTasksToColleaguesButDoNotTouchThem()
    {
        QString borisId;
        for (const Record &r : pullAll(anna, annaClient).records)
            if (r.kind == EntityKind::User && r.data.value("login").toString() == QLatin1String("boris"))
                borisId = r.id;
        const Guest g = test::makeGuest(QStringLiteral("Передана"), QStringLiteral("+7 916 530-00-01"));
        Task t;
        t.id = newId();
        t.guestId = g.id;
        t.assigneeId = idFromString(borisId);
        t.title = QStringLiteral("Перезвонить: спрашивала про июль");
        t.createdAt = QDateTime::currentDateTimeUtc();
        auto created =
            pushAs(anna, annaClient, annaNext, {{"guest.create", toJson(g)}, {"task.create", toJson(t)}});
        QCOMPARE(created.outcomes[1].kind, MutationOutcome::Kind::Applied);
        bool borisHasIt = false;
        for (const Record &r : pullAll(signIn(QStringLiteral("boris")), idToString(newId())).records)
            borisHasIt |= r.kind == EntityKind::Task && r.id == idToString(t.id);
        QVERIFY(borisHasIt);
        auto touched =
            pushAs(anna, annaClient, annaNext,
                   {{"task.reschedule", {{"id", idToString(t.id)}, {"due", "2035-01-01T10:00:00.000Z"}}}});
        QCOMPARE(touched.outcomes.first().code, QStringLiteral("auth.forbidden"));
    }

    // Text fields have limits; a page of pulled records is bounded by bytes as well as by count.
    void pullPagesAreBoundedByBytes()
    {
        const Guest g = test::makeGuest(QStringLiteral("Многословная"), QStringLiteral("+7 916 540-00-01"));
        pushAs(anna, annaClient, annaNext, {{"guest.create", toJson(g)}});
        const qint64 cursor = count(QStringLiteral("SELECT seq FROM orgs WHERE name = 'Санаторий Русь'"));
        const QString longest(textlimits::kLongText, QChar(u'ж')); // 40 KB of UTF-8
        const int notes = 240;                                     // ~9.6 MB in all
        for (int batch = 0; batch < notes / 80; ++batch) {
            QList<std::pair<QString, QJsonObject>> list;
            for (int i = 0; i < 80; ++i)
                list.append({QStringLiteral("touch.add"), toJson(makeTouch(g.id, longest))});
            auto r = pushAs(anna, annaClient, annaNext, list);
            QCOMPARE(r.outcomes.size(), 80);
            QCOMPARE(r.outcomes.last().kind, MutationOutcome::Kind::Applied);
        }
        auto tooLong =
            pushAs(anna, annaClient, annaNext, {{"touch.add", toJson(makeTouch(g.id, longest + u'ж'))}});
        QCOMPARE(tooLong.outcomes.first().code, QStringLiteral("json.bad_value"));

        HttpCall http(server->baseUrl());
        http.token = anna;
        qint64 at = cursor;
        int pages = 0, received = 0;
        qsizetype largest = 0;
        bool more = true;
        while (more && pages < 20) {
            const HttpReply r =
                http.post(QStringLiteral("/v1/pull"), encode(PullRequest{annaClient, at, kMaxPullPage}));
            QCOMPARE(r.status, 200);
            auto page = decodePullResponse(r.body).value();
            largest = std::max(largest, r.body.size());
            for (const Record &rec : page.records)
                received +=
                    rec.kind == EntityKind::Touch && rec.data.value("note").toString() == longest ? 1 : 0;
            at = page.cursor;
            more = page.more;
            ++pages;
        }
        qInfo("%d long notes in %d pages, the largest %lld bytes", received, pages, qlonglong(largest));
        QCOMPARE(received, notes);
        QVERIFY(pages >= 3);
        QVERIFY2(largest <= 4 * 1024 * 1024 + 128 * 1024, qPrintable(QString::number(largest)));
    }

    // The body limit holds before the body is read: refused on the headers' word, or cut off at the
    // limit, and kasp-sync's memory does not grow with what a client sends.
    void bodiesPastTheLimitAreRefusedEarly()
    {
        RawHttp raw(quint16(server->port()));
        const double before = test::residentMiB(server->pid());
        // Announced: 256 MiB. The answer comes before 16 MiB have gone.
        const RawReply announced =
            raw.send(RawHttp::postHead("/v1/auth/signin", 256LL * 1024 * 1024), {}, 256LL * 1024 * 1024);
        QCOMPARE(announced.status, 413);
        QCOMPARE(announced.errorCode(), QStringLiteral("body.too_large"));
        QVERIFY2(announced.sentBytes < 64LL * 1024 * 1024, qPrintable(QString::number(announced.sentBytes)));
        // Chunked, no length said: cut off at the limit.
        QByteArray chunked;
        const QByteArray chunk(1024 * 1024, 'y');
        for (int i = 0; i < 12; ++i)
            chunked += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
        chunked += "0\r\n\r\n";
        const RawReply streamed =
            raw.send(RawHttp::postHead("/v1/push", -1, "Transfer-Encoding: chunked\r\n"), chunked);
        QCOMPARE(streamed.status, 413);
        // Headers without end.
        const RawReply headers =
            raw.send("POST /v1/push HTTP/1.1\r\nX-Filler: " + QByteArray(100 * 1024, 'h'), {});
        QCOMPARE(headers.status, 431);
        const double after = test::residentMiB(server->pid());
        qInfo("kasp-sync resident memory: %.1f MiB before, %.1f MiB after 256 MiB announced, 12 MiB chunked",
              before, after);
        QVERIFY2(after - before < 48, qPrintable(QStringLiteral("%1 -> %2 MiB").arg(before).arg(after)));
        // ... and the server still serves.
        HttpCall http(server->baseUrl());
        QCOMPARE(http.get(QStringLiteral("/health")).status, 200);
    }

    // Password checks run off the event loop: /health answers while eight sign-ins are checked.
    void passwordChecksDoNotHoldUpTheServer()
    {
        QNetworkAccessManager net;
        QList<QNetworkReply *> signIns;
        QElapsedTimer timer;
        timer.start();
        qint64 lastSignIn = 0, health = -1;
        int answered = 0;
        for (int i = 0; i < 8; ++i) {
            QNetworkRequest request(QUrl(server->baseUrl() + QStringLiteral("/v1/auth/signin")));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            request.setRawHeader(kProtocolHeader, "1");
            auto *reply = net.post(request, QJsonDocument(QJsonObject{{"login", i % 2 ? "anna" : "boris"},
                                                                      {"password", test::kServerPassword}})
                                                .toJson());
            QObject::connect(reply, &QNetworkReply::finished, [&] {
                lastSignIn = timer.elapsed();
                ++answered;
            });
            signIns.append(reply);
        }
        QTest::qWait(20); // the sign-ins reach the server first
        // Its own manager: one manager opens at most six connections to a host and queues the rest.
        QNetworkAccessManager probeNet;
        QNetworkRequest probe(QUrl(server->baseUrl() + QStringLiteral("/health")));
        const qint64 sent = timer.elapsed();
        auto *healthReply = probeNet.get(probe);
        QObject::connect(healthReply, &QNetworkReply::finished, [&] { health = timer.elapsed() - sent; });
        QTRY_VERIFY_WITH_TIMEOUT(answered == 8 && health >= 0, 20'000);
        int ok = 0;
        for (QNetworkReply *r : signIns) {
            ok += r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200 ? 1 : 0;
            r->deleteLater();
        }
        healthReply->deleteLater();
        qInfo("/health answered in %lld ms; the 8 sign-ins ended after %lld ms", health, lastSignIn);
        QCOMPARE(ok, 8);
        QVERIFY2(sent + health < lastSignIn, "health waited for the password checks");
    }

    // A guesser at one address is slowed down for that login; the owner at their own desk is not
    // locked out; a login that does not exist is answered exactly like one that does.
    void signInThrottlesTheGuesserNotTheOwner()
    {
        auto attempt = [&](const QString &login, const QString &password, const char *source) {
            RawHttp raw(quint16(server->port()), QHostAddress(QString::fromLatin1(source)));
            const QByteArray body =
                QJsonDocument(QJsonObject{{"login", login}, {"password", password}}).toJson();
            QElapsedTimer t;
            t.start();
            RawReply r = raw.send(RawHttp::postHead("/v1/auth/signin", body.size()), body);
            return std::make_pair(r, t.elapsed());
        };
        QList<qint64> knownMs, unknownMs;
        for (int i = 0; i < 5; ++i) {
            auto known = attempt(QStringLiteral("owner"), QStringLiteral("guess-%1").arg(i), "127.0.0.3");
            auto unknown =
                attempt(QStringLiteral("nobody-here"), QStringLiteral("guess-%1").arg(i), "127.0.0.3");
            QCOMPARE(known.first.status, 401);
            QCOMPARE(unknown.first.status, 401);
            QCOMPARE(known.first.body, unknown.first.body);
            knownMs.append(known.second);
            unknownMs.append(unknown.second);
        }
        std::sort(knownMs.begin(), knownMs.end());
        std::sort(unknownMs.begin(), unknownMs.end());
        qInfo("wrong password: median %lld ms for a login that exists, %lld ms for one that does not",
              knownMs[2], unknownMs[2]);
        QVERIFY2(unknownMs[2] * 2 >= knownMs[2] && knownMs[2] * 2 >= unknownMs[2],
                 "timings tell logins apart");
        // The sixth try from that address: both throttled alike, even with the right password.
        auto lockedKnown = attempt(QStringLiteral("owner"), test::kServerPassword, "127.0.0.3");
        auto lockedUnknown = attempt(QStringLiteral("nobody-here"), QStringLiteral("x"), "127.0.0.3");
        QCOMPARE(lockedKnown.first.status, 429);
        QCOMPARE(lockedUnknown.first.status, 429);
        QCOMPARE(lockedKnown.first.errorCode(), lockedUnknown.first.errorCode());
        // The owner at their own desk signs in.
        auto owner = attempt(QStringLiteral("owner"), test::kServerPassword, "127.0.0.4");
        QVERIFY2(owner.first.status == 200, owner.first.body.constData());
        QVERIFY(lockedKnown.first.head.toLower().contains("retry-after: "));

        // Guesses sent all at once count before their checks: no more than the free attempts are
        // ever checked, whatever arrives together.
        std::vector<std::unique_ptr<QNetworkAccessManager>> nets;
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 12; ++i) {
            nets.push_back(std::make_unique<QNetworkAccessManager>());
            QNetworkRequest request(QUrl(server->baseUrl() + QStringLiteral("/v1/auth/signin")));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            request.setRawHeader(kProtocolHeader, "1");
            replies.append(nets.back()->post(
                request, QJsonDocument(
                             QJsonObject{{"login", "owner"}, {"password", QStringLiteral("burst-%1").arg(i)}})
                             .toJson()));
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(replies.begin(), replies.end(), [](QNetworkReply *r) { return r->isFinished(); }),
            20'000);
        QMap<int, int> statuses;
        for (QNetworkReply *r : replies)
            ++statuses[r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()];
        qInfo() << "12 guesses at once:" << statuses;
        QVERIFY(statuses.value(401) <= AccountStoreFreeAttempts);
        QCOMPARE(statuses.value(401) + statuses.value(429) + statuses.value(503), 12);
        qDeleteAll(replies);
    }
};

QTEST_GUILESS_MAIN(TestServerInput)
#include "tst_serverinput.moc"
