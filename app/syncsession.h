#pragma once
// The desktop's side of the server, as the app sees it: the SyncClient, the refresh token in the
// OS keychain (never in a file), the server URL in Settings. The window and the dialogs talk to
// this controller; they never see tokens or SQL.
#include "kasp/core/booking.h"
#include "kasp/core/clock.h"
#include "kasp/core/result.h"
#include "kasp/core/user.h"
#include <functional>
#include <memory>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QSqlDatabase>

namespace kasp::credentials {
class CredentialStore;
}
namespace kasp::session {
class Settings;
}
namespace kasp::sync {
class SyncClient;
}

namespace kasp::app {

class SyncSession : public QObject
{
    Q_OBJECT
public:
    SyncSession(QSqlDatabase db, session::Settings &settings, credentials::CredentialStore &store,
                QObject *parent = nullptr);
    ~SyncSession() override;

    // The desk's Clock (issue 19's Clock rule): the «refused» history line and the last sync's
    // time. Before any client is made; the system's when never set.
    void setClock(const Clock &clock) { m_clock = &clock; }

    bool isConfigured() const; // a server URL is set
    QString serverUrl() const;
    sync::SyncClient *client() const { return m_client.get(); }

    // With a URL in Settings: reads the refresh token from the keychain and starts syncing.
    // Emits needsSignIn when there is no token (or the keychain has none).
    void resume();
    // The same for the person signed in at the desk (issue 20): the desk syncs only under their
    // own server session, their refresh token kept in the keychain since their last online
    // sign-in here. A session the desk held for someone else is stopped first. Without a token
    // the desk does not sync, and waitingText() says it waits for their online sign-in. The tokens
    // of other people with unsent changes are read too: each change is pushed as its author's.
    void resumeAs(const kasp::User &user);
    // What the sync waits for, in words for the status bar ("" when nothing): the signed-in
    // person's online sign-in, or an author's whose unsent changes come first.
    QString waitingText() const { return m_waiting; }
    // Points this desktop at a server and signs in; signedIn or signInFailed follows, and `done`
    // (when given) is called first with no error code on success, or with the client's error
    // (auth.bad_credentials, auth.throttled, sync.offline, ...). Once accepted, the desk syncs as
    // that person (their refresh token replaces the previous one in the keychain).
    void connectTo(const QString &url, const QString &login, const QString &password,
                   std::function<void(const kasp::Error &)> done = {});
    // What the server said about the person it signed in last (id, login, displayName, role).
    QJsonObject signedInUser() const;
    void syncNow();

    static QString tokenKey(const QString &url); // the keychain entry of a server's refresh token
    // One person's refresh token for that server (their server id).
    static QString tokenKey(const QString &url, const QString &userId);

signals:
    void clientChanged(kasp::sync::SyncClient *client);
    void signedIn();
    void signInFailed(const QString &message);
    void needsSignIn();
    void waitingChanged();
    void firstSyncDone();
    // A change the server refused, in words for the consultant.
    void changeRejected(const QString &message);
    // Colleagues' changes reached the local base (coalesced: at most one per sync).
    void dataArrived();
    // A booking (new or moved) lost its nights to a colleague's: the version this desktop had,
    // and why. Sent instead of changeRejected, so the grid can show it and offer another room.
    void bookingLost(const kasp::Booking &booking, const QString &reason);

private:
    void makeClient(const QString &url);
    void onTokenRead(const QString &key, const QString &secret);
    void onTokenMissing(const QString &key);
    void setWaiting(const QString &text);
    QString nameOf(const QString &userId) const;
    static QString describe(const QString &name, const QString &code, const QString &message);
    // A booking that lost its nights to a colleague's, named: guest, room, dates.
    QString describeLost(const kasp::Booking &booking) const;

    QSqlDatabase m_db;
    session::Settings &m_settings;
    bool m_dataArrived = false;
    credentials::CredentialStore &m_store;
    const Clock *m_clock; // never null
    std::unique_ptr<sync::SyncClient> m_client;
    QString m_clientUrl;
    bool m_clientStarted = false; // resume() leaves a client a sign-in has started alone
    QString m_userId;             // the person signed in at the desk (resumeAs), their server id
    QString m_waiting;
    QSet<QString> m_authorsAsked; // authors whose token was looked for in the keychain
};

} // namespace kasp::app
