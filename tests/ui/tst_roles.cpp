// Roles hold on the desk (issue 20): for each role the Sales Window enables what the access rules
// let that role send, and a write forced past the UI is refused by the desk's write path with a
// message in Russian and nothing written (no row changed, nothing queued for the server). The
// rules are the ones kasp-sync applies on push (syncproto accessrules.h).
#include "appcontext.h"
#include "cardcontroller.h"
#include "kasp/booking/ui/bookingpanel.h"
#include "kasp/core/id.h"
#include "kasp/crm/dealservice.h"
#include "kasp/crm/ui/dealboardpanel.h"
#include "kasp/demo/demogenerator.h"
#include "kasp/session/settings.h"
#include "kasp/storage/recordwriter.h"
#include "kasp/storage/userrepository.h"
#include "kasp/testsupport/testdb.h"
#include "mainwindow.h"
#include "translations.h"
#include "voucheractions.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSpinBox>
#include <QSqlQuery>
#include <QtTest>

using namespace kasp;

namespace {

qint64 count(QSqlDatabase db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

void shoot(QWidget *widget, const QString &name)
{
    if (!qEnvironmentVariableIsEmpty("KASP_SCREENSHOT_DIR"))
        widget->grab().save(qEnvironmentVariable("KASP_SCREENSHOT_DIR") + QLatin1Char('/') + name);
}

struct RulesDialogSeen
{
    bool opened = false;
    bool spinsEnabled = false;
    bool readOnlyNote = false;
    bool saveOffered = false;
};

// Opens Сервис → Правила бронирования…, looks at it and closes it.
RulesDialogSeen openBookingRules(app::MainWindow &window, const QString &shot)
{
    RulesDialogSeen seen;
    QTimer::singleShot(100, [&] {
        QWidget *dialog = QApplication::activeModalWidget();
        if (!dialog || dialog->objectName() != QLatin1String("bookingRulesDialog"))
            return;
        seen.opened = true;
        seen.spinsEnabled = dialog->findChild<QSpinBox *>(QStringLiteral("holdHours"))->isEnabled();
        seen.readOnlyNote = dialog->findChild<QLabel *>(QStringLiteral("bookingRulesReadOnly")) != nullptr;
        auto *box = dialog->findChild<QDialogButtonBox *>();
        seen.saveOffered = box->button(QDialogButtonBox::Save) != nullptr;
        shoot(dialog, shot);
        qobject_cast<QDialog *>(dialog)->reject();
    });
    window.vouchers()->editBookingRules();
    return seen;
}

} // namespace

class TestRoles : public QObject
{
    Q_OBJECT
    test::TestDatabase t;
    SystemClock clock;
    std::unique_ptr<session::Settings> settings;
    QHash<Role, User> users;

    qint64 outbox() const { return count(t.db, QStringLiteral("SELECT COUNT(*) FROM outbox")); }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QVERIFY(app::installTranslations(QStringLiteral("ru")));
        t = test::TestDatabase::create(QStringLiteral("roles"));
        demo::DemoOptions options;
        options.guests = 500;
        options.today = QDate::currentDate();
        QVERIFY(demo::generateDemo(t.db, options).ok());
        settings = std::make_unique<session::Settings>(test::makeTempDir(QStringLiteral("settings")) +
                                                       QStringLiteral("/k.ini"));
        for (const User &u : storage::UserRepository(t.db, clock).all().value())
            if (!users.contains(u.role))
                users.insert(u.role, u);
        QCOMPARE(users.size(), 3);
    }

    void eachRoleSeesWhatItMayDo_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<bool>("works");   // guests, deals, bookings
        QTest::addColumn<bool>("manages"); // prices, stock, booking rules
        QTest::newRow("consultant") << int(Role::Consultant) << true << false;
        QTest::newRow("head of sales") << int(Role::HeadOfSales) << true << true;
        QTest::newRow("director") << int(Role::Director) << false << false;
    }

    void eachRoleSeesWhatItMayDo()
    {
        QFETCH(int, role);
        QFETCH(bool, works);
        QFETCH(bool, manages);
        const User user = users.value(Role(role));
        app::AppContext context(t.db, clock, user, *settings, {t.path, 1, true});
        app::MainWindow window(context);
        window.resize(1400, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QCOMPARE(window.newGuestAction()->isEnabled(), works);
        QCOMPARE(window.newDealAction()->isEnabled(), works);
        QCOMPARE(window.findDuplicatesAction()->isEnabled(), works);
        QCOMPARE(window.bookingPanel()->findChild<QPushButton *>(QStringLiteral("bookButton"))->isEnabled(),
                 works);
        QCOMPARE(window.findChild<QAction *>(QStringLiteral("tariffsAction"))->isEnabled(), manages);
        QCOMPARE(window.findChild<QAction *>(QStringLiteral("stockAction"))->isEnabled(), manages);
        // The phone is for those who talk to guests: the director's calls could not be recorded.
        QCOMPARE(window.findChild<QAction *>(QStringLiteral("phoneSettingsAction"))->isEnabled(), works);
        window.dealBoard()->reload();
        for (QListView *column : window.dealBoard()->columnViews())
            QCOMPARE(column->dragEnabled(), works);

        // The empty card's hint offers Ctrl+N only to those who make guests (the director's first
        // screen offered it).
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("cardPlaceholder"))
                     ->text()
                     .contains(QStringLiteral("Ctrl+N")),
                 works);
        // The card: editing, booking, a task and a note for those who work the base; the consent
        // form for those who talk to guests.
        QSqlQuery q(t.db);
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM guests LIMIT 1")) && q.next());
        QVERIFY(window.cards()->open(idFromString(q.value(0).toString())).has_value());
        for (const char *name : {"guestEditButton", "guestBookButton", "guestTaskButton", "guestNote"})
            QVERIFY2(window.findChild<QWidget *>(QLatin1String(name))->isHidden() != works, name);
        QCOMPARE(window.findChild<QWidget *>(QStringLiteral("consentButton"))->isEnabled(), works);
        QApplication::processEvents();

        const QString name =
            QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'));
        shoot(&window, QStringLiteral("roles-%1.png").arg(name));
        const RulesDialogSeen rules =
            openBookingRules(window, QStringLiteral("roles-booking-rules-%1.png").arg(name));
        QVERIFY(rules.opened);
        QCOMPARE(rules.spinsEnabled, manages);
        QCOMPARE(rules.saveOffered, manages);
        QCOMPARE(rules.readOnlyNote, !manages);
    }

    // The director drags a deal anyway (or a script calls the service): refused, nothing written.
    void directorsForcedDealMoveIsRefused()
    {
        const User director = users.value(Role::Director);
        app::AppContext context(t.db, clock, director, *settings, {t.path, 1, true});
        QSqlQuery q(t.db);
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM deals WHERE stage = 'new' LIMIT 1")) && q.next());
        const Id dealId = idFromString(q.value(0).toString());
        const qint64 queued = outbox();
        const qint64 moves = count(t.db, QStringLiteral("SELECT COUNT(*) FROM deal_moves"));

        auto moved = context.deals().move(dealId, QStringLiteral("qualified"), director.id, QString());
        QVERIFY(!moved.ok());
        QCOMPARE(moved.error().code, QStringLiteral("auth.read_only"));
        QVERIFY2(moved.error().message.contains(QStringLiteral("директор")),
                 qPrintable(moved.error().message));
        QCOMPARE(outbox(), queued);
        QCOMPARE(count(t.db, QStringLiteral("SELECT COUNT(*) FROM deal_moves")), moves);
        QCOMPARE(count(t.db, QStringLiteral("SELECT COUNT(*) FROM deals WHERE id = '%1' AND stage = 'new'")
                                 .arg(idToString(dealId))),
                 qint64(1));

        // The same write by a consultant goes through: the rule, not a broken path, refused it.
        app::AppContext consultant(t.db, clock, users.value(Role::Consultant), *settings, {t.path, 1, true});
        QVERIFY(consultant.deals()
                    .move(dealId, QStringLiteral("qualified"), users.value(Role::Consultant).id, QString())
                    .ok());
        QVERIFY(outbox() > queued);
        QCOMPARE(
            count(t.db, QStringLiteral("SELECT COUNT(*) FROM deals WHERE id = '%1' AND stage = 'qualified'")
                            .arg(idToString(dealId))),
            qint64(1));
    }

    // Room stock is the head of sales': a consultant's forced write is refused, the head's is not.
    void stockIsTheHeadOfSalesAlone()
    {
        const QJsonObject building{{"id", idToString(newId())}, {"name", "Корпус 9"}, {"address", ""}};
        const qint64 queued = outbox();
        {
            app::AppContext context(t.db, clock, users.value(Role::Consultant), *settings, {t.path, 1, true});
            const Status refused = storage::createRecord(t.db, clock, sync::EntityKind::Building, building);
            QCOMPARE(refused.error().code, QStringLiteral("auth.forbidden"));
            QVERIFY2(refused.error().message.contains(QStringLiteral("руководитель")),
                     qPrintable(refused.error().message));
            QCOMPARE(outbox(), queued);
            QCOMPARE(count(t.db, QStringLiteral("SELECT COUNT(*) FROM buildings WHERE name = 'Корпус 9'")),
                     qint64(0));
        }
        app::AppContext head(t.db, clock, users.value(Role::HeadOfSales), *settings, {t.path, 1, true});
        QVERIFY(storage::createRecord(t.db, clock, sync::EntityKind::Building, building).ok());
        QCOMPARE(outbox(), queued + 1);
    }

    // The department's booking rules are a record the head of sales sets for every desk: another
    // session reads them at once; a consultant's forced change is refused and nothing is queued.
    void bookingRulesAreTheHeadOfSalesRecord()
    {
        const qint64 queued = outbox();
        {
            app::AppContext consultant(t.db, clock, users.value(Role::Consultant), *settings,
                                       {t.path, 1, true});
            const Status refused = consultant.booking().saveRules(36, 15);
            QCOMPARE(refused.error().code, QStringLiteral("auth.forbidden"));
            QCOMPARE(consultant.booking().holdHours(), 24);
            QCOMPARE(outbox(), queued);
        }
        {
            app::AppContext head(t.db, clock, users.value(Role::HeadOfSales), *settings, {t.path, 1, true});
            QVERIFY(head.booking().saveRules(36, 15).ok());
            QCOMPARE(head.booking().holdHours(), 36);
            QCOMPARE(outbox(), queued + 1);
            QCOMPARE(
                count(t.db, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE name = 'booking_policy.set'")),
                qint64(1));
        }
        app::AppContext consultant(t.db, clock, users.value(Role::Consultant), *settings, {t.path, 1, true});
        QCOMPARE(consultant.booking().holdHours(), 36);
        QCOMPARE(consultant.booking().prepaymentPercent(), 15);
        app::MainWindow window(consultant);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTimer::singleShot(100, [] {
            QWidget *dialog = QApplication::activeModalWidget();
            QVERIFY(dialog);
            QCOMPARE(dialog->findChild<QSpinBox *>(QStringLiteral("holdHours"))->value(), 36);
            qobject_cast<QDialog *>(dialog)->reject();
        });
        window.vouchers()->editBookingRules();
    }

    // A shift change: start-up makes the new person's session before the old one goes. The old
    // session leaving must not take the new one's rules with it.
    void aShiftChangeKeepsTheNewPersonsRules()
    {
        auto consultant = std::make_unique<app::AppContext>(t.db, clock, users.value(Role::Consultant),
                                                            *settings, app::DatabaseInfo{t.path, 1, true});
        app::AppContext director(t.db, clock, users.value(Role::Director), *settings, {t.path, 1, true});
        consultant.reset();
        const QJsonObject building{{"id", idToString(newId())}, {"name", "Корпус 10"}, {"address", ""}};
        QCOMPARE(storage::createRecord(t.db, clock, sync::EntityKind::Building, building).error().code,
                 QStringLiteral("auth.read_only"));
    }

    void cleanupTestCase() { t.close(); }
};

QTEST_MAIN(TestRoles)
#include "tst_roles.moc"
