// "Задачи на сегодня" under Xvfb, in Russian, on a fixed clock: what is due today, overdue ones
// marked and first, the shared pool after the consultant's own; done and put-off tasks leave the
// list and are stored as mutations.
#include "clippedtexts.h"
#include "kasp/crm/ui/taskagendapanel.h"
#include "kasp/crm/ui/teamtasksdialog.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/touchrepository.h"
#include "kasp/testsupport/testdb.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QtTest>

using namespace kasp;
using crm::ui::TaskAgendaModel;
using crm::ui::TaskAgendaPanel;

class TestTaskAgenda : public QObject
{
    Q_OBJECT
    test::TestDatabase t;
    FixedClock clock{QDateTime(QDate(2026, 11, 24), QTime(12, 0))}; // local noon
    const Id me = newId();
    const Id colleague = newId();
    Id guestId;

    Id task(const QString &title, const Id &assignee, const QDateTime &due, bool done = false,
            TaskKind kind = TaskKind::Other)
    {
        crm::TaskService service(t.db, clock);
        auto made = service.create(guestId, assignee, title, due, kind);
        if (!made.ok())
            return {};
        if (done && !service.complete(made.value().id).ok())
            return {};
        return made.value().id;
    }

    void shoot(QWidget *w, const QString &name)
    {
        if (!qEnvironmentVariableIsEmpty("KASP_SCREENSHOT_DIR"))
            w->grab().save(qEnvironmentVariable("KASP_SCREENSHOT_DIR") + QLatin1Char('/') + name);
    }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QVERIFY(app::installTranslations(QStringLiteral("ru")));
        t = test::TestDatabase::create(QStringLiteral("tasks"));
        Guest g;
        g.id = newId();
        g.lastName = QStringLiteral("Задачина");
        g.firstName = QStringLiteral("Вера");
        g.phones = {Phone::parse(QStringLiteral("+7 916 700-20-01")).value()};
        QVERIFY(storage::GuestRepository(t.db, clock).create(g).ok());
        guestId = g.id;
    }

    void todayOverdueFirstThenThePool()
    {
        const QDate today = clock.now().date();
        const Id yesterday = task(QStringLiteral("Перезвонить про путёвку"), me,
                                  QDateTime(today.addDays(-1), QTime(10, 0)), false, TaskKind::CallBack);
        const Id morning = task(QStringLiteral("Отправить предложение"), me, QDateTime(today, QTime(9, 0)));
        const Id afternoon = task(QStringLiteral("Напомнить о санаторно-курортной карте"), me,
                                  QDateTime(today, QTime(15, 30)));
        QVERIFY(!task(QStringLiteral("Завтрашняя"), me, QDateTime(today.addDays(1), QTime(9, 0))).isNull());
        QVERIFY(!task(QStringLiteral("Сделанная"), me, QDateTime(today, QTime(8, 0)), true).isNull());
        QVERIFY(!task(QStringLiteral("Коллеги"), colleague, QDateTime(today, QTime(8, 0))).isNull());
        const Id pool = task(QStringLiteral("Пропущенный звонок"), Id(), QDateTime(today, QTime(11, 0)));

        crm::TaskService service(t.db, clock);
        TaskAgendaPanel panel(service, clock);
        QAbstractItemModelTester tester(panel.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.setUser(me);
        panel.resize(420, 360);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        TaskAgendaModel *m = panel.model();
        QCOMPARE(m->rowCount(), 4);
        QCOMPARE(m->mineCount(), 3);
        const QList<Id> order{yesterday, morning, afternoon, pool};
        for (int row = 0; row < 4; ++row)
            QCOMPARE(m->index(row, 0).data(TaskAgendaModel::TaskIdRole).value<Id>(), order.at(row));
        QCOMPARE(m->overdueCount(), 2);
        QVERIFY(m->index(0, 1).data(TaskAgendaModel::OverdueRole).toBool());
        QVERIFY(m->index(0, 1).data(Qt::ForegroundRole).isValid());
        QVERIFY(!m->index(2, 1).data(TaskAgendaModel::OverdueRole).toBool());
        QVERIFY(m->index(3, 1).data(TaskAgendaModel::PoolRole).toBool());
        QCOMPARE(m->index(2, TaskAgendaModel::TitleColumn).data().toString(),
                 QStringLiteral("Задачина Вера\nНапомнить о санаторно-курортной карте"));
        QCOMPARE(m->index(0, TaskAgendaModel::DueColumn).data().toString().left(6),
                 QStringLiteral("23.11\n"));
        // The kind at a glance: a call-back is marked ☎, and the tooltip names it.
        QCOMPARE(m->index(0, TaskAgendaModel::TitleColumn).data().toString(),
                 QStringLiteral("Задачина Вера\n\u260E Перезвонить про путёвку"));
        QCOMPARE(m->index(0, 1).data(TaskAgendaModel::KindRole).toString(), QStringLiteral("call_back"));
        QVERIFY(m->index(0, 1).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Вид: Перезвонить")));
        const QString summary = panel.summary()->text();
        QVERIFY2(summary.contains(QStringLiteral("3 задачи")) &&
                     summary.contains(QStringLiteral("2 просрочены")),
                 qPrintable(summary));
        shoot(&panel, QStringLiteral("tasks-today.png"));
        const QStringList clipped = test::clippedTexts(&panel);
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral(" | "))));

        // Done: the list closes up and the next task is selected.
        panel.view()->setCurrentIndex(m->index(1, 1));
        QSignalSpy changed(&panel, &TaskAgendaPanel::tasksChanged);
        QVERIFY(panel.completeCurrent());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(m->rowCount(), 3);
        QCOMPARE(panel.view()->currentIndex().data(TaskAgendaModel::TaskIdRole).value<Id>(), afternoon);
        QCOMPARE(storage::Outbox(t.db).pending(1000).value().last().name, QStringLiteral("task.set_status"));

        // «Позвонить» (the row's menu) calls the task's guest on their main number; the pool's
        // missed call has no guest here, so nothing to call.
        QList<std::pair<Id, QString>> calls;
        connect(&panel, &TaskAgendaPanel::callRequested, this, [&](const Id &who, const Phone &phone) {
            calls.append({who, phone.e164()});
        });
        QVERIFY(panel.callCurrent());
        QCOMPARE(calls.size(), 1);
        QCOMPARE(calls.first().first, guestId);
        QCOMPARE(calls.first().second, QStringLiteral("+79167002001"));

        // Yesterday's put off "to tomorrow" lands tomorrow at its own hour, not today.
        panel.view()->setCurrentIndex(m->index(0, 1));
        QVERIFY(panel.postponeCurrent());
        QCOMPARE(m->rowCount(), 2);
        const QList<Task> tasks = storage::TaskRepository(t.db, clock).forGuest(guestId).value();
        for (const Task &each : tasks)
            if (each.id == yesterday)
                QCOMPARE(each.due.toLocalTime(), QDateTime(today.addDays(1), QTime(10, 0)));
        QCOMPARE(storage::Outbox(t.db).pending(1000).value().last().name, QStringLiteral("task.reschedule"));

        // An hour later the afternoon task is still not overdue; at 16:00 it is.
        clock.set(QDateTime(today, QTime(16, 0)));
        panel.reload();
        QCOMPARE(m->overdueCount(), 1);
    }

    // A consultant's dock is narrow (issue 21: «☎ Перезвонить г…»): the guest's name comes first and
    // a long name or task wraps in its row, at the dock's default width and at its narrowest.
    void aLongNameAndTaskWrapInANarrowDock()
    {
        Guest g;
        g.id = newId();
        g.lastName = QStringLiteral("Константинопольская");
        g.firstName = QStringLiteral("Александра");
        g.middleName = QStringLiteral("Владиславовна");
        g.phones = {Phone::parse(QStringLiteral("+7 903 555-01-99")).value()};
        QVERIFY(storage::GuestRepository(t.db, clock).create(g).ok());
        crm::TaskService service(t.db, clock);
        const QDate today = clock.now().date();
        const Id other = newId();
        QVERIFY(service
                    .create(g.id, other, QStringLiteral("Перезвонить: пропущенный звонок, +7 903 555-01-99"),
                            QDateTime(today.addDays(-3), QTime(9, 0)), TaskKind::CallBack)
                    .ok());
        QVERIFY(service
                    .create(g.id, other, QStringLiteral("Перезвонить гостю"), QDateTime(today, QTime(18, 0)),
                            TaskKind::CallBack)
                    .ok());
        TaskAgendaPanel panel(service, clock);
        panel.setUser(other);
        QCOMPARE(panel.model()->mineCount(), 2);
        QCOMPARE(panel.model()->index(0, TaskAgendaModel::TitleColumn).data().toString(),
                 QStringLiteral("Константинопольская Александра Владиславовна\n"
                                "\u260E Перезвонить: пропущенный звонок, +7 903 555-01-99"));
        // 300: the window's default dock (320) less its frame; 240: the panel's minimum.
        for (const int width : {300, 240}) {
            panel.resize(width, 400);
            panel.show();
            QVERIFY(QTest::qWaitForWindowExposed(&panel));
            QTest::qWait(50); // the rows take their heights after the columns'
            const QStringList cut = test::cutCells(panel.view());
            QVERIFY2(cut.isEmpty(),
                     qPrintable(QStringLiteral("%1 px: ").arg(width) + cut.join(QStringLiteral(" | "))));
            QVERIFY(panel.view()->horizontalScrollBar()->maximum() == 0);
            shoot(&panel, QStringLiteral("tasks-narrow-%1.png").arg(width));
        }
    }

    // «Выполнено» on a call-back asks what came of it (issue 21): reached, the task is done and
    // the card keeps what the guest said; not reached, the task waits until tomorrow; cancelled,
    // nothing changes.
    void aCallBackAsksForItsResult()
    {
        const QDate today = clock.now().date();
        const QDateTime due(today, QTime(17, 0));
        const Id first =
            task(QStringLiteral("Перезвонить: пропущенный звонок"), me, due, false, TaskKind::CallBack);
        crm::TaskService service(t.db, clock);
        TaskAgendaPanel panel(service, clock);
        panel.setUser(me);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const auto select = [&](const Id &id) {
            for (int row = 0; row < panel.model()->rowCount(); ++row)
                if (panel.model()->index(row, 0).data(TaskAgendaModel::TaskIdRole).value<Id>() == id) {
                    panel.view()->setCurrentIndex(panel.model()->index(row, 1));
                    return true;
                }
            return false;
        };
        const auto answer = [&](const char *choice, const QString &note, bool accept) {
            QTimer::singleShot(0, this, [=, this] {
                auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
                QVERIFY(dialog);
                QCOMPARE(dialog->objectName(), QStringLiteral("callBackResultDialog"));
                dialog->findChild<QRadioButton *>(QLatin1String(choice))->setChecked(true);
                dialog->findChild<QLineEdit *>(QStringLiteral("note"))->setText(note);
                shoot(dialog, QStringLiteral("callback-result.png"));
                accept ? dialog->accept() : dialog->reject();
            });
        };
        const auto taskNow = [&](const Id &id) {
            for (const Task &each : storage::TaskRepository(t.db, clock).forGuest(guestId).value())
                if (each.id == id)
                    return each;
            return Task{};
        };
        const auto lastNote = [&] {
            for (const Touch &touch : storage::TouchRepository(t.db, clock).forGuest(guestId, 20).value())
                if (touch.kind == TouchKind::Note)
                    return touch.note;
            return QString();
        };

        QVERIFY(select(first));
        answer("reached", QStringLiteral("хочет в июле"), false); // cancelled: nothing changes
        QVERIFY(!panel.completeCurrent());
        QCOMPARE(taskNow(first).status, TaskStatus::Open);

        QVERIFY(select(first));
        answer("notReached", QStringLiteral("не берёт трубку"), true);
        QVERIFY(panel.completeCurrent());
        QCOMPARE(taskNow(first).status, TaskStatus::Open);
        QCOMPARE(taskNow(first).due.toLocalTime(), QDateTime(today.addDays(1), QTime(17, 0)));
        QCOMPARE(lastNote(), QStringLiteral("Не дозвонились: не берёт трубку"));

        const Id second = task(QStringLiteral("Перезвонить гостю"), me, due, false, TaskKind::CallBack);
        panel.reload();
        QVERIFY(select(second));
        answer("reached", QStringLiteral("хочет в июле, двое взрослых"), true);
        QVERIFY(panel.completeCurrent());
        QCOMPARE(taskNow(second).status, TaskStatus::Done);
        QCOMPARE(lastNote(), QStringLiteral("Перезвонили: хочет в июле, двое взрослых"));
    }

    // «Задачи команды» (issue 21: the head of sales and the director had no view of the team's
    // tasks): each person's tasks for today and what is overdue, the worst first; a row shows
    // that person's list. A director and an inactive user are not listed.
    void theTeamsTasksWorstFirst()
    {
        clock.set(QDateTime(QDate(2026, 11, 24), QTime(12, 0)));
        const QDate today = clock.now().date();
        const auto person = [](const QString &name, Role role, bool active = true) {
            User u;
            u.id = newId();
            u.displayName = name;
            u.role = role;
            u.active = active;
            return u;
        };
        const User alla = person(QStringLiteral("Алла Консультант"), Role::Consultant);
        const User boris = person(QStringLiteral("Борис Консультант"), Role::Consultant);
        const User gone = person(QStringLiteral("Уволенная"), Role::Consultant, false);
        const User boss = person(QStringLiteral("Директор"), Role::Director);
        QVERIFY(!task(QStringLiteral("Перезвонить"), alla.id, QDateTime(today, QTime(16, 0))).isNull());
        QVERIFY(!task(QStringLiteral("Перезвонить"), boris.id, QDateTime(today.addDays(-3), QTime(9, 0)))
                     .isNull());
        QVERIFY(!task(QStringLiteral("Перезвонить"), boris.id, QDateTime(today, QTime(10, 0))).isNull());
        QVERIFY(!task(QStringLiteral("Отправить"), boris.id, QDateTime(today, QTime(15, 0))).isNull());
        QVERIFY(!task(QStringLiteral("Завтра"), boris.id, QDateTime(today.addDays(1), QTime(9, 0))).isNull());
        QVERIFY(!task(QStringLiteral("Сделано"), boris.id, QDateTime(today, QTime(9, 0)), true).isNull());

        crm::TaskService service(t.db, clock);
        crm::ui::TeamTasksDialog dialog(service, {alla, boris, gone, boss}, clock);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTableWidget *team = dialog.team();
        QCOMPARE(team->rowCount(), 2);
        QCOMPARE(team->item(0, 0)->text(), boris.displayName); // two overdue
        QCOMPARE(team->item(0, 1)->text(), QStringLiteral("3"));
        QCOMPARE(team->item(0, 2)->text(), QStringLiteral("2"));
        QVERIFY(team->item(0, 3)->text().startsWith(QStringLiteral("21.11")));
        QCOMPARE(team->item(1, 0)->text(), alla.displayName);
        QCOMPARE(team->item(1, 2)->text(), QStringLiteral("0"));
        QVERIFY2(dialog.summaryText().contains(QStringLiteral("4 задачи")) &&
                     dialog.summaryText().contains(QStringLiteral("2 просрочены")),
                 qPrintable(dialog.summaryText()));
        QCOMPARE(dialog.tasks()->rowCount(), 3); // Boris's list, selected first
        QVERIFY(dialog.tasks()->index(0, 1).data(TaskAgendaModel::OverdueRole).toBool());
        team->setCurrentCell(1, 0);
        QCOMPARE(dialog.tasks()->rowCount(), 1);
        shoot(&dialog, QStringLiteral("team-tasks.png"));
        const QStringList clipped = test::clippedTexts(&dialog);
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral(" | "))));
    }

    // Reminders: a task is announced once, when its time comes (a minute of lead); what was
    // already overdue at the first load, or is not due yet, is not.
    void tasksComeDueOnce()
    {
        const QDate today = clock.now().toLocalTime().date();
        clock.set(QDateTime(today, QTime(16, 10)));
        const Id soon = task(QStringLiteral("Перезвонить в 16:30"), me, QDateTime(today, QTime(16, 30)));
        QVERIFY(!soon.isNull());
        crm::TaskService service(t.db, clock);
        TaskAgendaPanel panel(service, clock);
        QSignalSpy due(&panel, &TaskAgendaPanel::tasksDue);
        panel.setUser(me); // the first load: overdue tasks are in red, not announced
        QCOMPARE(due.size(), 0);
        clock.set(QDateTime(today, QTime(16, 20)));
        panel.reload();
        QCOMPARE(due.size(), 0);
        clock.set(QDateTime(today, QTime(16, 29, 30))); // within the minute of lead
        panel.reload();
        QCOMPARE(due.size(), 1);
        const auto announced = due.first().first().value<QList<storage::AgendaTask>>();
        QCOMPARE(announced.size(), 1);
        QCOMPARE(announced.first().task.id, soon);
        QCOMPARE(announced.first().guestName, QStringLiteral("Задачина Вера"));
        clock.set(QDateTime(today, QTime(16, 31)));
        panel.reload();
        clock.set(QDateTime(today, QTime(16, 45)));
        panel.reload();
        QCOMPARE(due.size(), 1); // once

        // A task that arrives after its time (a colleague's, pulled by a sync at 16:45 though due at
        // 16:40) is announced at once, and once.
        const Id late =
            task(QStringLiteral("Перезвонить: пропущенный звонок"), me, QDateTime(today, QTime(16, 40)));
        QVERIFY(!late.isNull());
        // A backlog pulled with it (due yesterday: a first sync, a resync) is not announced.
        QVERIFY(
            !task(QStringLiteral("Старый долг"), me, QDateTime(today.addDays(-1), QTime(11, 0))).isNull());
        panel.reload();
        QCOMPARE(due.size(), 2);
        const auto lateOnes = due.last().first().value<QList<storage::AgendaTask>>();
        QCOMPARE(lateOnes.size(), 1);
        QCOMPARE(lateOnes.first().task.id, late);
        clock.set(QDateTime(today, QTime(16, 50)));
        panel.reload();
        QCOMPARE(due.size(), 2);
    }
};

QTEST_MAIN(TestTaskAgenda)
#include "tst_taskagenda.moc"
