#include "startup.h"

#include "accountactions.h"
#include "appcontext.h"
#include "damageguard.h"
#include "demoseeder.h"
#include "desksignin.h"
#include "firstsyncdialog.h"
#include "kasp/credentials/credentialstore.h"
#include "kasp/crm/ui/guestsearchmodel.h"
#include "kasp/crm/ui/guestsearchpanel.h"
#include "kasp/session/databaseunlocker.h"
#include "kasp/session/settings.h"
#include "kasp/storage/migrations.h"
#include "kasp/storage/replicarebuild.h"
#include "kasp/storage/userrepository.h"
#include "kasp/sync/syncclient.h"
#include "mainwindow.h"
#include "passphrasedialog.h"
#include "serverdialog.h"
#include "sessionlock.h"
#include "signindialog.h"
#include "syncsession.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QSqlQuery>
#include <QTimer>

Q_LOGGING_CATEGORY(lcApp, "kasp.app")

namespace kasp::app {

namespace {
const QString kConnection = QStringLiteral("kasp-main");

bool databaseIsEmpty(QSqlDatabase db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT count(*) FROM users")) && q.next() && q.value(0).toLongLong() == 0;
}
} // namespace

Startup::Startup(StartupOptions options, session::Settings &settings, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_settings(settings),
      m_store(new credentials::CredentialStore(QStringLiteral("KASP"), this))
{
    if (m_options.databasePath.isEmpty())
        m_options.databasePath = m_settings.databasePath();
}

Startup::~Startup()
{
    delete m_progress;
    m_lock.reset();
    m_window.reset();
    m_context.reset();
    if (m_holdingQuit)
        QGuiApplication::setQuitOnLastWindowClosed(m_quitOnLastWindowClosed);
}

void Startup::start()
{
    // Dialogs come and go before the window exists, and between them (a passphrase accepted, the
    // server's sign-in done) none may be visible: Qt's "last window closed" would then end the
    // application with code 0 behind the user's back. Until the window shows, finished() does.
    m_quitOnLastWindowClosed = QGuiApplication::quitOnLastWindowClosed();
    m_holdingQuit = true;
    QGuiApplication::setQuitOnLastWindowClosed(false);
    qCInfo(lcApp).noquote() << "opening" << m_options.databasePath;
    m_unlocker = new session::DatabaseUnlocker(m_store, m_options.databasePath, kConnection, this);
    connect(m_unlocker, &session::DatabaseUnlocker::unlocked, this, &Startup::onUnlocked);
    connect(m_unlocker, &session::DatabaseUnlocker::needPassphrase, this, &Startup::onNeedPassphrase);
    connect(m_unlocker, &session::DatabaseUnlocker::failed, this,
            [this](const QString &code, const QString &message) {
                qCWarning(lcApp).noquote() << code << message;
                // A passphrase typed in the dialog may be mistyped: ask again, saying so.
                if (code == QLatin1String("storage.wrong_key") && !m_passphraseReason.isEmpty()) {
                    askPassphrase(tr("This passphrase does not open the database. Check the keyboard "
                                     "layout and Caps Lock, and type it again."));
                    return;
                }
                fail(message);
            });
    if (!m_options.passphraseEnv.isEmpty()) {
        m_unlocker->unlockWithPassphrase(
            qEnvironmentVariable(m_options.passphraseEnv.toLocal8Bit().constData()));
        return;
    }
    m_unlocker->start();
}

void Startup::onNeedPassphrase(const QString &reason, bool creating)
{
    m_passphraseReason = reason;
    m_passphraseCreating = creating;
    askPassphrase({});
}

void Startup::askPassphrase(const QString &error)
{
    PassphraseDialog dialog(m_passphraseReason, m_passphraseCreating);
    if (!error.isEmpty())
        dialog.showError(error);
    if (dialog.exec() != QDialog::Accepted) {
        emit finished(1);
        return;
    }
    m_unlocker->unlockWithPassphrase(dialog.passphrase());
}

void Startup::fail(const QString &message)
{
    QMessageBox::critical(nullptr, tr("KASP cannot start"), message);
    emit finished(2);
}

void Startup::onUnlocked(const QString &connectionName)
{
    m_connection = connectionName;
    QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    if (m_options.demo && databaseIsEmpty(db) && !seedDemoWithProgress(db, m_clock, nullptr)) {
        emit finished(1);
        return;
    }
    if (!m_options.serverUrl.isEmpty())
        m_settings.setSyncServerUrl(m_options.serverUrl);
    m_sync = new SyncSession(db, m_settings, *m_store, this);
    m_sync->setClock(m_clock);
    if (!checkPages(db))
        return;
    if (databaseIsEmpty(db) && m_sync->isConfigured()) {
        // A new desktop of a sanatorium that has a server: sign in there, bring the base in, and
        // the staff list with it; then sign in locally as that person.
        connect(m_sync, &SyncSession::firstSyncDone, this, &Startup::onFirstSyncDone);
        connect(m_sync, &SyncSession::needsSignIn, this, [this] {
            if (!m_progress || m_firstSyncDone)
                return; // a wrong password inside the dialog says so there
            qCWarning(lcApp) << "the server refused the session during the first sync";
            closeProgress();
            if (auto *client = m_sync->client())
                client->stop();
            // Not inside the client's reply handler: the dialog runs its own event loop.
            QTimer::singleShot(0, this, [this] {
                joinServer(tr("The server ended this desktop's session. Sign in again."));
            });
        });
        joinServer();
        return;
    }
    signInAndShow(); // the sync resumes as the person signed in (showFor)
}

bool Startup::checkPages(QSqlDatabase db)
{
    delete m_damage; // a rebuilt file gets a guard of its own
    m_damage = new DamageGuard(db, m_sync->isConfigured(), this);
    m_damage->holdUntilShown(); // told over the window, not over a sign-in that closes
    // Not inside the message's button: the rebuild deletes the guard that sent it.
    connect(m_damage, &DamageGuard::rebuildRequested, this,
            [this] { QTimer::singleShot(0, this, &Startup::rebuildFromServer); });
    if (QFileInfo(m_options.databasePath).size() > DamageGuard::checkNowBytes()) {
        // A big file's whole check (quick_check: 7.5 minutes on the 7 GB bench base, which SQLite
        // 3.15 cannot interrupt) runs in kasp-pagecheck, a process that closing kasp kills; the
        // desk works meanwhile, and damage found there is told as below. Reads report it anyway.
        m_damage->checkInBackground(m_unlocker->openedWith());
        return true;
    }
    QElapsedTimer timer;
    timer.start();
    const Status pages = m_damage->checkNow();
    qCInfo(lcApp) << "page check:" << timer.elapsed() << "ms," << (pages.ok() ? "ok" : "damaged");
    if (pages.ok())
        return true;
    if (pages.error().code != QLatin1String("storage.corrupt")) {
        fail(pages.error().message);
        return false;
    }
    switch (m_damage->askAtStartup()) {
    case DamageGuard::Choice::Rebuild:
        rebuildFromServer();
        return false;
    case DamageGuard::Choice::Quit:
        emit finished(2);
        return false;
    case DamageGuard::Choice::Continue:
        qCWarning(lcApp) << "opening a damaged database at the user's choice";
        return true;
    }
    return true;
}

void Startup::rebuildFromServer()
{
    qCWarning(lcApp) << "rebuilding the replica from the server";
    // Everything that reads the damaged file goes first; closing the window must not end the app.
    if (!std::exchange(m_holdingQuit, true)) {
        m_quitOnLastWindowClosed = QGuiApplication::quitOnLastWindowClosed();
        QGuiApplication::setQuitOnLastWindowClosed(false);
    }
    delete std::exchange(m_damage, nullptr);
    if (m_window)
        m_window->close();
    m_lock.reset();
    m_window.reset();
    m_context.reset();
    if (m_sync) {
        if (auto *client = m_sync->client())
            client->stop();
        delete std::exchange(m_sync, nullptr);
    }
    storage::ConnectionFactory::close(m_connection);
    auto rebuilt = storage::rebuildKeepingOutbox(m_unlocker->openedWith(), m_clock);
    if (!rebuilt.ok()) {
        fail(rebuilt.error().message);
        return;
    }
    // The new, empty file opens as a new desk of this server does: its sign-in, the first sync
    // (which re-applies the kept changes), then the desk's own sign-in.
    m_options.demo = false;
    m_firstSyncDone = false;
    m_unlocker->reopen();
}

void Startup::joinServer(const QString &why)
{
    // The login typed last (saved when «Connect» is pressed), unless --user names one.
    QString login = m_options.login;
    if (login.isEmpty())
        login = m_settings.syncLogin();
    if (login.isEmpty())
        login = m_settings.lastLogin();
    ServerDialog dialog(*m_sync, m_sync->serverUrl(), login);
    if (!why.isEmpty())
        dialog.showError(why);
    if (dialog.exec() != QDialog::Accepted) {
        qCInfo(lcApp) << "server sign-in cancelled";
        emit finished(0);
        return;
    }
    // Locally this desktop signs in as the account the server has just accepted, with the password
    // it accepted (the desk keeps its verifier): nobody is asked twice.
    m_options.login = m_settings.syncLogin();
    m_joinedPassword = dialog.passwordEdit()->text();
    if (m_firstSyncDone) { // a tiny base, already in
        signInAndShow();
        return;
    }
    m_progress = new FirstSyncDialog(*m_sync);
    connect(m_progress, &QDialog::rejected, this, [this] {
        qCInfo(lcApp) << "first sync cancelled";
        if (auto *client = m_sync->client())
            client->stop();
        closeProgress();
        emit finished(1);
    });
    m_progress->show();
    qCInfo(lcApp).noquote() << "loading the base from" << m_sync->serverUrl();
}

void Startup::onFirstSyncDone()
{
    if (m_firstSyncDone)
        return;
    m_firstSyncDone = true;
    qCInfo(lcApp) << "first sync done:" << (m_progress ? m_progress->records() : 0) << "records";
    if (!m_progress)
        return; // the server dialog is still closing: joinServer() goes on
    // Not inside the client's signal: signing in may open a dialog with its own event loop.
    QTimer::singleShot(0, this, [this] {
        if (!m_progress)
            return; // cancelled meanwhile
        closeProgress();
        signInAndShow();
    });
}

void Startup::closeProgress()
{
    if (!m_progress)
        return;
    m_progress->disconnect(this); // a programmatic close is no Cancel
    m_progress->hide();
    m_progress->deleteLater();
    m_progress = nullptr;
}

void Startup::signInAndShow()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    auto users = storage::UserRepository(db, m_clock).all();
    if (!users.ok()) {
        fail(users.error().message);
        return;
    }
    if (users.value().isEmpty()) {
        fail(tr("The database has no users yet. Start KASP with --demo for the demo sanatorium, or "
                "connect it "
                "to the sync server."));
        return;
    }
    // Everyone signs in with their password; --user only chooses whose.
    m_signIn = new DeskSignIn(db, m_clock, m_sync, this);
    User user;
    if (!m_joinedPassword.isEmpty()) {
        auto joined = m_signIn->acceptedByServer(m_options.login, std::exchange(m_joinedPassword, {}));
        if (joined.ok())
            user = joined.value();
    }
    if (user.id.isNull()) {
        SignInDialog signIn(users.value(),
                            m_options.login.isEmpty() ? m_settings.lastLogin() : m_options.login,
                            m_signIn->checker());
        signIn.setWait(m_signIn->waiter());
        if (!m_options.passwordEnv.isEmpty()) {
            signIn.passwordEdit()->setText(
                qEnvironmentVariable(m_options.passwordEnv.toLocal8Bit().constData()));
            QTimer::singleShot(0, &signIn, &SignInDialog::submit);
        }
        if (signIn.exec() != QDialog::Accepted) {
            emit finished(0);
            return;
        }
        user = signIn.signedIn();
    }
    showFor(user);
    if (std::exchange(m_holdingQuit, false))
        QGuiApplication::setQuitOnLastWindowClosed(m_quitOnLastWindowClosed);
    emit windowShown();
    if (!m_options.screenshotPath.isEmpty())
        QTimer::singleShot(0, this, &Startup::takeScreenshot);
}

void Startup::showFor(const User &user)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    m_settings.setLastLogin(user.login);
    // The desk syncs as this person only: their own server session, or none until they sign in
    // online (a shift change at the lock comes here too).
    if (m_sync)
        m_sync->resumeAs(user);

    // The composition root: one context (database, clock, user, services, sync) for the window.
    const DatabaseInfo info{m_options.databasePath, storage::Migrator::currentVersion(db), true};
    m_context = std::make_unique<AppContext>(db, m_clock, user, m_settings, info, m_sync);
    // A worker's connection (the duplicates scan) reports damage like the window's own.
    m_context->setWorkerConnections(m_damage ? m_damage->watching(m_unlocker->workerConnections())
                                             : m_unlocker->workerConnections());
    m_window = showSalesWindow(*m_context);
    qCInfo(lcApp).noquote() << "window shown for" << user.login;
    if (m_damage)
        m_damage->showIn(m_window.get());
    // The idle lock, and the menu's «lock / switch user», for this person's session.
    m_lock = std::make_unique<SessionLock>(
        user,
        [db, this] {
            auto all = storage::UserRepository(db, m_clock).all();
            return all.ok() ? all.value() : QList<User>();
        },
        m_signIn->checker(), m_settings.idleLockMinutes() * 60'000);
    m_lock->setWindow(m_window.get());
    m_lock->setWait(m_signIn->waiter());
    connect(m_window.get(), &MainWindow::lockRequested, m_lock.get(), &SessionLock::lock);
    // Сервис → Учётные записи…: a new idle time applies at once.
    connect(m_window->accountActions(), &AccountActions::idleLockChanged, m_lock.get(),
            [lock = m_lock.get()](int minutes) { lock->setIdleMs(minutes * 60'000); });
    connect(m_lock.get(), &SessionLock::quitRequested, this, [this] { m_window->close(); });
    connect(m_lock.get(), &SessionLock::switchTo, this, [this](const User &person) {
        // Not inside the lock's own signal: the lock and the window it covers are rebuilt.
        QTimer::singleShot(0, this, [this, person] { switchUser(person); });
    });
}

void Startup::switchUser(const User &user)
{
    // The old window goes before the new one shows: that is no "last window closed".
    const bool quitOnLast = QGuiApplication::quitOnLastWindowClosed();
    QGuiApplication::setQuitOnLastWindowClosed(false);
    m_window->close(); // its layout is saved for the next person
    m_lock.reset();
    m_window.reset();
    m_context.reset();
    showFor(user);
    QGuiApplication::setQuitOnLastWindowClosed(quitOnLast);
}

std::unique_ptr<MainWindow> showSalesWindow(AppContext &context)
{
    auto window = std::make_unique<MainWindow>(context);
    if (!context.settings().phone().server.isEmpty() && context.permissions().makesCalls)
        window->enablePhone({});
    window->show();
    window->searchPanel()->focusSearch();
    return window;
}

void Startup::takeScreenshot()
{
    if (!m_options.searchText.isEmpty()) {
        m_window->searchPanel()->setQuery(m_options.searchText);
        if (const auto *first = m_window->searchPanel()->model()->at(0))
            m_window->openGuest(first->id);
    }
    // Let layouts settle before grabbing.
    QTimer::singleShot(300, this, [this] {
        const bool saved = m_window->grab().save(m_options.screenshotPath);
        qCInfo(lcApp).noquote() << "screenshot" << m_options.screenshotPath << (saved ? "saved" : "FAILED");
        emit finished(saved ? 0 : 3);
    });
}

} // namespace kasp::app
