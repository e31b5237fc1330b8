#pragma once
// The start-up sequence of the Sales Window: unlock the database (keychain or passphrase),
// create the demo data when asked, or join the sync server (its sign-in, then the first sync in a
// progress window), sign in, show the window. Every failure ends in a clear message and a non-zero
// exit code, never a crash; until the window shows, only finished() ends the application.
#include "kasp/core/clock.h"
#include "kasp/core/user.h"
#include <memory>
#include <QObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QString>

namespace kasp::credentials {
class CredentialStore;
}
namespace kasp::session {
class DatabaseUnlocker;
class Settings;
} // namespace kasp::session

namespace kasp::app {

class AppContext;
class DamageGuard;
class DeskSignIn;
class FirstSyncDialog;
class SessionLock;
class MainWindow;
class SyncSession;

// The Sales Window over a built context, as start-up shows it: the phone enabled when this desk
// has a SIP account, shown, the search focused. A bench or a test that opened the database itself
// gets the same window; Startup (below) is the whole way there, dialogs included.
std::unique_ptr<MainWindow> showSalesWindow(AppContext &context);

struct StartupOptions
{
    QString databasePath;   // empty: from settings
    bool demo = false;      // fill a new, empty database with the demo sanatorium
    QString login;          // pre-selected in the sign-in; the password is still asked
    QString passphraseEnv;  // take the passphrase from this environment variable (scripts, no keychain)
    QString screenshotPath; // render the window to this PNG and quit
    QString searchText;     // with a screenshot: search and open the first guest
    QString serverUrl;      // sync with this kasp-sync (stored in Settings)
    // Type the password held in this environment variable into the sign-in (scripts, benches):
    // the same check as a person typing it, so a wrong one leaves the sign-in open with its error.
    QString passwordEnv;
};

class Startup : public QObject
{
    Q_OBJECT
public:
    Startup(StartupOptions options, session::Settings &settings, QObject *parent = nullptr);
    ~Startup() override;

    void start();
    MainWindow *window() const { return m_window.get(); }
    // Everything the window works with (database, clock, user, services), once signed in.
    AppContext *context() const { return m_context.get(); }
    SyncSession *syncSession() const { return m_sync; }
    // The signed-in session's lock (idle time, the menu's lock), once the window shows.
    SessionLock *sessionLock() const { return m_lock.get(); }

signals:
    void finished(int exitCode); // emitted only when the app must end (failure, cancel, screenshot)
    void windowShown();

private:
    void onUnlocked(const QString &connectionName);
    void joinServer(const QString &why = {});
    void onFirstSyncDone();
    void closeProgress();
    void signInAndShow();
    void showFor(const User &user);
    void switchUser(const User &user);
    void onNeedPassphrase(const QString &reason, bool creating);
    void askPassphrase(const QString &error);
    // The pages of the file, before the window (a small file) or behind it (a big one); false when
    // start-up ends here (the user quit, or a rebuild took over).
    bool checkPages(QSqlDatabase db);
    void rebuildFromServer();
    void fail(const QString &message);
    void takeScreenshot();

    StartupOptions m_options;
    session::Settings &m_settings;
    SystemClock m_clock;
    credentials::CredentialStore *m_store;
    session::DatabaseUnlocker *m_unlocker = nullptr;
    SyncSession *m_sync = nullptr;
    QString m_connection;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window; // after the context: destroyed before it
    DeskSignIn *m_signIn = nullptr;
    std::unique_ptr<SessionLock> m_lock;  // after the window: it covers the window
    QPointer<FirstSyncDialog> m_progress; // a new desktop's first sync
    QString m_joinedPassword; // the server accepted it in this start-up (joining): no second question
    DamageGuard *m_damage = nullptr;
    QString m_passphraseReason; // the dialog asked for the passphrase: a wrong one asks again
    bool m_passphraseCreating = false;
    bool m_firstSyncDone = false;
    bool m_holdingQuit = false; // quitOnLastWindowClosed is off until the window shows
    bool m_quitOnLastWindowClosed = true;
};

} // namespace kasp::app
