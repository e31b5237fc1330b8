// The status bar's messages (issue 21): a long one («Ваучер не отправлен: …») was cut and ran into
// the bar's permanent text, and was gone after 10 s. The bar now shows a short form that ends
// before its permanent widgets, and «Сообщения (1)» lists the recent messages whole with their
// time. A voucher that could not be sent shows on the guest's card. Ctrl+Shift+S on a desk with no
// server says what to do instead of nothing. Real window on Xvfb, demo base, the real voucher path.
#include "appcontext.h"
#include "kasp/booking/bookingservice.h"
#include "kasp/core/clock.h"
#include "kasp/credentials/credentialstore.h"
#include "kasp/crm/ui/guestcardpanel.h"
#include "kasp/crm/ui/timelinemodel.h"
#include "kasp/demo/demogenerator.h"
#include "kasp/session/settings.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/storage/userrepository.h"
#include "kasp/testsupport/testdb.h"
#include "mainwindow.h"
#include "notificationarea.h"
#include "syncsession.h"
#include "syncstatuswidget.h"
#include "translations.h"
#include "voucheractions.h"

#include <QAction>
#include <QFrame>
#include <QListWidget>
#include <QMenuBar>
#include <QStatusBar>
#include <QtTest>

using namespace kasp;

namespace {
void shoot(QWidget *w, const QString &name)
{
    if (qEnvironmentVariableIsSet("KASP_SCREENSHOT_DIR"))
        w->grab().save(qEnvironmentVariable("KASP_SCREENSHOT_DIR") + QLatin1Char('/') + name);
}
} // namespace

class TestNotifications : public QObject
{
    Q_OBJECT
    test::TestDatabase t;
    SystemClock clock;
    std::unique_ptr<session::Settings> settings;
    std::unique_ptr<credentials::CredentialStore> keychain;
    std::unique_ptr<app::SyncSession> sync;
    std::unique_ptr<app::AppContext> context;
    std::unique_ptr<app::MainWindow> window;

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QVERIFY(app::installTranslations(QStringLiteral("ru")));
        t = test::TestDatabase::create(QStringLiteral("notifications"));
        demo::DemoOptions options;
        options.guests = 300;
        options.today = clock.today();
        QVERIFY(demo::generateDemo(t.db, options).ok());
        settings = std::make_unique<session::Settings>(test::makeTempDir(QStringLiteral("notifications")) +
                                                       QStringLiteral("/k.ini"));
        keychain = std::make_unique<credentials::CredentialStore>(QStringLiteral("KASP"));
        sync = std::make_unique<app::SyncSession>(t.db, *settings, *keychain); // no server set
        User consultant;
        for (const User &u : storage::UserRepository(t.db, clock).all().value())
            if (u.role == Role::Consultant && consultant.id.isNull())
                consultant = u;
        context = std::make_unique<app::AppContext>(t.db, clock, consultant, *settings,
                                                    app::DatabaseInfo{t.path, 14, true}, sync.get());
        window = std::make_unique<app::MainWindow>(*context);
        window->resize(1366, 740);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    }

    void cleanupTestCase()
    {
        window.reset();
        context.reset();
        sync.reset();
    }

    void aLongMessageIsShortInTheBarAndWholeInTheList()
    {
        // A guest with an e-mail books and prepays; the desk has no mail server yet.
        Guest g;
        g.id = newId();
        g.lastName = QStringLiteral("Щербакова");
        g.firstName = QStringLiteral("Юлия");
        g.middleName = QStringLiteral("Эдуардовна");
        g.emails = {QStringLiteral("yulia@example.org")};
        g.createdAt = g.updatedAt = clock.now();
        QVERIFY(storage::GuestRepository(t.db, clock).create(g).ok());
        booking::BookingService &bookings = context->booking();
        const Stay stay = Stay::make(clock.today().addDays(60), clock.today().addDays(67)).value();
        const auto offers = bookings.options(stay, booking::Party{}).value();
        QVERIFY(!offers.isEmpty());
        const Id id = bookings.hold({g.id, offers.first().room.id, stay, booking::Party{}}).value();
        const Money total = bookings.booking(id).value().total;
        QVERIFY(bookings.recordPayment(id, total.percent(30), PaymentMethod::Cash, {}).ok());
        window->openGuest(g.id);

        app::NotificationArea *area = window->notifications();
        QVERIFY(area && area->isVisible());
        const int before = area->unread();
        window->vouchers()->handle(id, true);
        QTRY_COMPARE_WITH_TIMEOUT(area->unread(), before + 1, 5000);
        const QString whole = area->entries().first().text;
        QVERIFY2(whole.startsWith(QStringLiteral("Ваучер не отправлен: не настроен почтовый сервер (Сервис → "
                                                 "Почта для ваучеров…). Он уйдёт сам")),
                 qPrintable(whole));
        // The bar's short form ends before the permanent widgets (the button is the first one).
        const QString shown = window->statusBar()->currentMessage();
        QVERIFY2(shown.endsWith(QChar(0x2026)) && shown.size() < whole.size(), qPrintable(shown));
        QVERIFY2(window->statusBar()->fontMetrics().horizontalAdvance(shown) <= area->x() - 16,
                 qPrintable(QStringLiteral("%1 px of text, the button at %2")
                                .arg(window->statusBar()->fontMetrics().horizontalAdvance(shown))
                                .arg(area->x())));
        QCOMPARE(area->text(), QStringLiteral("Сообщения (%1)").arg(before + 1));
        QVERIFY(area->width() >= area->fontMetrics().horizontalAdvance(area->text())); // not cut

        // The card says so, naming the voucher.
        bool onCard = false;
        crm::ui::TimelineModel *timeline = window->cardPanel()->timeline();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int row = 0; row < timeline->rowCount(); ++row)
                    onCard = onCard || timeline->index(row, crm::ui::TimelineModel::DetailsColumn)
                                           .data()
                                           .toString()
                                           .contains(QStringLiteral("ваучер не отправлен"));
                return onCard;
            }(),
            5000);
        // The button's text is not run into by the next permanent widget.
        QVERIFY2(area->geometry().right() < window->syncStatus()->x(),
                 qPrintable(QStringLiteral("button ends at %1, the server's state starts at %2")
                                .arg(area->geometry().right())
                                .arg(window->syncStatus()->x())));
        shoot(window.get(), QStringLiteral("notifications-bar.png"));

        // The list shows it whole, with its time; read, the count goes.
        QTest::mouseClick(area, Qt::LeftButton);
        QTRY_VERIFY(area->list()->isVisible());
        QCOMPARE(area->unread(), 0);
        QCOMPARE(area->text(), QStringLiteral("Сообщения"));
        const QString listed = area->listView()->item(0)->text();
        QVERIFY2(listed.endsWith(whole) && listed.contains(QLatin1Char(':')), qPrintable(listed));
        QTest::qWait(100);
        shoot(area->list(), QStringLiteral("notifications-list.png"));
        area->list()->hide();
    }

    void syncNowWithNoServerSaysWhatToDo()
    {
        QAction *syncNow = nullptr;
        for (QAction *a : window->findChildren<QAction *>())
            if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S))
                syncNow = a;
        QVERIFY(syncNow);
        const int before = window->notifications()->entries().size();
        syncNow->trigger();
        QCOMPARE(window->notifications()->entries().size(), before + 1);
        const QString said = window->notifications()->entries().first().text;
        QVERIFY2(said.contains(QStringLiteral("Сервер → Подключиться к серверу…")), qPrintable(said));
        QVERIFY(!window->statusBar()->currentMessage().isEmpty());
    }
};

QTEST_MAIN(TestNotifications)
#include "tst_notifications.moc"
