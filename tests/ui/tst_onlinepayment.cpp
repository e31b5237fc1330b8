// Online prepayment from the Sales Window, against the local YooKassa stand-in and the session's
// real keychain (gnome-keyring under scripts/run-tests.sh): the shop configured with its secret in
// the keychain, a consultant asks for a payment link from a booking, the link lands on the
// clipboard; the guest pays and the next poll makes the booking prepaid by itself.
#include "../payments/yookassastandin.h"
#include "appcontext.h"
#include "kasp/booking/bookingservice.h"
#include "kasp/booking/paymentlinks.h"
#include "kasp/credentials/credentialstore.h"
#include "kasp/crm/guestservice.h"
#include "kasp/demo/demogenerator.h"
#include "kasp/session/settings.h"
#include "kasp/storage/userrepository.h"
#include "kasp/testsupport/testdb.h"
#include "mainwindow.h"
#include "paymentlinkactions.h"
#include "translations.h"

#include <QClipboard>
#include <QInputDialog>
#include <QSignalSpy>
#include <QtTest>

using namespace kasp;

namespace {
const QDate kToday{2027, 3, 10};
class PayClock : public Clock
{
public:
    QDateTime now() const override { return QDateTime(kToday, QTime(12, 0), Qt::UTC); }
};
} // namespace

class TestOnlinePayment : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QVERIFY(app::installTranslations(QStringLiteral("ru")));
    }

    void aLinkFromTheBookingMenuAndThePaymentRecordedByItself()
    {
        PayClock clock;
        test::TestDatabase t = test::TestDatabase::create(QStringLiteral("online"));
        demo::DemoOptions options;
        options.guests = 200;
        options.today = kToday;
        QVERIFY(demo::generateDemo(t.db, options).ok());
        User consultant;
        for (const User &u : storage::UserRepository(t.db, clock).all().value())
            if (u.role == Role::Consultant)
                consultant = u;

        test::YooKassaStandIn yookassa;
        session::Settings settings(test::makeTempDir(QStringLiteral("pay-settings")) +
                                   QStringLiteral("/kasp.ini"));
        settings.setOnlinePayments({QStringLiteral("http://127.0.0.1:%1").arg(yookassa.port),
                                    QStringLiteral("506751"),
                                    QStringLiteral("https://rodnik.example/spasibo")});
        credentials::CredentialStore keychain(QStringLiteral("KASP"));
        QSignalSpy written(&keychain, &credentials::CredentialStore::writeFinished);
        keychain.write(QLatin1String(session::Settings::kOnlinePaymentSecretKey),
                       QStringLiteral("test_secret"));
        QVERIFY(written.wait(10'000));

        runWith(t, clock, consultant, yookassa, settings);
        t.close(); // after the window and the services let go of the connection
    }

private:
    void runWith(test::TestDatabase &t, PayClock &clock, const User &consultant,
                 test::YooKassaStandIn &yookassa, session::Settings &settings)
    {
        app::AppContext context(t.db, clock, consultant, settings);
        app::MainWindow window(context);
        crm::GuestService &guests = context.guests();
        booking::BookingService &booking = context.booking();
        app::PaymentLinkActions *actions = window.paymentLinks();
        QTRY_VERIFY_WITH_TIMEOUT(actions->ready(), 10'000); // the secret came from the keychain

        // A hold for the demo's first guest.
        const Id guest = guests.search(QStringLiteral("Ива"), 1).value().first().id;
        const Stay stay = Stay::make(kToday.addDays(100), kToday.addDays(112)).value();
        const auto options2 = booking.options(stay, booking::Party{});
        QVERIFY(options2.ok() && !options2.value().isEmpty());
        const Id held =
            booking.hold({guest, options2.value().first().room.id, stay, booking::Party{}}).value();
        const Money total = booking.booking(held).value().total;

        // The amount box suggests the prepayment; the consultant accepts it.
        QSignalSpy ready(actions, &app::PaymentLinkActions::linkReady);
        QTimer::singleShot(200, [total] {
            auto *box = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(box);
            QCOMPARE(box->doubleValue(), double(total.percent(10).kopecks()) / 100.0);
            box->accept();
        });
        actions->requestLink(held);
        QVERIFY(ready.wait(10'000));
        QCOMPARE(QApplication::clipboard()->text(), ready.first().at(0).toString());
        QCOMPARE(yookassa.created(), 1);

        QSignalSpy paid(actions, &app::PaymentLinkActions::paid);
        yookassa.guestPays(yookassa.ids().first());
        actions->links()->poll(); // the minute timer's work, now
        QVERIFY(paid.wait(10'000));
        const Booking after = booking.booking(held).value();
        QCOMPARE(after.status, BookingStatus::Prepaid);
        QCOMPARE(after.prepaid, total.percent(10));
        window.close();
    }
};

QTEST_MAIN(TestOnlinePayment)
#include "tst_onlinepayment.moc"
