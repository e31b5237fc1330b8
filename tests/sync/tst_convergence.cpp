// Convergence, as a property (RapidCheck): 2-5 desktops of one organisation make random guests,
// field edits, touches, bookings and
// cancellations, and sync at random moments (bookings weighed up, 2 rooms, a 12-night window, so
// desktops collide and the server rejects); after everyone syncs until quiet, every replica
// holds exactly what PostgreSQL holds. Real replicas, a real kasp-sync, a real PostgreSQL.
// Each case is a fresh organisation. RC_PARAMS (set by CMake) bounds the number of cases.
#include "kasp/storage/bookingrepository.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/storage/replicastore.h"
#include "kasp/storage/roomrepository.h"
#include "kasp/storage/touchrepository.h"
#include "kasp/sync/syncclient.h"
#include "kasp/syncproto/entitymerge.h"
#include "kasp/testsupport/pgcluster.h"
#include "kasp/testsupport/syncserverprocess.h"
#include "kasp/testsupport/testdb.h"
#include "syncdata.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>
#include <rapidcheck.h>

using namespace kasp;
using namespace kasp::storage;

namespace {
const QString kPassword = QStringLiteral("correct horse battery");

struct Replica
{
    test::TestDatabase t = test::TestDatabase::create(QStringLiteral("replica"));
    SystemClock clock;
    std::unique_ptr<sync::SyncClient> client;
    int made = 0;

    explicit Replica(const QString &server)
    {
        sync::SyncClient::Options options;
        options.server = QUrl(server);
        options.pushBatch = 7; // small batches: partial pushes happen too
        options.pullPage = 5;  // and multi-page pulls
        client = std::make_unique<sync::SyncClient>(t.db, options);
    }
    ~Replica()
    {
        client.reset();
        t.close();
    }
    bool signIn(const QString &login)
    {
        QSignalSpy ok(client.get(), &sync::SyncClient::signedIn);
        client->signIn(login, kPassword);
        return ok.wait(10'000);
    }
    bool sync()
    {
        QSignalSpy done(client.get(), &sync::SyncClient::synced);
        QSignalSpy failed(client.get(), &sync::SyncClient::syncFailed);
        client->syncNow();
        for (int i = 0; i < 300 && (done.isEmpty() || client->isBusy()) && failed.isEmpty(); ++i)
            QTest::qWait(20);
        return !done.isEmpty() && !client->isBusy();
    }
    QStringList ids(const char *table) const
    {
        QStringList out;
        QSqlQuery q(t.db);
        q.exec(QStringLiteral("SELECT id FROM %1 ORDER BY id").arg(QLatin1String(table)));
        while (q.next())
            out.append(q.value(0).toString());
        return out;
    }
    QMap<QString, QJsonObject> state() const
    {
        QMap<QString, QJsonObject> out;
        ReplicaStore store(t.db);
        for (auto [kind, table] :
             {std::pair{sync::EntityKind::Guest, "guests"}, std::pair{sync::EntityKind::Touch, "touches"},
              std::pair{sync::EntityKind::Booking, "bookings"},
              std::pair{sync::EntityKind::RoomClosure, "room_closures"}})
            for (const QString &id : ids(table))
                out.insert(sync::entityKindKey(kind) + QLatin1Char(':') + id,
                           store.load(kind, id).value().value_or(QJsonObject{}));
        return out;
    }
};
} // namespace

class TestConvergence : public QObject
{
    Q_OBJECT
    test::PgCluster pg;
    std::unique_ptr<test::SyncServerProcess> server;
    QSqlDatabase db;
    int caseNo = 0;

    QMap<QString, QJsonObject> serverState(const QString &org)
    {
        QMap<QString, QJsonObject> out;
        QSqlQuery q(db);
        q.prepare(
            QStringLiteral("SELECT r.kind, r.id, r.data::text FROM records r JOIN orgs o ON o.id = r.org_id "
                           "WHERE o.name = ? AND NOT r.deleted AND r.kind IN ('guest', 'touch', 'booking', "
                           "'room_closure')"));
        q.addBindValue(org);
        q.exec();
        while (q.next()) {
            const auto kind = sync::entityKindFromKey(q.value(0).toString());
            auto canonical = sync::canonicalEntity(
                *kind, QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object());
            out.insert(q.value(0).toString() + QLatin1Char(':') + q.value(1).toString(), canonical.value());
        }
        return out;
    }

    // No room-night is held twice by live records (bookings that occupy their room, and
    // out-of-service periods), and every row of booking_nights is its own live record's, of its
    // own kind, on that record's room and nights.
    QString nightsHeldTwice(const QString &org)
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "WITH live AS (SELECT r.kind, r.id, r.data->>'roomId' AS room, "
            "daterange((coalesce(r.data->>'checkIn', r.data->>'firstNight'))::date, "
            "(coalesce(r.data->>'checkOut', r.data->>'endNight'))::date, '[)') AS nights "
            "FROM records r JOIN orgs o ON o.id = r.org_id WHERE o.name = ? AND NOT r.deleted AND "
            "(r.kind = 'room_closure' OR (r.kind = 'booking' AND r.data->>'status' <> 'cancelled'))) "
            "SELECT a.id || ' and ' || b.id FROM live a JOIN live b ON a.room = b.room AND a.id < b.id "
            "AND a.nights && b.nights "
            "UNION ALL SELECT 'nights row ' || n.booking_id FROM booking_nights n JOIN orgs o ON o.id = "
            "n.org_id "
            "WHERE o.name = ? AND NOT EXISTS (SELECT 1 FROM live l WHERE l.id = n.booking_id AND l.kind = "
            "n.kind "
            "AND l.room = n.room_id AND l.nights = n.nights) LIMIT 1"));
        q.addBindValue(org);
        q.addBindValue(org);
        if (!q.exec())
            return q.lastError().text();
        return q.next() ? q.value(0).toString() : QString();
    }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QString error;
        QVERIFY2(pg.start(&error), qPrintable(error));
        server = std::make_unique<test::SyncServerProcess>(pg, QStringLiteral(KASP_SYNC_BINARY));
        QVERIFY2(server->initDb(&error), qPrintable(error));
        QVERIFY2(server->start(&error), qPrintable(error));
        db = pg.connect(QStringLiteral("check"), &error);
        QVERIFY2(db.isOpen(), qPrintable(error));
    }

    void replicasConvergeToPostgres()
    {
        const bool ok =
            rc::check("every replica equals PostgreSQL after random edits and partial syncs", [this] {
                const int n = *rc::gen::element(2, 3, 4, 5); // not scaled by size, unlike inRange
                const int count = 20 + *rc::gen::inRange(0, 60);
                const auto ops = *rc::gen::container<std::vector<std::tuple<int, int, int, int>>>(
                    static_cast<std::size_t>(count),
                    rc::gen::tuple(rc::gen::inRange(0, 10), rc::gen::inRange(0, n), rc::gen::inRange(0, 1000),
                                   rc::gen::inRange(0, 1000)));
                const QString org = QStringLiteral("Конвергенция %1").arg(++caseNo);
                std::vector<std::unique_ptr<Replica>> replicas;
                QString error;
                for (int d = 0; d < n; ++d) {
                    const QString login = QStringLiteral("c%1_%2").arg(caseNo).arg(d);
                    RC_ASSERT(server->addUser(
                        org, login, d == 0 ? QStringLiteral("head_of_sales") : QStringLiteral("consultant"),
                        kPassword, &error));
                    replicas.push_back(std::make_unique<Replica>(server->baseUrl()));
                    RC_ASSERT(replicas.back()->signIn(login));
                }
                // The head of sales enters two rooms; everyone starts from them.
                Replica &head = *replicas[0];
                RoomRepository stock(head.t.db, head.clock);
                const Building b{newId(), QStringLiteral("Корпус"), {}};
                const RoomCategory c{newId(), QStringLiteral("std"),     QStringLiteral("Стандарт"), 2,
                                     1,       Money::fromKopecks(300000)};
                const Id rooms[2] = {newId(), newId()};
                RC_ASSERT(stock.addBuilding(b).ok() && stock.addCategory(c).ok());
                RC_ASSERT(stock.addRoom(Room{rooms[0], b.id, c.id, QStringLiteral("1"), 1, 2}).ok());
                RC_ASSERT(stock.addRoom(Room{rooms[1], b.id, c.id, QStringLiteral("2"), 1, 2}).ok());
                for (auto &r : replicas)
                    RC_ASSERT(r->sync());

                const QDate base(2027, 6, 1);
                for (const auto &[op, d, a, bb] : ops) {
                    Replica &r = *replicas[static_cast<size_t>(d)];
                    GuestRepository guests(r.t.db, r.clock);
                    const QStringList known = r.ids("guests");
                    switch (op) {
                    case 0: {
                        Guest g = test::makeGuest(
                            QStringLiteral("Гость%1").arg(a),
                            QStringLiteral("+7 918 %1")
                                .arg(caseNo * 10'000 + d * 1000 + r.made++, 7, 10, QLatin1Char('0')));
                        guests.create(g);
                        break;
                    }
                    case 1:
                        if (!known.isEmpty()) {
                            Guest g = *guests.byId(idFromString(known[a % known.size()])).value();
                            if (bb % 3 == 0)
                                g.lastName = QStringLiteral("Правка%1").arg(bb);
                            else if (bb % 3 == 1)
                                g.middleName = QStringLiteral("Отчество%1").arg(a);
                            else
                                g.tags = QStringList{QStringLiteral("тег%1").arg(bb % 5)};
                            guests.update(g);
                        }
                        break;
                    case 2:
                        if (!known.isEmpty()) {
                            Touch t;
                            t.id = newId();
                            t.guestId = idFromString(known[a % known.size()]);
                            t.kind = TouchKind::CallIn;
                            t.at = QDateTime::currentDateTimeUtc();
                            TouchRepository(r.t.db, r.clock).add(t);
                        }
                        break;
                    case 3:
                    case 4:
                    case 5: // bookings are where desktops collide: weigh them up
                        if (!known.isEmpty()) {
                            const QDate in = base.addDays(a % 12);
                            const Status made =
                                BookingRepository(r.t.db, r.clock)
                                    .create(test::makeBooking(idFromString(known[a % known.size()]),
                                                              rooms[bb % 2], in, in.addDays(1 + bb % 7)));
                            Q_UNUSED(
                                made); // a local clash is refused here; a cross-desktop one by the server
                        }
                        break;
                    case 6: {
                        const QStringList bookings = r.ids("bookings");
                        if (!bookings.isEmpty())
                            BookingRepository(r.t.db, r.clock)
                                .setStatus(idFromString(bookings[a % bookings.size()]),
                                           BookingStatus::Cancelled);
                        break;
                    }
                    case 7: { // the head of sales closes a room, now and then under an id already in use
                        const QStringList bookings = head.ids("bookings");
                        const QDate first = base.addDays(a % 12);
                        RoomClosure closure{newId(), rooms[bb % 2], first, first.addDays(1 + bb % 4),
                                            QStringLiteral("Ремонт")};
                        if (bb % 3 == 0 && !bookings.isEmpty())
                            closure.id = idFromString(bookings[a % bookings.size()]);
                        Q_UNUSED(RoomRepository(head.t.db, head.clock).closeRoom(closure));
                        break;
                    }
                    case 8: { // a booking under an id a closure or a colleague's booking already has
                        const QStringList taken = head.ids(bb % 2 ? "room_closures" : "bookings");
                        if (!known.isEmpty() && !taken.isEmpty()) {
                            const QDate in = base.addDays(a % 12);
                            Booking clash = test::makeBooking(idFromString(known[a % known.size()]),
                                                              rooms[bb % 2], in, in.addDays(1 + bb % 3));
                            clash.id = idFromString(taken[bb % taken.size()]);
                            Q_UNUSED(BookingRepository(r.t.db, r.clock).create(clash));
                        }
                        break;
                    }
                    default:
                        RC_ASSERT(r.sync());
                    }
                }
                // Everyone syncs until nothing is pending anywhere; two quiet rounds settle the pulls.
                for (int round = 0; round < 4; ++round)
                    for (auto &r : replicas)
                        RC_ASSERT(r->sync());
                const QString twice = nightsHeldTwice(org);
                if (!twice.isEmpty())
                    qWarning().noquote() << "room-nights held twice:" << twice;
                RC_ASSERT(twice.isEmpty());
                const auto truth = serverState(org);
                for (size_t d = 0; d < replicas.size(); ++d) {
                    RC_ASSERT(replicas[d]->client->pendingCount() == 0);
                    const auto mine = replicas[d]->state();
                    if (mine != truth) {
                        for (auto it = truth.begin(); it != truth.end(); ++it)
                            if (mine.value(it.key()) != it.value())
                                qWarning().noquote()
                                    << "replica" << d << "differs at" << it.key() << "\n  server:"
                                    << QJsonDocument(it.value()).toJson(QJsonDocument::Compact)
                                    << "\n  replica:"
                                    << QJsonDocument(mine.value(it.key())).toJson(QJsonDocument::Compact);
                        for (auto it = mine.begin(); it != mine.end(); ++it)
                            if (!truth.contains(it.key()))
                                qWarning().noquote() << "replica" << d << "has extra" << it.key();
                    }
                    RC_ASSERT(mine == truth);
                }
            });
        QVERIFY(ok);
    }
};

QTEST_GUILESS_MAIN(TestConvergence)
#include "tst_convergence.moc"
