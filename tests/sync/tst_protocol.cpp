// The sync protocol's pure parts: message codecs refuse bad input with stable codes, mutations map
// to entity changes, merges keep per-field last-writer-wins and enforce the status machines, and
// the access rules say who writes and who receives what.
#include "kasp/syncproto/accessrules.h"
#include "kasp/syncproto/entitymerge.h"
#include "kasp/syncproto/mutationplan.h"
#include "kasp/syncproto/spelling.h"
#include "kasp/syncproto/wire.h"
#include "syncdata.h"

#include <QtTest>

using namespace kasp;
using namespace kasp::sync;

class TestSyncProtocol : public QObject
{
    Q_OBJECT
private slots:
    void pushRequestRoundTrips()
    {
        const Guest g = test::makeGuest(QStringLiteral("Круглова"), QStringLiteral("+7 916 111-22-33"));
        const PushRequest request{idToString(newId()),
                                  {test::pushed(7, "guest.create", toJson(g)),
                                   test::pushed(9, "touch.add", {{"id", idToString(newId())}})}};
        auto decoded = decodePushRequest(encode(request));
        QVERIFY(decoded.ok());
        QCOMPARE(decoded.value().clientId, request.clientId);
        QCOMPARE(decoded.value().mutations.size(), 2);
        QCOMPARE(decoded.value().mutations[0].args, toJson(g));
        QCOMPARE(decoded.value().mutations[1].id, 9);
    }

    void badPushBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        const QByteArray client = "\"clientId\":\"" + idToString(newId()).toLatin1() + "\"";
        QTest::newRow("empty") << QByteArray() << "json.malformed";
        QTest::newRow("truncated") << QByteArray("{\"clientId\":") << "json.malformed";
        QTest::newRow("array") << QByteArray("[]") << "json.not_object";
        QTest::newRow("no client") << QByteArray("{\"mutations\":[]}") << "json.missing_field";
        QTest::newRow("client not uuid")
            << QByteArray("{\"clientId\":\"abc\",\"mutations\":[]}") << "json.bad_value";
        QTest::newRow("mutations not array")
            << QByteArray("{" + client + ",\"mutations\":{}}") << "json.bad_value";
        QTest::newRow("fractional id") << QByteArray("{" + client +
                                                     ",\"mutations\":[{\"id\":1.5,\"name\":\"guest.create\","
                                                     "\"args\":{},\"at\":\"2026-01-01T00:00:00.000Z\"}]}")
                                       << "json.bad_value";
        QTest::newRow("zero id") << QByteArray("{" + client +
                                               ",\"mutations\":[{\"id\":0,\"name\":\"guest.create\",\"args\":"
                                               "{},\"at\":\"2026-01-01T00:00:00.000Z\"}]}")
                                 << "json.bad_value";
        QTest::newRow("huge id") << QByteArray("{" + client +
                                               ",\"mutations\":[{\"id\":1e300,\"name\":\"x\",\"args\":{},"
                                               "\"at\":\"2026-01-01T00:00:00.000Z\"}]}")
                                 << "json.bad_value";
        QTest::newRow("no name")
            << QByteArray("{" + client +
                          ",\"mutations\":[{\"id\":1,\"args\":{},\"at\":\"2026-01-01T00:00:00.000Z\"}]}")
            << "json.bad_value";
        QTest::newRow("time without zone")
            << QByteArray("{" + client +
                          ",\"mutations\":[{\"id\":1,\"name\":\"guest.create\",\"args\":{},\"at\":\"2026-01-"
                          "01T00:00:00\"}]}")
            << "json.bad_value";
        QTest::newRow("repeated id")
            << QByteArray("{" + client +
                          ",\"mutations\":[{\"id\":1,\"name\":\"a\",\"args\":{},\"at\":\"2026-01-01T00:00:"
                          "00Z\"},{\"id\":1,\"name\":\"a\",\"args\":{},\"at\":\"2026-01-01T00:00:00Z\"}]}")
            << "push.out_of_order";
    }

    void badPushBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        auto decoded = decodePushRequest(body);
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().code, code);
    }

    void tooManyMutationsAreRefused()
    {
        PushRequest request{idToString(newId()), {}};
        for (int i = 1; i <= kMaxPushBatch + 1; ++i)
            request.mutations.append(test::pushed(i, "guest.create", {{"id", idToString(newId())}}));
        QCOMPARE(decodePushRequest(encode(request)).error().code, QStringLiteral("push.too_many"));
    }

    void pullResponseRoundTrips()
    {
        PullResponse page{42,
                          true,
                          100,
                          7,
                          {Record{EntityKind::Guest, idToString(newId()), 41, false, {{"id", "x"}}},
                           Record{EntityKind::Booking, idToString(newId()), 42, true, {}}}};
        auto decoded = decodePullResponse(encode(page));
        QVERIFY(decoded.ok());
        QCOMPARE(decoded.value().cursor, 42);
        QCOMPARE(decoded.value().head, 100);
        QCOMPARE(decoded.value().lastMutationId, 7);
        QVERIFY(decoded.value().more);
        QCOMPARE(decoded.value().records.size(), 2);
        QVERIFY(decoded.value().records[1].deleted);
        QCOMPARE(decoded.value().records[0].data.value("id").toString(), QStringLiteral("x"));
        QCOMPARE(decodePullResponse("{\"cursor\":-1}").error().code, QStringLiteral("json.bad_value"));
    }

    void mutationsMapToEntities()
    {
        const QString id = idToString(newId());
        auto move = planMutation(
            {QStringLiteral("deal.move"), {{"id", id}, {"stage", "lost"}, {"lostReason", "дорого"}}});
        QVERIFY(move.ok());
        QCOMPARE(move.value().kind, EntityKind::Deal);
        QCOMPARE(move.value().op, MutationPlan::Op::Patch);
        QCOMPARE(move.value().fields.value("lostReason").toString(), QStringLiteral("дорого"));
        QVERIFY(!move.value().fields.contains("id"));
        // One spelling: protocol 1's name is read only through spelling.h (a protocol-1 push).
        const QJsonObject oldMove{{"id", id}, {"stage", "lost"}, {"lost_reason", "дорого"}};
        QCOMPARE(planMutation({QStringLiteral("deal.move"), oldMove}).error().code,
                 QStringLiteral("json.bad_value"));
        QCOMPARE(planMutation(
                     {QStringLiteral("deal.move"), argsFromProtocol1(QStringLiteral("deal.move"), oldMove)})
                     .value()
                     .fields,
                 move.value().fields);
        QCOMPARE(planMutation({QStringLiteral("guest.explode"), {{"id", id}}}).error().code,
                 QStringLiteral("mutation.unknown"));
        QCOMPARE(planMutation({QStringLiteral("guest.create"), {}}).error().code,
                 QStringLiteral("json.missing_field"));
        QCOMPARE(planMutation({QStringLiteral("guest.create"), {{"id", "nope"}}}).error().code,
                 QStringLiteral("json.bad_value"));
        QCOMPARE(planMutation({QStringLiteral("guest.update"), {{"id", id}}}).error().code,
                 QStringLiteral("json.missing_field"));

        // guest.merge: the survivor's changed fields (maybe none) and the card that goes.
        const QString gone = idToString(newId());
        auto merge = planMutation({QStringLiteral("guest.merge"), {{"id", id}, {"mergedId", gone}}});
        QVERIFY(merge.ok());
        QCOMPARE(merge.value().op, MutationPlan::Op::Merge);
        QCOMPARE(merge.value().mergedId, gone);
        QVERIFY(merge.value().fields.isEmpty());
        auto renamed = planMutation(
            {QStringLiteral("guest.merge"), {{"id", id}, {"mergedId", gone}, {"lastName", "Новая"}}});
        QCOMPARE(renamed.value().fields.value("lastName").toString(), QStringLiteral("Новая"));
        QVERIFY(!renamed.value().fields.contains("mergedId"));
        QCOMPARE(planMutation({QStringLiteral("guest.merge"), {{"id", id}}}).error().code,
                 QStringLiteral("json.missing_field"));
        QCOMPARE(
            planMutation({QStringLiteral("guest.merge"), {{"id", id}, {"mergedId", "nope"}}}).error().code,
            QStringLiteral("json.bad_value"));
        QCOMPARE(planMutation({QStringLiteral("guest.merge"), {{"id", id}, {"mergedId", id}}}).error().code,
                 QStringLiteral("json.bad_value"));
        QCOMPARE(planMutation({QStringLiteral("guest.merge"),
                               {{"id", id}, {"mergedId", gone}, {"createdAt", "2020-01-01T00:00:00Z"}}})
                     .error()
                     .code,
                 QStringLiteral("json.bad_value"));
    }

    // Protocol 1's names, both ways, by kind; the table holds nothing but snake_case to camelCase.
    void protocol1SpellingsRoundTrip()
    {
        for (const Respelling &r : protocol1Respellings()) {
            const QString old = QLatin1String(r.protocol1), current = QLatin1String(r.current);
            QVERIFY2(old.contains(QLatin1Char('_')) && !current.contains(QLatin1Char('_')), r.protocol1);
            QCOMPARE(QString(old).remove(QLatin1Char('_')).toLower(), current.toLower());
        }
        const QString room = idToString(newId());
        const QJsonObject old{{"id", idToString(newId())},
                              {"room_id", room},
                              {"first_night", "2031-05-01"},
                              {"end_night", "2031-05-08"},
                              {"reason", "Ремонт"}};
        const QJsonObject args = argsFromProtocol1(QStringLiteral("room_closure.create"), old);
        QCOMPARE(args, (QJsonObject{{"id", old.value("id")},
                                    {"roomId", room},
                                    {"firstNight", "2031-05-01"},
                                    {"endNight", "2031-05-08"},
                                    {"reason", "Ремонт"}}));
        QCOMPARE(recordFromProtocol1(EntityKind::RoomClosure, old), args);
        QCOMPARE(recordForProtocol1(EntityKind::RoomClosure, args), old);
        // The created record is today's spelling, whatever spelling the desk pushed.
        auto plan = planMutation({QStringLiteral("room_closure.create"), args});
        QVERIFY(plan.ok());
        QCOMPARE(mergeEntity(std::nullopt, plan.value(), QDateTime::currentDateTimeUtc()).value(), args);
        // An old name wins over a current one beside it: it is what a protocol-1 desk meant.
        QCOMPARE(
            argsFromProtocol1(QStringLiteral("room.update"), {{"categoryId", "a"}, {"category_id", "b"}}),
            (QJsonObject{{"categoryId", "b"}}));
        // Other kinds, and names that are not fields, are left alone: a booking's roomId is its own,
        // a deal record's lostReason was always camelCase, kind keys are identifiers.
        const QJsonObject booking{{"roomId", room}, {"room_id", "x"}};
        QCOMPARE(argsFromProtocol1(QStringLiteral("booking.create"), booking), booking);
        QCOMPARE(recordForProtocol1(EntityKind::Booking, booking), booking);
        QCOMPARE(recordForProtocol1(EntityKind::Deal, {{"lostReason", "дорого"}}),
                 (QJsonObject{{"lostReason", "дорого"}}));
        QCOMPARE(argsFromProtocol1(QStringLiteral("guest.explode"), old), old);
        QVERIFY(hasProtocol1Names(EntityKind::User) && hasProtocol1Names(EntityKind::Room));
        QVERIFY(!hasProtocol1Names(EntityKind::Deal) && !hasProtocol1Names(EntityKind::Guest));
        // A refusal's words in the desk's spelling, whole names only.
        QCOMPARE(messageForProtocol1(QStringLiteral("room_closure.create"), QStringLiteral("endNight")),
                 QStringLiteral("end_night"));
        QCOMPARE(messageForProtocol1(QStringLiteral("room_closure.create"),
                                     QStringLiteral("roomId: expected a UUID")),
                 QStringLiteral("room_id: expected a UUID"));
        QCOMPARE(messageForProtocol1(QStringLiteral("room_closure.create"), QStringLiteral("bookingRoomId")),
                 QStringLiteral("bookingRoomId"));
        QCOMPARE(messageForProtocol1(QStringLiteral("booking.create"), QStringLiteral("roomId")),
                 QStringLiteral("roomId"));
    }

    // Which kinds a desk is sent: protocol 1 by its schema, protocol 2 by the protocol alone.
    void kindsADeskUnderstands()
    {
        QVERIFY(!deskUnderstands(1, 8, EntityKind::GuestDistinct));
        QVERIFY(deskUnderstands(1, 9, EntityKind::GuestDistinct));
        QVERIFY(deskUnderstands(1, 0, EntityKind::GuestDistinct)); // schema not said
        QVERIFY(deskUnderstands(2, 8, EntityKind::GuestDistinct));
        QVERIFY(deskUnderstands(2, 99, EntityKind::Guest));
        QVERIFY(!deskUnderstands(0, 10, EntityKind::Guest));
        // Consent came with protocol 2: never sent to a protocol-1 desk, whatever its schema.
        QVERIFY(!deskUnderstands(1, 0, EntityKind::Consent));
        QVERIFY(!deskUnderstands(1, 99, EntityKind::Consent));
        QVERIFY(deskUnderstands(2, 11, EntityKind::Consent));
        for (int k = int(EntityKind::User); k <= int(EntityKind::Consent); ++k) {
            const auto kind = EntityKind(k);
            QVERIFY(minProtocolOf(kind) >= kOldestProtocolVersion && minProtocolOf(kind) <= kProtocolVersion);
            QVERIFY(deskUnderstands(kProtocolVersion, 0, kind));
        }
    }

    void patchesMergePerField()
    {
        const Guest g = test::makeGuest(QStringLiteral("Полевая"), QStringLiteral("+7 916 222-33-44"));
        const QDateTime at = QDateTime::currentDateTimeUtc();
        auto a = mergeEntity(
            toJson(g),
            planMutation({"guest.update", {{"id", idToString(g.id)}, {"lastName", "Новая"}}}).value(), at);
        QVERIFY(a.ok());
        auto b = mergeEntity(
            a.value(),
            planMutation({"guest.update", {{"id", idToString(g.id)}, {"middleName", "Ивановна"}}}).value(),
            at);
        QVERIFY(b.ok());
        QCOMPARE(b.value().value("lastName").toString(), QStringLiteral("Новая"));
        QCOMPARE(b.value().value("middleName").toString(), QStringLiteral("Ивановна"));
        QCOMPARE(b.value().value("firstName").toString(), QStringLiteral("Мария"));
        // PostgreSQL refuses U+0000 and lone surrogates in text: such a value is refused when the
        // mutation is planned, before anything reads it, with a reason.
        QCOMPARE(planMutation({"guest.update", {{"id", idToString(g.id)}, {"note", QString(QChar(0))}}})
                     .error()
                     .code,
                 QStringLiteral("json.bad_value"));
        QCOMPARE(planMutation({"touch.add",
                               {{"id", idToString(newId())}, {"guestId", QStringLiteral("x") + QChar(0)}}})
                     .error()
                     .code,
                 QStringLiteral("json.bad_value"));
        QCOMPARE(
            planMutation({"guest.update", {{"id", idToString(g.id)}, {"lastName", QString(QChar(0xD800))}}})
                .error()
                .code,
            QStringLiteral("json.bad_value"));
        QCOMPARE(
            planMutation({"guest.update",
                          {{"id", idToString(g.id)}, {"keys", QJsonObject{{QString(QChar(0xDC00)), 1}}}}})
                .error()
                .code,
            QStringLiteral("json.bad_value"));
        // A pair of surrogates is one character (an emoji), not a broken one.
        QVERIFY(
            planMutation({"guest.update", {{"id", idToString(g.id)}, {"lastName", QStringLiteral("Ок 😀")}}})
                .ok());
        // New values keep their field's limit; a record stored before the limits still merges.
        QCOMPARE(planMutation({"guest.update", {{"id", idToString(g.id)}, {"lastName", QString(201, u'я')}}})
                     .error()
                     .code,
                 QStringLiteral("json.bad_value"));
        QCOMPARE(planMutation(
                     {"guest.update", {{"id", idToString(g.id)}, {"tags", QJsonArray{QString(101, u'т')}}}})
                     .error()
                     .code,
                 QStringLiteral("json.bad_value"));
        Guest old = g;
        old.lastName = QString(300, u'я');
        auto phone = mergeEntity(
            toJson(old),
            planMutation({"guest.update", {{"id", idToString(g.id)}, {"middleName", "Б"}}}).value(), at);
        QVERIFY2(phone.ok(), qPrintable(phone.ok() ? QString() : phone.error().message));
        // A refused mutation is rolled back by its target, read leniently: bad text, a good id.
        const auto target =
            mutationTarget({"guest.update", {{"id", idToString(g.id)}, {"note", QString(QChar(0))}}});
        QVERIFY(target.has_value());
        QCOMPARE(target->id, idToString(g.id));
        QCOMPARE(target->op, MutationPlan::Op::Patch);
        QVERIFY(!mutationTarget({"guest.update", {{"id", "x"}}}).has_value());
        QVERIFY(!mutationTarget({"guest.explode", {{"id", idToString(g.id)}}}).has_value());
        // Unknown fields and bad values are refused, not silently dropped.
        QCOMPARE(mergeEntity(
                     toJson(g),
                     planMutation({"guest.update", {{"id", idToString(g.id)}, {"shoeSize", 40}}}).value(), at)
                     .error()
                     .code,
                 QStringLiteral("json.bad_value"));
        QVERIFY(
            !mergeEntity(toJson(g),
                         planMutation({"guest.update",
                                       {{"id", idToString(g.id)}, {"emails", QJsonArray{"not an email"}}}})
                             .value(),
                         at)
                 .ok());
        // A patch of something that does not exist, a create over something different.
        QCOMPARE(
            mergeEntity(std::nullopt,
                        planMutation({"guest.update", {{"id", idToString(g.id)}, {"lastName", "X"}}}).value(),
                        at)
                .error()
                .code,
            QStringLiteral("entity.not_found"));
        Guest other = g;
        other.lastName = QStringLiteral("Другая");
        QCOMPARE(
            mergeEntity(toJson(g), planMutation({"guest.create", toJson(other)}).value(), at).error().code,
            QStringLiteral("entity.exists"));
        QVERIFY(mergeEntity(toJson(g), planMutation({"guest.create", toJson(g)}).value(), at)
                    .ok()); // same record: idempotent
    }

    void statusMachinesHoldOnBothSides()
    {
        Booking b = test::makeBooking(newId(), newId(), QDate(2027, 1, 10), QDate(2027, 1, 24));
        b.status = BookingStatus::Cancelled;
        const QDateTime at = QDateTime::currentDateTimeUtc();
        auto back = mergeEntity(
            toJson(b),
            planMutation({"booking.set_status", {{"id", idToString(b.id)}, {"status", "confirmed"}}}).value(),
            at);
        QCOMPARE(back.error().code, QStringLiteral("booking.bad_transition"));
        Booking bad = test::makeBooking(newId(), newId(), QDate(2027, 1, 10), QDate(2027, 1, 24));
        bad.prepaid = Money::fromKopecks(bad.total.kopecks() * 2);
        QVERIFY(!mergeEntity(std::nullopt, planMutation({"booking.create", toJson(bad)}).value(), at).ok());

        Deal d;
        d.id = newId();
        d.guestId = newId();
        d.stage = dealstage::New;
        auto lost = mergeEntity(
            toJson(d),
            planMutation(
                {"deal.move", {{"id", idToString(d.id)}, {"stage", "lost"}, {"lostReason", "дорого"}}})
                .value(),
            at);
        QVERIFY(lost.ok());
        QCOMPARE(QDateTime::fromString(lost.value().value("closedAt").toString(), Qt::ISODateWithMs),
                 at.toUTC());
        auto reopen = mergeEntity(
            lost.value(), planMutation({"deal.move", {{"id", idToString(d.id)}, {"stage", "offer"}}}).value(),
            at);
        QCOMPARE(reopen.error().code, QStringLiteral("deal.bad_move"));
        auto noReason = mergeEntity(
            toJson(d), planMutation({"deal.move", {{"id", idToString(d.id)}, {"stage", "lost"}}}).value(),
            at);
        QCOMPARE(noReason.error().code, QStringLiteral("deal.lost_reason"));
        auto badKey = mergeEntity(
            toJson(d), planMutation({"deal.move", {{"id", idToString(d.id)}, {"stage", "Bad"}}}).value(), at);
        QCOMPARE(badKey.error().code, QStringLiteral("json.bad_value"));
        // A stage of the head of sales' own is a valid place to go.
        QVERIFY(mergeEntity(
                    toJson(d),
                    planMutation({"deal.move", {{"id", idToString(d.id)}, {"stage", "sea_view"}}}).value(),
                    at)
                    .ok());

        DealMove m{newId(), d.id, d.guestId, Id(), QStringLiteral("offer"), QStringLiteral("booked"), at};
        QVERIFY(mergeEntity(std::nullopt, planMutation({"deal_move.add", toJson(m)}).value(), at).ok());
        m.fromStage = QStringLiteral("stayed");
        QCOMPARE(
            mergeEntity(std::nullopt, planMutation({"deal_move.add", toJson(m)}).value(), at).error().code,
            QStringLiteral("deal.bad_move"));
        const DealStageDef stage{newId(), QStringLiteral("lost"), QString(), 1, false};
        QCOMPARE(mergeEntity(std::nullopt, planMutation({"deal_stage.create", toJson(stage)}).value(), at)
                     .error()
                     .code,
                 QStringLiteral("deal_stage.closed_hidden"));
        QCOMPARE(planMutation({"deal_stage.update", {{"id", idToString(stage.id)}, {"key", "other"}}})
                     .error()
                     .code,
                 QStringLiteral("json.bad_value"));
    }

    void accessRules()
    {
        const MutationPlan room{EntityKind::Room, MutationPlan::Op::Create, idToString(newId()), {}};
        const MutationPlan guest{EntityKind::Guest, MutationPlan::Op::Create, idToString(newId()), {}};
        QCOMPARE(authorizeMutation(Role::Consultant, room).error().code, QStringLiteral("auth.forbidden"));
        QVERIFY(authorizeMutation(Role::Consultant, guest).ok());
        QVERIFY(authorizeMutation(Role::HeadOfSales, room).ok());
        const MutationPlan stage{EntityKind::DealStage, MutationPlan::Op::Patch, idToString(newId()), {}};
        const MutationPlan move{EntityKind::DealMove, MutationPlan::Op::Create, idToString(newId()), {}};
        QCOMPARE(authorizeMutation(Role::Consultant, stage).error().code, QStringLiteral("auth.forbidden"));
        QVERIFY(authorizeMutation(Role::HeadOfSales, stage).ok());
        QVERIFY(authorizeMutation(Role::Consultant, move).ok());
        QCOMPARE(authorizeMutation(Role::Director, guest).error().code, QStringLiteral("auth.read_only"));
        // A desk's phone publishes its own extension; a consultant edits nobody else's record, and
        // nothing but the extension of their own.
        const QString me = idToString(newId());
        const auto extension = [](const QString &id, QJsonObject more = {}) {
            more.insert(QStringLiteral("id"), id);
            more.insert(QStringLiteral("extension"), QStringLiteral("201"));
            return planMutation({"user.set_extension", more});
        };
        QVERIFY(authorizeMutation(Role::Consultant, extension(me).value(), me).ok());
        QCOMPARE(authorizeMutation(Role::Consultant, extension(idToString(newId())).value(), me).error().code,
                 QStringLiteral("auth.forbidden"));
        QCOMPARE(authorizeMutation(Role::Consultant, extension(me).value()).error().code,
                 QStringLiteral("auth.forbidden"));
        QCOMPARE(extension(me, {{"role", "head_of_sales"}}).error().code, QStringLiteral("json.bad_value"));
        MutationPlan wider = extension(me).value();
        wider.fields.insert(QStringLiteral("role"), QStringLiteral("head_of_sales"));
        QCOMPARE(authorizeMutation(Role::Consultant, wider, me).error().code,
                 QStringLiteral("auth.forbidden"));
        QVERIFY(authorizeMutation(Role::HeadOfSales, extension(idToString(newId())).value(), me).ok());
        QVERIFY(authorizeMutation(Role::Director, extension(me).value(), me).ok()); // calls reach them too
        QCOMPARE(authorizeMutation(Role::Director, extension(idToString(newId())).value(), me).error().code,
                 QStringLiteral("auth.read_only"));
        QVERIFY(receivesRecord(Role::Consultant, "me", EntityKind::Task, "me"));
        QVERIFY(receivesRecord(Role::Consultant, "me", EntityKind::Task, ""));
        QVERIFY(!receivesRecord(Role::Consultant, "me", EntityKind::Task, "colleague"));
        QVERIFY(receivesRecord(Role::HeadOfSales, "me", EntityKind::Task, "colleague"));
        QVERIFY(receivesRecord(Role::Consultant, "me", EntityKind::Guest, ""));
    }
};

QTEST_GUILESS_MAIN(TestSyncProtocol)
#include "tst_protocol.moc"
