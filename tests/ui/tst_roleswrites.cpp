// Roles hold on the desk, every write (issue 20): ui.roles checks the card, new guests and deals,
// the booking button, the catalogues and the booking rules; this walks the rest of the Sales
// Window's writes for the consultant, the head of sales and the director. For each one the control
// is enabled where the access rules (syncproto accessrules.h, the ones kasp-sync applies) let the
// role act, and a call of the service forced as that role is refused with a message in Russian
// and nothing written: every row of every table the desk writes, the outbox included, is compared
// before and after.
#include "appcontext.h"
#include "cardcontroller.h"
#include "kasp/booking/bookingservice.h"
#include "kasp/booking/paymentlinks.h"
#include "kasp/booking/ui/bookingpanel.h"
#include "kasp/booking/ui/roomgridwidget.h"
#include "kasp/booking/voucherqueue.h"
#include "kasp/core/csv.h"
#include "kasp/core/id.h"
#include "kasp/crm/dealservice.h"
#include "kasp/crm/duplicateservice.h"
#include "kasp/crm/guestimport.h"
#include "kasp/crm/guestservice.h"
#include "kasp/crm/taskservice.h"
#include "kasp/crm/ui/dealboardpanel.h"
#include "kasp/crm/ui/guestcardpanel.h"
#include "kasp/crm/ui/taskagendapanel.h"
#include "kasp/demo/demogenerator.h"
#include "kasp/payments/yookassaprovider.h"
#include "kasp/session/settings.h"
#include "kasp/storage/recordwriter.h"
#include "kasp/storage/userrepository.h"
#include "kasp/testsupport/testdb.h"
#include "mainwindow.h"
#include "translations.h"
#include "voucheractions.h"

#include <algorithm>
#include <functional>
#include <QAction>
#include <QApplication>
#include <QCryptographicHash>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTableView>
#include <QToolButton>
#include <QtTest>

using namespace kasp;

namespace {

// Every table a write of the Sales Window touches.
const char *const kTables[] = {"outbox",
                               "guests",
                               "guest_phones",
                               "guest_emails",
                               "guest_tags",
                               "touches",
                               "tasks",
                               "deals",
                               "deal_moves",
                               "deal_stages",
                               "bookings",
                               "payments",
                               "room_closures",
                               "tariffs",
                               "child_rules",
                               "discounts",
                               "consents",
                               "guest_distinct_pairs",
                               "booking_policies",
                               "voucher_queue",
                               "payment_links",
                               "buildings",
                               "rooms",
                               "room_categories"};

// What the desk holds: a digest of every row of those tables. Equal before and after: nothing
// written.
QByteArray fingerprint(QSqlDatabase db)
{
    // Each row quoted and joined inside SQLite: quick enough to take around every write.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const char *table : kTables) {
        const QSqlRecord columns = db.record(QLatin1String(table));
        QStringList quoted;
        for (int i = 0; i < columns.count(); ++i)
            quoted << QStringLiteral("quote(\"%1\")").arg(columns.fieldName(i));
        QSqlQuery q(db);
        if (quoted.isEmpty() ||
            !q.exec(QStringLiteral(
                        "SELECT COUNT(*), group_concat(%1, char(10)) FROM (SELECT * FROM %2 ORDER BY rowid)")
                        .arg(quoted.join(QStringLiteral("||'|'||")), QLatin1String(table))) ||
            !q.next())
            return QByteArray("unreadable ") + table;
        hash.addData(table);
        hash.addData(q.value(0).toByteArray());
        hash.addData(q.value(1).toByteArray());
    }
    return hash.result();
}

Id firstId(QSqlDatabase db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? idFromString(q.value(0).toString()) : Id();
}

void shoot(QWidget *widget, const QString &name)
{
    if (!qEnvironmentVariableIsEmpty("KASP_SCREENSHOT_DIR"))
        widget->grab().save(qEnvironmentVariable("KASP_SCREENSHOT_DIR") + QLatin1Char('/') + name);
}

QString trMain(const char *text)
{
    return QCoreApplication::translate("kasp::app::MainWindow", text);
}

QAction *menuAction(QWidget *window, const char *text)
{
    for (QAction *a : window->findChildren<QAction *>())
        if (a->text() == trMain(text))
            return a;
    return nullptr;
}

// Opens the popup menu `open` shows, reads its actions' enabled state by their (translated)
// texts, and closes it.
QHash<QString, bool> readMenu(const std::function<void()> &open)
{
    QHash<QString, bool> seen;
    QTimer::singleShot(150, [&seen] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        for (QAction *a : menu->actions())
            if (!a->isSeparator())
                seen.insert(a->text(), a->isEnabled());
        menu->close();
    });
    open();
    return seen;
}

QString trPanel(const char *text)
{
    return QCoreApplication::translate("kasp::booking::ui::BookingPanel", text);
}

bool hasCyrillic(const QString &text)
{
    return std::any_of(text.begin(), text.end(),
                       [](QChar c) { return c.unicode() >= 0x410 && c.unicode() <= 0x44f; });
}

} // namespace

class TestRolesWrites : public QObject
{
    Q_OBJECT
    test::TestDatabase t;
    SystemClock clock;
    std::unique_ptr<session::Settings> settings;
    QHash<Role, User> users;
    User colleague; // a second consultant, whose tasks the first does not change

    User userOf(const QString &role) const
    {
        return users.value(role == QLatin1String("consultant")      ? Role::Consultant
                           : role == QLatin1String("head of sales") ? Role::HeadOfSales
                                                                    : Role::Director);
    }

    // A task due within the hour, made outside any session (as a sync would bring it).
    Id makeTask(const Id &assignee, TaskKind kind)
    {
        const Id guest = firstId(t.db, QStringLiteral("SELECT id FROM guests ORDER BY id LIMIT 1"));
        auto task = crm::TaskService(t.db, clock)
                        .create(guest, assignee, QStringLiteral("Перезвонить гостю"),
                                clock.now().addSecs(1800), kind);
        return task.ok() ? task.value().id : Id();
    }

    // A hold in a free room, far enough ahead that each role's is its own.
    Id makeHold(int daysAhead)
    {
        booking::BookingService service(t.db, clock, Id());
        const Stay stay =
            Stay::make(clock.today().addDays(daysAhead), clock.today().addDays(daysAhead + 14)).value();
        auto options = service.options(stay, booking::Party{}, 5);
        if (!options.ok() || options.value().isEmpty()) {
            qWarning("no room: %s", options.ok() ? "none free" : qPrintable(options.error().message));
            return Id();
        }
        const Id guest = firstId(t.db, QStringLiteral("SELECT id FROM guests ORDER BY id DESC LIMIT 1"));
        auto held = service.hold({guest, options.value().first().room.id, stay, booking::Party{}});
        if (!held.ok())
            qWarning("no hold: %s", qPrintable(held.error().message));
        return held.ok() ? held.value() : Id();
    }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QVERIFY(app::installTranslations(QStringLiteral("ru")));
        t = test::TestDatabase::create(QStringLiteral("roleswrites"));
        demo::DemoOptions options;
        options.guests = 500;
        options.priceList = true; // tariffs and discounts for the head of sales' editor
        options.today = QDate::currentDate();
        QVERIFY(demo::generateDemo(t.db, options).ok());
        settings = std::make_unique<session::Settings>(test::makeTempDir(QStringLiteral("settings")) +
                                                       QStringLiteral("/k.ini"));
        for (const User &u : storage::UserRepository(t.db, clock).all().value()) {
            if (!users.contains(u.role))
                users.insert(u.role, u);
            else if (u.role == Role::Consultant && colleague.id.isNull() && u.active)
                colleague = u;
        }
        QCOMPARE(users.size(), 3);
        QVERIFY(!colleague.id.isNull());
        // Two cards of one person, so that the card offers a comparison.
        crm::GuestService guests(t.db, clock);
        for (const char *first : {"Инна", "Инна Петровна"}) {
            Guest g;
            g.lastName = QStringLiteral("Двойникова");
            g.firstName = QString::fromUtf8(first);
            g.phones = {Phone::parse(QStringLiteral("+7 916 700-11-22")).value()};
            QVERIFY(guests.save(g).ok());
        }
        QVERIFY(!makeTask(Id(), TaskKind::CallBack).isNull()); // the shared pool's, in every agenda
    }

    // The window: each write control is enabled where the role may act, and a director's drag or
    // click past a disabled control writes nothing.
    void eachControlFollowsTheRules_data()
    {
        QTest::addColumn<bool>("works");    // guests, deals, tasks, bookings, payments, vouchers
        QTest::addColumn<bool>("manages");  // rooms, prices, the pipeline
        QTest::addColumn<bool>("oversees"); // the team's tasks
        QTest::newRow("consultant") << true << false << false;
        QTest::newRow("head of sales") << true << true << true;
        QTest::newRow("director") << false << false << true;
    }

    void eachControlFollowsTheRules()
    {
        QFETCH(bool, works);
        QFETCH(bool, manages);
        QFETCH(bool, oversees);
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        const QString name = QString(tag).replace(QLatin1Char(' '), QLatin1Char('-'));
        app::AppContext context(t.db, clock, userOf(tag), *settings, {t.path, 1, true});
        app::MainWindow window(context);
        window.resize(1400, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // Menus: import, duplicates, the team's tasks, online payment; export reads and is for all.
        QCOMPARE(menuAction(&window, "&Import guests from Excel or CSV…")->isEnabled(), works);
        QCOMPARE(window.findDuplicatesAction()->isEnabled(), works);
        QCOMPARE(menuAction(&window, "E&xport the list…")->isEnabled(), true);
        QCOMPARE(window.findChild<QAction *>(QStringLiteral("onlinePaymentAction"))->isEnabled(), works);
        QAction *team = window.findChild<QAction *>(QStringLiteral("teamTasksAction"));
        QCOMPARE(team != nullptr, oversees);

        // The task agenda: done and to tomorrow on the shared pool's call-back.
        crm::ui::TaskAgendaPanel *agenda = window.taskAgenda();
        agenda->reload();
        QVERIFY(agenda->model()->rowCount() > 0);
        agenda->view()->setCurrentIndex(agenda->model()->index(0, crm::ui::TaskAgendaModel::TitleColumn));
        QCOMPARE(window.findChild<QPushButton *>(QStringLiteral("taskDoneButton"))->isEnabled(), works);
        QCOMPARE(window.findChild<QPushButton *>(QStringLiteral("taskTomorrowButton"))->isEnabled(), works);
        if (!works) { // Ctrl+Enter, or a script: no result dialog, nothing written
            const QByteArray before = fingerprint(t.db);
            QVERIFY(!agenda->completeCurrent());
            QVERIFY(!agenda->postponeCurrent());
            QVERIFY(!QApplication::activeModalWidget());
            QCOMPARE(fingerprint(t.db), before);
        }

        // The pipeline's editor is the head of sales'.
        bool pipelineShown = false;
        for (QToolButton *b : window.dealBoard()->findChildren<QToolButton *>())
            if (b->text() == QCoreApplication::translate("kasp::crm::ui::DealBoardPanel", "Pipeline stages…"))
                pipelineShown = b->isVisibleTo(window.dealBoard());
        QCOMPARE(pipelineShown, manages);

        // The card names a look-alike card as a link to compare and merge only for those who merge.
        const Id twin = firstId(t.db, QStringLiteral("SELECT id FROM guests WHERE last_name = 'Двойникова'"));
        QVERIFY(window.cards()->open(twin).has_value());
        const QString alike = window.findChild<QLabel *>(QStringLiteral("guestDuplicates"))->text();
        QVERIFY2(alike.contains(QStringLiteral("Двойникова")), qPrintable(alike));
        QCOMPARE(alike.contains(QStringLiteral("<a ")), works);

        // The grid: a bar's right end dragged two nights on asks to move it only for those who book.
        window.tabs()->setCurrentWidget(window.bookingPanel());
        booking::ui::BookingPanel *panel = window.bookingPanel();
        booking::ui::RoomGridWidget *grid = panel->grid();
        QApplication::processEvents();
        QCOMPARE(grid->movesBookings(), works);
        const booking::ui::GridLayout &layout = grid->layout();
        const QRect body = grid->geometry().bodyRect();
        const booking::ui::GridBar *chosen = nullptr;
        for (int r = 0; r < int(layout.rows().size()) && !chosen; ++r)
            for (const booking::ui::GridBar &bar : layout.barsOf(r))
                if (bar.bookingIndex >= 0 && body.contains(grid->cellRect(r, bar.firstCol)) &&
                    body.contains(grid->cellRect(r, bar.endCol + 2)) &&
                    layout.isFree(r, bar.endCol, bar.endCol + 2)) {
                    chosen = &bar;
                    break;
                }
        QVERIFY(chosen);
        int asked = 0;
        panel->setConfirm([&asked](const QString &) {
            ++asked;
            return false;
        });
        QSignalSpy moveRequested(grid, &booking::ui::RoomGridWidget::moveRequested);
        const QByteArray beforeDrag = fingerprint(t.db);
        const QRect last = grid->cellRect(chosen->row, chosen->endCol - 1);
        const QPoint from(last.right() - 2, last.center().y()),
            to = from + QPoint(2 * grid->geometry().columnWidth, 0);
        QTest::mousePress(grid->viewport(), Qt::LeftButton, {}, from);
        for (int i = 1; i <= 4; ++i) {
            QMouseEvent move(QEvent::MouseMove, from + (to - from) * i / 4,
                             grid->viewport()->mapToGlobal(from + (to - from) * i / 4), Qt::NoButton,
                             Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(grid->viewport(), &move);
        }
        QTest::mouseRelease(grid->viewport(), Qt::LeftButton, {}, to);
        QCOMPARE(moveRequested.count(), works ? 1 : 0);
        QCOMPARE(asked, works ? 1 : 0);
        QCOMPARE(fingerprint(t.db), beforeDrag);
        shoot(&window, QStringLiteral("roleswrites-grid-%1.png").arg(name));

        // A booking's menu: payment, payment link, voucher e-mail and cancel for those who book;
        // the voucher's PDF for everyone.
        Id partlyPaid;
        for (const auto &v : layout.bookings())
            if (v.booking.status == BookingStatus::Prepaid && v.booking.prepaid < v.booking.total) {
                partlyPaid = v.booking.id;
                break;
            }
        QVERIFY(!partlyPaid.isNull());
        const QHash<QString, bool> menu = readMenu([&] { panel->showBookingMenu(partlyPaid); });
        QCOMPARE(menu.value(trPanel("Take a payment…")), works);
        QCOMPARE(menu.value(trPanel("Online payment link for the guest…")), works);
        QCOMPARE(menu.value(trPanel("E-mail the voucher to the guest")), works);
        QCOMPARE(menu.value(trPanel("Cancel the booking…")), works);
        QCOMPARE(menu.value(trPanel("Save the voucher as PDF…")), true);
        // A free cell's menu: book for those who book, out of service for the head of sales.
        const QHash<QString, bool> cell = readMenu([&] {
            panel->showCellMenu(layout.roomAt(chosen->row)->id, layout.dateAt(chosen->endCol),
                                layout.dateAt(chosen->endCol + 2), Id(),
                                window.mapToGlobal(QPoint(300, 300)));
        });
        QCOMPARE(cell.value(trPanel("Book these nights…")), works);
        QCOMPARE(cell.value(trPanel("Take out of service…")), manages);

        // Сервис → Почта для ваучеров…: saved by those who send vouchers, read by the director.
        bool mailSaveOffered = false, mailReadOnly = false, hostEnabled = false;
        QTimer::singleShot(150, [&] {
            QWidget *dialog = QApplication::activeModalWidget();
            if (!dialog || dialog->objectName() != QLatin1String("mailSettingsDialog"))
                return;
            mailSaveOffered =
                dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save) != nullptr;
            mailReadOnly = dialog->findChild<QLabel *>(QStringLiteral("mailSettingsReadOnly")) != nullptr;
            hostEnabled = dialog->findChild<QWidget *>(QStringLiteral("mailUser"))->isEnabled();
            shoot(dialog, QStringLiteral("roleswrites-mail-%1.png").arg(name));
            qobject_cast<QDialog *>(dialog)->reject();
        });
        window.vouchers()->editMailSettings();
        QCOMPARE(mailSaveOffered, works);
        QCOMPARE(hostEnabled, works);
        QCOMPARE(mailReadOnly, !works);

        // The team's tasks: a view, with nothing to change in it.
        if (team) {
            int writeButtons = -1;
            QTimer::singleShot(150, [&] {
                QWidget *dialog = QApplication::activeModalWidget();
                if (!dialog)
                    return;
                writeButtons = 0;
                // Push and tool buttons (a table's corner button selects, it is not counted) but Close.
                auto *box = dialog->findChild<QDialogButtonBox *>();
                for (QAbstractButton *b : dialog->findChildren<QAbstractButton *>())
                    if ((qobject_cast<QPushButton *>(b) || qobject_cast<QToolButton *>(b)) &&
                        !(box && box->buttonRole(b) == QDialogButtonBox::RejectRole))
                        ++writeButtons;
                qobject_cast<QDialog *>(dialog)->reject();
            });
            team->trigger();
            QCOMPARE(writeButtons, 0);
        }

        // Сервис as the role sees it.
        for (QAction *top : window.menuBar()->actions())
            if (top->menu() && top->text() == trMain("&Tools")) {
                QMenu *tools = top->menu();
                tools->popup(window.mapToGlobal(QPoint(200, 30)));
                QTest::qWait(100);
                shoot(tools, QStringLiteral("roleswrites-tools-%1.png").arg(name));
                tools->close();
            }
    }

    // Each write forced past the UI as each role: done as the rules allow, else refused in
    // Russian with nothing written.
    void forcedWritesFollowTheRules_data()
    {
        QTest::addColumn<bool>("works");
        QTest::addColumn<bool>("manages");
        QTest::addColumn<int>("ahead"); // days ahead for this role's bookings
        QTest::newRow("consultant") << true << false << 150;
        QTest::newRow("head of sales") << true << true << 210;
        QTest::newRow("director") << false << false << 270;
    }

    void forcedWritesFollowTheRules()
    {
        QFETCH(bool, works);
        QFETCH(bool, manages);
        QFETCH(int, ahead);
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        const User user = userOf(tag);

        // What each role is given to work on, made before its session starts (as a sync brings it).
        const Id poolTask = makeTask(Id(), TaskKind::Other);
        const Id poolCallBack = makeTask(Id(), TaskKind::CallBack);
        const Id colleaguesTask = makeTask(colleague.id, TaskKind::Other);
        const Id colleaguesCallBack = makeTask(colleague.id, TaskKind::CallBack);
        const Id toPay = makeHold(ahead), toCancel = makeHold(ahead + 20), toMove = makeHold(ahead + 40),
                 toLink = makeHold(ahead + 60);
        QVERIFY(!toPay.isNull() && !toCancel.isNull() && !toMove.isNull() && !toLink.isNull());
        const Id prepaid =
            firstId(t.db, QStringLiteral("SELECT id FROM bookings WHERE status = 'prepaid' LIMIT 1"));
        const Id tariff = firstId(t.db, QStringLiteral("SELECT id FROM tariffs ORDER BY id DESC LIMIT 1"));
        const Id room = firstId(t.db, QStringLiteral("SELECT id FROM rooms ORDER BY number DESC LIMIT 1"));
        const Id closure = newId();
        {
            const QJsonObject record{{"id", idToString(closure)},
                                     {"roomId", idToString(room)},
                                     {"firstNight", clock.today().addDays(ahead + 90).toString(Qt::ISODate)},
                                     {"endNight", clock.today().addDays(ahead + 92).toString(Qt::ISODate)},
                                     {"reason", "ремонт"}};
            QVERIFY(storage::createRecord(t.db, clock, sync::EntityKind::RoomClosure, record).ok());
        }
        // Two pairs of look-alike cards of this role's own: one told apart, one merged.
        QList<Id> twins;
        for (int i = 0; i < 4; ++i) {
            Guest g;
            g.lastName = i < 2 ? QStringLiteral("Близнецова") : QStringLiteral("Тройникова");
            g.firstName = tag;
            g.phones = {Phone::parse(QStringLiteral("+7 916 700-%1-%2")
                                         .arg(30 + i / 2)
                                         .arg(ahead / 10, 2, 10, QLatin1Char('0')))
                            .value()};
            auto saved = crm::GuestService(t.db, clock).save(g);
            QVERIFY(saved.ok());
            twins << saved.value();
        }
        const Id guest = firstId(t.db, QStringLiteral("SELECT id FROM guests ORDER BY id LIMIT 1"));

        app::AppContext context(t.db, clock, user, *settings, {t.path, 1, true});
        QCOMPARE(context.may("task.set_status"), works);
        QCOMPARE(context.may("tariff.delete"), manages);

        int walked = 0;
        // inDatabase: the write is a row (not the desk's settings file).
        const auto walk = [&](const char *what, bool allowed, const std::function<Status()> &write,
                              bool inDatabase = true) {
            ++walked;
            const QByteArray before = fingerprint(t.db);
            const Status done = write();
            if (allowed) { // the rule, not a broken path, refuses the others
                QVERIFY2(done.ok(),
                         qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(what), done.error().message)));
                QVERIFY2(!inDatabase || fingerprint(t.db) != before, what);
                return;
            }
            QVERIFY2(!done.ok(), what);
            QVERIFY2(done.error().code.startsWith(QLatin1String("auth.")),
                     qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(what), done.error().code)));
            QVERIFY2(hasCyrillic(done.error().message), qPrintable(done.error().message));
            QVERIFY2(fingerprint(t.db) == before, what);
        };
        const auto status = [](auto result) { return result.ok() ? Status() : Status(result.error()); };

        crm::TaskService &tasks = context.tasks();
        walk("task done", works, [&] { return tasks.complete(poolTask); });
        walk("task to tomorrow", works, [&] { return status(tasks.postpone(poolCallBack, clock.now(), 1)); });
        walk("call-back result", works, [&] {
            return tasks.finishCallBack(poolCallBack, guest, user.id, clock.now(),
                                        {true, QStringLiteral("хочет в июле")});
        });
        // A colleague's list is theirs and the head of sales': the server's rule, on the desk too.
        walk("colleague's task done", manages, [&] { return tasks.complete(colleaguesTask); });
        walk("colleague's task to tomorrow", manages,
             [&] { return status(tasks.postpone(colleaguesTask, clock.now(), 1)); });
        walk("colleague's call-back result", manages, [&] {
            return tasks.finishCallBack(colleaguesCallBack, guest, user.id, clock.now(),
                                        {false, QStringLiteral("занято")});
        });

        booking::BookingService &bookings = context.booking();
        const Money total = bookings.booking(toPay).value().total;
        walk("payment", works, [&] {
            return status(bookings.recordPayment(toPay, total.percent(50), PaymentMethod::Cash, QString()));
        });
        walk("cancel a booking", works,
             [&] { return bookings.cancel(toCancel, QStringLiteral("передумал")); });
        const Booking moving = bookings.booking(toMove).value();
        walk("move a booking", works, [&] {
            return bookings.move(
                toMove, moving.roomId,
                Stay::make(moving.stay.checkIn(), moving.stay.checkOut().addDays(-1)).value());
        });
        walk("room out of service", manages, [&] {
            return bookings.closeRoom(
                room,
                Stay::make(clock.today().addDays(ahead + 80), clock.today().addDays(ahead + 82)).value(),
                QStringLiteral("покраска"));
        });
        walk("room back in service", manages, [&] { return bookings.reopenRoom(closure); });
        walk("tariff deleted", manages, [&] {
            return storage::deleteRecord(t.db, clock, sync::EntityKind::Tariff, idToString(tariff));
        });
        walk("pipeline", manages, [&] {
            QList<DealStageDef> stages = context.deals().pipeline().value().stages();
            stages.first().title = QStringLiteral("Первый звонок (%1)").arg(tag);
            return context.deals().savePipeline(stages);
        });

        walk("not a duplicate", works,
             [&] { return context.duplicates().markDistinct(twins.at(0), twins.at(1)); });
        walk("merge duplicates", works,
             [&] { return status(context.duplicates().merge(twins.at(2), twins.at(3), {})); });

        walk("import", works, [&] {
            const QByteArray csv = QStringLiteral("Фамилия;Имя;Телефон\r\nИмпортова;%1;+7 916 700-44-%2\r\n")
                                       .arg(tag)
                                       .arg(ahead / 10, 2, 10, QLatin1Char('0'))
                                       .toUtf8();
            CsvReader peek(csv);
            CsvRow header;
            peek.next(header);
            CsvReader reader(csv);
            return status(context.guests().importer().run(reader, crm::guessImportMapping(header.fields)));
        });

        walk("voucher e-mailed", works, [&] {
            booking::VoucherQueue queue(t.db, clock, user.id);
            return queue.enqueue(prepaid);
        });
        booking::VoucherQueue(t.db, clock, user.id).dropped(prepaid); // not to be sent by anyone later

        walk("payment link", works, [&] {
            payments::YooKassaProvider provider(
                {QUrl(QStringLiteral("http://127.0.0.1:9")), QStringLiteral("1"), QStringLiteral("k"), 1000});
            booking::PaymentLinks links(bookings, provider, QStringLiteral("https://example.org"));
            QSignalSpy failed(&links, &booking::PaymentLinks::failed);
            links.requestLink(toLink, total.percent(20));
            if (failed.count() > 0)
                return Status(Error{QStringLiteral("auth.refused"), failed.first().at(1).toString()});
            return Status();
        });

        walk(
            "mail settings", works,
            [&] {
                app::VoucherActions actions(context, nullptr);
                session::Settings::Mail mail = settings->mail();
                mail.host = QStringLiteral("smtp-%1.example.org").arg(ahead);
                return actions.saveMailSettings(mail, QString());
            },
            false);
        QCOMPARE(settings->mail().host == QStringLiteral("smtp-%1.example.org").arg(ahead), works);

        // The rest of the card's and the pipeline's writes, for the count.
        walk("note", works,
             [&] { return status(context.guests().addNote(guest, user.id, QStringLiteral("заметка"))); });
        walk("new deal", works, [&] {
            return status(
                context.deals().create(guest, user.id, QStringLiteral("Лето"), Money::fromKopecks(100000)));
        });
        walk("new task", works, [&] {
            return status(
                tasks.create(guest, user.id, QStringLiteral("Позвонить"), clock.now().addSecs(3600)));
        });
        QCOMPARE(walked, 22);
    }

    void cleanupTestCase() { t.close(); }
};

QTEST_MAIN(TestRolesWrites)
#include "tst_roleswrites.moc"
