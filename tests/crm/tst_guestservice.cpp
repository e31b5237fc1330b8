// Guest use cases on a real encrypted database: normalization and validation on save, duplicate
// phone warnings, the card with its whole history.
#include "kasp/crm/guestservice.h"
#include "kasp/storage/bookingrepository.h"
#include "kasp/storage/roomrepository.h"
#include "kasp/storage/touchrepository.h"
#include "kasp/storage/userrepository.h"
#include "kasp/testsupport/testdb.h"

#include <QtTest>

using namespace kasp;

class TestGuestService : public QObject
{
    Q_OBJECT
    test::TestDatabase t;
    FixedClock clock{QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC)};

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        t = test::TestDatabase::create();
    }

    void saveNormalizesAndCreates()
    {
        crm::GuestService service(t.db, clock);
        Guest g;
        g.lastName = QStringLiteral("  Петрова  ");
        g.firstName = QStringLiteral("Анна");
        g.phones = {Phone::parse(QStringLiteral("8-916-555-44-33")).value()};
        g.emails = {QStringLiteral(" Anna@Mail.RU "), QStringLiteral("")};
        g.tags = {QStringLiteral(" Кардиология "), QStringLiteral("кардиология"), QStringLiteral("")};
        auto id = service.save(g);
        QVERIFY2(id.ok(), id.ok() ? "" : qPrintable(id.error().message));
        auto card = service.card(id.value());
        QVERIFY(card.ok());
        QCOMPARE(card->guest.lastName, QStringLiteral("Петрова"));
        QCOMPARE(card->guest.emails, QStringList{QStringLiteral("Anna@mail.ru")});
        QCOMPARE(card->guest.tags, QStringList{QStringLiteral("кардиология")});
        QCOMPARE(card->guest.createdAt, clock.now());
    }

    void invalidInputIsRefusedWithAReason_data()
    {
        QTest::addColumn<QString>("last");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QDate>("birth");
        QTest::addColumn<QString>("code");
        QTest::newRow("nobody") << QString() << QString() << QDate() << "guest.no_identity";
        QTest::newRow("bad e-mail") << "Сидоров"
                                    << "sidorov@" << QDate() << "guest.bad_email";
        QTest::newRow("born tomorrow")
            << "Сидоров" << QString() << QDate(2026, 11, 24) << "guest.bad_birth_date";
    }

    void invalidInputIsRefusedWithAReason()
    {
        QFETCH(QString, last);
        QFETCH(QString, email);
        QFETCH(QDate, birth);
        QFETCH(QString, code);
        crm::GuestService service(t.db, clock);
        const qint64 before = service.guestCount().value();
        Guest g;
        g.lastName = last;
        if (!email.isEmpty())
            g.emails = {email};
        g.birthDate = birth;
        auto id = service.save(g);
        QVERIFY(!id.ok());
        QCOMPARE(id.error().code, code);
        QVERIFY(!id.error().message.isEmpty());
        QCOMPARE(service.guestCount().value(), before);
    }

    void phoneOwnersWarnAboutDuplicates()
    {
        crm::GuestService service(t.db, clock);
        const Phone shared = Phone::parse(QStringLiteral("+7 916 555 44 33")).value();
        auto owners = service.phoneOwners({shared}, Id());
        QCOMPARE(owners.value().size(), 1);
        QCOMPARE(owners.value().first().displayName, QStringLiteral("Петрова Анна"));
        QCOMPARE(service.phoneOwners({shared}, owners.value().first().id).value().size(),
                 0); // editing oneself
        QCOMPARE(
            service.phoneOwners({Phone::parse(QStringLiteral("+79160000000")).value()}, Id()).value().size(),
            0);
    }

    void cardCollectsTheWholeHistory()
    {
        crm::GuestService service(t.db, clock);
        const Id id = service.search(QStringLiteral("петрова"), 10).value().first().id;
        Touch call;
        call.id = newId();
        call.guestId = id;
        call.kind = TouchKind::CallIn;
        call.at = clock.now();
        call.result = QStringLiteral("думает");
        QVERIFY(storage::TouchRepository(t.db, clock).add(call).ok());
        storage::RoomRepository rooms(t.db, clock);
        Building b{newId(), QStringLiteral("Корпус 1"), {}};
        RoomCategory c{newId(), QStringLiteral("lux"), QStringLiteral("Люкс"), 2, 0, Money::fromRubles(9800)};
        Room r{newId(), b.id, c.id, QStringLiteral("401"), 4, 2};
        QVERIFY(rooms.addBuilding(b).ok() && rooms.addCategory(c).ok() && rooms.addRoom(r).ok());
        Booking stay;
        stay.id = newId();
        stay.guestId = id;
        stay.roomId = r.id;
        stay.stay = Stay::make(QDate(2027, 6, 1), QDate(2027, 6, 15)).value();
        stay.total = Money::fromRubles(274400);
        QVERIFY(storage::BookingRepository(t.db, clock).create(stay).ok());
        auto card = service.card(id);
        QVERIFY(card.ok());
        QCOMPARE(card->touches.size(), 1);
        QCOMPARE(card->stays.size(), 1);
        QCOMPARE(card->stays.first().stay.nights(), 14);
        QCOMPARE(service.card(newId()).error().code, QStringLiteral("guest.not_found"));
        QCOMPARE(card->firstTouch->id, call.id);
        QVERIFY(card->lastManagerName.isEmpty()); // an unanswered line: nobody talked to her yet

        // Anna talked to her later; a web request after that changes nothing about who talked last.
        storage::UserRepository users(t.db, clock);
        const User anna{newId(), QStringLiteral("anna.k"), QStringLiteral("Анна К."), Role::Consultant, true};
        QVERIFY(users.create(anna).ok());
        Touch talk = call;
        talk.id = newId();
        talk.kind = TouchKind::CallOut;
        talk.userId = anna.id;
        talk.at = clock.now().addSecs(3600);
        QVERIFY(storage::TouchRepository(t.db, clock).add(talk).ok());
        Touch web = call;
        web.id = newId();
        web.kind = TouchKind::WebRequest;
        web.at = clock.now().addSecs(7200);
        QVERIFY(storage::TouchRepository(t.db, clock).add(web).ok());
        card = service.card(id);
        QCOMPARE(card->lastManagerName, anna.displayName);
        QCOMPARE(card->lastTalkAt, talk.at);
        QCOMPARE(card->firstTouch->id, call.id);
    }

    void cleanupTestCase() { t.close(); }
};

QTEST_GUILESS_MAIN(TestGuestService)
#include "tst_guestservice.moc"
