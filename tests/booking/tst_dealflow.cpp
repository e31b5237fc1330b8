// A booking moves the guest's deal: a hold takes the newest open deal to "booked" (or starts a deal
// there), the prepayment to "prepaid", the full payment to "paid" — each a move in the deal's
// history, in the booking's own transaction; never backwards, never onto a hidden stage.
#include "kasp/booking/bookingservice.h"
#include "kasp/demo/demogenerator.h"
#include "kasp/storage/dealrepository.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/storage/userrepository.h"
#include "kasp/testsupport/testdb.h"

#include <QtTest>

using namespace kasp;

namespace {

const QDate kToday{2027, 3, 10};

class FlowClock : public Clock
{
public:
    QDateTime now() const override { return QDateTime(kToday, QTime(12, 0), Qt::UTC); }
};

} // namespace

class TestDealFlow : public QObject
{
    Q_OBJECT
    FlowClock clock;
    test::TestDatabase t;
    std::unique_ptr<booking::BookingService> service;
    Id consultant;
    int nextWeek = 0;

    Id newGuest(const QString &name)
    {
        Guest g;
        g.id = newId();
        g.lastName = name;
        return storage::GuestRepository(t.db, clock).create(g).ok() ? g.id : Id();
    }

    Booking hold(const Id &guest)
    {
        const QDate in = kToday.addDays(120 + 21 * nextWeek++);
        const Stay stay = Stay::make(in, in.addDays(14)).value();
        const auto options = service->options(stay, booking::Party{});
        if (!options.ok() || options.value().isEmpty())
            qFatal("no free room for the test");
        const Id id = service->hold({guest, options.value().first().room.id, stay, booking::Party{}}).value();
        return service->booking(id).value();
    }

    storage::DealRepository deals() { return storage::DealRepository(t.db, clock); }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        t = test::TestDatabase::create(QStringLiteral("dealflow"));
        demo::DemoOptions options;
        options.guests = 200;
        options.today = kToday;
        QVERIFY(demo::generateDemo(t.db, options).ok());
        for (const User &u : storage::UserRepository(t.db, clock).all().value())
            if (u.role == Role::Consultant)
                consultant = u.id;
        service = std::make_unique<booking::BookingService>(t.db, clock, consultant);
    }

    void aCallerWhoBooksAtOnceGetsADealAtBooked()
    {
        const Id guest = newGuest(QStringLiteral("Сразуброневая"));
        const Booking b = hold(guest);
        const QList<Deal> mine = deals().forGuest(guest).value();
        QCOMPARE(mine.size(), 1);
        QCOMPARE(mine.first().stage, dealstage::Booked);
        QCOMPARE(mine.first().amount, b.total);
        QCOMPARE(mine.first().ownerId, consultant);

        // Prepayment, then the rest: two moves in the history.
        QVERIFY(service->recordPayment(b.id, b.total.percent(15), PaymentMethod::Card, {}).ok());
        QCOMPARE(deals().find(mine.first().id).value()->stage, dealstage::Prepaid);
        QVERIFY(service->recordPayment(b.id, b.total - b.total.percent(15), PaymentMethod::Card, {}).ok());
        QCOMPARE(deals().find(mine.first().id).value()->stage, dealstage::Paid);
        const QList<DealMove> moves = deals().moves(mine.first().id).value();
        QCOMPARE(moves.size(), 2);
        QCOMPARE(moves.at(0).fromStage, dealstage::Booked);
        QCOMPARE(moves.at(1).toStage, dealstage::Paid);
        QCOMPARE(moves.at(1).userId, consultant);
    }

    void anOpenDealMovesForwardNeverBack()
    {
        const Id guest = newGuest(QStringLiteral("Предложенная"));
        const Deal offer{newId(), guest, consultant, QStringLiteral("Подбор путёвки"), dealstage::Offer};
        QVERIFY(deals().create(offer).ok());
        const Booking first = hold(guest);
        QCOMPARE(deals().forGuest(guest).value().size(), 1); // the same deal, not a new one
        QCOMPARE(deals().find(offer.id).value()->stage, dealstage::Booked);
        QVERIFY(service->recordPayment(first.id, first.total, PaymentMethod::Cash, {}).ok());
        QCOMPARE(deals().find(offer.id).value()->stage, dealstage::Paid);
        // A second room for the same guest: the paid deal is not dragged back to booked.
        hold(guest);
        QCOMPARE(deals().find(offer.id).value()->stage, dealstage::Paid);
        QCOMPARE(deals().moves(offer.id).value().size(), 2);
    }

    void aHiddenStageIsSkipped()
    {
        DealStageDef prepaid = DealPipeline().stages().at(4);
        QCOMPARE(prepaid.key, dealstage::Prepaid);
        prepaid.active = false;
        QVERIFY(deals().saveStage(prepaid).ok());
        const Id guest = newGuest(QStringLiteral("Безпредоплатная"));
        const Booking b = hold(guest);
        QVERIFY(service->recordPayment(b.id, b.total.percent(20), PaymentMethod::Card, {}).ok());
        const Deal d = deals().forGuest(guest).value().first();
        QCOMPARE(d.stage, dealstage::Booked); // prepaid is hidden: it stays at booked until paid
        QVERIFY(service->recordPayment(b.id, b.total - b.total.percent(20), PaymentMethod::Card, {}).ok());
        QCOMPARE(deals().find(d.id).value()->stage, dealstage::Paid);
    }

    // The check-out day of a prepaid or paid booking not cancelled: its deal is won ("stayed") on
    // the owner's desktop, once; another consultant's desktop leaves it; an older booking does not
    // count; nor does one cancelled (a no-show).
    void theStayTakesPlaceAndTheDealIsWon()
    {
        QVERIFY(service->recordArrivals().ok()); // the demo's own stays that took place by now
        QCOMPARE(service->recordArrivals().value(), 0);
        const Id guest = newGuest(QStringLiteral("Заехавшая"));
        const Booking b = hold(guest);
        QVERIFY(
            service->recordPayment(b.id, b.total, PaymentMethod::Card, {}).ok()); // (prepaid is hidden above)
        const Deal d = deals().forGuest(guest).value().first();
        QCOMPARE(d.stage, dealstage::Paid);
        QCOMPARE(service->recordArrivals().value(), 0); // months before the stay

        struct MovableClock : Clock
        {
            QDateTime at;
            QDateTime now() const override { return at; }
        } later;
        later.at = QDateTime(b.stay.checkOut().addDays(-1), QTime(23, 0));
        booking::BookingService desk(t.db, later, consultant);
        QVERIFY(desk.recordArrivals().ok()); // the last night of the stay: other guests' stays only
        QCOMPARE(deals().find(d.id).value()->stage, dealstage::Paid);
        Id colleague;
        for (const User &u : storage::UserRepository(t.db, clock).all().value())
            if (u.role == Role::Consultant && u.id != consultant)
                colleague = u.id;
        QVERIFY(!colleague.isNull());
        later.at = QDateTime(b.stay.checkOut(), QTime(9, 0));
        QVERIFY(booking::BookingService(t.db, later, colleague).recordArrivals().ok()); // not theirs
        QCOMPARE(deals().find(d.id).value()->stage, dealstage::Paid);
        QVERIFY(desk.recordArrivals().value() >= 1);
        QCOMPARE(deals().find(d.id).value()->stage, dealstage::Stayed);
        QCOMPARE(deals().moves(d.id).value().constLast().toStage, dealstage::Stayed);
        QCOMPARE(desk.recordArrivals().value(), 0); // once

        // A new deal for the same guest next season: last season's booking does not close it.
        later.at = later.at.addDays(3);
        const Deal next{newId(), guest, consultant, QStringLiteral("Следующий сезон"), dealstage::Paid};
        QVERIFY(storage::DealRepository(t.db, later).create(next).ok());
        QVERIFY(booking::BookingService(t.db, later, consultant).recordArrivals().ok());
        QCOMPARE(deals().find(next.id).value()->stage, dealstage::Paid);

        // A guest who paid and did not come: the booking is cancelled, the deal is not won.
        const Id noShow = newGuest(QStringLiteral("Неприехавшая"));
        const Booking nb = hold(noShow);
        QVERIFY(service->recordPayment(nb.id, nb.total, PaymentMethod::Card, {}).ok());
        QVERIFY(service->cancel(nb.id, QStringLiteral("Не приехала")).ok());
        const Deal nd = deals().forGuest(noShow).value().first();
        later.at = QDateTime(nb.stay.checkOut().addDays(1), QTime(9, 0));
        QVERIFY(booking::BookingService(t.db, later, consultant).recordArrivals().ok());
        QVERIFY(deals().find(nd.id).value()->stage != dealstage::Stayed);
    }

    void cleanupTestCase()
    {
        service.reset();
        t.close();
    }
};

QTEST_GUILESS_MAIN(TestDealFlow)
#include "tst_dealflow.moc"
