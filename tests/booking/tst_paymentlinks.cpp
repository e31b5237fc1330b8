// Online prepayment end to end against the local YooKassa stand-in (its published v3 API): a link
// for a hold's prepayment, the guest pays, the next poll records the payment once (online, the
// provider's id as reference) and the booking is prepaid; a link below the prepayment minimum is
// refused before the provider hears of it; a provider that is down leaves the link "requested" and
// a later poll asks again with the same key (one payment at the provider, not two), also when the
// provider made the payment and its answer was lost (dropped, a 500, a stall); a cancelled
// payment records nothing; money that can no longer be recorded is kept in sight, not dropped.
#include "../payments/yookassastandin.h"
#include "kasp/booking/bookingservice.h"
#include "kasp/booking/paymentlinks.h"
#include "kasp/demo/demogenerator.h"
#include "kasp/payments/yookassaprovider.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/storage/paymentlinkrepository.h"
#include "kasp/storage/paymentrepository.h"
#include "kasp/storage/taskrepository.h"
#include "kasp/storage/userrepository.h"
#include "kasp/testsupport/testdb.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QtTest>

using namespace kasp;
using storage::PaymentLink;

namespace {

const QDate kToday{2027, 3, 10};

class LinksClock : public Clock
{
public:
    QDateTime now() const override { return QDateTime(kToday, QTime(12, 0), Qt::UTC); }
};

payments::YooKassaAccount account(quint16 port)
{
    return {QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), QStringLiteral("506751"),
            QStringLiteral("test_secret"), 5'000};
}

} // namespace

class TestPaymentLinks : public QObject
{
    Q_OBJECT
    LinksClock clock;
    test::TestDatabase t;
    std::unique_ptr<booking::BookingService> service;
    Id guest;
    int nextWeek = 0;

    // A fresh hold for two, two weeks long, a few weeks apart each time.
    Booking hold()
    {
        const QDate in = kToday.addDays(120 + 21 * nextWeek++);
        const Stay stay = Stay::make(in, in.addDays(14)).value();
        const auto options = service->options(stay, booking::Party{});
        if (!options.ok() || options.value().isEmpty())
            qFatal("no free room for the test");
        const Id id = service->hold({guest, options.value().first().room.id, stay, booking::Party{}}).value();
        return service->booking(id).value();
    }
    QList<PaymentLink> links(const Id &bookingId)
    {
        return storage::PaymentLinkRepository(t.db).forBooking(bookingId).value();
    }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        t = test::TestDatabase::create(QStringLiteral("links"));
        demo::DemoOptions options;
        options.guests = 200;
        options.today = kToday;
        QVERIFY(demo::generateDemo(t.db, options).ok());
        Id consultant;
        for (const User &u : storage::UserRepository(t.db, clock).all().value())
            if (u.role == Role::Consultant)
                consultant = u.id;
        service = std::make_unique<booking::BookingService>(t.db, clock, consultant);
        Guest g;
        g.id = newId();
        g.lastName = QStringLiteral("Онлайнова");
        g.firstName = QStringLiteral("Полина");
        QVERIFY(storage::GuestRepository(t.db, clock).create(g).ok());
        guest = g.id;
    }

    void theGuestPaysTheLinkAndThePaymentIsRecordedOnce()
    {
        test::YooKassaStandIn yookassa;
        payments::YooKassaProvider provider(account(yookassa.port));
        booking::PaymentLinks links(*service, provider, QStringLiteral("https://rodnik.example/spasibo"));
        QSignalSpy ready(&links, &booking::PaymentLinks::linkReady);
        QSignalSpy paid(&links, &booking::PaymentLinks::paid);
        QSignalSpy failed(&links, &booking::PaymentLinks::failed);
        const Booking b = hold();
        const Money prepayment = b.total.percent(service->prepaymentPercent());

        // Below the sanatorium's minimum: refused here, the provider never hears of it.
        links.requestLink(b.id, b.total.percent(5));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(yookassa.created(), 0);
        QVERIFY(this->links(b.id).isEmpty());

        links.requestLink(b.id, prepayment);
        QVERIFY(ready.wait(10'000));
        QCOMPARE(ready.first().at(0).value<Id>(), b.id);
        const QString url = ready.first().at(1).toString();
        QVERIFY(url.startsWith(QStringLiteral("http://127.0.0.1")));
        QCOMPARE(yookassa.created(), 1);
        QCOMPARE(yookassa.lastBody.value(QStringLiteral("confirmation"))
                     .toObject()
                     .value(QStringLiteral("return_url"))
                     .toString(),
                 QStringLiteral("https://rodnik.example/spasibo"));
        QCOMPARE(this->links(b.id).first().status, PaymentLink::Status::Pending);

        // Not paid yet: a poll records nothing.
        links.poll();
        QTest::qWait(300);
        QTRY_COMPARE_WITH_TIMEOUT(links.inFlight(), 0, 10'000);
        QCOMPARE(paid.size(), 0);
        QCOMPARE(service->booking(b.id).value().status, BookingStatus::Hold);

        yookassa.guestPays(yookassa.ids().first());
        links.poll();
        QVERIFY(paid.wait(10'000));
        const Booking after = service->booking(b.id).value();
        QCOMPARE(after.status, BookingStatus::Prepaid);
        QCOMPARE(after.prepaid, prepayment);
        const QList<Payment> payments = storage::PaymentRepository(t.db, clock).forBooking(b.id).value();
        QCOMPARE(payments.size(), 1);
        QCOMPARE(payments.first().method, PaymentMethod::Online);
        QCOMPARE(payments.first().reference, yookassa.ids().first());
        QCOMPARE(this->links(b.id).first().status, PaymentLink::Status::Paid);

        // Polling again asks about nothing and records nothing more.
        links.poll();
        QCOMPARE(links.inFlight(), 0);
        QCOMPARE(storage::PaymentRepository(t.db, clock).forBooking(b.id).value().size(), 1);
    }

    void aProviderDownLeavesTheLinkToBeAskedAgainWithTheSameKey()
    {
        QTcpServer closed;
        closed.listen(QHostAddress::LocalHost, 0);
        const quint16 deadPort = closed.serverPort();
        closed.close();
        const Booking b = hold();
        const Money prepayment = b.total.percent(15);
        {
            payments::YooKassaProvider down(account(deadPort));
            booking::PaymentLinks links(*service, down, QStringLiteral("https://rodnik.example/spasibo"));
            QSignalSpy failed(&links, &booking::PaymentLinks::failed);
            links.requestLink(b.id, prepayment);
            QVERIFY(failed.wait(10'000));
            QVERIFY(failed.first().at(1).toString().size() > 0);
        }
        QCOMPARE(links(b.id).first().status, PaymentLink::Status::Requested);
        const QString key = links(b.id).first().idempotenceKey;

        // The provider is back (another start of the app): the poll asks with the same key.
        test::YooKassaStandIn yookassa;
        payments::YooKassaProvider provider(account(yookassa.port));
        booking::PaymentLinks links(*service, provider, QStringLiteral("https://rodnik.example/spasibo"));
        QSignalSpy ready(&links, &booking::PaymentLinks::linkReady);
        links.poll();
        QVERIFY(ready.wait(10'000));
        links.poll(); // a second poll while nothing changed makes no second payment
        QTRY_COMPARE_WITH_TIMEOUT(links.inFlight(), 0, 10'000);
        QCOMPARE(yookassa.created(), 1);
        QCOMPARE(this->links(b.id).size(), 1);
        QCOMPARE(this->links(b.id).first().idempotenceKey, key);
        QCOMPARE(this->links(b.id).first().status, PaymentLink::Status::Pending);
    }

    // The provider creates the payment but its answer is lost (the connection dropped, a 500, no
    // answer before the client's timeout). The link stays "requested" under its key, the next poll
    // asks with that same key, the provider answers with the payment it made: one payment at the
    // provider, one link, and once the guest pays, one payment recorded at the desk.
    void anAnswerLostAfterThePaymentWasMadeIsAskedAgainWithTheSameKey_data()
    {
        QTest::addColumn<test::YooKassaStandIn::Loss>("loss");
        QTest::addColumn<int>("lostAnswers");
        QTest::newRow("connection dropped") << test::YooKassaStandIn::Loss::Dropped << 4;
        QTest::newRow("500") << test::YooKassaStandIn::Loss::ServerError << 1;
        QTest::newRow("stalled past the timeout") << test::YooKassaStandIn::Loss::Stalled << 1;
    }
    void anAnswerLostAfterThePaymentWasMadeIsAskedAgainWithTheSameKey()
    {
        QFETCH(test::YooKassaStandIn::Loss, loss);
        QFETCH(int, lostAnswers);
        test::YooKassaStandIn yookassa;
        payments::YooKassaAccount quick = account(yookassa.port);
        quick.timeoutMs = 1'500;
        payments::YooKassaProvider provider(quick);
        booking::PaymentLinks links(*service, provider, {});
        QSignalSpy ready(&links, &booking::PaymentLinks::linkReady);
        QSignalSpy paid(&links, &booking::PaymentLinks::paid);
        const Booking b = hold();
        const QString bookingId = idToString(b.id);
        const Money prepayment = b.total.percent(12);
        yookassa.loseReplies(loss, lostAnswers);

        links.requestLink(b.id, prepayment);
        // The desk asks again at each poll (the app polls on a timer) until an answer comes.
        for (int polls = 0; ready.isEmpty() && polls <= lostAnswers; ++polls) {
            QTRY_COMPARE_WITH_TIMEOUT(links.inFlight(), 0, 10'000);
            if (!ready.isEmpty())
                break;
            QCOMPARE(this->links(b.id).size(), 1);
            QCOMPARE(this->links(b.id).first().status, PaymentLink::Status::Requested);
            links.poll();
        }
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(links.inFlight(), 0, 10'000);
        QCOMPARE(yookassa.lostReplies, lostAnswers);

        const QList<PaymentLink> mine = this->links(b.id);
        QCOMPARE(mine.size(), 1);
        QCOMPARE(mine.first().status, PaymentLink::Status::Pending);
        const QByteArrayList keys = yookassa.keysFor(bookingId);
        QCOMPARE(keys.size(), lostAnswers + 1); // every lost answer was asked again, once
        for (const QByteArray &key : keys)
            QCOMPARE(QString::fromUtf8(key), mine.first().idempotenceKey);
        const QStringList made = yookassa.idsFor(bookingId);
        QCOMPARE(made.size(), 1);
        QCOMPARE(mine.first().providerId, made.first());
        int readyForMine = 0;
        for (const QList<QVariant> &r : ready)
            readyForMine += r.at(0).value<Id>() == b.id ? 1 : 0;
        QCOMPARE(readyForMine, 1);

        yookassa.guestPays(made.first());
        links.poll();
        QTRY_VERIFY_WITH_TIMEOUT(this->links(b.id).first().status == PaymentLink::Status::Paid, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(links.inFlight(), 0, 10'000);
        const QList<Payment> recorded = storage::PaymentRepository(t.db, clock).forBooking(b.id).value();
        QCOMPARE(recorded.size(), 1);
        QCOMPARE(recorded.first().reference, made.first());
        QCOMPARE(recorded.first().amount, prepayment);
        QCOMPARE(yookassa.idsFor(bookingId).size(), 1);
    }

    void aCancelledPaymentRecordsNothing()
    {
        test::YooKassaStandIn yookassa;
        payments::YooKassaProvider provider(account(yookassa.port));
        booking::PaymentLinks links(*service, provider, {});
        QSignalSpy ready(&links, &booking::PaymentLinks::linkReady);
        QSignalSpy failed(&links, &booking::PaymentLinks::failed);
        const Booking b = hold();
        links.requestLink(b.id, b.total.percent(20));
        QVERIFY(ready.wait(10'000));
        yookassa.guestCancels(yookassa.ids().first());
        // Other desktops' links in the table (the test before) are asked too; wait for ours.
        links.poll();
        QTRY_VERIFY_WITH_TIMEOUT(this->links(b.id).first().status == PaymentLink::Status::Canceled, 10'000);
        QVERIFY(storage::PaymentRepository(t.db, clock).forBooking(b.id).value().isEmpty());
        QCOMPARE(service->booking(b.id).value().status, BookingStatus::Hold);
    }

    void moneyThatCannotBeRecordedIsKeptInSight()
    {
        test::YooKassaStandIn yookassa;
        payments::YooKassaProvider provider(account(yookassa.port));
        booking::PaymentLinks links(*service, provider, {});
        QSignalSpy ready(&links, &booking::PaymentLinks::linkReady);
        QSignalSpy failed(&links, &booking::PaymentLinks::failed);
        const Booking b = hold();
        links.requestLink(b.id, b.total.percent(10));
        QVERIFY(ready.wait(10'000));
        // Meanwhile the guest paid everything in cash at the desk.
        QVERIFY(service->recordPayment(b.id, b.total, PaymentMethod::Cash, QStringLiteral("ПКО 7")).ok());
        yookassa.guestPays(yookassa.ids().first());
        links.poll();
        QTRY_VERIFY_WITH_TIMEOUT(this->links(b.id).first().status == PaymentLink::Status::Failed, 10'000);
        QVERIFY(!this->links(b.id).first().message.isEmpty());
        bool told = false;
        for (const QList<QVariant> &f : failed)
            told = told || (f.at(0).value<Id>() == b.id &&
                            f.at(1).toString().contains(b.total.percent(10).toString()));
        QVERIFY(told);
        QCOMPARE(storage::PaymentRepository(t.db, clock).forBooking(b.id).value().size(), 1); // the cash only
        // A task on the guest's card for the link's author: record it by hand or return it.
        bool tasked = false;
        for (const Task &task : storage::TaskRepository(t.db, clock).forGuest(guest).value())
            tasked = tasked ||
                     (task.title.contains(b.total.percent(10).toString()) && task.status == TaskStatus::Open);
        QVERIFY(tasked);
    }

    void aHoldWithAnOpenLinkDoesNotLapseAndARefusedLinkEnds()
    {
        test::YooKassaStandIn yookassa;
        payments::YooKassaProvider provider(account(yookassa.port));
        booking::PaymentLinks links(*service, provider, {});
        QSignalSpy ready(&links, &booking::PaymentLinks::linkReady);
        const Booking b = hold();
        links.requestLink(b.id, b.total.percent(10));
        QVERIFY(ready.wait(10'000));
        // A day later the hold's time is long over, but the guest may be paying right now.
        class DayLater : public Clock
        {
        public:
            QDateTime now() const override { return QDateTime(kToday.addDays(2), QTime(12, 0), Qt::UTC); }
        } later;
        booking::BookingService sameDesk(t.db, later, service->userId());
        QVERIFY(sameDesk.expireHolds().ok());
        QCOMPARE(sameDesk.booking(b.id).value().status, BookingStatus::Hold);

        // A provider that refuses (a wrong shop key) is not asked again and again: the link ends.
        payments::YooKassaProvider wrong({QUrl(QStringLiteral("http://127.0.0.1:%1").arg(yookassa.port)),
                                          QStringLiteral("506751"), QStringLiteral("old_secret"), 5'000});
        booking::PaymentLinks refusedLinks(*service, wrong, {});
        QSignalSpy failed(&refusedLinks, &booking::PaymentLinks::failed);
        const Booking other = hold();
        refusedLinks.requestLink(other.id, other.total.percent(10));
        QVERIFY(failed.wait(10'000));
        QCOMPARE(this->links(other.id).first().status, PaymentLink::Status::Canceled);
    }

    void cleanupTestCase()
    {
        service.reset();
        t.close();
    }
};

QTEST_GUILESS_MAIN(TestPaymentLinks)
#include "tst_paymentlinks.moc"
