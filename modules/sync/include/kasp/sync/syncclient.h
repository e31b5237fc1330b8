#pragma once
// One desktop's link to kasp-sync (docs/SYNC.md). Works from the GUI thread without blocking it:
// every call is asynchronous. A sync is "push the outbox in order, then pull pages until the
// cursor reaches the head"; a poke over the WebSocket or the 45 s timer starts one, and requests
// that arrive while one runs coalesce into one more. Offline is a normal state: writes go on into
// the outbox, and the next successful sync drains it.
#include "kasp/core/clock.h"
#include "kasp/core/result.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/replicastore.h"
#include <functional>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSqlDatabase>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace kasp::sync {

class SyncClient : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QUrl server;         // http(s)://host:port
        int pushBatch = 500; // mutations per push
        int pullPage = 1000; // records per pull page
        int pollSecs = 45;   // the fallback when pokes do not arrive
        int reconnectSecs = 5;
        int outboxWatchMs = 500; // a new local change is pushed within this time
        // A request that has exchanged nothing for this long fails as sync.offline. A sign-in gets
        // a short one: a person is waiting, and a server that accepts and says nothing must not
        // hold back the desk's offline check (a refused connection or no route fail at once).
        int requestTimeoutMs = 30'000;
        int signInTimeoutMs = 4'000;
        // The time of "last synced"; none: the system's clock. Must outlive the client.
        const Clock *clock = nullptr;
    };

    SyncClient(QSqlDatabase db, Options options, QObject *parent = nullptr);
    ~SyncClient() override;

    // The same person signing in again ends the session this client held for them on the server
    // (/v1/auth/signout). Another person's sign-in (a shift change) keeps the previous person's
    // session as theirs (authorSessionChanged), for the unsent changes they made.
    void signIn(const QString &login, const QString &password);
    // Each outbox entry is pushed under its author's session (issue 20): the signed-in person's,
    // or another person's from the keychain given here (a refresh token; empty: none). The entries
    // of an author with no session wait (pushWaits), and so do the entries after them: the server
    // applies a desk's changes in their order.
    void setAuthorSession(const QString &userId, const QString &refreshToken);
    // The signed-in person's server id (from the server's answer), or "" before one.
    QString userId() const;
    // From the keychain at start: the next call gets an access token with it.
    void setRefreshToken(const QString &token) { m_refreshToken = token; }
    QString refreshToken() const { return m_refreshToken; }

    void start(); // pokes, the timer and a first sync
    void stop();
    void syncNow();

    bool isOnline() const { return m_online; }
    bool isBusy() const { return m_busy; }
    qint64 pendingCount() const;
    QDateTime lastSync() const { return m_lastSync; }
    QJsonObject user() const { return m_user; }

signals:
    void signedIn(const QJsonObject &user);
    void authFailed(const kasp::Error &error);
    void refreshTokenChanged(const QString &token); // store it in the keychain
    // Another author's session changed (a refresh rotates the token; "" when the server ended it).
    void authorSessionChanged(const QString &userId, const QString &refreshToken);
    // The first unsent change is `authorId`'s, who has no session here: `count` of theirs wait
    // (and whatever follows them) until they sign in online on this desk.
    void pushWaits(const QString &authorId, qint64 count);
    void onlineChanged(bool online);
    void pendingChanged(qint64 pending);
    void progress(qint64 cursor, qint64 head); // a first sync's progress bar
    void synced(const QDateTime &at);
    void recordsArrived(int count); // a pulled page changed the replica: views reload
    void mutationRejected(qint64 mutationId, const QString &name, const QString &code,
                          const QString &message);
    void syncFailed(const kasp::Error &error);

private:
    using Handler = std::function<void(int status, const QByteArray &body)>;
    // `bearer`: the access token to send (authorised); empty: the signed-in person's.
    void post(const QString &path, const QByteArray &body, bool authorised, Handler done, int timeoutMs = 0,
              const QString &bearer = {});
    void pushRun(const QList<storage::OutboxEntry> &run, const QString &author);
    void withAuthorToken(const QString &author, std::function<void()> then);
    void withToken(std::function<void()> then);
    void signOut(const QString &refreshToken);
    void pushStep();
    void pullStep();
    // The desk's client id, read again when it could not be before; false (the sync failed with
    // the error) when it still cannot.
    bool identified();
    void pullFrom(qint64 cursor, int generation);
    void finish(bool ok, const Error &error = {});
    void setOnline(bool online);
    void acceptTokens(const QByteArray &body);
    bool handleAuthFailure(int status, const QByteArray &body, std::function<void()> retry);
    void connectPokes();
    qint64 newestMutation() const; // the outbox's newest id; -1 when it cannot be read

    QSqlDatabase m_db;
    Options m_options;
    storage::ReplicaStore m_replica;
    QString m_clientId;
    QNetworkAccessManager m_net;
    QNetworkAccessManager m_authorNet; // other authors' requests: their own connections
    QWebSocket m_pokes;
    QTimer m_poll;
    QTimer m_reconnect;
    QTimer m_outboxWatch;
    qint64 m_lastSeenMutation = -1;
    QString m_accessToken;
    QString m_refreshToken;
    QJsonObject m_user;
    struct AuthorSession
    {
        QString refreshToken;
        QString accessToken;
    };
    QHash<QString, AuthorSession> m_authors; // other people's sessions, by user id
    QDateTime m_lastSync;
    bool m_online = false;
    bool m_busy = false;
    bool m_again = false;
    bool m_running = false;
    int m_authRetries = 0;
    int m_pullGeneration = 0;
    Error m_pushError;       // a refused push, reported when the pull that follows it ends
    bool m_snapshot = false; // this pull continues a first sync (see PullRequest::snapshot)
};

} // namespace kasp::sync
