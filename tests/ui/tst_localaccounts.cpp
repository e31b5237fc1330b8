// The desk's own accounts (issue 20), on a real encrypted desk database in Russian: the head of
// sales sets a person's password through Сервис → Учётные записи… (typed twice, a minimum length),
// and the person then signs in with it through the real sign-in (DeskSignIn's argon2id check) and
// is refused with the old one; a consultant is added with a password and signs in; everyone
// changes their own password (the current one first); a consultant and the director cannot open
// the screen (the action is disabled) and a forced call is refused with a message and nothing
// written; the idle lock's minutes set there apply to the running session lock at once and are
// kept; on a desk that syncs the password is the server's. Screenshots with KASP_SCREENSHOT_DIR.
#include "accountactions.h"
#include "accountsdialog.h"
#include "appcontext.h"
#include "clippedtexts.h"
#include "desksignin.h"
#include "kasp/credentials/credentialstore.h"
#include "kasp/demo/demogenerator.h"
#include "kasp/session/localaccounts.h"
#include "kasp/session/settings.h"
#include "kasp/storage/connectionfactory.h"
#include "kasp/storage/signinrepository.h"
#include "kasp/storage/userrepository.h"
#include "kasp/testsupport/testenv.h"
#include "mainwindow.h"
#include "notificationarea.h"
#include "passworddialog.h"
#include "sessionlock.h"
#include "signindialog.h"
#include "startup.h"
#include "startupfromenv.h"
#include "syncsession.h"
#include "translations.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QtTest>

using namespace kasp;

namespace {
const QString kPassphrase = QStringLiteral("тёплые ключи");
const QString kForbidden = QStringLiteral(
    "Учётными записями рабочего места управляет только руководитель отдела продаж: ничего не изменено.");
const QString kOnServer = QStringLiteral("Это рабочее место подключено к серверу синхронизации: ваш пароль "
                                         "хранится там, и меняет его на сервере руководитель отдела продаж.");

void shoot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("KASP_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(w->grab().save(dir + QLatin1Char('/') + name));
}

// Types into a password form and presses its button; waits for the answer (the argon2id work is
// off the UI thread).
void submit(app::PasswordDialog &form, const QString &password, const QString &repeated,
            const QString &current = {})
{
    if (form.currentEdit())
        form.currentEdit()->setText(current);
    form.passwordEdit()->setText(password);
    form.repeatEdit()->setText(repeated);
    form.okButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!form.isBusy(), 10000);
}

bool said(app::MainWindow &window, const QString &text)
{
    for (const auto &entry : window.notifications()->entries())
        if (entry.text == text)
            return true;
    return false;
}
} // namespace

class TestLocalAccounts : public QObject
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
    QString verifier(const QString &login)
    {
        return storage::DeskSignInRepository(db).get(login).value().verifier;
    }

    // The real sign-in at a desk without a server: the answer's error code, "" when signed in.
    QString signIn(const QString &login, const QString &password)
    {
        app::DeskSignIn desk(db, clock, nullptr);
        app::SignInDialog dialog(staff(), login, desk.checker());
        dialog.show();
        dialog.passwordEdit()->setText(password);
        QTest::keyClick(dialog.passwordEdit(), Qt::Key_Return);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 10000); }();
        if (dialog.result() == QDialog::Accepted)
            return dialog.signedIn().login == login ? QString() : QStringLiteral("someone else");
        return dialog.errorCode() + QLatin1Char(' ') + dialog.errorText();
    }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QVERIFY(app::installTranslations(QStringLiteral("ru")));
        dir = test::makeTempDir(QStringLiteral("localaccounts"));
        path = dir + QStringLiteral("/kasp.db");
        auto opened =
            storage::ConnectionFactory::open({path, storage::DatabaseKey::fromPassphrase(kPassphrase),
                                              QStringLiteral("localaccounts"), true, true});
        QVERIFY(opened.ok());
        db = opened.value();
        demo::DemoOptions options;
        options.guests = 200;
        options.years = 1;
        options.today = clock.today();
        QVERIFY(demo::generateDemo(db, options).ok());
    }

    // The head of sales sets anna's password on the screen; anna signs in with it and no longer
    // with the old one.
    void headOfSalesSetsAPassword()
    {
        session::Settings settings(dir + QStringLiteral("/settings-rop.ini"));
        app::AppContext context(db, clock, user(QStringLiteral("rop")), settings);
        app::MainWindow window(context);
        window.show();
        QAction *accounts = window.findChild<QAction *>(QStringLiteral("accountsAction"));
        QVERIFY(accounts);
        QCOMPARE(accounts->text(), QStringLiteral("&Учётные записи…"));
        QVERIFY(accounts->isEnabled());
        const QString before = verifier(QStringLiteral("anna"));
        QVERIFY(!before.isEmpty());

        QStringList errors;
        bool sawTable = false;
        window.modalHook = [&](QDialog &dialog) {
            if (auto *screen = qobject_cast<app::AccountsDialog *>(&dialog)) {
                screen->show();
                QVERIFY(QTest::qWaitForWindowExposed(screen));
                QCOMPARE(screen->windowTitle(), QStringLiteral("Учётные записи рабочего места"));
                QTableWidget *table = screen->table();
                QCOMPARE(table->rowCount(), 8);
                QCOMPARE(table->horizontalHeaderItem(3)->text(), QStringLiteral("Пароль"));
                const int row = screen->selectLogin(QStringLiteral("anna"));
                QVERIFY(row >= 0);
                QCOMPARE(table->item(row, 2)->text(), QStringLiteral("консультант"));
                QCOMPARE(table->item(row, 3)->text(), QStringLiteral("задан"));
                QCOMPARE(table->item(row, 4)->text(), QStringLiteral("никогда")); // not signed in here yet
                QVERIFY(screen->setPasswordButton()->isEnabled());
                QVERIFY(screen->addConsultantButton()->isEnabled());
                QVERIFY(screen->idleLockBox()->isEnabled());
                QTest::qWait(50);
                QVERIFY2(test::clippedTexts(screen).isEmpty(),
                         qPrintable(test::clippedTexts(screen).join(" | ")));
                QVERIFY2(test::squeezedLabels(screen).isEmpty(),
                         qPrintable(test::squeezedLabels(screen).join(" | ")));
                shoot(screen, QStringLiteral("accounts.png"));
                sawTable = true;
                screen->setPasswordButton()->click();
                QCOMPARE(table->item(row, 3)->text(), QStringLiteral("задан"));
                screen->hide();
                return;
            }
            auto *form = qobject_cast<app::PasswordDialog *>(&dialog);
            QVERIFY(form);
            form->show();
            QVERIFY(QTest::qWaitForWindowExposed(form));
            QCOMPARE(form->windowTitle(), QStringLiteral("Задать пароль"));
            QVERIFY(!form->currentEdit());
            submit(*form, QStringLiteral("short"), QStringLiteral("short"));
            errors << form->errorText();
            submit(*form, QStringLiteral("весна-2027"), QStringLiteral("весна-2028"));
            errors << form->errorText();
            QTest::qWait(50);
            QVERIFY2(test::clippedTexts(form).isEmpty(), qPrintable(test::clippedTexts(form).join(" | ")));
            QVERIFY2(test::squeezedLabels(form).isEmpty(),
                     qPrintable(test::squeezedLabels(form).join(" | ")));
            shoot(form, QStringLiteral("accounts-set-password.png"));
            QCOMPARE(verifier(QStringLiteral("anna")), before); // refused: nothing written
            submit(*form, QStringLiteral("весна-2027"), QStringLiteral("весна-2027"));
            QCOMPARE(form->result(), int(QDialog::Accepted));
        };
        accounts->trigger();
        QVERIFY(sawTable);
        QCOMPARE(errors,
                 (QStringList{QStringLiteral("Пароль слишком короткий: нужно не меньше 8 символов."),
                              QStringLiteral("Пароли не совпадают. Введите один и тот же пароль дважды.")}));
        QVERIFY(said(
            window, QStringLiteral("Новый пароль задан: %1.").arg(user(QStringLiteral("anna")).displayName)));
        const QString after = verifier(QStringLiteral("anna"));
        QVERIFY(after != before);
        QVERIFY(after.startsWith(QStringLiteral("$argon2id$"))); // a verifier, never the password
        QVERIFY(!after.contains(QStringLiteral("весна")));

        QCOMPARE(signIn(QStringLiteral("anna"), QStringLiteral("anna-demo")),
                 QStringLiteral("signin.wrong_password Неверный пароль."));
        QCOMPARE(signIn(QStringLiteral("anna"), QStringLiteral("весна-2027")), QString());
        window.close();
    }

    // A new consultant with a password, who then signs in with it.
    void headOfSalesAddsAConsultant()
    {
        session::Settings settings(dir + QStringLiteral("/settings-rop.ini"));
        app::AppContext context(db, clock, user(QStringLiteral("rop")), settings);
        app::MainWindow window(context);
        QStringList errors;
        int listed = 0;
        window.modalHook = [&](QDialog &dialog) {
            if (auto *screen = qobject_cast<app::AccountsDialog *>(&dialog)) {
                screen->addConsultantButton()->click();
                listed = screen->table()->rowCount();
                QVERIFY(screen->selectLogin(QStringLiteral("ivanova")) >= 0);
                return;
            }
            auto *form = qobject_cast<app::PasswordDialog *>(&dialog);
            QVERIFY(form && form->loginEdit() && form->nameEdit());
            form->show();
            QVERIFY(QTest::qWaitForWindowExposed(form));
            form->nameEdit()->setText(QStringLiteral("Мария Иванова"));
            form->loginEdit()->setText(QStringLiteral("anna")); // taken
            submit(*form, QStringLiteral("ivanova-1"), QStringLiteral("ivanova-1"));
            errors << form->errorText();
            form->loginEdit()->setText(QStringLiteral("Иванова"));
            submit(*form, QStringLiteral("ivanova-1"), QStringLiteral("ivanova-1"));
            errors << form->errorText();
            form->loginEdit()->setText(QStringLiteral("ivanova"));
            QTest::qWait(50);
            shoot(form, QStringLiteral("accounts-new-consultant.png"));
            submit(*form, QStringLiteral("ivanova-1"), QStringLiteral("ivanova-1"));
            QCOMPARE(form->result(), int(QDialog::Accepted));
        };
        window.accountActions()->openAccounts();
        QCOMPARE(errors.size(), 2);
        QCOMPARE(errors[0], QStringLiteral("Логин «anna» уже занят. Выберите другой."));
        QVERIFY2(errors[1].startsWith(QStringLiteral("Логин: от 2 до 32")), qPrintable(errors[1]));
        QCOMPARE(listed, 9);
        const User added = user(QStringLiteral("ivanova"));
        QCOMPARE(added.displayName, QStringLiteral("Мария Иванова"));
        QCOMPARE(added.role, Role::Consultant);
        QCOMPARE(signIn(QStringLiteral("ivanova"), QStringLiteral("ivanova-1")), QString());
    }

    // Every person changes their own password: the current one first (a wrong one is counted as a
    // failed sign-in), the new one twice.
    void everyoneChangesTheirOwnPassword()
    {
        session::Settings settings(dir + QStringLiteral("/settings-olga.ini"));
        app::AppContext context(db, clock, user(QStringLiteral("olga")), settings);
        app::MainWindow window(context);
        QAction *change = window.findChild<QAction *>(QStringLiteral("changePasswordAction"));
        QVERIFY(change);
        QCOMPARE(change->text(), QStringLiteral("Сменить &пароль…"));
        QVERIFY(change->isEnabled());
        QString wrongCurrent;
        window.modalHook = [&](QDialog &dialog) {
            auto *form = qobject_cast<app::PasswordDialog *>(&dialog);
            QVERIFY(form && form->currentEdit());
            form->show();
            QVERIFY(QTest::qWaitForWindowExposed(form));
            QCOMPARE(form->windowTitle(), QStringLiteral("Смена пароля"));
            submit(*form, QStringLiteral("olga-2027!"), QStringLiteral("olga-2027!"),
                   QStringLiteral("olga-wrong"));
            wrongCurrent = form->errorText();
            QCOMPARE(storage::DeskSignInRepository(db).get(QStringLiteral("olga")).value().failures, 1);
            QTest::qWait(50);
            QVERIFY2(test::clippedTexts(form).isEmpty(), qPrintable(test::clippedTexts(form).join(" | ")));
            QVERIFY2(test::squeezedLabels(form).isEmpty(),
                     qPrintable(test::squeezedLabels(form).join(" | ")));
            shoot(form, QStringLiteral("change-password.png"));
            submit(*form, QStringLiteral("olga-2027!"), QStringLiteral("olga-2027!"),
                   QStringLiteral("olga-demo"));
            QCOMPARE(form->result(), int(QDialog::Accepted));
        };
        change->trigger();
        QCOMPARE(wrongCurrent, QStringLiteral("Текущий пароль неверен."));
        QVERIFY(said(window, QStringLiteral("Пароль изменён. Теперь входите с новым.")));
        QCOMPARE(signIn(QStringLiteral("olga"), QStringLiteral("olga-demo")),
                 QStringLiteral("signin.wrong_password Неверный пароль."));
        QCOMPARE(signIn(QStringLiteral("olga"), QStringLiteral("olga-2027!")), QString());
    }

    // A consultant and the director: the action is disabled, and forced calls are refused with a
    // message, open nothing and write nothing.
    void othersCannotManageAccounts_data()
    {
        QTest::addColumn<QString>("login");
        QTest::newRow("consultant") << QStringLiteral("elena");
        QTest::newRow("director") << QStringLiteral("director");
    }
    void othersCannotManageAccounts()
    {
        QFETCH(QString, login);
        session::Settings settings(dir + QStringLiteral("/settings-%1.ini").arg(login));
        settings.setIdleLockMinutes(15);
        app::AppContext context(db, clock, user(login), settings);
        app::MainWindow window(context);
        QAction *accounts = window.findChild<QAction *>(QStringLiteral("accountsAction"));
        QVERIFY(accounts);
        QVERIFY(!accounts->isEnabled());
        bool opened = false;
        window.modalHook = [&](QDialog &) { opened = true; };
        window.accountActions()->openAccounts();
        QVERIFY(!opened);
        QVERIFY(said(window, kForbidden));

        // The service itself refuses, for the person signed in on the connection.
        session::LocalAccounts &service = window.accountActions()->accounts();
        const QString marinaBefore = verifier(QStringLiteral("marina"));
        const int staffBefore = int(staff().size());
        std::optional<Status> set, added;
        service.setPassword(QStringLiteral("marina"), QStringLiteral("taken-over"),
                            QStringLiteral("taken-over"), this, [&](const Status &s) { set = s; });
        service.addConsultant(QStringLiteral("intruder"), QStringLiteral("Чужой"),
                              QStringLiteral("intruder-1"), QStringLiteral("intruder-1"), this,
                              [&](const Status &s) { added = s; });
        QTRY_VERIFY(set && added);
        QCOMPARE(set->error().code, QStringLiteral("accounts.forbidden"));
        QCOMPARE(set->error().message, kForbidden);
        QCOMPARE(added->error().code, QStringLiteral("accounts.forbidden"));
        QCOMPARE(service.setIdleLockMinutes(settings, 0).error().code, QStringLiteral("accounts.forbidden"));
        QTest::qWait(300); // no argon2id work comes back late to write after all
        QCOMPARE(verifier(QStringLiteral("marina")), marinaBefore);
        QCOMPARE(int(staff().size()), staffBefore);
        QCOMPARE(settings.idleLockMinutes(), 15);
        // Their own password stays theirs to change.
        QVERIFY(window.findChild<QAction *>(QStringLiteral("changePasswordAction"))->isEnabled());
    }

    // The idle lock's minutes, set on the screen, reach the running session lock at once and are
    // kept in the desk's settings (the real start-up: rop signs in with his password).
    void idleLockAppliesAtOnceAndIsKept()
    {
        const QString ini = dir + QStringLiteral("/settings-idle.ini");
        session::Settings settings(ini);
        qputenv("KASP_TEST_PASSPHRASE", kPassphrase.toUtf8());
        qputenv("KASP_TEST_PASSWORD", "rop-demo");
        app::Startup startup(test::startupFromEnvironment(path, false, QStringLiteral("rop")), settings);
        QSignalSpy shown(&startup, &app::Startup::windowShown);
        QSignalSpy finished(&startup, &app::Startup::finished);
        QTimer::singleShot(0, &startup, &app::Startup::start);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 || finished.count() == 1, 60000);
        QVERIFY(finished.isEmpty());
        QVERIFY(startup.sessionLock());
        QCOMPARE(startup.sessionLock()->idleMs(), 15 * 60'000);
        app::MainWindow *window = startup.window();
        window->modalHook = [&](QDialog &dialog) {
            auto *screen = qobject_cast<app::AccountsDialog *>(&dialog);
            QVERIFY(screen);
            QCOMPARE(screen->idleLockBox()->value(), 15);
            screen->idleLockBox()->setValue(5);
            QCOMPARE(startup.sessionLock()->idleMs(), 5 * 60'000);
            screen->idleLockBox()->setValue(0);
            QCOMPARE(screen->idleLockBox()->text(), QStringLiteral("никогда"));
            QCOMPARE(startup.sessionLock()->idleMs(), 0);
            screen->idleLockBox()->setValue(1);
        };
        window->accountActions()->accountsAction()->trigger();
        QCOMPARE(startup.sessionLock()->idleMs(), 60'000);
        QCOMPARE(session::Settings(ini).idleLockMinutes(), 1); // kept for the next start
        window->close();
    }

    // A desk that syncs: the passwords are the server's. «Сменить пароль…» is disabled and says
    // so; the screen lists the people but sets no password and adds nobody; the idle lock is the
    // desk's own and can still be set.
    void aSyncedDeskLeavesPasswordsToTheServer()
    {
        session::Settings settings(dir + QStringLiteral("/settings-synced.ini"));
        settings.setSyncServerUrl(QStringLiteral("http://127.0.0.1:9"));
        credentials::CredentialStore keychain(QStringLiteral("KASP-test-localaccounts"));
        app::SyncSession sync(db, settings, keychain);
        QVERIFY(sync.isConfigured());
        app::AppContext context(db, clock, user(QStringLiteral("rop")), settings, {}, &sync);
        app::MainWindow window(context);
        QAction *change = window.findChild<QAction *>(QStringLiteral("changePasswordAction"));
        QVERIFY(!change->isEnabled());
        const QString onServer = kOnServer;
        QCOMPARE(change->toolTip(), onServer);
        window.accountActions()->changePassword();
        QVERIFY(said(window, onServer));
        const QString ropBefore = verifier(QStringLiteral("rop"));
        window.modalHook = [&](QDialog &dialog) {
            auto *screen = qobject_cast<app::AccountsDialog *>(&dialog);
            QVERIFY(screen);
            screen->show();
            QVERIFY(QTest::qWaitForWindowExposed(screen));
            QCOMPARE(screen->table()->rowCount(), int(staff().size()));
            QVERIFY(screen->selectLogin(QStringLiteral("anna")) >= 0);
            QVERIFY(!screen->setPasswordButton()->isEnabled());
            QVERIFY(!screen->addConsultantButton()->isEnabled());
            QVERIFY(screen->idleLockBox()->isEnabled());
            auto *note = screen->findChild<QLabel *>(QStringLiteral("accountsNote"));
            QVERIFY(note && note->isVisible());
            QCOMPARE(note->text(),
                     QStringLiteral("Это рабочее место подключено к серверу синхронизации: учётные "
                                    "записи и пароли хранятся там, здесь — только их список."));
            QTest::qWait(50);
            QVERIFY2(test::squeezedLabels(screen).isEmpty(),
                     qPrintable(test::squeezedLabels(screen).join(" | ")));
            shoot(screen, QStringLiteral("accounts-synced.png"));
        };
        window.accountActions()->openAccounts();
        std::optional<Status> forced;
        window.accountActions()->accounts().setPassword(QStringLiteral("rop"), QStringLiteral("new-one-1"),
                                                        QStringLiteral("new-one-1"), this,
                                                        [&](const Status &s) { forced = s; });
        QTRY_VERIFY(forced);
        QCOMPARE(forced->error().code, QStringLiteral("accounts.on_server"));
        QTest::qWait(300);
        QCOMPARE(verifier(QStringLiteral("rop")), ropBefore);
    }

    void cleanupTestCase()
    {
        db = {};
        storage::ConnectionFactory::close(QStringLiteral("localaccounts"));
    }
};

QTEST_MAIN(TestLocalAccounts)
#include "tst_localaccounts.moc"
