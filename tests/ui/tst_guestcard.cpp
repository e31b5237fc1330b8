// The guest card's work in the Sales Window under Xvfb: duplicates, undo of the last edit and
// the task form. Duplicates: the card says which cards
// look like it, the link opens both side by side, a choice of surname is kept, Merge moves the history and
// the window follows; the whole-base search finds the demo's twins. Screenshots for people to look at.
#include "appcontext.h"
#include "clippedtexts.h"
#include "kasp/booking/bookingservice.h"
#include "kasp/crm/duplicateservice.h"
#include "kasp/crm/guestservice.h"
#include "kasp/crm/ui/consentdialog.h"
#include "kasp/crm/ui/duplicatesdialog.h"
#include "kasp/crm/ui/guestcardpanel.h"
#include "kasp/crm/ui/guesteditdialog.h"
#include "kasp/crm/ui/mergecomparisonview.h"
#include "kasp/crm/ui/taskdialog.h"
#include "kasp/crm/ui/timelinefiltermodel.h"
#include "kasp/demo/demogenerator.h"
#include "kasp/session/settings.h"
#include "kasp/storage/bookingrepository.h"
#include "kasp/storage/roomrepository.h"
#include "kasp/storage/taskrepository.h"
#include "kasp/storage/touchrepository.h"
#include "kasp/storage/userrepository.h"
#include "kasp/testsupport/testdb.h"
#include "mainwindow.h"
#include "taskscontroller.h"
#include "translations.h"
#include "traynotifier.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QtTest>

using namespace kasp;

class TestGuestCard : public QObject
{
    Q_OBJECT
    test::TestDatabase t;
    SystemClock clock;
    std::unique_ptr<crm::GuestService> service;
    std::unique_ptr<session::Settings> settings;
    User consultant;

    void shoot(QWidget *widget, const QString &name)
    {
        QTest::qWait(50); // widgets added to a shown layout appear with the next event loop turn
        if (!qEnvironmentVariableIsEmpty("KASP_SCREENSHOT_DIR"))
            widget->grab().save(qEnvironmentVariable("KASP_SCREENSHOT_DIR") + QLatin1Char('/') + name);
    }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QVERIFY(app::installTranslations(QStringLiteral("ru")));
        t = test::TestDatabase::create(QStringLiteral("dup"));
        demo::DemoOptions options;
        options.guests = 1200; // twins at 499 (name and birth date) and 999 (phone)
        options.today = QDate::currentDate();
        QVERIFY(demo::generateDemo(t.db, options).ok());
        service = std::make_unique<crm::GuestService>(t.db, clock);
        settings = std::make_unique<session::Settings>(test::makeTempDir(QStringLiteral("settings")) +
                                                       QStringLiteral("/k.ini"));
        for (const User &u : storage::UserRepository(t.db, clock).all().value())
            if (u.role == Role::Consultant && consultant.id.isNull())
                consultant = u;
    }

    void cardLinkComparesAndMerges()
    {
        Guest first;
        first.lastName = QStringLiteral("Двойникова");
        first.firstName = QStringLiteral("Галина");
        first.middleName = QStringLiteral("Петровна");
        first.birthDate = QDate(1961, 4, 12);
        first.phones = {Phone::parse(QStringLiteral("+7 916 404-40-40")).value()};
        const Id keepId = service->save(first).value();
        QTest::qWait(5); // a later creation time: this one is the newer card
        Guest second;
        second.lastName = QStringLiteral("Двойникова-Сидоренко");
        second.firstName = QStringLiteral("Галина");
        second.phones = {Phone::parse(QStringLiteral("8 916 404 40 40")).value(),
                         Phone::parse(QStringLiteral("+7 903 404-40-41")).value()};
        second.emails = {QStringLiteral("galina@mail.ru")};
        const Id otherId = service->save(second).value();
        QVERIFY(storage::TouchRepository(t.db, clock)
                    .add(Touch{newId(), otherId, Id(), TouchKind::WebRequest, clock.now()})
                    .ok());

        app::AppContext context(t.db, clock, consultant, *settings, {t.path, 6, true});
        app::MainWindow window(context);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openGuest(keepId);
        auto *alike = window.cardPanel()->findChild<QLabel *>(QStringLiteral("guestDuplicates"));
        QVERIFY(alike->isVisible());
        QVERIFY2(alike->text().contains(QStringLiteral("Двойникова-Сидоренко")), qPrintable(alike->text()));
        QVERIFY2(alike->text().contains(QStringLiteral("тот же телефон")), qPrintable(alike->text()));
        shoot(&window, QStringLiteral("card-looks-like.png"));

        emit alike->linkActivated(idToString(otherId));
        crm::ui::DuplicatesDialog *dialog = window.duplicatesDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(dialog->pairCount(), 1);
        crm::ui::MergeComparisonView *view = dialog->comparisonView();
        QCOMPARE(view->comparison()->keep.guest.id, keepId); // the older card stays
        QCOMPARE(view->comparison()->other.history.touches, 1);
        QVERIFY(view->otherChoice(MergeField::LastName));
        QVERIFY(!view->otherChoice(MergeField::MiddleName)); // only one card has it: no choice
        view->otherChoice(MergeField::LastName)->click();
        QCOMPARE(view->takenFromOther(), QList<MergeField>{MergeField::LastName});
        // Names whole in the pairs' list (issue 21: they were cut in the middle), and in the comparison.
        const QStringList clipped = test::clippedTexts(dialog) + test::cutCells(dialog->pairsView());
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral(" | "))));
        shoot(dialog, QStringLiteral("duplicates-compare.png"));

        QString asked;
        dialog->setConfirmation([&](const QString &question) {
            asked = question;
            return false;
        });
        QVERIFY(!dialog->mergeSelected()); // "No": nothing happens
        QVERIFY(asked.contains(QStringLiteral("Двойникова-Сидоренко")));
        QVERIFY(service->card(otherId).ok());
        dialog->setConfirmation([](const QString &) { return true; });
        dialog->activateWindow(); // the shortcut works in the active window
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTest::keyClick(dialog, Qt::Key_M, Qt::ControlModifier);
        QTRY_COMPARE(dialog->pairCount(), 0);
        QVERIFY(!service->card(otherId).ok());
        const crm::GuestCard merged = service->card(keepId).value();
        QCOMPARE(merged.guest.lastName, QStringLiteral("Двойникова-Сидоренко"));
        QCOMPARE(merged.guest.middleName, QStringLiteral("Петровна"));
        QCOMPARE(merged.guest.phones.size(), 2);
        QCOMPARE(merged.touches.size(), 1);
        QVERIFY(merged.duplicates.isEmpty());
        QCOMPARE(window.cardPanel()->currentGuest(), keepId);
        QVERIFY(!alike->isVisible()); // the card no longer looks like anyone
    }

    // Editing with undo of the last change: the form saves, the card offers "Undo", Ctrl+Z in the
    // card puts the old values back (one more guest.update), and the offer ends with the card.
    void lastEditIsUndone()
    {
        const Id someone = service->search(QStringLiteral("Ива"), 1).value().first().id;
        const Guest before = service->card(someone).value().guest;
        app::AppContext context(t.db, clock, consultant, *settings, {t.path, 6, true});
        app::MainWindow window(context);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openGuest(someone);
        QVERIFY(!window.cardPanel()->undoButton()->isVisible());
        bool edited = false;
        QTimer::singleShot(0, &window, [&] {
            auto *form = qobject_cast<crm::ui::GuestEditDialog *>(QApplication::activeModalWidget());
            if (!form)
                return;
            form->findChild<QLineEdit *>(QStringLiteral("lastName"))->setText(QStringLiteral("Исправленная"));
            // The city is laid out from the card's table of fields: a line of its own in the form.
            auto *city = form->findChild<QLineEdit *>(QStringLiteral("city"));
            if (city)
                city->setText(QStringLiteral(" Пятигорск "));
            shoot(form, QStringLiteral("guest-form.png"));
            form->accept();
            edited = true;
        });
        window.editGuest();
        QVERIFY(edited);
        QCOMPARE(service->card(someone).value().guest.lastName, QStringLiteral("Исправленная"));
        QCOMPARE(service->card(someone).value().guest.city, QStringLiteral("Пятигорск"));
        QVERIFY2(window.cardPanel()->findChild<QLabel *>(QStringLiteral("guestFacts"))->text().contains(
                     QStringLiteral("город: Пятигорск")),
                 qPrintable(window.cardPanel()->findChild<QLabel *>(QStringLiteral("guestFacts"))->text()));
        QVERIFY(window.cardPanel()->undoButton()->isVisible());
        shoot(&window, QStringLiteral("card-undo.png"));
        // Meanwhile a colleague corrects the first name (as a sync would bring it): the undo puts
        // back only what this edit changed and keeps theirs.
        Guest theirs = service->card(someone).value().guest;
        theirs.firstName = QStringLiteral("Коллегина");
        QVERIFY(service->save(theirs).ok());

        // After the modal form, the window manager-less Xvfb may not hand focus back by itself.
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.cardPanel()->setFocus();
        QTest::keyClick(window.cardPanel(), Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(service->card(someone).value().guest.lastName, before.lastName);
        QCOMPARE(service->card(someone).value().guest.firstName, QStringLiteral("Коллегина"));
        QVERIFY(!window.cardPanel()->undoButton()->isVisible());
        QVERIFY(!window.cardPanel()->undoLastEdit()); // once only
        QCOMPARE(service->card(someone).value().guest.phones, before.phones);
        QCOMPARE(service->card(someone).value().guest.city, before.city); // the undo took it back too
        Guest restored = service->card(someone).value().guest; // later tests search this guest
        restored.firstName = before.firstName;
        QVERIFY(service->save(restored).ok());
    }

    // The RFM badge beside the name: a new caller has not bought; one recent purchase is promising;
    // three purchases make a VIP; a hold or a cancelled booking is no purchase.
    void segmentBadge()
    {
        Guest g;
        g.lastName = QStringLiteral("Сегментова");
        g.firstName = QStringLiteral("Вера");
        g.phones = {Phone::parse(QStringLiteral("+7 916 555-01-02")).value()};
        const Id id = service->save(g).value();
        app::AppContext context(t.db, clock, consultant, *settings, {t.path, 6, true});
        app::MainWindow window(context);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openGuest(id);
        auto *badge = window.cardPanel()->findChild<QLabel *>(QStringLiteral("guestSegment"));
        QVERIFY(badge && badge->isVisible());
        QCOMPARE(badge->property("segment").toString(), QStringLiteral("never"));
        QCOMPARE(badge->text(), QStringLiteral("Покупок ещё не было")); // one wording for women and men

        const QList<Room> rooms = storage::RoomRepository(t.db, clock).rooms().value();
        QVERIFY(rooms.size() >= 3);
        const int year = QDate::currentDate().year();
        const auto book = [&](int roomIndex, int yearsAgo, BookingStatus status) {
            Booking b;
            b.id = newId();
            b.guestId = id;
            b.roomId = rooms.at(roomIndex).id;
            b.stay = Stay::make(QDate(year - yearsAgo - 8, 2, 1), QDate(year - yearsAgo - 8, 2, 15)).value();
            b.total = Money::fromRubles(70000);
            b.prepaid = status == BookingStatus::Hold ? Money() : Money::fromRubles(70000);
            b.status = status;
            b.createdBy = consultant.id;
            b.createdAt = QDateTime(QDate(year - yearsAgo, 1, 20), QTime(12, 0));
            QVERIFY(storage::BookingRepository(t.db, clock).create(b).ok());
        };
        book(0, 0, BookingStatus::Hold);
        window.openGuest(id);
        QCOMPARE(badge->property("segment").toString(), QStringLiteral("never"));
        book(1, 0, BookingStatus::Paid);
        window.openGuest(id);
        QCOMPARE(badge->property("segment").toString(), QStringLiteral("promising"));
        QCOMPARE(badge->text(), QStringLiteral("Перспективный"));
        book(2, 3, BookingStatus::Paid);
        book(0, 5, BookingStatus::Paid);
        window.openGuest(id);
        QCOMPARE(badge->property("segment").toString(), QStringLiteral("vip"));
        QVERIFY2(badge->toolTip().contains(QStringLiteral("3 ")), qPrintable(badge->toolTip()));
        QVERIFY2(badge->toolTip().contains(QStringLiteral("210")), qPrintable(badge->toolTip()));
        const QStringList clipped = test::clippedTexts(window.cardPanel());
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral(" | "))));
        shoot(&window, QStringLiteral("card-segment.png"));
    }

    // «Согласие…» on the card: a consultant records a consent on two channels, the card's line
    // shows it in Russian; withdrawing keeps the history; the director reads it, cannot record it.
    void consentFromTheCard()
    {
        const Id someone = service->search(QStringLiteral("Кузн"), 1).value().first().id;
        {
            app::AppContext context(t.db, clock, consultant, *settings, {t.path, 11, true});
            app::MainWindow window(context);
            window.resize(1280, 800);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.openGuest(someone);
            auto *line = window.cardPanel()->consentLine();
            QVERIFY2(line->text().contains(QStringLiteral("SMS и мессенджеры —")), qPrintable(line->text()));
            QVERIFY(window.cardPanel()->consentButton()->isEnabled());
            const auto record = [&](bool given, ConsentMethod method) {
                bool shown = false;
                window.modalHook = [&](QDialog &d) {
                    auto &form = static_cast<crm::ui::ConsentDialog &>(d);
                    form.show();
                    shown = true;
                    for (ConsentChannel c : consentChannels()) // SMS and e-mail only
                        form.channelBox(c)->setChecked(c == ConsentChannel::Sms ||
                                                       c == ConsentChannel::Email);
                    (given ? form.givenButton() : form.withdrawnButton())->setChecked(true);
                    form.methodBox()->setCurrentIndex(form.methodBox()->findData(int(method)));
                    form.noteEdit()->setText(QStringLiteral("сказала на звонке"));
                    const QStringList clipped = test::clippedTexts(&form);
                    QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral(" | "))));
                    if (given)
                        shoot(&form, QStringLiteral("consent-dialog.png"));
                    form.accept();
                };
                window.cardPanel()->consentButton()->click();
                QVERIFY(shown);
            };
            record(true, ConsentMethod::RecordedCall);
            QVERIFY2(line->text().contains(QStringLiteral("SMS и мессенджеры ✓")), qPrintable(line->text()));
            QVERIFY2(line->text().contains(QStringLiteral("Рекламные звонки —")), qPrintable(line->text()));
            QVERIFY2(line->toolTip().contains(QStringLiteral("на записанном звонке")),
                     qPrintable(line->toolTip()));
            shoot(&window, QStringLiteral("card-consent.png"));
            QTest::qWait(5); // a later answer, by the clock
            record(false, ConsentMethod::Paper);
            QVERIFY2(line->text().contains(QStringLiteral("E-mail ✗")), qPrintable(line->text()));
            const QList<Consent> history = service->card(someone).value().consents;
            QCOMPARE(history.size(), 4); // given and withdrawn, on two channels: nothing overwritten
            QCOMPARE(history.last().method, ConsentMethod::Paper);
            QCOMPARE(history.last().userId, consultant.id);
        }
        User director;
        for (const User &u : storage::UserRepository(t.db, clock).all().value())
            if (u.role == Role::Director)
                director = u;
        QVERIFY(!director.id.isNull());
        app::AppContext context(t.db, clock, director, *settings, {t.path, 11, true});
        app::MainWindow window(context);
        window.openGuest(someone);
        QVERIFY(!window.cardPanel()->consentButton()->isEnabled());
        QVERIFY(window.cardPanel()->consentLine()->text().contains(QStringLiteral("✗")));
        bool opened = false;
        window.modalHook = [&](QDialog &) { opened = true; };
        emit window.cardPanel()->consentRequested(someone); // even asked directly: no form
        QVERIFY(!opened);
    }

    // Ctrl+T on the card: a call-back for the shared list, refused without a text or in the past.
    void aTaskFromTheCard()
    {
        const Id someone = service->search(QStringLiteral("Смирн"), 1).value().first().id;
        const QString name = service->card(someone).value().guest.displayName();
        app::AppContext context(t.db, clock, consultant, *settings, {t.path, 7, true});
        app::MainWindow window(context);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openGuest(someone);
        bool checked = false;
        window.modalHook = [&](QDialog &d) {
            auto &form = static_cast<crm::ui::TaskDialog &>(d);
            form.show();
            QCOMPARE(form.assigneeBox()->currentData().value<Id>(), consultant.id); // oneself first
            form.kindBox()->setCurrentIndex(form.kindBox()->findData(int(TaskKind::CallBack)));
            QCOMPARE(form.titleEdit()->text(), QStringLiteral("Перезвонить: ") + name);
            form.titleEdit()->clear();
            form.accept();
            QVERIFY(form.problemLabel()->isVisibleTo(&form));
            QVERIFY(!form.created());
            form.titleEdit()->setText(QStringLiteral("Перезвонить после 18:00, уточнить даты"));
            form.dueEdit()->setDateTime(QDateTime::currentDateTime().addDays(-3));
            form.accept();
            QVERIFY(!form.created()); // three days ago: a typo, not a plan
            form.dueEdit()->setDateTime(QDateTime(QDate::currentDate().addDays(1), QTime(18, 30)));
            form.assigneeBox()->setCurrentIndex(form.assigneeBox()->count() - 1); // the shared list
            const QStringList clipped = test::clippedTexts(&form);
            QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral(" | "))));
            shoot(&form, QStringLiteral("task-dialog.png"));
            form.accept();
            checked = form.created().has_value();
        };
        window.cardPanel()->taskButton()->click();
        QVERIFY(checked);
        const QList<Task> tasks = storage::TaskRepository(t.db, clock).forGuest(someone).value();
        auto made = std::find_if(tasks.begin(), tasks.end(), [](const Task &t) {
            return t.title == QStringLiteral("Перезвонить после 18:00, уточнить даты");
        });
        QVERIFY(made != tasks.end());
        QCOMPARE(made->kind, TaskKind::CallBack);
        QVERIFY(made->assigneeId.isNull());
        QCOMPARE(made->due.toLocalTime(), QDateTime(QDate::currentDate().addDays(1), QTime(18, 30)));
        auto *open = window.cardPanel()->findChild<QLabel *>(QStringLiteral("guestOpenWork"));
        QVERIFY2(open->text().contains(QStringLiteral("уточнить даты")), qPrintable(open->text()));

        // When its time comes the window says so (a tray balloon where there is a tray).
        window.tasksController()->remind({storage::AgendaTask{*made, name}});
        QCOMPARE(window.notifier()->lastTitle(), QStringLiteral("Пора: 1 задача"));
        QVERIFY(window.notifier()->lastText().contains(name));
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("уточнить даты")));
    }

    // A note typed on the card goes to the top of the timeline (Enter), is found under «Заметки»,
    // and an empty one is refused without losing anything.
    void aNoteOnTheCard()
    {
        const Id someone = service->search(QStringLiteral("Ива"), 1).value().first().id;
        app::AppContext context(t.db, clock, consultant, *settings, {t.path, 7, true});
        app::MainWindow window(context);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openGuest(someone);
        crm::ui::GuestCardPanel *card = window.cardPanel();
        // What is under way includes the bookings still ahead (this demo guest has some).
        auto *open = card->findChild<QLabel *>(QStringLiteral("guestOpenWork"));
        QVERIFY2(open->text().contains(QStringLiteral("бронь ")), qPrintable(open->text()));
        QLineEdit *note = card->noteEdit();
        QVERIFY(note->isVisible());
        note->setText(QStringLiteral("   "));
        QSignalSpy errors(card, &crm::ui::GuestCardPanel::errorOccurred);
        QTest::keyClick(note, Qt::Key_Return);
        QCOMPARE(errors.size(), 1);
        const QString text = QStringLiteral("Просит номер с видом на горы, аллергия на пыльцу");
        note->setText(text);
        QTest::keyClick(note, Qt::Key_Return);
        QCOMPARE(errors.size(), 1);
        QVERIFY(note->text().isEmpty());
        const Touch newest = service->card(someone).value().touches.first();
        QCOMPARE(newest.kind, TouchKind::Note);
        QCOMPARE(newest.note, text);
        QCOMPARE(newest.userId, consultant.id);
        card->findChild<QToolButton *>(QStringLiteral("timelineFilter-notes"))->click();
        QVERIFY(card->timelineFilter()->rowCount() >= 1);
        bool shown = false;
        for (int row = 0; row < card->timelineFilter()->rowCount(); ++row)
            for (int column = 0; column < card->timelineFilter()->columnCount(); ++column)
                shown = shown || card->timelineFilter()->index(row, column).data().toString().contains(text);
        QVERIFY(shown);
        shoot(&window, QStringLiteral("card-note.png"));
    }

    void wholeBaseSearchFindsTheTwins()
    {
        app::AppContext context(t.db, clock, consultant, *settings, {t.path, 6, true});
        app::MainWindow window(context);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.findDuplicatesAction()->isEnabled());
        // As the application does: the scan runs on its own connection in a worker thread.
        context.setWorkerConnections(
            storage::ConnectionFactory::sameDatabase({t.path, t.key, {}, false, false}));
        QTest::keyClick(&window, Qt::Key_U, Qt::ControlModifier | Qt::ShiftModifier);
        crm::ui::DuplicatesDialog *dialog = window.duplicatesDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QVERIFY(dialog->lastScanInWorker());
        QVERIFY2(dialog->pairCount() >= 2, qPrintable(QString::number(dialog->pairCount())));
        // The same pairs as a scan on the window's own connection.
        QCOMPARE(dialog->pairCount(), int(crm::DuplicateService(t.db, clock).scan().value().size()));
        QStringList reasons;
        for (int row = 0; row < dialog->pairCount(); ++row)
            reasons << dialog->pairsView()->model()->index(row, 2).data().toString();
        QVERIFY2(reasons.contains(QStringLiteral("тот же телефон")), qPrintable(reasons.join('|')));
        QVERIFY2(reasons.contains(QStringLiteral("те же имя и дата рождения")),
                 qPrintable(reasons.join('|')));
        const QStringList cut = test::cutCells(dialog->pairsView());
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QStringLiteral(" | "))));
        shoot(dialog, QStringLiteral("duplicates-list.png"));

        // Not a duplicate: the pair goes and does not come back on the next search.
        const int before = dialog->pairCount();
        QVERIFY(dialog->markSelectedDistinct());
        QCOMPARE(dialog->pairCount(), before - 1);
        QVERIFY(dialog->rescan());
        QCOMPARE(dialog->pairCount(), before - 1);
    }
};

QTEST_MAIN(TestGuestCard)
#include "tst_guestcard.moc"
