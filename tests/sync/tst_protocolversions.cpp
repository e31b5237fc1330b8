// Sync protocol versions against a real kasp-sync over a throwaway PostgreSQL. A desk of the
// previous release (protocol 1: the room stock, users and closures in snake_case, raw HTTP as that
// release spoke it) and a current desk (protocol 2, the real SyncClient) share one server and see
// the same records, each in its own spelling. The server's database is made as the previous
// kasp-sync left it (old names in stored records, schema before the respelling migration). A
// protocol-2 desk is not held to the schema numbers this server knows, and an outbox entry queued
// before the upgrade goes out in today's spelling.
#include "httpcall.h"
#include "kasp/core/deal.h"
#include "kasp/core/mutation.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/replicastore.h"
#include "kasp/storage/roomrepository.h"
#include "kasp/storage/userrepository.h"
#include "kasp/testsupport/pgcluster.h"
#include "kasp/testsupport/syncserverprocess.h"
#include "syncdata.h"
#include "syncdesktop.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace kasp;
using namespace kasp::sync;
using test::Desktop;
using test::HttpCall;
using test::HttpReply;
using test::kPassword;

namespace {

const QString kOrg = QStringLiteral("Санаторий");

// How the previous release spelled these record fields. Written out here, not taken from
// spelling.h: the test holds the server to what old desks really send and read.
const QList<std::pair<QString, QString>> kOldNames{{"display_name", "displayName"},
                                                   {"extra_beds", "extraBeds"},
                                                   {"price_per_bed_night", "pricePerBedNight"},
                                                   {"building_id", "buildingId"},
                                                   {"category_id", "categoryId"},
                                                   {"room_id", "roomId"},
                                                   {"first_night", "firstNight"},
                                                   {"end_night", "endNight"}};

QJsonObject renamed(QJsonObject o, bool toOld)
{
    for (const auto &[oldName, newName] : kOldNames) {
        const QString &from = toOld ? newName : oldName;
        if (o.contains(from)) {
            o.insert(toOld ? oldName : newName, o.value(from));
            o.remove(from);
        }
    }
    return o;
}

bool hasAnyName(const QJsonObject &o, bool oldNames)
{
    return std::any_of(kOldNames.begin(), kOldNames.end(),
                       [&](const auto &names) { return o.contains(oldNames ? names.first : names.second); });
}

// A desk of the previous release: protocol 1, schema 10, its own bytes.
struct OldDesk
{
    HttpCall http;
    QString client = idToString(newId());
    qint64 next = 1;
    qint64 cursor = 0;

    explicit OldDesk(const QString &base) : http(base)
    {
        http.protocol = "1";
        http.schema = "10";
    }
    bool signIn(const QString &login)
    {
        const HttpReply r =
            http.post(QStringLiteral("/v1/auth/signin"),
                      QJsonDocument(QJsonObject{{"login", login}, {"password", kPassword}}).toJson());
        http.token = r.json().value(QStringLiteral("accessToken")).toString();
        return r.status == 200 && !http.token.isEmpty();
    }
    // The outcomes as the desk reads them, raw.
    QJsonArray push(const QList<std::pair<QString, QJsonObject>> &mutations)
    {
        QJsonArray list;
        for (const auto &[name, args] : mutations)
            list.append(QJsonObject{
                {"id", next++}, {"name", name}, {"args", args}, {"at", "2030-12-07T10:00:00.000Z"}});
        const HttpReply r =
            http.post(QStringLiteral("/v1/push"),
                      QJsonDocument(QJsonObject{{"clientId", client}, {"mutations", list}}).toJson());
        if (r.status != 200)
            qWarning() << "old desk push" << r.status << r.body;
        return r.json().value(QStringLiteral("outcomes")).toArray();
    }
    // Every record since the last pull, by id (the newest version), as the JSON the server sent.
    QHash<QString, QJsonObject> pull()
    {
        QHash<QString, QJsonObject> out;
        for (bool more = true; more;) {
            const HttpReply r = http.post(
                QStringLiteral("/v1/pull"),
                QJsonDocument(QJsonObject{{"clientId", client}, {"cursor", cursor}, {"limit", 1000}})
                    .toJson());
            if (r.status != 200) {
                qWarning() << "old desk pull" << r.status << r.body;
                return out;
            }
            for (const QJsonValue &v : r.json().value(QStringLiteral("records")).toArray())
                out.insert(v.toObject().value(QStringLiteral("id")).toString(),
                           v.toObject().value(QStringLiteral("data")).toObject());
            cursor = r.json().value(QStringLiteral("cursor")).toInteger();
            more = r.json().value(QStringLiteral("more")).toBool();
        }
        return out;
    }
};

} // namespace

class TestProtocolVersions : public QObject
{
    Q_OBJECT
    test::PgCluster pg;
    std::unique_ptr<test::SyncServerProcess> server;
    QSqlDatabase db; // a checking connection
    std::unique_ptr<Desktop> head;
    // Stored by the previous kasp-sync, before migration 7.
    const QString building = idToString(newId()), category = idToString(newId()), room = idToString(newId()),
                  closure = idToString(newId());

    QJsonObject stored(const QString &id)
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT data::text FROM records WHERE id = ? AND NOT deleted"));
        q.addBindValue(id);
        if (!q.exec() || !q.next())
            return {};
        return QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    }
    bool sql(const QString &statement, const QVariantList &values = {})
    {
        QSqlQuery q(db);
        q.prepare(statement);
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec())
            qWarning() << statement.left(80) << q.lastError().text();
        return q.isActive();
    }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QString error;
        QVERIFY2(pg.start(&error), qPrintable(error));
        server = std::make_unique<test::SyncServerProcess>(pg, QStringLiteral(KASP_SYNC_BINARY));
        QVERIFY2(server->initDb(&error), qPrintable(error));
        for (const auto &[login, role] :
             QList<std::pair<QString, QString>>{{"galina", "head_of_sales"}, {"anna", "consultant"}})
            QVERIFY2(server->addUser(kOrg, login, role, kPassword, &error), qPrintable(error));
        db = pg.connect(QStringLiteral("check"), &error);
        QVERIFY2(db.isOpen(), qPrintable(error));

        // The database as kasp-sync of server schema 6 left it: users and a room stock with a
        // closure, stored in the old spelling, and migration 7 not run yet.
        QVERIFY(sql(QStringLiteral("DELETE FROM schema_migrations WHERE version = 7")));
        QVERIFY(sql(
            QStringLiteral("UPDATE records SET data = (data - 'displayName') || "
                           "jsonb_build_object('display_name', data->'displayName') WHERE kind = 'user'")));
        const QList<std::pair<QString, QJsonObject>> old{
            {"building", {{"id", building}, {"name", QStringLiteral("Корпус старый")}, {"address", ""}}},
            {"room_category",
             {{"id", category},
              {"code", "std"},
              {"name", QStringLiteral("Стандарт")},
              {"beds", 2},
              {"extra_beds", 1},
              {"price_per_bed_night", 350000}}},
            {"room",
             {{"id", room},
              {"building_id", building},
              {"category_id", category},
              {"number", "101"},
              {"floor", 1},
              {"beds", 2}}},
            {"room_closure",
             {{"id", closure},
              {"room_id", room},
              {"first_night", "2031-03-01"},
              {"end_night", "2031-03-08"},
              {"reason", QStringLiteral("Ремонт")}}}};
        for (const auto &[kind, data] : old)
            QVERIFY(sql(
                QStringLiteral("WITH o AS (UPDATE orgs SET seq = seq + 1 WHERE name = ? RETURNING id, seq) "
                               "INSERT INTO records (org_id, kind, id, seq, data) SELECT o.id, ?, ?, o.seq, "
                               "?::jsonb FROM o"),
                {kOrg, kind, data.value("id").toString(),
                 QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact))}));
        QVERIFY(sql(
            QStringLiteral(
                "INSERT INTO booking_nights (org_id, booking_id, kind, room_id, nights) "
                "SELECT id, ?, 'room_closure', ?, daterange('2031-03-01'::date, '2031-03-08'::date, '[)') "
                "FROM orgs WHERE name = ?"),
            {closure, room, kOrg}));

        QVERIFY2(server->initDb(&error), qPrintable(error)); // the upgrade: migration 7
        QVERIFY2(server->start(&error), qPrintable(error));
        head = std::make_unique<Desktop>(QStringLiteral("head"), server->baseUrl());
        QVERIFY(head->signIn(QStringLiteral("galina")));
    }

    // (d) The migration respelled what the previous kasp-sync stored; each desk reads it in its
    // own spelling, and the current desk's replica holds it.
    void recordsStoredBeforeTheUpgradeReadInEachDesksSpelling()
    {
        QCOMPARE(stored(room).value("buildingId").toString(), building);
        QCOMPARE(stored(room).value("categoryId").toString(), category);
        QCOMPARE(stored(category).value("pricePerBedNight").toInt(), 350000);
        QCOMPARE(stored(closure).value("firstNight").toString(), QStringLiteral("2031-03-01"));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT data::text FROM records WHERE data IS NOT NULL")));
        int records = 0;
        while (q.next()) {
            ++records;
            QVERIFY2(!hasAnyName(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object(), true),
                     qPrintable(q.value(0).toString()));
        }
        QCOMPARE(records, 6); // two users, the building, category, room and closure

        OldDesk old(server->baseUrl());
        QVERIFY(old.signIn(QStringLiteral("anna")));
        const QHash<QString, QJsonObject> oldView = old.pull();
        QCOMPARE(oldView.size(), 6);
        for (auto it = oldView.begin(); it != oldView.end(); ++it) {
            QVERIFY2(!hasAnyName(it.value(), false), qPrintable(QJsonDocument(it.value()).toJson()));
            QCOMPARE(renamed(it.value(), false), stored(it.key()));
        }
        QCOMPARE(oldView.value(room).value("building_id").toString(), building);
        QCOMPARE(oldView.value(closure).value("end_night").toString(), QStringLiteral("2031-03-08"));

        QVERIFY(head->syncOnce());
        storage::RoomRepository rooms(head->t.db, head->clock);
        const auto stock = rooms.rooms();
        QVERIFY(stock.ok());
        QCOMPARE(stock.value().size(), 1);
        QCOMPARE(stock.value().first().buildingId, idFromString(building));
        QCOMPARE(stock.value().first().categoryId, idFromString(category));
        QCOMPARE(rooms.categories().value().first().extraBeds, 1);
        const auto closed = rooms.closures(QDate(2031, 1, 1), QDate(2032, 1, 1));
        QCOMPARE(closed.value().size(), 1);
        QCOMPARE(closed.value().first().endNight, QDate(2031, 3, 8));
        const auto users = storage::UserRepository(head->t.db, head->clock).all();
        QCOMPARE(users.value().size(), 2);
        QCOMPARE(users.value().first().displayName, QStringLiteral("anna"));
    }

    // (a) An old desk writes the room stock, a closure, a user and a lost deal in its own spelling;
    // it reads them back so, the current desk reads them in today's, and both equal the server.
    void anOldSpellingDeskSyncsBesideACurrentOne()
    {
        QVERIFY(head);
        OldDesk old(server->baseUrl());
        QVERIFY(old.signIn(QStringLiteral("galina")));
        const QString b = idToString(newId()), c = idToString(newId()), r = idToString(newId()),
                      x = idToString(newId()), u = idToString(newId());
        Guest guest = test::makeGuest(QStringLiteral("Старописцева"), QStringLiteral("+7 916 300-00-01"));
        Deal deal;
        deal.id = newId();
        deal.guestId = guest.id;
        deal.title = QStringLiteral("Лето");
        deal.createdAt = deal.updatedAt = QDateTime::currentDateTimeUtc();
        const QJsonArray outcomes = old.push({
            {"building.create", {{"id", b}, {"name", QStringLiteral("Корпус 2")}, {"address", ""}}},
            {"room_category.create",
             {{"id", c},
              {"code", "lux"},
              {"name", QStringLiteral("Люкс")},
              {"beds", 2},
              {"extra_beds", 2},
              {"price_per_bed_night", 700000}}},
            {"room.create",
             {{"id", r},
              {"building_id", b},
              {"category_id", c},
              {"number", "201"},
              {"floor", 2},
              {"beds", 2}}},
            {"room_closure.create",
             {{"id", x},
              {"room_id", r},
              {"first_night", "2031-05-01"},
              {"end_night", "2031-05-08"},
              {"reason", "Покраска"}}},
            {"user.create",
             {{"id", u},
              {"login", "petr"},
              {"display_name", QStringLiteral("Пётр Старый")},
              {"role", "consultant"},
              {"active", true}}},
            {"room.update", {{"id", r}, {"category_id", category}}}, // a patch in the old spelling
            // Refused: the nights run backwards; the reason names the field as this desk does.
            {"room_closure.create",
             {{"id", idToString(newId())},
              {"room_id", r},
              {"first_night", "2031-06-10"},
              {"end_night", "2031-06-01"}}},
            {"guest.create", toJson(guest)},
            {"deal.create", toJson(deal)},
            {"deal.move",
             {{"id", idToString(deal.id)}, {"stage", "lost"}, {"lost_reason", QStringLiteral("дорого")}}},
        });
        QCOMPARE(outcomes.size(), 10);
        for (int i = 0; i < outcomes.size(); ++i)
            QVERIFY2(outcomes[i].toObject().value("outcome").toString() == (i == 6 ? "rejected" : "applied"),
                     qPrintable(QStringLiteral("%1: %2").arg(i).arg(
                         QString::fromUtf8(QJsonDocument(outcomes[i].toObject()).toJson()))));
        QCOMPARE(outcomes[6].toObject().value("code").toString(), QStringLiteral("json.bad_value"));
        QCOMPARE(outcomes[6].toObject().value("message").toString(), QStringLiteral("end_night"));

        // The server holds one spelling.
        QCOMPARE(stored(r).value("buildingId").toString(), b);
        QCOMPARE(stored(r).value("categoryId").toString(), category);
        QCOMPARE(stored(c).value("extraBeds").toInt(), 2);
        QCOMPARE(stored(x).value("roomId").toString(), r);
        QCOMPARE(stored(u).value("displayName").toString(), QStringLiteral("Пётр Старый"));
        QCOMPARE(stored(idToString(deal.id)).value("lostReason").toString(), QStringLiteral("дорого"));

        // The old desk reads its records back in its spelling; a deal was always camelCase.
        const QHash<QString, QJsonObject> oldView = old.pull();
        for (const QString &id : {b, c, r, x, u}) {
            QVERIFY2(oldView.contains(id), qPrintable(id));
            QVERIFY2(!hasAnyName(oldView.value(id), false),
                     qPrintable(QJsonDocument(oldView.value(id)).toJson()));
            QCOMPARE(renamed(oldView.value(id), false), stored(id));
        }
        QCOMPARE(oldView.value(r).value("category_id").toString(), category);
        QCOMPARE(oldView.value(x).value("first_night").toString(), QStringLiteral("2031-05-01"));
        QCOMPARE(oldView.value(u).value("display_name").toString(), QStringLiteral("Пётр Старый"));
        QCOMPARE(oldView.value(idToString(deal.id)).value("lostReason").toString(), QStringLiteral("дорого"));
        QVERIFY(!oldView.value(idToString(deal.id)).contains("lost_reason"));

        // The current desk: the same records, in today's spelling, equal to the server's.
        QVERIFY(head->syncOnce());
        storage::ReplicaStore replica(head->t.db);
        const QList<std::pair<EntityKind, QString>> written{
            {EntityKind::Building, b}, {EntityKind::RoomCategory, c},
            {EntityKind::Room, r},     {EntityKind::RoomClosure, x},
            {EntityKind::User, u},     {EntityKind::Deal, idToString(deal.id)}};
        for (const auto &[kind, id] : written) {
            const auto mine = replica.load(kind, id);
            QVERIFY2(mine.ok() && mine.value(), qPrintable(id));
            QCOMPARE(*mine.value(), stored(id));
        }

        // And the other way: a closure the current desk makes reaches the old desk in old names.
        storage::RoomRepository rooms(head->t.db, head->clock);
        const RoomClosure mine{newId(), idFromString(r), QDate(2031, 7, 1), QDate(2031, 7, 5),
                               QStringLiteral("Окна")};
        QVERIFY(rooms.closeRoom(mine).ok());
        QVERIFY(head->syncOnce());
        QCOMPARE(head->client->pendingCount(), 0);
        const QJsonObject arrived = old.pull().value(idToString(mine.id));
        QCOMPARE(arrived.value("room_id").toString(), r);
        QCOMPARE(arrived.value("first_night").toString(), QStringLiteral("2031-07-01"));
        QCOMPARE(arrived.value("end_night").toString(), QStringLiteral("2031-07-05"));
        QVERIFY(!hasAnyName(arrived, false));
    }

    // (b) The schema header no longer limits a protocol-2 desk: a desk migration that changes
    // nothing on the wire (an index) needs no new server.
    void aProtocol2DeskIsNotHeldToTheSchemasThisServerKnows()
    {
        for (const QByteArray &schema : {QByteArray("11"), QByteArray("99"), QByteArray()}) {
            HttpCall desk(server->baseUrl());
            desk.protocol = "2";
            desk.schema = schema;
            const HttpReply in =
                desk.post(QStringLiteral("/v1/auth/signin"),
                          QJsonDocument(QJsonObject{{"login", "anna"}, {"password", kPassword}}).toJson());
            QCOMPARE(in.status, 200);
            desk.token = in.json().value("accessToken").toString();
            const QString client = idToString(newId());
            const Guest g =
                test::makeGuest(QStringLiteral("Новосхемная"), QStringLiteral("+7 916 300-00-02"));
            const HttpReply pushed =
                desk.post(QStringLiteral("/v1/push"),
                          encode(PushRequest{client, {test::pushed(1, "guest.create", toJson(g))}}));
            QVERIFY2(pushed.status == 200, pushed.body.constData());
            QCOMPARE(decodePushResponse(pushed.body).value().outcomes.first().kind,
                     MutationOutcome::Kind::Applied);
            const HttpReply pulled =
                desk.post(QStringLiteral("/v1/pull"), encode(PullRequest{client, 0, 1000}));
            QVERIFY2(pulled.status == 200, pulled.body.constData());
            const auto page = decodePullResponse(pulled.body);
            QVERIFY(page.ok());
            QVERIFY(std::any_of(page.value().records.begin(), page.value().records.end(),
                                [&](const Record &r) { return r.id == idToString(g.id); }));
        }
        // The access log says which protocol and schema each desk spoke.
        QVERIFY(server->log().contains(QStringLiteral("\"desk\":\"2/99\"")));
    }

    void signInAndHealthSpeakBothProtocols()
    {
        struct Case
        {
            QByteArray protocol;
            int status;
            const char *code;
        };
        for (const Case &c :
             {Case{"1", 200, ""}, Case{"2", 200, ""}, Case{QByteArray::number(kProtocolVersion), 200, ""},
              Case{QByteArray::number(kProtocolVersion + 1), 426, "server.upgrade_required"},
              Case{"0", 426, "protocol.upgrade_required"}, Case{"", 400, "protocol.missing"}}) {
            HttpCall desk(server->baseUrl());
            desk.protocol = c.protocol;
            const HttpReply r =
                desk.post(QStringLiteral("/v1/auth/signin"),
                          QJsonDocument(QJsonObject{{"login", "anna"}, {"password", kPassword}}).toJson());
            QVERIFY2(r.status == c.status, (c.protocol + ": " + r.body).constData());
            QCOMPARE(r.errorCode(), QLatin1String(c.code));
            // A user object is camelCase in every protocol.
            if (r.status == 200)
                QCOMPARE(r.json().value("user").toObject().value("displayName").toString(),
                         QStringLiteral("anna"));
        }
        const HttpReply health = HttpCall(server->baseUrl()).get(QStringLiteral("/health"));
        QCOMPARE(health.json().value("protocol").toInt(), kProtocolVersion);
        QCOMPARE(health.json().value("oldestProtocol").toInt(), kOldestProtocolVersion);
    }

    // (e) Entries the previous release queued carry its names: the desk reads them in today's,
    // both to replay them over a pulled page and to push them.
    void outboxEntriesQueuedBeforeTheUpgradeGoOutInTodaysSpelling()
    {
        QVERIFY(head);
        storage::RoomRepository rooms(head->t.db, head->clock);
        const auto stock = rooms.rooms();
        const auto categories = rooms.categories();
        QVERIFY(stock.ok() && !stock.value().isEmpty() && categories.ok() && categories.value().size() > 1);
        Room r = stock.value().first();
        const Id otherCategory = categories.value().last().id;
        QVERIFY(otherCategory != r.categoryId);
        const RoomClosure queued{newId(), r.id, QDate(2031, 9, 1), QDate(2031, 9, 4),
                                 QStringLiteral("Трубы")};
        QVERIFY(rooms.closeRoom(queued).ok());
        Room moved = r;
        moved.categoryId = otherCategory;
        const auto updated = rooms.updateRoom(moved);
        QVERIFY(updated.ok() && updated.value());
        // As the previous release wrote them.
        QSqlQuery q(head->t.db);
        const auto rewrite = [&](const QString &name, const QJsonObject &args) {
            q.prepare(QStringLiteral("UPDATE outbox SET args = ? WHERE name = ?"));
            q.addBindValue(QString::fromUtf8(QJsonDocument(args).toJson(QJsonDocument::Compact)));
            q.addBindValue(name);
            return q.exec() && q.numRowsAffected() == 1;
        };
        QVERIFY(rewrite(QStringLiteral("room_closure.create"), {{"id", idToString(queued.id)},
                                                                {"room_id", idToString(r.id)},
                                                                {"first_night", "2031-09-01"},
                                                                {"end_night", "2031-09-04"},
                                                                {"reason", QStringLiteral("Трубы")}}));
        QVERIFY(rewrite(QStringLiteral("room.update"),
                        {{"id", idToString(r.id)}, {"category_id", idToString(otherCategory)}}));
        const auto pending = storage::Outbox(head->t.db).pending(10);
        QCOMPARE(pending.value().size(), 2);
        QCOMPARE(pending.value().first().args.value("roomId").toString(), idToString(r.id));
        QVERIFY(!pending.value().first().args.contains("room_id"));
        QCOMPARE(storage::Outbox(head->t.db)
                     .entry(pending.value().last().mutationId)
                     .value()
                     ->args.value("categoryId")
                     .toString(),
                 idToString(otherCategory));

        // A page brings the room as the server has it (renumbered elsewhere): the pending update
        // is replayed over it, so the desk keeps its category until the server has seen it.
        storage::ReplicaStore replica(head->t.db);
        PullResponse page;
        page.cursor = replica.cursor().value();
        page.head = page.cursor;
        page.records.append(Record{EntityKind::Room,
                                   idToString(r.id),
                                   page.cursor,
                                   false,
                                   {{"id", idToString(r.id)},
                                    {"buildingId", idToString(r.buildingId)},
                                    {"categoryId", idToString(r.categoryId)},
                                    {"number", "101а"},
                                    {"floor", r.floor},
                                    {"beds", r.beds}},
                                   {}});
        QVERIFY(replica.applyPage(page).ok());
        const QJsonObject replayed = *replica.load(EntityKind::Room, idToString(r.id)).value();
        QCOMPARE(replayed.value("number").toString(), QStringLiteral("101а"));
        QCOMPARE(replayed.value("categoryId").toString(), idToString(otherCategory));

        QSignalSpy rejected(head->client.get(), &SyncClient::mutationRejected);
        QVERIFY(head->syncOnce());
        QCOMPARE(rejected.size(), 0);
        QCOMPARE(head->client->pendingCount(), 0);
        QCOMPARE(stored(idToString(queued.id)).value("roomId").toString(), idToString(r.id));
        QCOMPARE(stored(idToString(queued.id)).value("firstNight").toString(), QStringLiteral("2031-09-01"));
        QCOMPARE(stored(idToString(r.id)).value("categoryId").toString(), idToString(otherCategory));
        QVERIFY(!hasAnyName(stored(idToString(queued.id)), true));
    }

    void cleanupTestCase()
    {
        head.reset();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
    }
};

QTEST_GUILESS_MAIN(TestProtocolVersions)
#include "tst_protocolversions.moc"
