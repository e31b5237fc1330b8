// The Sales Window in English (--lang en) on the demo sanatorium, and again in Russian (issue 21):
// the deal board's stages, the tasks the program made (the demo's «Перезвонить гостю» and a missed
// call's call-back, both stored in Russian), the card's stay count with English plurals («1 stay»,
// «2 stays», not «stay(s)») and the timeline's dates in the chosen language's one short form.
// Screenshots of the window, a card, the deal board and the task dock in both languages.
#include "appcontext.h"
#include "kasp/core/datetext.h"
#include "kasp/core/guestsegment.h"
#include "kasp/core/programtext.h"
#include "kasp/crm/calljournal.h"
#include "kasp/crm/guestservice.h"
#include "kasp/crm/taskservice.h"
#include "kasp/crm/ui/dealboardpanel.h"
#include "kasp/crm/ui/dealcolumnmodel.h"
#include "kasp/crm/ui/guestcardpanel.h"
#include "kasp/crm/ui/taskagendapanel.h"
#include "kasp/crm/ui/taskdialog.h"
#include "kasp/crm/ui/timelinemodel.h"
#include "kasp/demo/demogenerator.h"
#include "kasp/session/settings.h"
#include "kasp/storage/userrepository.h"
#include "kasp/testsupport/testdb.h"
#include "mainwindow.h"
#include "translations.h"

#include <QDateTimeEdit>
#include <QDockWidget>
#include <QLabel>
#include <QListView>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTableView>
#include <QTabWidget>
#include <QtTest>

using namespace kasp;

class TestLanguage : public QObject
{
    Q_OBJECT
    test::TestDatabase t;
    SystemClock clock;
    std::unique_ptr<session::Settings> settings;
    User consultant;
    Id oneStay, twoStays, caller;
    QString callerName;

    void shoot(QWidget *w, const QString &name)
    {
        if (!qEnvironmentVariableIsEmpty("KASP_SCREENSHOT_DIR"))
            w->grab().save(qEnvironmentVariable("KASP_SCREENSHOT_DIR") + QLatin1Char('/') + name);
    }

    // A guest with exactly `lived` stays that took place and none ahead.
    Id guestWithStays(int lived)
    {
        crm::GuestService service(t.db, clock);
        QSqlQuery q(t.db);
        if (!q.exec(QStringLiteral(
                        "SELECT guest_id FROM bookings GROUP BY guest_id HAVING count(*) = %1 LIMIT 200")
                        .arg(lived)))
            return {};
        while (q.next()) {
            const Id id = idFromString(q.value(0).toString());
            auto card = service.card(id);
            if (!card.ok())
                continue;
            const StayCounts counts = countStays(card.value().stays, clock.today());
            if (counts.lived == lived && counts.ahead == 0)
                return id;
        }
        return {};
    }

    QStringList agendaTitles(crm::ui::TaskAgendaPanel *agenda)
    {
        QStringList titles;
        for (int row = 0; row < agenda->model()->rowCount(); ++row)
            titles << agenda->model()
                          ->index(row, crm::ui::TaskAgendaModel::TitleColumn)
                          .data()
                          .toString()
                          .replace(QLatin1Char('\n'), QLatin1Char(' '));
        return titles;
    }

    QString summaryOf(app::MainWindow &window, const Id &guest)
    {
        window.openGuest(guest);
        auto *summary = window.findChild<QLabel *>(QStringLiteral("guestSummary"));
        return summary ? summary->text() : QString();
    }

    struct Expected
    {
        QString lang, newStage, lostStage, demoTask, demoDeal, missedTask, missedNote;
        QString oneStay, twoStays;
        QRegularExpression when; // the timeline's date and time
        QRegularExpression due;  // the task dock's day and month of an older task
    };

    void walkTheWindow(const Expected &e)
    {
        app::installTranslations(e.lang);
        app::AppContext context(t.db, clock, consultant, *settings, {t.path, 1, true});
        app::MainWindow window(context);
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // The task dock: the demo's call-backs and the missed call's, both stored in Russian.
        auto *agenda = window.taskAgenda();
        QTRY_VERIFY(agenda->model()->rowCount() > 0);
        const QStringList titles = agendaTitles(agenda);
        QVERIFY2(titles.filter(e.demoTask).size() > 0, qPrintable(titles.mid(0, 5).join(QLatin1Char('|'))));
        QVERIFY2(titles.filter(e.missedTask.arg(callerName)).size() == 1,
                 qPrintable(titles.filter(callerName).join(QLatin1Char('|'))));
        bool olderDue = false;
        for (int row = 0; row < agenda->model()->rowCount() && !olderDue; ++row) {
            const QString due =
                agenda->model()->index(row, crm::ui::TaskAgendaModel::DueColumn).data().toString();
            if (due.contains(QLatin1Char('\n'))) {
                QVERIFY2(e.due.match(due).hasMatch(), qPrintable(due));
                olderDue = true;
            }
        }
        QVERIFY2(olderDue, "the demo has overdue tasks of earlier days");
        shoot(&window, QStringLiteral("language-%1-window.png").arg(e.lang));
        QWidget *dock = agenda;
        while (dock->parentWidget() && !qobject_cast<QDockWidget *>(dock))
            dock = dock->parentWidget();
        shoot(qobject_cast<QDockWidget *>(dock) ? dock : agenda,
              QStringLiteral("language-%1-tasks.png").arg(e.lang));

        // The card: stays counted with the language's plural forms; the timeline's dates.
        const QString one = summaryOf(window, oneStay);
        QVERIFY2(one.startsWith(e.oneStay + QStringLiteral(" · ")), qPrintable(one));
        const QString two = summaryOf(window, twoStays);
        QVERIFY2(two.startsWith(e.twoStays + QStringLiteral(" · ")), qPrintable(two));
        QVERIFY2(!two.contains(QStringLiteral("(s)")), qPrintable(two));
        const auto *timeline = window.cardPanel()->timeline();
        QVERIFY(timeline->rowCount() > 0);
        for (int row = 0; row < timeline->rowCount(); ++row) {
            const QString when = timeline->index(row, crm::ui::TimelineModel::WhenColumn).data().toString();
            QVERIFY2(e.when.match(when).hasMatch(), qPrintable(when));
        }
        shoot(window.cardPanel(), QStringLiteral("language-%1-card.png").arg(e.lang));

        // The missed call's line on the caller's timeline, written by the program in Russian.
        window.openGuest(caller);
        QStringList details;
        for (int row = 0; row < timeline->rowCount(); ++row)
            details << timeline->index(row, crm::ui::TimelineModel::DetailsColumn).data().toString();
        QVERIFY2(details.filter(e.missedNote).size() > 0, qPrintable(details.join(QLatin1Char('|'))));

        // The deal board: the built-in stages and the demo's deals.
        window.showDeals();
        auto *board = window.dealBoard();
        QTRY_VERIFY(board->columnModel(dealstage::New) != nullptr);
        QCOMPARE(board->columnModel(dealstage::New)->column().title, e.newStage);
        QCOMPARE(board->columnModel(dealstage::Lost)->column().title, e.lostStage);
        QStringList headers;
        for (QLabel *label : board->findChildren<QLabel *>())
            if (label->isVisible())
                headers << label->text();
        QVERIFY2(headers.filter(e.newStage).size() > 0, qPrintable(headers.join(QLatin1Char('|'))));
        auto *fresh = board->columnModel(dealstage::New);
        QStringList deals;
        for (int row = 0; row < fresh->rowCount(); ++row)
            deals << fresh->index(row).data().toString();
        QVERIFY2(deals.contains(e.demoDeal), qPrintable(deals.mid(0, 5).join(QLatin1Char('|'))));
        QTest::qWait(100);
        shoot(board, QStringLiteral("language-%1-deals.png").arg(e.lang));

        // The room grid's months and days in the language.
        window.showGrid();
        QTest::qWait(100);
        shoot(window.tabs()->currentWidget(), QStringLiteral("language-%1-grid.png").arg(e.lang));

        // A date field takes the language's own form.
        crm::TaskService tasks(t.db, clock);
        crm::ui::TaskDialog dialog(tasks, caller, callerName, {consultant}, consultant.id, clock);
        QCOMPARE(dialog.dueEdit()->displayFormat(), datetext::dateTimeEditFormat());
        QVERIFY(dialog.dueEdit()->text().startsWith(
            QLocale().toString(dialog.dueEdit()->date(), datetext::dateEditFormat())));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        shoot(&dialog, QStringLiteral("language-%1-task-dialog.png").arg(e.lang));
    }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QVERIFY(app::installTranslations(QStringLiteral("ru")));
        t = test::TestDatabase::create(QStringLiteral("language"));
        demo::DemoOptions options;
        options.guests = 1500;
        options.years = 2;
        options.stays = 1200; // about one a guest: some have one stay, some two
        options.today = clock.today();
        auto made = demo::generateDemo(t.db, options);
        QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().message));
        settings = std::make_unique<session::Settings>(test::makeTempDir(QStringLiteral("settings")) +
                                                       QStringLiteral("/k.ini"));
        for (const User &u : storage::UserRepository(t.db, clock).all().value())
            if (u.role == Role::Consultant && consultant.id.isNull())
                consultant = u;
        QVERIFY(!consultant.id.isNull());
        oneStay = guestWithStays(1);
        twoStays = guestWithStays(2);
        QVERIFY(!oneStay.isNull() && !twoStays.isNull());

        // A missed call from one of the consultant's guests, recorded by the desk in Russian: its
        // call-back task and the timeline's line are stored as «Перезвонить: …», «Пропущенный …».
        QSqlQuery q(t.db);
        QVERIFY(q.exec(
            QStringLiteral("SELECT g.id, p.e164 FROM guests g JOIN guest_phones p ON p.guest_id = g.id "
                           "WHERE g.manager_id = '%1' AND g.last_name <> '' LIMIT 1")
                .arg(idToString(consultant.id))));
        QVERIFY(q.next());
        caller = idFromString(q.value(0).toString());
        crm::FinishedCall call;
        call.remoteUser = q.value(1).toString();
        call.result = QStringLiteral("missed");
        call.guestId = caller;
        QVERIFY(crm::CallJournal(t.db, clock).record(call).ok());
        callerName = crm::GuestService(t.db, clock).card(caller).value().guest.displayName();
        QSqlQuery stored(t.db);
        QVERIFY(
            stored.exec(QStringLiteral("SELECT title FROM tasks WHERE guest_id = '%1' AND kind = 'call_back'")
                            .arg(idToString(caller))));
        QVERIFY(stored.next());
        QVERIFY2(stored.value(0).toString().startsWith(QStringLiteral("Перезвонить")),
                 qPrintable(stored.value(0).toString()));
    }

    // Stored texts the program wrote are said again in the reader's language; typed ones stay.
    void storedProgramTextsFollowTheLanguage()
    {
        app::installTranslations(QStringLiteral("en"));
        QCOMPARE(programtext::display(QStringLiteral("Перезвонить гостю")),
                 QStringLiteral("Call the guest back"));
        QCOMPARE(
            programtext::display(QStringLiteral("в брони — Номер 101 (Стандарт), 24 дек. – 28 дек. 2027, "
                                                "30 000,00 ₽")),
            QStringLiteral("on hold — Room 101 (Стандарт), 24 Dec – 28 Dec 2027, 30 000,00 ₽"));
        QCOMPARE(programtext::display(QStringLiteral("Заезд 05.01.27, 14 ночей")),
                 QStringLiteral("Stay from 1/5/27, 14 nights"));
        QCOMPARE(programtext::display(QStringLiteral("Заезд 05.01.27, 1 ночь")),
                 QStringLiteral("Stay from 1/5/27, 1 night"));
        QCOMPARE(programtext::display(QStringLiteral("Подбор путёвки: Новое обращение → Квалификация")),
                 QStringLiteral("Choosing a stay: New request → Qualified"));
        QCOMPARE(programtext::display(QStringLiteral("Перезвонили: хочет в июле")),
                 QStringLiteral("Called back: хочет в июле"));
        QCOMPARE(programtext::display(QStringLiteral("Позвонить в июле")),
                 QStringLiteral("Позвонить в июле"));
        QCOMPARE(programtext::display(QString()), QString());
        // An English desk's text reads in Russian on a Russian one.
        app::installTranslations(QStringLiteral("ru"));
        QCOMPARE(programtext::display(QStringLiteral("Call back: missed call from Иванова Мария")),
                 QCoreApplication::translate("kasp::crm", "Call back: missed call from %1")
                     .arg(QStringLiteral("Иванова Мария")));
        QCOMPARE(programtext::display(QStringLiteral("Перезвонить гостю")),
                 QStringLiteral("Перезвонить гостю"));
    }

    // One short form per language: what the lists show and what the date fields take.
    void dateFormatsFollowTheLanguage()
    {
        const QLocale en(QLocale::English, QLocale::UnitedStates), ru(QLocale::Russian, QLocale::Russia);
        QCOMPARE(datetext::dayMonthFormat(en), QStringLiteral("M/d"));
        QCOMPARE(datetext::dayMonthFormat(ru), QStringLiteral("dd.MM"));
        QCOMPARE(datetext::dateEditFormat(en), QStringLiteral("M/d/yyyy"));
        QCOMPARE(datetext::dateEditFormat(ru), QStringLiteral("dd.MM.yyyy"));
        QCOMPARE(datetext::dateTimeEditFormat(ru), QStringLiteral("dd.MM.yyyy HH:mm"));
        QVERIFY(datetext::dateTimeEditFormat(en).startsWith(QStringLiteral("M/d/yyyy h:mm")));
    }

    void theWindowInEnglish()
    {
        app::installTranslations(QStringLiteral("en"));
        walkTheWindow({QStringLiteral("en"), QStringLiteral("New request"), QStringLiteral("Lost"),
                       QStringLiteral("☎ Call the guest back"), QStringLiteral("Choosing a stay"),
                       QStringLiteral("Call back: missed call from %1"), QStringLiteral("Missed call from"),
                       QStringLiteral("1 stay"), QStringLiteral("2 stays"),
                       // "6/6/24 11:25 AM", "ahead: 1/30/27 12:00 PM"
                       QRegularExpression(
                           QStringLiteral("^(ahead: )?\\d{1,2}/\\d{1,2}/\\d\\d \\d{1,2}:\\d\\d\\s?[AP]M$")),
                       QRegularExpression(QStringLiteral("^\\d{1,2}/\\d{1,2}\\n\\d{1,2}:\\d\\d\\s?[AP]M$"))});
    }

    void theWindowInRussian()
    {
        QVERIFY(app::installTranslations(QStringLiteral("ru"))); // before the expected texts are made
        walkTheWindow(
            {QStringLiteral("ru"), QStringLiteral("Новое обращение"),
             QCoreApplication::translate("kasp::DealPipeline", "Lost"), QStringLiteral("☎ Перезвонить гостю"),
             QStringLiteral("Подбор путёвки"),
             QCoreApplication::translate("kasp::crm", "Call back: missed call from %1"),
             QStringLiteral("Пропущенный звонок"), QStringLiteral("1 заезд"), QStringLiteral("2 заезда"),
             QRegularExpression(QStringLiteral("^(впереди: )?\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d$")),
             QRegularExpression(QStringLiteral("^\\d\\d\\.\\d\\d\\n\\d\\d:\\d\\d$"))});
    }
};

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
