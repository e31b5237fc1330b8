// Repositories over a real encrypted database: round trips, the outbox written with every change,
// phone and name search, double bookings refused, status rules enforced.
#include "kasp/storage/bookingrepository.h"
#include "kasp/storage/consentrepository.h"
#include "kasp/storage/dealrepository.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/roomrepository.h"
#include "kasp/storage/taskrepository.h"
#include "kasp/storage/touchrepository.h"
#include "kasp/storage/userrepository.h"
#include "kasp/testsupport/testdb.h"

#include <QtTest>

using namespace kasp;
using namespace kasp::storage;

namespace {
Phone phone(const char *text)
{
    return Phone::parse(QString::fromUtf8(text)).value();
}

Guest guest(const QString &last, const QString &first, QList<Phone> phones)
{
    Guest g;
    g.id = newId();
    g.lastName = last;
    g.firstName = first;
    g.phones = std::move(phones);
    return g;
}
} // namespace

class TestRepositories : public QObject
{
    Q_OBJECT
    test::TestDatabase t;
    FixedClock clock{QDateTime(QDate(2026, 11, 23), QTime(9, 30), Qt::UTC)};
    Id roomA, roomB, guestId;

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        t = test::TestDatabase::create();
        RoomRepository rooms(t.db, clock);
        Building b{newId(), QStringLiteral("Корпус 1"), {}};
        RoomCategory c{newId(), QStringLiteral("std"),  QStringLiteral("Стандарт"), 2,
                       1,       Money::fromRubles(4300)};
        QVERIFY(rooms.addBuilding(b).ok());
        QVERIFY(rooms.addCategory(c).ok());
        roomA = newId();
        roomB = newId();
        QVERIFY(rooms.addRoom({roomA, b.id, c.id, QStringLiteral("101"), 1, 2}).ok());
        QVERIFY(rooms.addRoom({roomB, b.id, c.id, QStringLiteral("102"), 1, 2}).ok());
        QCOMPARE(rooms.rooms().value().size(), 2);
        QCOMPARE(rooms.categories().value().first().pricePerBedNight, Money::fromRubles(4300));
    }

    void guestRoundTripAndOutbox()
    {
        GuestRepository guests(t.db, clock);
        const qint64 outboxBefore = Outbox(t.db).pendingCount().value();
        Guest g = guest(QStringLiteral("Иванова"), QStringLiteral("Мария"),
                        {phone("8 (916) 123-45-67"), phone("+7 495 111-22-33 доб. 12")});
        g.middleName = QStringLiteral("Петровна");
        g.birthDate = QDate(1961, 4, 12);
        g.emails = {QStringLiteral("ivanova@mail.ru")};
        g.tags = {QStringLiteral("кардиология"), QStringLiteral("vip")};
        QVERIFY(guests.create(g).ok());
        guestId = g.id;
        auto loaded = guests.byId(g.id);
        QVERIFY(loaded.ok() && loaded.value().has_value());
        const Guest &l = *loaded.value();
        QCOMPARE(l.displayName(), QStringLiteral("Иванова Мария Петровна"));
        QCOMPARE(l.birthDate, QDate(1961, 4, 12));
        QCOMPARE(l.phones.size(), 2);
        QCOMPARE(l.phones[0].e164(), QStringLiteral("+79161234567"));
        QCOMPARE(l.phones[1].extension(), QStringLiteral("12"));
        QCOMPARE(l.emails, QStringList{QStringLiteral("ivanova@mail.ru")});
        QCOMPARE(l.tags, (QStringList{QStringLiteral("vip"), QStringLiteral("кардиология")}));

        auto pending = Outbox(t.db).pending(100).value();
        QCOMPARE(pending.size(), outboxBefore + 1);
        QCOMPARE(pending.last().name, QStringLiteral("guest.create"));
        QCOMPARE(pending.last().args.value(QStringLiteral("id")).toString(), idToString(g.id));
        QVERIFY(pending.last().mutationId > pending.first().mutationId || pending.size() == 1);
    }

    void updateReplacesPhonesAndLogsMutation()
    {
        GuestRepository guests(t.db, clock);
        Guest g = *guests.byId(guestId).value();
        g.phones = {phone("+79035550000")};
        g.lastName = QStringLiteral("Иванова-Смирнова");
        QVERIFY(guests.update(g).ok());
        QCOMPARE(guests.idsByPhone(QStringLiteral("+79161234567")).value().size(), 0);
        QCOMPARE(guests.idsByPhone(QStringLiteral("+79035550000")).value(), QList<Id>{guestId});
        QCOMPARE(Outbox(t.db).pending(1000).value().last().name, QStringLiteral("guest.update"));
        Guest ghost = guest(QStringLiteral("Нет"), QStringLiteral("Никого"), {});
        QCOMPARE(guests.update(ghost).error().code, QStringLiteral("guest.not_found"));
    }

    void duplicateIdLeavesNoOutboxEntry()
    {
        GuestRepository guests(t.db, clock);
        const qint64 before = Outbox(t.db).pendingCount().value();
        Guest g = *guests.byId(guestId).value();
        const Status s = guests.create(g); // same id: a record is created once (the write path)
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, QStringLiteral("entity.exists"));
        QCOMPARE(Outbox(t.db).pendingCount().value(), before);
    }

    void searchByPhonePrefixSuffixAndName()
    {
        GuestRepository guests(t.db, clock);
        QVERIFY(
            guests.create(guest(QStringLiteral("Ёлкина"), QStringLiteral("Анна"), {phone("+79261112233")}))
                .ok());
        QVERIFY(
            guests.create(guest(QStringLiteral("Елисеев"), QStringLiteral("Пётр"), {phone("+79261119999")}))
                .ok());
        QVERIFY(
            guests.create(guest(QStringLiteral("Смирнов"), QStringLiteral("Олег"), {phone("+74951234567")}))
                .ok());

        auto byPrefix = guests.search(QStringLiteral("8 926 111"), 50).value();
        QCOMPARE(byPrefix.size(), 2);
        auto bySuffix = guests.search(QStringLiteral("2233"), 50).value();
        QCOMPARE(bySuffix.size(), 1);
        QCOMPARE(bySuffix.first().displayName, QStringLiteral("Ёлкина Анна"));
        // "ё" and "е" are one letter for search; case does not matter.
        auto byName = guests.search(QStringLiteral("ел"), 50).value();
        QCOMPARE(byName.size(), 2);
        QCOMPARE(guests.search(QStringLiteral("СМИР"), 50).value().size(), 1);
        QCOMPARE(guests.search(QStringLiteral("Смирнов Олег"), 50).value().size(), 1);
        QCOMPARE(guests.search(QStringLiteral("Смирнов Пётр"), 50).value().size(), 0);
        QCOMPARE(guests.search(QStringLiteral("ел"), 1).value().size(), 1); // limit honoured
        QCOMPARE(guests.search(QStringLiteral("   "), 50).value().size(), 0);
    }

    void touchesAreNewestFirst()
    {
        TouchRepository touches(t.db, clock);
        for (int i = 0; i < 3; ++i) {
            Touch touch;
            touch.id = newId();
            touch.guestId = guestId;
            touch.kind = i == 1 ? TouchKind::WebRequest : TouchKind::CallIn;
            touch.at = clock.now().addDays(i);
            touch.durationSecs = 60 * i;
            touch.result = QStringLiteral("думает %1").arg(i);
            QVERIFY(touches.add(touch).ok());
        }
        auto list = touches.forGuest(guestId, 10).value();
        QCOMPARE(list.size(), 3);
        QCOMPARE(list[0].result, QStringLiteral("думает 2"));
        QCOMPARE(list[1].kind, TouchKind::WebRequest);
        QCOMPARE(list[2].at, clock.now());
    }

    // A change of consent is a record of its own: the history stays, the latest decides, the
    // write goes out as consent.add; a record for nobody is refused and leaves nothing.
    void consentsAreAppendOnly()
    {
        ConsentRepository consents(t.db, clock);
        const qint64 before = Outbox(t.db).pendingCount().value();
        const Consent given{newId(),
                            guestId,
                            ConsentChannel::Email,
                            true,
                            clock.now(),
                            ConsentMethod::WebForm,
                            Id(),
                            QStringLiteral("форма на сайте")};
        Consent withdrawn = given;
        withdrawn.id = newId();
        withdrawn.given = false;
        withdrawn.at = clock.now().addSecs(3600);
        withdrawn.method = ConsentMethod::RecordedCall;
        const Status added = consents.add(withdrawn); // arrives first, happened later
        QVERIFY2(added.ok(),
                 added.ok() ? "" : qPrintable(added.error().code + QLatin1Char(' ') + added.error().message));
        QVERIFY(consents.add(given).ok());
        const QList<Consent> history = consents.history(guestId).value();
        QCOMPARE(history, (QList<Consent>{given, withdrawn})); // oldest first, both kept
        QVERIFY(!mayAdvertise(currentConsents(history), ConsentChannel::Email));
        const auto current = consents.current({guestId, newId()}).value();
        QCOMPARE(current.size(), 1);
        QCOMPARE(current.value(guestId).value(ConsentChannel::Email).id, withdrawn.id);
        const QList<OutboxEntry> logged = Outbox(t.db).pending(1000).value().mid(int(before));
        QCOMPARE(logged.size(), 2);
        QCOMPARE(logged.first().name, QStringLiteral("consent.add"));
        QCOMPARE(logged.first().args.value(QStringLiteral("channel")).toString(), QStringLiteral("email"));

        Consent orphan = given;
        orphan.id = newId();
        orphan.guestId = newId();
        QVERIFY(!consents.add(orphan).ok());
        QCOMPARE(Outbox(t.db).pendingCount().value(), before + 2);

        // A card whose only history is a consent is merged, not deleted (the list of history
        // kinds is syncproto's; the check once named four tables by hand).
        Guest quiet;
        quiet.id = newId();
        quiet.lastName = QStringLiteral("Тихонова");
        quiet.phones = {Phone::parse(QStringLiteral("+7 916 555-44-33")).value()};
        QVERIFY(GuestRepository(t.db, clock).create(quiet).ok());
        Consent only = given;
        only.id = newId();
        only.guestId = quiet.id;
        QVERIFY(consents.add(only).ok());
        QCOMPARE(GuestRepository(t.db, clock).remove(quiet.id).error().code, QStringLiteral("guest.in_use"));
        QVERIFY(GuestRepository(t.db, clock).byId(quiet.id).value().has_value());
    }

    void doubleBookingIsRefused()
    {
        BookingRepository bookings(t.db, clock);
        auto make = [&](Id room, QDate in, QDate out) {
            Booking b;
            b.id = newId();
            b.guestId = guestId;
            b.roomId = room;
            b.stay = Stay::make(in, out).value();
            b.adults = 2;
            b.total = Money::fromRubles(4300 * 2 * int(in.daysTo(out)));
            b.status = BookingStatus::Confirmed;
            return b;
        };
        const Booking first = make(roomA, QDate(2027, 7, 1), QDate(2027, 7, 15));
        QVERIFY(bookings.create(first).ok());
        const qint64 outboxBefore = Outbox(t.db).pendingCount().value();
        QCOMPARE(bookings.create(make(roomA, QDate(2027, 7, 14), QDate(2027, 7, 20))).error().code,
                 QStringLiteral("booking.overlap"));
        QCOMPARE(bookings.create(make(roomA, QDate(2027, 6, 20), QDate(2027, 7, 2))).error().code,
                 QStringLiteral("booking.overlap"));
        QCOMPARE(Outbox(t.db).pendingCount().value(), outboxBefore); // refused: nothing logged
        // Check-out morning = check-in afternoon: no clash. Another room: no clash.
        QVERIFY(bookings.create(make(roomA, QDate(2027, 7, 15), QDate(2027, 7, 25))).ok());
        QVERIFY(bookings.create(make(roomB, QDate(2027, 7, 5), QDate(2027, 7, 12))).ok());
        // Cancelling frees the nights.
        QVERIFY(bookings.setStatus(first.id, BookingStatus::Cancelled).ok());
        QVERIFY(bookings.create(make(roomA, QDate(2027, 7, 3), QDate(2027, 7, 10))).ok());
        QCOMPARE(bookings.setStatus(first.id, BookingStatus::Paid).error().code,
                 QStringLiteral("booking.bad_transition"));
        QCOMPARE(bookings.forGuest(guestId).value().size(), 4);
        QCOMPARE(bookings.forGuest(guestId).value().first().stay.checkIn(), QDate(2027, 7, 15));
    }

    // A move is the deal's new stage, a DealMove and a touch, logged in that order; a closed deal
    // stays closed; lost needs a reason; a hidden or unknown stage takes no deals.
    void dealsMoveAsOneUnit()
    {
        DealRepository deals(t.db, clock);
        Deal d;
        d.id = newId();
        d.guestId = guestId;
        d.title = QStringLiteral("Путёвка на июль");
        QVERIFY(deals.create(d).ok());
        const Id anna = newId();
        const qint64 before = Outbox(t.db).pendingCount().value();
        auto toOffer = deals.move(d.id, dealstage::Offer, anna);
        QVERIFY2(toOffer.ok(), qPrintable(toOffer.ok() ? QString() : toOffer.error().message));
        QCOMPARE(toOffer.value().fromStage, dealstage::New);
        QCOMPARE(toOffer.value().userId, anna);
        auto logged = Outbox(t.db).pending(1000).value().mid(int(before));
        QCOMPARE(logged.size(), 3);
        QCOMPARE(logged.at(0).name, QStringLiteral("deal.move"));
        QCOMPARE(logged.at(1).name, QStringLiteral("deal_move.add"));
        QCOMPARE(logged.at(2).name, QStringLiteral("touch.add"));
        Touch touch;
        for (const Touch &each : TouchRepository(t.db, clock).forGuest(guestId, 100).value())
            if (each.kind == TouchKind::DealStage)
                touch = each;
        QCOMPARE(touch.kind, TouchKind::DealStage);
        QCOMPARE(touch.result, dealstage::Offer);
        QCOMPARE(touch.userId, anna);
        QVERIFY2(touch.note.contains(builtinStageTitle(dealstage::Offer)), qPrintable(touch.note));

        QVERIFY(deals.move(d.id, dealstage::Qualified, anna).ok()); // back one column: allowed
        QCOMPARE(deals.move(d.id, dealstage::Lost, anna).error().code, QStringLiteral("deal.lost_reason"));
        QCOMPARE(deals.move(d.id, QStringLiteral("nowhere"), anna).error().code,
                 QStringLiteral("deal.bad_move"));
        QCOMPARE(deals.move(newId(), dealstage::Offer, anna).error().code, QStringLiteral("deal.not_found"));
        QVERIFY(deals.move(d.id, dealstage::Lost, anna, QStringLiteral("  дорого ")).ok());
        QCOMPARE(deals.move(d.id, dealstage::New, anna).error().code, QStringLiteral("deal.bad_move"));
        const Deal loaded = *deals.find(d.id).value();
        QCOMPARE(loaded.stage, dealstage::Lost);
        QCOMPARE(loaded.lostReason, QStringLiteral("дорого"));
        QCOMPARE(loaded.closedAt, clock.now());
        const QList<DealMove> moves = deals.moves(d.id).value();
        QCOMPARE(moves.size(), 3);
        QCOMPARE(moves.at(1).fromStage, dealstage::Offer);
        QCOMPARE(moves.at(1).toStage, dealstage::Qualified);
        QCOMPARE(moves.at(2).toStage, dealstage::Lost);
        QCOMPARE(Outbox(t.db).pendingCount().value(), before + 9); // the refused moves logged nothing

        // The board's column and its total.
        const auto lost = deals.inStage(dealstage::Lost, clock.now().addDays(-1), 10).value();
        QCOMPARE(lost.size(), 1);
        QCOMPARE(lost.first().deal.id, d.id);
        QVERIFY(!lost.first().guestName.isEmpty());
        QCOMPARE(deals.stageTotal(dealstage::Lost, clock.now().addDays(-1)).value().count, 1);
        QCOMPARE(deals.stageTotal(dealstage::Lost, clock.now().addSecs(1)).value().count, 0);
    }

    void pipelineStagesAreEdited()
    {
        DealRepository deals(t.db, clock);
        QCOMPARE(deals.pipeline().value().stages(), DealPipeline().stages());
        // Hiding a built-in stage stores it for the first time.
        DealStageDef prepaid = DealPipeline().stages().at(4);
        QCOMPARE(prepaid.key, dealstage::Prepaid);
        prepaid.active = false;
        auto id = deals.saveStage(prepaid);
        QVERIFY(id.ok());
        QCOMPARE(deals.pipeline().value().stages().at(4).id, id.value());
        QVERIFY(!deals.pipeline().value().stages().at(4).active);
        QCOMPARE(deals.saveStage(prepaid).error().code, QStringLiteral("deal_stage.duplicate"));
        // A stage of one's own, then renamed.
        DealStageDef mine{Id(), QStringLiteral("sea_view"), QStringLiteral("Вид на море"), 35, true};
        mine.id = deals.saveStage(mine).value();
        mine.title = QStringLiteral("Хотят вид на море");
        QVERIFY(deals.saveStage(mine).ok());
        const DealPipeline p = deals.pipeline().value();
        QCOMPARE(p.indexOf(QStringLiteral("sea_view")), 3); // after "offer" (30)
        QCOMPARE(p.title(QStringLiteral("sea_view")), QStringLiteral("Хотят вид на море"));
        QCOMPARE(Outbox(t.db).pending(1000).value().last().name, QStringLiteral("deal_stage.update"));

        Deal d{newId(), guestId, Id(), QStringLiteral("Сделка"), dealstage::New};
        QVERIFY(deals.create(d).ok());
        QCOMPARE(deals.move(d.id, dealstage::Prepaid, Id()).error().code, QStringLiteral("deal.bad_move"));
        QVERIFY(deals.move(d.id, QStringLiteral("sea_view"), Id()).ok());
        DealStageDef bad{Id(), QStringLiteral("Bad"), QStringLiteral("x"), 1, true};
        QCOMPARE(deals.saveStage(bad).error().code, QStringLiteral("deal_stage.key"));
    }

    void tasksOpenForAssignee()
    {
        UserRepository users(t.db, clock);
        User anna{newId(), QStringLiteral("anna"), QStringLiteral("Соколова Анна"), Role::Consultant, true};
        QVERIFY(users.create(anna).ok());
        QCOMPARE(users.byLogin(QStringLiteral("anna")).value()->role, Role::Consultant);
        QVERIFY(!users.create(anna).ok()); // login is unique
        TaskRepository tasks(t.db, clock);
        Task later{newId(), guestId, anna.id, QStringLiteral("Перезвонить"), clock.now().addDays(2)};
        Task sooner{newId(), guestId, anna.id, QStringLiteral("Отправить ваучер"), clock.now().addDays(1)};
        QVERIFY(tasks.create(later).ok());
        QVERIFY(tasks.create(sooner).ok());
        auto open = tasks.openFor(anna.id, 10).value();
        QCOMPARE(open.size(), 2);
        QCOMPARE(open.first().title, QStringLiteral("Отправить ваучер"));
        QVERIFY(tasks.setStatus(sooner.id, TaskStatus::Done).ok());
        QCOMPARE(tasks.openFor(anna.id, 10).value().size(), 1);
        QCOMPARE(tasks.setStatus(newId(), TaskStatus::Done).error().code, QStringLiteral("task.not_found"));
    }

    void outboxAcknowledgeKeepsCounting()
    {
        Outbox outbox(t.db);
        auto pending = outbox.pending(1000).value();
        QVERIFY(!pending.isEmpty());
        const qint64 last = pending.last().mutationId;
        QVERIFY(outbox.acknowledgeUpTo(last).ok());
        QCOMPARE(outbox.pendingCount().value(), 0);
        GuestRepository guests(t.db, clock);
        QVERIFY(
            guests.create(guest(QStringLiteral("Новая"), QStringLiteral("Гостья"), {phone("+79990001122")}))
                .ok());
        QCOMPARE(outbox.pending(10).value().first().mutationId, last + 1); // ids never repeat
    }

    void cleanupTestCase() { t.close(); }
};

QTEST_GUILESS_MAIN(TestRepositories)
#include "tst_repositories.moc"
