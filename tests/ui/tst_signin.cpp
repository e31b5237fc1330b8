// A real sign-in at a desk without a server (issue 20), in Russian: the demo database's people sign
// in with their passwords; a wrong one is refused and nobody is signed in; failures are throttled;
// --user only pre-selects the login (the window waits for the password); the session locks after
// the idle time and asks the signed-in person's password, or lets a colleague sign in (a shift
// change: the window is rebuilt for them). Screenshots with KASP_SCREENSHOT_DIR.
#include "appcontext.h"
#include "clippedtexts.h"
#include "desksignin.h"
#include "kasp/demo/demogenerator.h"
#include "kasp/session/settings.h"
#include "kasp/storage/connectionfactory.h"
#include "kasp/storage/signinrepository.h"
#include "kasp/storage/userrepository.h"
#include "kasp/testsupport/testenv.h"
#include "mainwindow.h"
#include "sessionlock.h"
#include "signindialog.h"
#include "startup.h"
#include "startupfromenv.h"
#include "translations.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace kasp;

namespace {
const QString kPassphrase = QStringLiteral("тёплые ключи");

void shoot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("KASP_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(w->grab().save(dir + QLatin1Char('/') + name));
}

// Chooses `login` in the dialog's list, types the password, presses the button.
void signInAs(app::SignInDialog *dialog, const QString &login, const QString &password)
{
    const int index = dialog->userBox()->findData(login);
    QVERIFY2(index >= 0, qPrintable(login));
    dialog->userBox()->setCurrentIndex(index);
    dialog->passwordEdit()->setText(password);
    QTest::keyClick(dialog->passwordEdit(), Qt::Key_Return);
}

// The same, and waits for the check's answer (it comes later: the argon2id work is off the UI thread).
void signInAndWait(app::SignInDialog *dialog, const QString &login, const QString &password)
{
    signInAs(dialog, login, password);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 10000);
}

template <typename T> T *modal()
{
    return qobject_cast<T *>(QApplication::activeModalWidget());
}
} // namespace

class TestSignIn : public QObject
{
    Q_OBJECT
    QString dir;
    QString path;
    QSqlDatabase db;
    FixedClock clock{QDateTime(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC)};

    QList<User> staff() { return storage::UserRepository(db, clock).all().value(); }
    User user(const QString &login)
    {
        return storage::UserRepository(db, clock).byLogin(login).value().value();
    }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QVERIFY(app::installTranslations(QStringLiteral("ru")));
        dir = test::makeTempDir(QStringLiteral("signin"));
        path = dir + QStringLiteral("/kasp.db");
        auto opened = storage::ConnectionFactory::open(
            {path, storage::DatabaseKey::fromPassphrase(kPassphrase), QStringLiteral("signin"), true, true});
        QVERIFY(opened.ok());
        db = opened.value();
        demo::DemoOptions options;
        options.guests = 200;
        options.years = 1;
        options.today = clock.today();
        QVERIFY(demo::generateDemo(db, options).ok());
    }

    void wrongPasswordIsRefusedRightOneSignsIn()
    {
        app::DeskSignIn signIn(db, clock, nullptr);
        app::SignInDialog dialog(staff(), QStringLiteral("anna"), signIn.checker());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("КАСП — вход"));
        QCOMPARE(dialog.userBox()->count(), 8);
        QCOMPARE(dialog.selectedLogin(), QStringLiteral("anna"));
        QCOMPARE(dialog.focusWidget(), dialog.passwordEdit()); // the login is pre-selected
        QCOMPARE(dialog.passwordEdit()->echoMode(), QLineEdit::Password);
        shoot(&dialog, QStringLiteral("signin.png"));

        // Nothing typed: asked for, nothing checked.
        dialog.submit();
        QCOMPARE(dialog.errorText(), QStringLiteral("Введите пароль."));
        signInAndWait(&dialog, QStringLiteral("anna"), QStringLiteral("director-demo"));
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.signedIn().id.isNull());
        QCOMPARE(dialog.errorCode(), QStringLiteral("signin.wrong_password"));
        QCOMPARE(dialog.errorText(), QStringLiteral("Неверный пароль."));
        QTest::qWait(50);
        QVERIFY2(test::clippedTexts(&dialog).isEmpty(), qPrintable(test::clippedTexts(&dialog).join(" | ")));
        QVERIFY2(test::squeezedLabels(&dialog).isEmpty(),
                 qPrintable(test::squeezedLabels(&dialog).join(" | ")));
        shoot(&dialog, QStringLiteral("signin-wrong.png"));

        signInAndWait(&dialog, QStringLiteral("anna"), QStringLiteral("anna-demo"));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.signedIn().login, QStringLiteral("anna"));
        QCOMPARE(dialog.signedIn().role, Role::Consultant);
    }

    // The argon2id check (~100 ms) runs off the UI thread: while it runs the dialog answers (its
    // timers fire, it repaints), shows a running bar and «Проверяем…», and takes no second attempt;
    // the desk itself refuses a second check while one is under way, so the throttle counts each.
    void theCheckKeepsTheDialogResponsive()
    {
        app::DeskSignIn signIn(db, clock, nullptr);
        app::SignInDialog dialog(staff(), QStringLiteral("olga"), signIn.checker());
        dialog.setWait(signIn.waiter());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        int ticks = 0;
        QTimer ticker;
        ticker.setInterval(5);
        connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
        ticker.start();
        dialog.passwordEdit()->setText(QStringLiteral("olga-demo"));
        QElapsedTimer took;
        took.start();
        QTest::keyClick(dialog.passwordEdit(), Qt::Key_Return);
        // Back from the key press with the check still running (it blocked the thread before).
        QVERIFY(took.elapsed() < 50);
        QVERIFY(dialog.isBusy());
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.signInButton()->text(), QStringLiteral("Проверяем…"));
        QVERIFY(!dialog.signInButton()->isEnabled());
        QVERIFY(!dialog.passwordEdit()->isEnabled());
        QVERIFY(!dialog.userBox()->isEnabled());
        QVERIFY(dialog.busyBar()->isVisible());
        shoot(&dialog, QStringLiteral("signin-checking.png"));
        // A second attempt while it runs: the dialog takes none, and the desk refuses a forced one.
        dialog.submit();
        std::optional<Result<User>> forced;
        signIn.check(QStringLiteral("olga"), QStringLiteral("guess"),
                     [&](const Result<User> &r) { forced = r; });
        QVERIFY(forced.has_value());
        QCOMPARE(forced->error().code, QStringLiteral("signin.busy"));
        const int ticksBefore = ticks;
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 10000);
        QCOMPARE(dialog.signedIn().login, QStringLiteral("olga"));
        qInfo() << "check took" << took.elapsed() << "ms; the UI thread's 5 ms timer fired"
                << ticks - ticksBefore << "times meanwhile";
        QVERIFY2(ticks - ticksBefore >= 3, qPrintable(QString::number(ticks - ticksBefore)));
        QVERIFY(!dialog.busyBar()->isVisible());
        // Nothing was counted against olga by the refused second check.
        QCOMPARE(storage::DeskSignInRepository(db).get(QStringLiteral("olga")).value().failures, 0);
        // Wrong passwords one after another are each counted: the third one throttles.
        app::SignInDialog again(staff(), QStringLiteral("olga"), signIn.checker());
        again.setWait(signIn.waiter());
        again.show();
        for (int i = 0; i < 3; ++i)
            signInAndWait(&again, QStringLiteral("olga"), QStringLiteral("guess%1").arg(i));
        QCOMPARE(storage::DeskSignInRepository(db).get(QStringLiteral("olga")).value().failures, 3);
        QVERIFY(!again.signInButton()->isEnabled());
        QCOMPARE(again.waitText(), QStringLiteral("Следующая попытка — через 30 с."));
        clock.advanceSecs(30);
        QTRY_VERIFY(again.signInButton()->isEnabled());
        signInAndWait(&again, QStringLiteral("olga"), QStringLiteral("olga-demo"));
        QCOMPARE(again.result(), int(QDialog::Accepted));
    }

    void failedAttemptsAreThrottled()
    {
        app::DeskSignIn signIn(db, clock, nullptr);
        app::SignInDialog dialog(staff(), QStringLiteral("director"), signIn.checker());
        dialog.setWait(signIn.waiter());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        for (int i = 0; i < 2; ++i) {
            signInAndWait(&dialog, QStringLiteral("director"), QStringLiteral("director%1").arg(i));
            QCOMPARE(dialog.errorText(), QStringLiteral("Неверный пароль."));
            QVERIFY(dialog.signInButton()->isEnabled());
        }
        signInAndWait(&dialog, QStringLiteral("director"), QStringLiteral("12345"));
        QCOMPARE(dialog.errorText(),
                 QStringLiteral(
                     "Неверный пароль. Слишком много неудачных попыток подряд: следующая — после паузы."));
        // «Войти» waits, counting down.
        QVERIFY(!dialog.signInButton()->isEnabled());
        QCOMPARE(dialog.waitText(), QStringLiteral("Следующая попытка — через 30 с."));
        QTest::qWait(50);
        QVERIFY2(test::squeezedLabels(&dialog).isEmpty(),
                 qPrintable(test::squeezedLabels(&dialog).join(" | ")));
        QVERIFY2(test::clippedTexts(&dialog).isEmpty(), qPrintable(test::clippedTexts(&dialog).join(" | ")));
        shoot(&dialog, QStringLiteral("signin-throttled.png"));
        clock.advanceSecs(12);
        QTRY_COMPARE(dialog.waitText(), QStringLiteral("Следующая попытка — через 18 с."));
        // Forced past the button, the right password waits too, and nothing is counted.
        dialog.passwordEdit()->setText(QStringLiteral("director-demo"));
        dialog.submit();
        QTRY_VERIFY(!dialog.isBusy());
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.errorCode(), QStringLiteral("signin.throttled"));
        QCOMPARE(dialog.errorText(),
                 QStringLiteral("Слишком много неудачных попыток. Попробуйте снова через 18 с."));
        // A colleague at the same desk is not held up.
        dialog.userBox()->setCurrentIndex(dialog.userBox()->findData(QStringLiteral("rop")));
        QVERIFY(dialog.signInButton()->isEnabled());
        QVERIFY(dialog.waitText().isEmpty());
        signInAndWait(&dialog, QStringLiteral("rop"), QStringLiteral("rop-demo"));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.signedIn().login, QStringLiteral("rop"));

        app::SignInDialog again(staff(), QStringLiteral("director"), signIn.checker());
        again.setWait(signIn.waiter());
        again.show();
        QVERIFY(!again.signInButton()->isEnabled()); // a new dialog does not start the count again
        clock.advanceSecs(18);
        QTRY_VERIFY(again.signInButton()->isEnabled());
        QVERIFY(again.waitText().isEmpty());
        signInAndWait(&again, QStringLiteral("director"), QStringLiteral("director-demo"));
        QCOMPARE(again.result(), int(QDialog::Accepted));
        QCOMPARE(again.signedIn().role, Role::Director);
    }

    // --user director pre-selects the director; the window waits for the password.
    void userOptionDoesNotSkipThePassword()
    {
        session::Settings settings(dir + QStringLiteral("/settings-user.ini"));
        qputenv("KASP_TEST_PASSPHRASE", kPassphrase.toUtf8());
        app::StartupOptions options{path, false, QStringLiteral("director"),
                                    QStringLiteral("KASP_TEST_PASSPHRASE")};
        app::Startup startup(options, settings);
        QSignalSpy shown(&startup, &app::Startup::windowShown);
        QSignalSpy finished(&startup, &app::Startup::finished);
        QTimer::singleShot(0, &startup, &app::Startup::start);
        QString wrongText;
        QTimer driver;
        driver.setInterval(50);
        connect(&driver, &QTimer::timeout, this, [&] {
            auto *dialog = modal<app::SignInDialog>();
            if (!dialog || !dialog->signInButton()->isEnabled())
                return;
            if (wrongText.isEmpty()) {
                if (dialog->errorText().isEmpty()) {
                    QCOMPARE(dialog->selectedLogin(), QStringLiteral("director"));
                    QVERIFY(startup.window() == nullptr);
                    signInAs(dialog, QStringLiteral("director"), QStringLiteral("anna-demo"));
                    return;
                }
                wrongText = dialog->errorText();
                QVERIFY(startup.window() == nullptr); // refused: nobody signed in
                signInAs(dialog, QStringLiteral("director"), QStringLiteral("director-demo"));
            }
        });
        driver.start();
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 || finished.count() == 1, 60000);
        driver.stop();
        QCOMPARE(wrongText, QStringLiteral("Неверный пароль."));
        QVERIFY(finished.isEmpty());
        QCOMPARE(startup.context()->user().login, QStringLiteral("director"));
        startup.window()->close();
    }

    // A password given for automation goes through the same check: a wrong one leaves the
    // sign-in open with its error, and closing it ends kasp with nobody signed in.
    void passwordFromTheEnvironmentIsChecked()
    {
        session::Settings settings(dir + QStringLiteral("/settings-env.ini"));
        qputenv("KASP_TEST_PASSPHRASE", kPassphrase.toUtf8());
        qputenv("KASP_TEST_PASSWORD", "not-anna");
        const app::StartupOptions options = test::startupFromEnvironment(path, false, QStringLiteral("anna"));
        app::Startup startup(options, settings);
        QSignalSpy shown(&startup, &app::Startup::windowShown);
        QSignalSpy finished(&startup, &app::Startup::finished);
        QString error;
        QTimer driver;
        driver.setInterval(50);
        connect(&driver, &QTimer::timeout, this, [&] {
            auto *dialog = modal<app::SignInDialog>();
            if (dialog && !dialog->errorText().isEmpty() && error.isEmpty()) {
                error = dialog->errorText();
                dialog->reject();
            }
        });
        driver.start();
        QTimer::singleShot(0, &startup, &app::Startup::start);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
        driver.stop();
        QCOMPARE(error, QStringLiteral("Неверный пароль."));
        QVERIFY(shown.isEmpty());
        QVERIFY(startup.window() == nullptr);
        QCOMPARE(finished.first().first().toInt(), 0);
    }

    void idleSessionLocksAndAsksForThePassword()
    {
        app::DeskSignIn signIn(db, clock, nullptr);
        QMainWindow window;
        window.setCentralWidget(new QLabel(QStringLiteral("Карточка гостя: Иванова Мария")));
        window.resize(900, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // A guest's form left open: a window of its own, half typed.
        QDialog form(&window);
        auto *phone = new QLineEdit(QStringLiteral("+7 916 123-45"), &form);
        form.resize(300, 120);
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        app::SessionLock lock(
            user(QStringLiteral("anna")), [this] { return staff(); }, signIn.checker(), 400);
        lock.setWindow(&window);
        QSignalSpy locked(&lock, &app::SessionLock::locked);
        QSignalSpy unlocked(&lock, &app::SessionLock::unlocked);
        QSignalSpy switched(&lock, &app::SessionLock::switchTo);
        // Input keeps it open...
        for (int i = 0; i < 5; ++i) {
            QTest::qWait(150);
            QTest::mouseMove(&window, QPoint(100 + i * 10, 100));
        }
        QVERIFY(locked.isEmpty());
        // ...and none for the idle time locks it.
        QTRY_COMPARE_WITH_TIMEOUT(locked.count(), 1, 5000);
        QVERIFY(lock.isLocked());
        app::SignInDialog *screen = lock.lockScreen();
        QVERIFY(screen);
        QTRY_VERIFY(screen->isVisible());
        QCOMPARE(screen->windowTitle(), QStringLiteral("КАСП — рабочее место заблокировано"));
        QVERIFY(!screen->userBox()->isEnabled()); // the signed-in person's
        QCOMPARE(screen->selectedLogin(), QStringLiteral("anna"));
        auto *cover = window.findChild<QWidget *>(QStringLiteral("lockCover"));
        QVERIFY(cover && cover->isVisible());
        QCOMPARE(cover->geometry(), window.rect()); // the card is not there to read
        auto *formCover = form.findChild<QWidget *>(QStringLiteral("lockCover"));
        QVERIFY(formCover && formCover->isVisible()); // nor the form
        QVERIFY(!screen->findChild<QWidget *>(QStringLiteral("lockCover")));
        // Esc does not get past the lock.
        QTest::keyClick(screen, Qt::Key_Escape);
        QVERIFY(screen->isVisible());
        screen->passwordEdit()->setText(QStringLiteral("olga-demo"));
        QTest::keyClick(screen->passwordEdit(), Qt::Key_Return);
        QTRY_VERIFY(!screen->isBusy());
        QVERIFY(!screen->userBox()->isEnabled()); // still the signed-in person's
        QVERIFY(screen->switchUserButton()->isEnabled());
        QCOMPARE(screen->signInButton()->text(), QStringLiteral("Разблокировать"));
        QCOMPARE(screen->errorText(), QStringLiteral("Неверный пароль."));
        QVERIFY(lock.isLocked());
        QTest::qWait(50);
        QVERIFY2(test::clippedTexts(screen).isEmpty(), qPrintable(test::clippedTexts(screen).join(" | ")));
        QVERIFY2(test::squeezedLabels(screen).isEmpty(),
                 qPrintable(test::squeezedLabels(screen).join(" | ")));
        shoot(screen, QStringLiteral("lock-screen.png"));
        shoot(&window, QStringLiteral("lock-cover.png"));
        screen->passwordEdit()->setText(QStringLiteral("anna-demo"));
        QTest::keyClick(screen->passwordEdit(), Qt::Key_Return);
        QTRY_COMPARE(unlocked.count(), 1);
        QVERIFY(!lock.isLocked());
        QVERIFY(!window.findChild<QWidget *>(QStringLiteral("lockCover")));
        QVERIFY(!form.findChild<QWidget *>(QStringLiteral("lockCover")));
        QVERIFY(form.isVisible());
        QCOMPARE(phone->text(), QStringLiteral("+7 916 123-45")); // the half-typed form is as it was
        QVERIFY(switched.isEmpty());
        form.hide();

        // A shift change at the lock: a colleague signs in with their own password.
        lock.lock();
        screen = lock.lockScreen();
        QTRY_VERIFY(screen && screen->isVisible());
        screen->switchUserButton()->click();
        QVERIFY(screen->userBox()->isEnabled());
        QTest::qWait(50);
        QVERIFY2(test::clippedTexts(screen).isEmpty(), qPrintable(test::clippedTexts(screen).join(" | ")));
        shoot(screen, QStringLiteral("lock-screen-switch.png"));
        signInAndWait(screen, QStringLiteral("olga"), QStringLiteral("anna-demo"));
        QCOMPARE(screen->errorText(), QStringLiteral("Неверный пароль."));
        QVERIFY(switched.isEmpty());
        signInAs(screen, QStringLiteral("olga"), QStringLiteral("olga-demo"));
        QTRY_COMPARE(switched.count(), 1);
        QCOMPARE(switched.first().first().value<User>().login, QStringLiteral("olga"));
    }

    // The menu's lock in the real start-up: a colleague signs in at it and gets a window of their own.
    void switchingUserRebuildsTheWindow()
    {
        session::Settings settings(dir + QStringLiteral("/settings-switch.ini"));
        qputenv("KASP_TEST_PASSPHRASE", kPassphrase.toUtf8());
        qputenv("KASP_TEST_PASSWORD", "anna-demo");
        const app::StartupOptions options = test::startupFromEnvironment(path, false, QStringLiteral("anna"));
        app::Startup startup(options, settings);
        QSignalSpy shown(&startup, &app::Startup::windowShown);
        QSignalSpy finished(&startup, &app::Startup::finished);
        QTimer::singleShot(0, &startup, &app::Startup::start);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 || finished.count() == 1, 60000);
        QVERIFY(finished.isEmpty());
        QCOMPARE(startup.context()->user().login, QStringLiteral("anna"));
        app::MainWindow *first = startup.window();
        auto *lockAction = first->findChild<QAction *>(QStringLiteral("lockAction"));
        QVERIFY(lockAction);
        QCOMPARE(lockAction->text(), QStringLiteral("&Заблокировать / сменить пользователя"));
        lockAction->trigger();
        app::SignInDialog *screen = nullptr;
        QTRY_VERIFY((screen = modal<app::SignInDialog>()) != nullptr);
        screen->switchUserButton()->click();
        signInAs(screen, QStringLiteral("rop"), QStringLiteral("rop-demo"));
        QTRY_VERIFY_WITH_TIMEOUT(startup.context() && startup.context()->user().login == QLatin1String("rop"),
                                 10000);
        QVERIFY(startup.window() && startup.window()->isVisible());
        QCOMPARE(settings.lastLogin(), QStringLiteral("rop"));
        QVERIFY(finished.isEmpty()); // the old window's close did not end kasp
        startup.window()->close();
    }

    void cleanupTestCase()
    {
        db = {};
        storage::ConnectionFactory::close(QStringLiteral("signin"));
    }
};

QTEST_MAIN(TestSignIn)
#include "tst_signin.moc"
