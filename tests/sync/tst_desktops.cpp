// Desktops and one kasp-sync on one PostgreSQL: real encrypted replicas, real server process.
// Each desktop writes through its repositories (tables + outbox), and SyncClient carries the rest:
// they see each other's guests, touches and bookings within a second; per-field edits made offline
// converge; the desktop that loses a double booking rolls back and is told why; a long offline
// queue drains; a server that goes away and comes back leaves no outbox stuck.
#include "kasp/core/clock.h"
#include "kasp/storage/bookingpolicyrepository.h"
#include "kasp/storage/bookingrepository.h"
#include "kasp/storage/connectionfactory.h"
#include "kasp/storage/consentrepository.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/paymentrepository.h"
#include "kasp/storage/replicastore.h"
#include "kasp/storage/roomrepository.h"
#include "kasp/storage/touchrepository.h"
#include "kasp/sync/syncclient.h"
#include "kasp/testsupport/pgcluster.h"
#include "kasp/testsupport/syncserverprocess.h"
#include "kasp/testsupport/testdb.h"
#include "syncdata.h"
#include "syncdesktop.h"

#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>

using namespace kasp;
using namespace kasp::storage;

using test::Desktop;
using test::kPassword;

class TestSyncDesktops : public QObject
{
    Q_OBJECT
    test::PgCluster pg;
    std::unique_ptr<test::SyncServerProcess> server;
    std::unique_ptr<Desktop> head, anna, boris;
    Id room;

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QString error;
        QVERIFY2(pg.start(&error), qPrintable(error));
        server = std::make_unique<test::SyncServerProcess>(pg, QStringLiteral(KASP_SYNC_BINARY));
        QVERIFY2(server->initDb(&error), qPrintable(error));
        for (const auto &[login, role] : QList<std::pair<QString, QString>>{{"galina", "head_of_sales"},
                                                                            {"vera", "head_of_sales"},
                                                                            {"anna", "consultant"},
                                                                            {"boris", "consultant"}})
            QVERIFY2(server->addUser(QStringLiteral("Санаторий"), login, role, kPassword, &error),
                     qPrintable(error));
        QVERIFY2(server->start(&error), qPrintable(error));

        // The head of sales enters the room stock on her desktop; it reaches the server.
        head = std::make_unique<Desktop>(QStringLiteral("head"), server->baseUrl());
        QVERIFY(head->signIn(QStringLiteral("galina")));
        RoomRepository stock(head->t.db, head->clock);
        Building b{newId(), QStringLiteral("Корпус 1"), {}};
        RoomCategory c{newId(), QStringLiteral("std"),     QStringLiteral("Стандарт"), 2,
                       1,       Money::fromKopecks(350000)};
        room = newId();
        QVERIFY(stock.addBuilding(b).ok());
        QVERIFY(stock.addCategory(c).ok());
        QVERIFY(stock.addRoom(Room{room, b.id, c.id, QStringLiteral("101"), 1, 2}).ok());
        QSignalSpy rejected(head->client.get(), &sync::SyncClient::mutationRejected);
        QVERIFY(head->syncOnce());
        QCOMPARE(rejected.size(), 0);
        QCOMPARE(head->client->pendingCount(), 0);

        anna = std::make_unique<Desktop>(QStringLiteral("anna"), server->baseUrl());
        boris = std::make_unique<Desktop>(QStringLiteral("boris"), server->baseUrl());
        QVERIFY(anna->signIn(QStringLiteral("anna")));
        QVERIFY(boris->signIn(QStringLiteral("boris")));
        QVERIFY(anna->syncOnce());
        QVERIFY(boris->syncOnce());
        QCOMPARE(RoomRepository(boris->t.db, boris->clock).rooms().value().size(), 1);
    }

    void desktopsSeeEachOtherWithinASecond()
    {
        anna->client->start();
        boris->client->start();
        QTest::qWait(300); // sockets up

        const Guest g = test::makeGuest(QStringLiteral("Соколова"), QStringLiteral("+7 916 700-00-01"));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(anna->guests().create(g).ok());
        anna->client->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(boris->guests().byId(g.id).value().has_value(), 1000);
        qInfo("guest visible on the other desktop after %lld ms", timer.elapsed());
        QCOMPARE(boris->guests().byId(g.id).value()->lastName, QStringLiteral("Соколова"));

        Touch call;
        call.id = newId();
        call.guestId = g.id;
        call.kind = TouchKind::CallIn;
        call.at = QDateTime::currentDateTimeUtc();
        call.durationSecs = 95;
        QVERIFY(TouchRepository(boris->t.db, boris->clock).add(call).ok());
        boris->client->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(TouchRepository(anna->t.db, anna->clock).forGuest(g.id, 10).value().size(),
                                  1, 1000);

        const Booking b = test::makeBooking(g.id, room, QDate(2027, 8, 1), QDate(2027, 8, 15));
        QVERIFY(anna->bookings().create(b).ok());
        anna->client->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(boris->bookings().forGuest(g.id).value().size(), 1, 1000);

        // A consent given on one desk and withdrawn on the other: both records travel, the
        // history stays on every desk and the later answer decides everywhere.
        const Consent given{newId(),
                            g.id,
                            ConsentChannel::Sms,
                            true,
                            QDateTime::currentDateTimeUtc(),
                            ConsentMethod::RecordedCall,
                            Id(),
                            QStringLiteral("на звонке")};
        QVERIFY(ConsentRepository(anna->t.db, anna->clock).add(given).ok());
        anna->client->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(ConsentRepository(boris->t.db, boris->clock).history(g.id).value().size(),
                                  1, 1000);
        Consent withdrawn = given;
        withdrawn.id = newId();
        withdrawn.given = false;
        withdrawn.at = given.at.addSecs(60);
        QVERIFY(ConsentRepository(boris->t.db, boris->clock).add(withdrawn).ok());
        boris->client->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(ConsentRepository(anna->t.db, anna->clock).history(g.id).value().size(), 2,
                                  1000);
        for (auto *desk : {anna.get(), boris.get()}) {
            const auto history = ConsentRepository(desk->t.db, desk->clock).history(g.id).value();
            QCOMPARE(history, (QList<Consent>{given, withdrawn}));
            QVERIFY(!mayAdvertise(currentConsents(history), ConsentChannel::Sms));
        }
        anna->client->stop();
        boris->client->stop();
    }

    // The department's booking rules are the head of sales' record: they reach every desk, and a
    // consultant's desk that pushes one anyway (a tool, a desk without its signed-in writer) is
    // refused by the server and its record rolled back.
    void bookingRulesReachEveryDesk()
    {
        QVERIFY(BookingPolicyRepository(head->t.db, head->clock).set(36, 15, Id()).ok());
        QVERIFY(head->syncOnce());
        QVERIFY(anna->syncOnce());
        const auto rules = BookingPolicyRepository(anna->t.db, anna->clock).current();
        QCOMPARE(rules.value().holdHours, 36);
        QCOMPARE(rules.value().prepaymentPercent, 15);

        QSignalSpy rejected(anna->client.get(), &sync::SyncClient::mutationRejected);
        QVERIFY(BookingPolicyRepository(anna->t.db, anna->clock).set(48, 20, Id()).ok());
        QCOMPARE(BookingPolicyRepository(anna->t.db, anna->clock).current().value().holdHours, 48);
        QVERIFY(anna->syncOnce());
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(BookingPolicyRepository(anna->t.db, anna->clock).current().value().holdHours, 36);
        QVERIFY(boris->syncOnce());
        QCOMPARE(BookingPolicyRepository(boris->t.db, boris->clock).current().value().holdHours, 36);
    }

    void offlineEditsOfDifferentFieldsBothSurvive()
    {
        const Guest g = test::makeGuest(QStringLiteral("Полева"), QStringLiteral("+7 916 700-00-02"));
        QVERIFY(anna->guests().create(g).ok());
        QVERIFY(anna->syncOnce());
        QVERIFY(boris->syncOnce());
        QVERIFY(boris->guests().byId(g.id).value().has_value());
        Guest a = *anna->guests().byId(g.id).value();
        a.lastName = QStringLiteral("Полевая");
        Guest b = *boris->guests().byId(g.id).value();
        b.middleName = QStringLiteral("Сергеевна");
        b.city = QStringLiteral("Самара"); // a field of the card's table (guestFields()), through PostgreSQL
        for (auto [d, guest] : {std::pair{anna.get(), a}, std::pair{boris.get(), b}}) {
            const Status s = d->guests().update(guest);
            QVERIFY2(s.ok(),
                     qPrintable(s.ok() ? QString() : s.error().code + QLatin1Char(' ') + s.error().message));
        }
        QVERIFY(anna->syncOnce());
        QVERIFY(boris->syncOnce());
        QVERIFY(anna->syncOnce());
        for (Desktop *d : {anna.get(), boris.get()}) {
            const Guest now = *d->guests().byId(g.id).value();
            QCOMPARE(now.lastName, QStringLiteral("Полевая"));
            QCOMPARE(now.middleName, QStringLiteral("Сергеевна"));
            QCOMPARE(now.city, QStringLiteral("Самара"));
            QCOMPARE(now.firstName, QStringLiteral("Мария"));
        }
    }

    void aRefusedPushStillLetsColleaguesChangesIn()
    {
        // An entry the server cannot read (an older or newer KASP wrote it) blocks Boris's outbox...
        QSqlQuery q(boris->t.db);
        QVERIFY(q.exec(QStringLiteral(
            "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'last_mutation_id'")));
        QVERIFY(q.exec(
            QStringLiteral("INSERT INTO outbox (mutation_id, name, args, created_at) SELECT CAST(value AS "
                           "INTEGER), 'guest.explode', '{\"id\":\"%1\"}', 0 FROM meta WHERE key = "
                           "'last_mutation_id'")
                .arg(idToString(newId()))));
        const Guest g = test::makeGuest(QStringLiteral("Входящая"), QStringLiteral("+7 916 700-00-11"));
        QVERIFY(anna->guests().create(g).ok());
        QVERIFY(anna->syncOnce());
        // ... but what colleagues do still reaches him, and the sync says what is wrong.
        QString failure;
        auto watch = connect(boris->client.get(), &sync::SyncClient::syncFailed, this,
                             [&](const Error &e) { failure = e.code; });
        boris->client->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(!failure.isEmpty(), 10'000);
        disconnect(watch);
        QCOMPARE(failure, QStringLiteral("mutation.unknown"));
        QVERIFY(boris->guests().byId(g.id).value().has_value());
        // Put a readable change in its place (an entry can't just vanish: the server waits for its id).
        const Guest fixed =
            test::makeGuest(QStringLiteral("Исправленная"), QStringLiteral("+7 916 700-00-12"));
        QVERIFY(q.prepare(QStringLiteral(
            "UPDATE outbox SET name = 'guest.create', args = ? WHERE name = 'guest.explode'")));
        q.addBindValue(QString::fromUtf8(QJsonDocument(toJson(fixed)).toJson(QJsonDocument::Compact)));
        QVERIFY(q.exec());
        QVERIFY(boris->syncOnce());
        QCOMPARE(boris->client->pendingCount(), 0);
    }

    void aDeletedCardDisappearsEverywhere()
    {
        const Guest mistake = test::makeGuest(QStringLiteral("Лишняя"), QStringLiteral("+7 916 700-00-09"));
        QVERIFY(anna->guests().create(mistake).ok());
        QVERIFY(anna->syncOnce());
        QVERIFY(boris->syncOnce());
        QVERIFY(boris->guests().byId(mistake.id).value().has_value());
        QVERIFY(anna->guests().remove(mistake.id).ok());
        QVERIFY(anna->syncOnce());
        QVERIFY(boris->syncOnce());
        QVERIFY(!boris->guests().byId(mistake.id).value().has_value());
        // A guest with history is refused on the desktop already.
        const Guest real = test::makeGuest(QStringLiteral("Звонившая"), QStringLiteral("+7 916 700-00-10"));
        QVERIFY(anna->guests().create(real).ok());
        Touch call;
        call.id = newId();
        call.guestId = real.id;
        call.kind = TouchKind::CallIn;
        call.at = QDateTime::currentDateTimeUtc();
        QVERIFY(TouchRepository(anna->t.db, anna->clock).add(call).ok());
        QCOMPARE(anna->guests().remove(real.id).error().code, QStringLiteral("guest.in_use"));
        QVERIFY(anna->guests().byId(real.id).value().has_value());
    }

    void theLosingDesktopRollsBackItsBooking()
    {
        const Guest ga = test::makeGuest(QStringLiteral("Раньшева"), QStringLiteral("+7 916 700-00-03"));
        const Guest gb = test::makeGuest(QStringLiteral("Позднева"), QStringLiteral("+7 916 700-00-04"));
        QVERIFY(anna->guests().create(ga).ok());
        QVERIFY(boris->guests().create(gb).ok());
        const QDate in(2027, 9, 1);
        const Booking winner = test::makeBooking(ga.id, room, in, in.addDays(10));
        const Booking loser = test::makeBooking(gb.id, room, in.addDays(5), in.addDays(12));
        // Both desktops are offline from each other: each one's grid shows the room free.
        QVERIFY(anna->bookings().create(winner).ok());
        QVERIFY(boris->bookings().create(loser).ok());
        QVERIFY(anna->syncOnce());

        QSignalSpy rejected(boris->client.get(), &sync::SyncClient::mutationRejected);
        QVERIFY(boris->syncOnce());
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(rejected.first().at(1).toString(), QStringLiteral("booking.create"));
        QCOMPARE(rejected.first().at(2).toString(), QStringLiteral("booking.overlap"));
        QCOMPARE(boris->bookings().forGuest(gb.id).value().size(), 0); // rolled back
        QCOMPARE(boris->bookings().forGuest(ga.id).value().size(), 1); // the winner's booking is there
        QVERIFY(boris->guests().byId(gb.id).value().has_value());      // the rest of the work stays
        QCOMPARE(boris->client->pendingCount(), 0);
    }

    void aMoveOntoTakenNightsIsRolledBackAndCancelReasonsTravel()
    {
        const Guest ga = test::makeGuest(QStringLiteral("Переносова"), QStringLiteral("+7 916 700-00-05"));
        const Guest gb = test::makeGuest(QStringLiteral("Занятова"), QStringLiteral("+7 916 700-00-06"));
        QVERIFY(anna->guests().create(ga).ok());
        QVERIFY(boris->guests().create(gb).ok());
        const QDate in(2027, 10, 1);
        const Booking early = test::makeBooking(ga.id, room, in, in.addDays(7));
        QVERIFY(anna->bookings().create(early).ok());
        QVERIFY(anna->syncOnce());
        QVERIFY(boris->syncOnce());

        // Boris takes the week after Anna's; offline, Anna stretches hers over it.
        const Booking later = test::makeBooking(gb.id, room, in.addDays(7), in.addDays(14));
        QVERIFY(boris->bookings().create(later).ok());
        QVERIFY(boris->syncOnce());
        const Stay longer = Stay::make(in, in.addDays(10)).value();
        QVERIFY(anna->bookings().move(early.id, room, longer, Money::fromRubles(99000)).ok());
        QSignalSpy rejected(anna->client.get(), &sync::SyncClient::mutationRejected);
        QVERIFY(anna->syncOnce());
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(rejected.first().at(1).toString(), QStringLiteral("booking.move"));
        QCOMPARE(rejected.first().at(2).toString(), QStringLiteral("booking.overlap"));
        // Rolled back to the server's version: the original week, the original price.
        const Booking back = anna->bookings().byId(early.id).value();
        QCOMPARE(back.stay, early.stay);
        QCOMPARE(back.total, early.total);

        // A move into free nights goes through and reaches the colleague, new price and all.
        const Stay shifted = Stay::make(in.addDays(-5), in.addDays(2)).value();
        QVERIFY(anna->bookings().move(early.id, room, shifted, Money::fromRubles(77000)).ok());
        QVERIFY(anna->syncOnce());
        QVERIFY(boris->syncOnce());
        const Booking seen = boris->bookings().byId(early.id).value();
        QCOMPARE(seen.stay, shifted);
        QCOMPARE(seen.total, Money::fromRubles(77000));

        // A cancellation carries its reason to every desktop and frees the nights on the server:
        // Anna can then book Boris's old nights.
        QVERIFY(boris->bookings().cancel(later.id, QStringLiteral("Гость передумал")).ok());
        QVERIFY(boris->syncOnce());
        QVERIFY(anna->syncOnce());
        const Booking cancelled = anna->bookings().byId(later.id).value();
        QCOMPARE(cancelled.status, BookingStatus::Cancelled);
        QCOMPARE(cancelled.cancelReason, QStringLiteral("Гость передумал"));
        QVERIFY(anna->bookings()
                    .move(early.id, room, Stay::make(in, in.addDays(12)).value(), Money::fromRubles(120000))
                    .ok());
        QSignalSpy none(anna->client.get(), &sync::SyncClient::mutationRejected);
        QVERIFY(anna->syncOnce());
        QCOMPARE(none.size(), 0);
    }

    void closuresAndPaymentsTravelAndTheServerHoldsClosedNights()
    {
        const QDate in(2027, 11, 1);
        // Anna, offline from the head of sales, books nights the head takes out of service.
        const Guest g = test::makeGuest(QStringLiteral("Ремонтова"), QStringLiteral("+7 916 700-00-07"));
        QVERIFY(anna->guests().create(g).ok());
        const Booking b = test::makeBooking(g.id, room, in.addDays(3), in.addDays(8));
        QVERIFY(anna->bookings().create(b).ok());
        RoomRepository headStock(head->t.db, head->clock);
        const RoomClosure closure{newId(), room, in, in.addDays(10), QStringLiteral("Ремонт")};
        QVERIFY(headStock.closeRoom(closure).ok());
        QVERIFY(head->syncOnce());
        QSignalSpy rejected(anna->client.get(), &sync::SyncClient::mutationRejected);
        QVERIFY(anna->syncOnce());
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(rejected.first().at(2).toString(), QStringLiteral("booking.overlap"));
        QCOMPARE(RoomRepository(anna->t.db, anna->clock).closures(in, in.addDays(30)).value().size(), 1);

        // A consultant cannot take rooms out of service.
        QVERIFY(
            RoomRepository(anna->t.db, anna->clock)
                .closeRoom(RoomClosure{newId(), room, in.addDays(20), in.addDays(22), QStringLiteral("?")})
                .ok()); // locally accepted...
        QSignalSpy forbidden(anna->client.get(), &sync::SyncClient::mutationRejected);
        QVERIFY(anna->syncOnce());
        QCOMPARE(forbidden.size(), 1); // ...refused by the server and rolled back
        QCOMPARE(forbidden.first().at(2).toString(), QStringLiteral("auth.forbidden"));
        QCOMPARE(RoomRepository(anna->t.db, anna->clock).closures(in, in.addDays(30)).value().size(), 1);

        // Back in service: the same booking now goes through, and its prepayment reaches Boris.
        QVERIFY(headStock.reopen(closure.id).ok());
        QVERIFY(head->syncOnce());
        QVERIFY(anna->syncOnce());
        const Booking again = test::makeBooking(g.id, room, in.addDays(3), in.addDays(8));
        QVERIFY(anna->bookings().create(again).ok());
        const Payment p{newId(),
                        again.id,
                        g.id,
                        again.total.percent(15),
                        PaymentMethod::Cash,
                        anna->clock.now(),
                        Id(),
                        QStringLiteral("ПКО 12")};
        QVERIFY(PaymentRepository(anna->t.db, anna->clock).add(p).ok());
        QVERIFY(anna->bookings().setPaid(again.id, p.amount, BookingStatus::Prepaid).ok());
        QSignalSpy none(anna->client.get(), &sync::SyncClient::mutationRejected);
        QVERIFY(anna->syncOnce());
        QCOMPARE(none.size(), 0);
        QVERIFY(boris->syncOnce());
        QCOMPARE(PaymentRepository(boris->t.db, boris->clock).forBooking(again.id).value(),
                 QList<Payment>{p});
        const Booking seen = boris->bookings().byId(again.id).value();
        QCOMPARE(seen.status, BookingStatus::Prepaid);
        QCOMPARE(seen.prepaid, p.amount);
    }

    void aLongOfflineQueueDrains()
    {
        constexpr int kQueued = 10'000;
        QVERIFY(anna->syncOnce()); // up to date before counting
        const qint64 before = anna->guests().count().value();
        for (int i = 0; i < kQueued; ++i)
            QVERIFY(boris->guests()
                        .create(test::makeGuest(
                            QStringLiteral("Очередь%1").arg(i),
                            QStringLiteral("+7 917 %1").arg(1'000'000 + i, 7, 10, QLatin1Char('0'))))
                        .ok());
        QCOMPARE(boris->client->pendingCount(), kQueued);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(boris->syncOnce());
        const qint64 pushMs = timer.elapsed();
        QCOMPARE(boris->client->pendingCount(), 0);
        QVERIFY(anna->syncOnce());
        QCOMPARE(anna->guests().count().value(), before + kQueued);
        qInfo("%d queued mutations drained in %lld ms; the other desktop pulled them in %lld ms more",
              kQueued, pushMs, timer.elapsed() - pushMs);
    }

    void desktopKilledAtRandomMomentsLosesAndDuplicatesNothing()
    {
        constexpr int kQueued = 3000;
        QString error;
        QVERIFY2(server->addUser(QStringLiteral("Падения"), QStringLiteral("crash"),
                                 QStringLiteral("consultant"), kPassword, &error),
                 qPrintable(error));
        const QString path = test::makeTempDir(QStringLiteral("crash")) + QStringLiteral("/kasp.db");
        const DatabaseKey key = DatabaseKey::generateRaw();
        const QStringList args{QStringLiteral("--db"),       path,
                               QStringLiteral("--key"),      key.toHex(),
                               QStringLiteral("--server"),   server->baseUrl(),
                               QStringLiteral("--login"),    QStringLiteral("crash"),
                               QStringLiteral("--password"), kPassword};
        const quint32 seed = QRandomGenerator::global()->generate();
        QRandomGenerator random(seed);
        qInfo("kill moments from seed %u", seed);
        int kills = 0;
        for (int run = 0; run < 7; ++run) {
            QProcess worker;
            worker.start(QStringLiteral(KASP_SYNC_WORKER),
                         run == 0 ? args + QStringList{QStringLiteral("--create"), QString::number(kQueued)}
                                  : args);
            QVERIFY(worker.waitForStarted(5000));
            if (run == 0) { // the offline work is done before the first crash
                QByteArray out;
                for (int i = 0; i < 600 && !out.contains("queued") && worker.state() == QProcess::Running;
                     ++i) {
                    worker.waitForReadyRead(50);
                    out += worker.readAllStandardOutput();
                }
                QVERIFY2(out.contains("queued"), worker.readAllStandardError().constData());
            }
            QTest::qWait(static_cast<int>(random.bounded(20u, 200u)));
            if (worker.state() == QProcess::Running) {
                worker.kill(); // SIGKILL: no chance to tidy up
                ++kills;
            }
            worker.waitForFinished(5000);
        }
        QProcess last;
        last.start(QStringLiteral(KASP_SYNC_WORKER), args);
        QVERIFY(last.waitForFinished(60'000));
        QCOMPARE(last.exitCode(), 0);
        qInfo("%d SIGKILLs during the sync of %d queued guests", kills, kQueued);
        QVERIFY(kills >= 3);

        QSqlDatabase pgdb = pg.connect(QStringLiteral("crash-check"), &error);
        QVERIFY2(pgdb.isOpen(), qPrintable(error));
        QSqlQuery q(pgdb);
        QVERIFY(q.exec(QStringLiteral(
                    "SELECT count(*), count(DISTINCT data->>'lastName') FROM records r JOIN orgs o ON "
                    "o.id = r.org_id WHERE o.name = 'Падения' AND r.kind = 'guest' AND NOT r.deleted")) &&
                q.next());
        QCOMPARE(q.value(0).toInt(), kQueued); // none lost
        QCOMPARE(q.value(1).toInt(), kQueued); // none twice
        auto replica = ConnectionFactory::open({path, key, QStringLiteral("crash-replica"), false, true});
        QVERIFY(replica.ok());
        QCOMPARE(Outbox(replica.value()).pendingCount().value(), 0);
        QCOMPARE(GuestRepository(replica.value(), anna->clock).count().value(), kQueued);
        ConnectionFactory::close(QStringLiteral("crash-replica"));
    }

    void resyncAfterPurgedHistoryDropsStaleRows()
    {
        QVERIFY(boris->syncOnce());
        // A row the server no longer has (deleted while Boris slept, its mark since purged).
        QSqlQuery q(boris->t.db);
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM guests LIMIT 1")) && q.next());
        const Booking ghost = test::makeBooking(idFromString(q.value(0).toString()), room, QDate(2028, 1, 10),
                                                QDate(2028, 1, 13));
        QVERIFY(ReplicaStore(boris->t.db).store(sync::EntityKind::Booking, toJson(ghost)).ok());
        // A newer deletion mark (a card Anna made by mistake and deleted), then the purge: Boris's
        // cursor is now too old.
        const Guest mistake = test::makeGuest(QStringLiteral("Ошибкина"), QStringLiteral("+7 916 800-00-09"));
        QVERIFY(anna->guests().create(mistake).ok());
        QVERIFY(anna->syncOnce());
        QVERIFY(anna->guests().remove(mistake.id).ok());
        QVERIFY(anna->syncOnce());
        QString output;
        QCOMPARE(server->runCommand({QStringLiteral("--purge-tombstones"), QStringLiteral("0")}, &output), 0);
        QVERIFY2(output.contains(QStringLiteral("tombstones.purged")), qPrintable(output));

        QVERIFY(boris->syncOnce()); // 409 resync -> reload
        const auto left = boris->bookings().forGuest(ghost.guestId).value();
        QVERIFY(std::none_of(left.begin(), left.end(), [&](const Booking &b) { return b.id == ghost.id; }));
        QVERIFY(anna->syncOnce());
        QCOMPARE(boris->guests().count().value(), anna->guests().count().value());
        QCOMPARE(RoomRepository(boris->t.db, boris->clock).rooms().value().size(), 1);
    }

    void serverGoneAndBackLeavesNoOutboxStuck()
    {
        const int port = server->port();
        anna->client->start();
        QSignalSpy online(anna->client.get(), &sync::SyncClient::onlineChanged);
        server->kill();
        const Guest g = test::makeGuest(QStringLiteral("Оффлайнова"), QStringLiteral("+7 916 700-00-05"));
        QVERIFY(anna->guests().create(g).ok()); // work goes on offline
        anna->client->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(!anna->client->isOnline(), 5000);
        QCOMPARE(anna->client->pendingCount(), 1);
        // The status bar's count follows offline work at once (issue 21: it showed only after a
        // restart): each new local change announces the new count though the sync fails.
        QSignalSpy pending(anna->client.get(), &sync::SyncClient::pendingChanged);
        for (int i = 0; i < 3; ++i) {
            const Guest more = test::makeGuest(QStringLiteral("Оффлайнова-%1").arg(i),
                                               QStringLiteral("+7 916 700-01-0%1").arg(i));
            QVERIFY(anna->guests().create(more).ok());
        }
        QTRY_VERIFY_WITH_TIMEOUT(!pending.isEmpty() && pending.last().first().toLongLong() == 4, 3000);
        QVERIFY(!anna->client->isOnline());

        QString error;
        QVERIFY2(server->start(&error, {QStringLiteral("--port"), QString::number(port)}), qPrintable(error));
        QElapsedTimer timer;
        timer.start();
        QTRY_VERIFY_WITH_TIMEOUT(anna->client->pendingCount() == 0, 10'000);
        qInfo("outbox empty %lld ms after the server came back", timer.elapsed());
        QTRY_VERIFY_WITH_TIMEOUT(anna->client->isOnline(), 2000);
        anna->client->stop();
        QVERIFY(boris->syncOnce());
        QVERIFY(boris->guests().byId(g.id).value().has_value());
    }

    void aDeskStartedWhileTheServerWasAwayPushesAsSoonAsItIsBack()
    {
        // Issue 21: a desk restarted while the server was down took 22 s to push once it came back
        // (it had no access token, so it only tried at the 45 s poll); running desks took 3 s.
        const int port = server->port();
        const QString token = boris->client->refreshToken();
        QVERIFY(!token.isEmpty());
        boris->client.reset(); // the desk closes
        server->kill();
        const Guest g = test::makeGuest(QStringLiteral("Перезапускова"), QStringLiteral("+7 916 700-00-06"));
        QVERIFY(boris->guests().create(g).ok());
        // ... and starts again with the app's timings and the keychain's refresh token.
        sync::SyncClient::Options options;
        options.server = QUrl(server->baseUrl());
        boris->client = std::make_unique<sync::SyncClient>(boris->t.db, options);
        QSignalSpy failed(boris->client.get(), &sync::SyncClient::syncFailed);
        boris->client->setRefreshToken(token);
        boris->client->start();
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 10'000);
        QCOMPARE(boris->client->pendingCount(), 1);

        QString error;
        QVERIFY2(server->start(&error, {QStringLiteral("--port"), QString::number(port)}), qPrintable(error));
        QElapsedTimer timer;
        timer.start();
        QTRY_VERIFY_WITH_TIMEOUT(boris->client->pendingCount() == 0, 8000); // reconnectSecs 5 + the push
        qInfo("a restarted desk's outbox empty %lld ms after the server came back", timer.elapsed());
        QVERIFY(boris->client->isOnline());
        QVERIFY(anna->syncOnce());
        QVERIFY(anna->guests().byId(g.id).value().has_value());
        boris->client->stop();
    }
};

QTEST_GUILESS_MAIN(TestSyncDesktops)
#include "tst_desktops.moc"
