#include "startup.h"

#include "demoseeder.h"
#include "kasp/booking/bookingservice.h"
#include "kasp/credentials/credentialstore.h"
#include "kasp/crm/guestservice.h"
#include "kasp/crm/ui/guestcardpanel.h"
#include "kasp/crm/ui/guestsearchmodel.h"
#include "kasp/crm/ui/guestsearchpanel.h"
#include "kasp/session/databaseunlocker.h"
#include "kasp/session/settings.h"
#include "kasp/storage/migrations.h"
#include "kasp/storage/userrepository.h"
#include "mainwindow.h"
#include "passphrasedialog.h"
#include "serverdialog.h"
#include "signindialog.h"
#include "syncsession.h"

#include <QApplication>
#include <QElapsedTimer>
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
    m_window.reset();
    m_guests.reset();
}

void Startup::start()
{
    qCInfo(lcApp).noquote() << "opening" << m_options.databasePath;
    m_unlocker = new session::DatabaseUnlocker(m_store, m_options.databasePath, kConnection, this);
    connect(m_unlocker, &session::DatabaseUnlocker::unlocked, this, &Startup::onUnlocked);
    connect(m_unlocker, &session::DatabaseUnlocker::needPassphrase, this, &Startup::onNeedPassphrase);
    connect(m_unlocker, &session::DatabaseUnlocker::failed, this,
            [this](const QString &code, const QString &message) {
                qCWarning(lcApp).noquote() << code << message;
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
    PassphraseDialog dialog(reason, creating);
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
    if (m_options.demo && databaseIsEmpty(db) && !seedDemoWithProgress(db, nullptr)) {
        emit finished(1);
        return;
    }
    m_guests = std::make_unique<crm::GuestService>(db, m_clock);
    if (!m_options.serverUrl.isEmpty())
        m_settings.setSyncServerUrl(m_options.serverUrl);
    m_sync = new SyncSession(db, m_settings, *m_store, this);
    if (databaseIsEmpty(db) && m_sync->isConfigured()) {
        // A new desktop of a sanatorium that has a server: sign in there, bring the base in, and
        // the staff list with it; then sign in locally as that person.
        ServerDialog dialog(*m_sync, m_sync->serverUrl(), m_options.login);
        if (dialog.exec() != QDialog::Accepted) {
            emit finished(0);
            return;
        }
        if (m_options.login.isEmpty())
            m_options.login = m_settings.syncLogin();
        connect(m_sync, &SyncSession::firstSyncDone, this, &Startup::signInAndShow, Qt::SingleShotConnection);
        return;
    }
    signInAndShow();
    if (m_sync->isConfigured())
        m_sync->resume();
}

void Startup::signInAndShow()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    auto users = storage::UserRepository(db, m_clock).all();
    if (!users.ok()) {
        fail(users.error().message);
        return;
    }
    User user;
    const QString login = m_options.login.isEmpty() && !m_options.screenshotPath.isEmpty()
                              ? m_settings.lastLogin()
                              : m_options.login;
    for (const User &u : users.value())
        if (u.login == login && u.active)
            user = u;
    if (user.id.isNull()) {
        if (users.value().isEmpty()) {
            fail(tr("The database has no users yet. Start KASP with --demo for the demo sanatorium, or "
                    "connect it "
                    "to the sync server."));
            return;
        }
        SignInDialog signIn(users.value(), m_settings.lastLogin());
        if (signIn.exec() != QDialog::Accepted) {
            emit finished(0);
            return;
        }
        user = signIn.selectedUser();
    }
    m_settings.setLastLogin(user.login);

    const DatabaseInfo info{m_options.databasePath, storage::Migrator::currentVersion(db), true};
    m_booking = std::make_unique<booking::BookingService>(db, m_clock, user.id);
    m_booking->setHoldHours(m_settings.holdHours());
    m_booking->setPrepaymentPercent(m_settings.prepaymentPercent());
    m_window = std::make_unique<MainWindow>(*m_guests, *m_booking, user, info, m_settings, m_sync);
    m_window->setWorkerConnections(m_unlocker->workerConnections());
    if (!m_settings.phone().server.isEmpty())
        m_window->enablePhone({});
    m_window->show();
    m_window->searchPanel()->focusSearch();
    emit windowShown();
    if (!m_options.screenshotPath.isEmpty())
        QTimer::singleShot(0, this, &Startup::takeScreenshot);
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
