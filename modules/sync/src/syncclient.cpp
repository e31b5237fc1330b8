#include "kasp/sync/syncclient.h"

#include "kasp/storage/migrations.h"
#include "kasp/storage/outbox.h"
#include "kasp/syncproto/mutationplan.h"
#include "kasp/syncproto/wire.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QSqlQuery>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcSync, "kasp.sync")

namespace kasp::sync {

namespace {
QString errorCodeOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toString();
}
} // namespace

namespace {
// "" when it cannot be read now: each sync reads it again and stops there (identified()).
QString clientIdOf(const QSqlDatabase &db)
{
    auto id = storage::Outbox(db).clientId();
    return id.ok() ? id.value() : QString();
}
} // namespace

SyncClient::SyncClient(QSqlDatabase db, Options options, QObject *parent)
    : QObject(parent), m_db(db), m_options(std::move(options)), m_replica(db), m_clientId(clientIdOf(db))
{
    m_poll.setInterval(m_options.pollSecs * 1000);
    connect(&m_poll, &QTimer::timeout, this, &SyncClient::syncNow);
    m_reconnect.setSingleShot(true);
    m_reconnect.setInterval(m_options.reconnectSecs * 1000);
    connect(&m_reconnect, &QTimer::timeout, this, &SyncClient::connectPokes);
    // Repositories know nothing of sync: a cheap look at the outbox's newest id finds new local
    // changes and pushes them at once, so colleagues see them within a second. Only a new id
    // triggers a sync: an offline desktop is not hammered with retries (the poll and the socket
    // reconnection retry).
    m_outboxWatch.setInterval(m_options.outboxWatchMs);
    connect(&m_outboxWatch, &QTimer::timeout, this, [this] {
        const qint64 newest = newestMutation();
        if (newest < 0 || newest == m_lastSeenMutation)
            return;
        m_lastSeenMutation = newest;
        // The count of unsent changes follows local work at once, online or not: offline, the
        // sync below fails and would say nothing.
        emit pendingChanged(pendingCount());
        syncNow();
    });
    connect(&m_pokes, &QWebSocket::textMessageReceived, this, [this](const QString &) { syncNow(); });
    connect(&m_pokes, &QWebSocket::connected, this, [this] { syncNow(); }); // catch up what we missed
    connect(&m_pokes, &QWebSocket::disconnected, this, [this] {
        if (!m_running)
            return;
        m_reconnect.start();
        syncNow(); // a lost socket often means a lost server: find out now, not at the next poll
    });
}

SyncClient::~SyncClient()
{
    m_running = false;
    m_pokes.abort();
}

qint64 SyncClient::pendingCount() const
{
    auto count = storage::Outbox(m_db).pendingCount();
    return count.ok() ? count.value() : 0;
}

void SyncClient::post(const QString &path, const QByteArray &body, bool authorised, Handler done,
                      int timeoutMs, const QString &bearer)
{
    QUrl url = m_options.server;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(kProtocolHeader, QByteArray::number(kProtocolVersion));
    request.setRawHeader(kSchemaHeader, QByteArray::number(storage::Migrator::latestVersion()));
    if (authorised)
        request.setRawHeader("Authorization",
                             "Bearer " + (bearer.isEmpty() ? m_accessToken : bearer).toLatin1());
    request.setTransferTimeout(timeoutMs > 0 ? timeoutMs : m_options.requestTimeoutMs);
    QNetworkReply *reply = (bearer.isEmpty() ? m_net : m_authorNet).post(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, done] {
        reply->deleteLater();
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 0)
            setOnline(true); // any answer means the server is reachable
        done(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll());
    });
}

void SyncClient::acceptTokens(const QByteArray &body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    m_accessToken = o.value(QStringLiteral("accessToken")).toString();
    m_refreshToken = o.value(QStringLiteral("refreshToken")).toString();
    m_user = o.value(QStringLiteral("user")).toObject();
    emit refreshTokenChanged(m_refreshToken);
}

void SyncClient::signIn(const QString &login, const QString &password)
{
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("login"), login}, {QStringLiteral("password"), password}})
            .toJson(QJsonDocument::Compact);
    QElapsedTimer asked;
    asked.start();
    post(
        QStringLiteral("/v1/auth/signin"), body, false,
        [this, asked](int status, const QByteArray &reply) {
            if (status == 0)
                qCInfo(lcSync) << "sign-in: no answer from the server after" << asked.elapsed() << "ms";
            if (status != 200) {
                setOnline(status != 0);
                emit authFailed(status == 0 ? Error{QStringLiteral("sync.offline"),
                                                    QStringLiteral("the server does not answer")}
                                            : decodeError(reply, status));
                return;
            }
            setOnline(true);
            const QString previous = m_refreshToken;
            const QString previousUser = userId();
            acceptTokens(reply);
            if (!previous.isEmpty() && previous != m_refreshToken) {
                if (previousUser.isEmpty() || previousUser == userId()) {
                    // The same person again (at the lock): their older session ends on the server too,
                    // so a refresh token left behind in memory or a keychain backup signs nobody in.
                    signOut(previous);
                } else {
                    // A shift change: the previous person's session stays theirs, for the changes they
                    // made and have not sent; it is never used for anyone else's.
                    m_authors.insert(previousUser, AuthorSession{previous, QString()});
                    emit authorSessionChanged(previousUser, previous);
                }
            }
            m_authors.remove(userId()); // the signed-in person's session is the client's own
            emit signedIn(m_user);
        },
        m_options.signInTimeoutMs);
}

void SyncClient::signOut(const QString &refreshToken)
{
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("refreshToken"), refreshToken}})
                                .toJson(QJsonDocument::Compact);
    post(QStringLiteral("/v1/auth/signout"), body, false, [](int status, const QByteArray &) {
        if (status != 200)
            qCInfo(lcSync) << "signing the previous session out: HTTP" << status;
    });
}

void SyncClient::withToken(std::function<void()> then)
{
    if (!m_accessToken.isEmpty()) {
        then();
        return;
    }
    if (m_refreshToken.isEmpty()) {
        finish(false, {QStringLiteral("auth.signed_out"), QStringLiteral("sign in to the server")});
        return;
    }
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("refreshToken"), m_refreshToken}})
                                .toJson(QJsonDocument::Compact);
    post(QStringLiteral("/v1/auth/refresh"), body, false, [this, then](int status, const QByteArray &reply) {
        if (status == 200) {
            acceptTokens(reply);
            then();
            return;
        }
        // Only the server's word that the session is over signs the user out; a restarting
        // database (503), throttling or a proxy error leave the refresh token for the next try.
        if (status == 401 || status == 403) {
            m_refreshToken.clear();
            emit refreshTokenChanged(QString());
            emit authFailed(decodeError(reply, status));
        }
        finish(false, status == 0 ? Error{QStringLiteral("sync.offline"),
                                          QStringLiteral("the server does not answer")}
                                  : decodeError(reply, status));
    });
}

// An expired access token is normal: get a new one with the refresh token and retry once.
bool SyncClient::handleAuthFailure(int status, const QByteArray &body, std::function<void()> retry)
{
    if (status != 401 || m_authRetries > 0)
        return false;
    Q_UNUSED(body);
    ++m_authRetries;
    m_accessToken.clear();
    withToken(std::move(retry));
    return true;
}

qint64 SyncClient::newestMutation() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT coalesce(max(mutation_id), 0) FROM outbox")) || !q.next())
        return -1; // unreadable now: the damage guard tells the user, the poll retries
    return q.value(0).toLongLong();
}

void SyncClient::start()
{
    m_running = true;
    // The watch's starting point is what the sync below will push. Taken at the first tick
    // instead, a change written in the first half second after start (right after a sign-in)
    // became the starting point and waited for the poll (sync.outboxwatch).
    m_lastSeenMutation = newestMutation();
    m_poll.start();
    m_outboxWatch.start();
    connectPokes();
    syncNow();
}

void SyncClient::stop()
{
    m_running = false;
    m_poll.stop();
    m_outboxWatch.stop();
    m_reconnect.stop();
    m_pokes.close();
}

void SyncClient::connectPokes()
{
    if (!m_running || m_pokes.state() != QAbstractSocket::UnconnectedState)
        return;
    // Without an access token yet (a desk started while the server was away), a sync gets one and
    // finish() schedules this again: the desk retries as often as one whose socket dropped, not
    // only at the next poll.
    if (m_accessToken.isEmpty()) {
        if (!m_refreshToken.isEmpty())
            syncNow();
        return;
    }
    QUrl url = m_options.server;
    url.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setPath(QStringLiteral("/v1/poke"));
    url.setQuery(QUrlQuery{{QStringLiteral("access_token"), m_accessToken}});
    m_pokes.open(url);
}

void SyncClient::syncNow()
{
    if (m_busy) {
        m_again = true;
        return;
    }
    m_busy = true;
    m_authRetries = 0;
    if (!identified())
        return;
    withToken([this] { pushStep(); });
}

QString SyncClient::userId() const
{
    return m_user.value(QStringLiteral("id")).toString();
}

void SyncClient::setAuthorSession(const QString &userId, const QString &refreshToken)
{
    if (userId.isEmpty() || userId == this->userId())
        return;
    if (refreshToken.isEmpty())
        m_authors.remove(userId);
    else if (m_authors.value(userId).refreshToken != refreshToken)
        m_authors.insert(userId, AuthorSession{refreshToken, QString()});
}

void SyncClient::pushStep()
{
    storage::Outbox outbox(m_db);
    auto pending = outbox.pending(m_options.pushBatch);
    if (!pending.ok()) {
        finish(false, pending.error());
        return;
    }
    if (pending.value().isEmpty()) {
        pullStep();
        return;
    }
    // The leading run of one author's entries ('' is the signed-in person's: older entries and
    // writes with no signed-in user), pushed under that author's session.
    const QString me = userId();
    auto authorOf = [&me](const storage::OutboxEntry &e) { return e.authorId.isEmpty() ? me : e.authorId; };
    const QString author = authorOf(pending.value().first());
    QList<storage::OutboxEntry> run;
    for (const storage::OutboxEntry &e : pending.value()) {
        if (authorOf(e) != author)
            break;
        run.append(e);
    }
    if (author == me || author.isEmpty()) {
        pushRun(run, QString());
        return;
    }
    if (!m_authors.contains(author)) {
        qint64 count = 0;
        if (auto byAuthor = outbox.pendingByAuthor(); byAuthor.ok())
            for (const auto &[id, n] : byAuthor.value())
                if (id == author)
                    count = n;
        qCInfo(lcSync).noquote() << "push waits:" << count << "change(s) of" << author
                                 << "who has no server session on this desk";
        emit pushWaits(author, count);
        pullStep(); // the signed-in person's pull goes on
        return;
    }
    withAuthorToken(author, [this, run, author] { pushRun(run, author); });
}

void SyncClient::withAuthorToken(const QString &author, std::function<void()> then)
{
    if (!m_authors.value(author).accessToken.isEmpty()) {
        then();
        return;
    }
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("refreshToken"), m_authors.value(author).refreshToken}})
            .toJson(QJsonDocument::Compact);
    post(QStringLiteral("/v1/auth/refresh"), body, false,
         [this, author, then](int status, const QByteArray &reply) {
             if (status == 200) {
                 const QJsonObject o = QJsonDocument::fromJson(reply).object();
                 const QString id =
                     o.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
                 const QString refresh = o.value(QStringLiteral("refreshToken")).toString();
                 if (id != author) { // never push one person's changes under another's session
                     m_authors.remove(author);
                     emit authorSessionChanged(author, QString());
                     finish(false, Error{QStringLiteral("auth.wrong_author"),
                                         QStringLiteral("a stored session is not its author's")});
                     return;
                 }
                 m_authors.insert(author,
                                  AuthorSession{refresh, o.value(QStringLiteral("accessToken")).toString()});
                 emit authorSessionChanged(author, refresh);
                 then();
                 return;
             }
             if (status == 401 || status == 403) {
                 // Their session is over: their entries wait for their next online sign-in.
                 m_authors.remove(author);
                 emit authorSessionChanged(author, QString());
             }
             finish(false, status == 0 ? Error{QStringLiteral("sync.offline"),
                                               QStringLiteral("the server does not answer")}
                                       : decodeError(reply, status));
         });
}

void SyncClient::pushRun(const QList<storage::OutboxEntry> &run, const QString &author)
{
    PushRequest request{m_clientId, {}};
    QHash<qint64, QString> names;
    QHash<qint64, QJsonObject> args;
    for (const storage::OutboxEntry &e : run) {
        request.mutations.append(PushedMutation{e.mutationId, e.name, e.args, e.createdAt});
        names.insert(e.mutationId, e.name);
        args.insert(e.mutationId, e.args);
    }
    const qint64 lastSent = request.mutations.last().id;
    const QString bearer = author.isEmpty() ? QString() : m_authors.value(author).accessToken;
    post(
        QStringLiteral("/v1/push"), encode(request), true,
        [this, names, args, lastSent, author](int status, const QByteArray &body) {
            if (!author.isEmpty() && status == 401 && m_authRetries == 0) {
                ++m_authRetries; // their access token expired: a new one, once
                m_authors[author].accessToken.clear();
                withAuthorToken(author, [this] { pushStep(); });
                return;
            }
            if (handleAuthFailure(status, body, [this] { pushStep(); }))
                return;
            if (status == 0) {
                finish(false,
                       Error{QStringLiteral("sync.offline"), QStringLiteral("the server does not answer")});
                return;
            }
            if (status != 200) {
                // The server refused the batch (or its database is down): the outbox waits, but
                // colleagues' changes still come in. The sync reports the push's error at the end.
                m_pushError = decodeError(body, status);
                pullStep();
                return;
            }
            auto response = decodePushResponse(body);
            if (!response.ok()) {
                finish(false, response.error());
                return;
            }
            QList<std::pair<EntityKind, QString>> refusedCreates;
            for (const MutationOutcome &o : response.value().outcomes)
                if (o.kind == MutationOutcome::Kind::Rejected) {
                    qCWarning(lcSync)
                        << "mutation" << o.id << names.value(o.id) << "rejected:" << o.code << o.message;
                    emit mutationRejected(o.id, names.value(o.id), o.code, o.message);
                    const auto target = mutationTarget(Mutation{names.value(o.id), args.value(o.id)});
                    if (target && target->op == MutationPlan::Op::Create)
                        refusedCreates.append({target->kind, target->id});
                }
            // Settled entries leave the outbox now, with this desk's copies of records the server
            // refused to create; other roll-backs come with the pull.
            if (auto s = m_replica.settlePush(refusedCreates, response.value().lastMutationId); !s.ok()) {
                finish(false, s.error());
                return;
            }
            emit pendingChanged(pendingCount());
            if (response.value().lastMutationId >= lastSent)
                pushStep(); // the next batch, if any
            else
                pullStep(); // a gap the server waits on: pull, and try again next time
        },
        0, bearer);
}

bool SyncClient::identified()
{
    if (!m_clientId.isEmpty())
        return true;
    // Never pushed or pulled under an empty id: the server would take this desk's changes for
    // another desk's and apply them twice. A damaged page here is the damage watch's to tell.
    auto id = storage::Outbox(m_db).clientId();
    if (!id.ok()) {
        finish(false, id.error());
        return false;
    }
    m_clientId = id.value();
    return true;
}

void SyncClient::pullStep()
{
    // A cursor that cannot be read stops the sync: as 0 it would pull the whole base again.
    auto snapshot = m_replica.inSnapshot();
    auto cursor = m_replica.cursor();
    if (!snapshot.ok() || !cursor.ok()) {
        finish(false, snapshot.ok() ? cursor.error() : snapshot.error());
        return;
    }
    m_snapshot = snapshot.value();
    pullFrom(cursor.value(), ++m_pullGeneration);
}

// Pages are pipelined: the request for page n+1 leaves before page n is written, so the server
// and the network work while the replica writes. A failed write invalidates the request in flight.
void SyncClient::pullFrom(qint64 cursor, int generation)
{
    const PullRequest request{m_clientId, cursor, m_options.pullPage, m_snapshot};
    post(QStringLiteral("/v1/pull"), encode(request), true,
         [this, generation](int status, const QByteArray &body) {
             if (generation != m_pullGeneration)
                 return; // a page whose predecessor failed
             if (handleAuthFailure(status, body, [this] { pullStep(); }))
                 return;
             if (status == 409 && errorCodeOf(body) == QLatin1String("sync.resync_required")) {
                 // Older than the server's history: reload the base (pending changes stay).
                 qCWarning(lcSync) << "the server asks for a resync: reloading the base";
                 if (auto s = m_replica.resetForResync(); !s.ok()) {
                     finish(false, s.error());
                     return;
                 }
                 pullStep();
                 return;
             }
             if (status != 200) {
                 ++m_pullGeneration;
                 finish(false, status == 0 ? Error{QStringLiteral("sync.offline"),
                                                   QStringLiteral("the server does not answer")}
                                           : decodeError(body, status));
                 return;
             }
             auto page = decodePullResponse(body);
             if (!page.ok()) {
                 ++m_pullGeneration;
                 finish(false, page.error());
                 return;
             }
             if (page.value().more)
                 pullFrom(page.value().cursor, generation);
             if (auto s = m_replica.applyPage(page.value()); !s.ok()) {
                 ++m_pullGeneration;
                 finish(false, s.error());
                 return;
             }
             if (!page.value().records.isEmpty())
                 emit recordsArrived(int(page.value().records.size()));
             emit progress(page.value().cursor, page.value().head);
             emit pendingChanged(pendingCount());
             if (!page.value().more)
                 finish(true);
         });
}

void SyncClient::finish(bool ok, const Error &reason)
{
    m_busy = false;
    Error error = reason;
    if (ok && !m_pushError.code.isEmpty()) {
        ok = false;
        error = m_pushError;
    }
    m_pushError = {};
    if (ok) {
        static const SystemClock systemClock;
        m_lastSync = (m_options.clock ? *m_options.clock : systemClock).now();
        setOnline(true);
        emit synced(m_lastSync);
    } else {
        if (error.code == QLatin1String("sync.offline"))
            setOnline(false);
        qCWarning(lcSync) << "sync failed:" << error.code << error.message;
        emit syncFailed(error);
    }
    if (m_again && ok) {
        m_again = false;
        syncNow();
    } else {
        m_again = false;
    }
    if (m_running && m_pokes.state() == QAbstractSocket::UnconnectedState && !m_reconnect.isActive())
        m_reconnect.start();
}

void SyncClient::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    emit onlineChanged(online);
}

} // namespace kasp::sync
