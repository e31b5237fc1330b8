#include "syncserver.h"

#include "connectionguard.h"
#include "httpreplies.h"
#include "jsonlog.h"
#include "kasp/core/textlimits.h"
#include "kasp/syncproto/mutationplan.h"
#include "kasp/syncproto/spelling.h"
#include "kasp/syncproto/wire.h"
#include "secrets.h"
#include "serverschema.h"
#include "signinroute.h"

#include <algorithm>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QUrlQuery>
#include <QWebSocket>

namespace kasp::server {

using namespace kasp::sync;
using Status = QHttpServerResponse::StatusCode;

namespace {

// Protocol 1 only: the desktop schema versions this server speaks with. A protocol-1 desk said what
// it understood through its schema (2: extra beds, hold expiry, cancel reason; 3: the price list;
// 4: search indexes only; ... 9: guest_distinct; 10: an index). From protocol 2 on the protocol
// says it, and a desk migration that changes nothing on the wire needs no new server.
constexpr int kMinSchema = 1;
constexpr int kMaxSchema = 10;

QString bearer(const QHttpServerRequest &request)
{
    const QByteArray auth = header(request, "Authorization");
    if (auth.startsWith("Bearer "))
        return QString::fromLatin1(auth.mid(7).trimmed());
    return request.query().queryItemValue(QStringLiteral("access_token"));
}

QHttpServerResponse json(const QByteArray &body, Status status = Status::Ok)
{
    return jsonReply(body, status);
}

// The request being answered, for log lines written while answering it (one thread).
QString currentRequestId;

QHttpServerResponse error(const Error &e)
{
    return errorReply(e, currentRequestId);
}

} // namespace

struct SyncServer::Call
{
    const QHttpServerRequest &request;
    QString requestId;
    Principal who;
    QString note; // extra words for the access log (counts, codes)
};

SyncServer::SyncServer(ServerConfig config, QObject *parent) : QObject(parent), m_config(std::move(config)) {}

SyncServer::~SyncServer() = default;

Result<QSqlDatabase> SyncServer::connect(const ServerConfig &config, const QString &name)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(config.dbHost);
    db.setPort(config.dbPort);
    db.setDatabaseName(config.dbName);
    db.setUserName(config.dbUser);
    db.setPassword(config.dbPassword);
    db.setConnectOptions(QStringLiteral("connect_timeout=5;application_name=kasp-sync"));
    if (!db.open())
        return Error{QStringLiteral("server.database"),
                     QStringLiteral("cannot connect to PostgreSQL at %1:%2/%3: %4")
                         .arg(config.dbHost)
                         .arg(config.dbPort)
                         .arg(config.dbName, db.lastError().text())};
    return db;
}

Result<quint16> SyncServer::start()
{
    auto db = connect(m_config, QStringLiteral("kasp-sync"));
    if (!db.ok())
        return db.error();
    m_db = db.value();
    auto schema = currentServerSchema(m_db);
    if (!schema.ok())
        return schema.error();
    if (schema.value() != serverSchemaVersion())
        return Error{
            QStringLiteral("schema.mismatch"),
            QStringLiteral("the database has schema %1, this kasp-sync needs %2: run kasp-sync --init-db")
                .arg(schema.value())
                .arg(serverSchemaVersion())};
    auto listener = connect(m_config, QStringLiteral("kasp-sync-listen"));
    if (!listener.ok())
        return listener.error();
    m_listener = listener.value();
    if (!m_pokes.listen(m_listener))
        return Error{QStringLiteral("server.database"), QStringLiteral("cannot LISTEN for pokes")};
    m_accounts = std::make_unique<AccountStore>(m_db, m_config);
    m_sync = std::make_unique<SyncStore>(m_db);

    // The listening socket is made here, not by QHttpServer::listen, so that the connection
    // guard sees every connection before the HTTP parser does (connectionguard.h).
    QTcpServer *tcp = nullptr;
    if (!m_config.tlsCertificate.isEmpty()) {
        QFile certFile(m_config.tlsCertificate), keyFile(m_config.tlsKey);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return Error{QStringLiteral("config.tls"),
                         QStringLiteral("cannot read the TLS certificate or key")};
        const QSslCertificate cert(&certFile, QSsl::Pem);
        const QSslKey key(&keyFile, QSsl::Rsa, QSsl::Pem);
        const QSslKey ecKey =
            key.isNull() ? QSslKey(keyFile.seek(0) ? keyFile.readAll() : QByteArray(), QSsl::Ec) : QSslKey();
        if (cert.isNull() || (key.isNull() && ecKey.isNull()))
            return Error{QStringLiteral("config.tls"),
                         QStringLiteral("the TLS certificate or key is not PEM")};
        QSslConfiguration tlsConfig;
        tlsConfig.setLocalCertificate(cert);
        tlsConfig.setPrivateKey(key.isNull() ? ecKey : key);
        tlsConfig.setProtocol(QSsl::SecureProtocols);
        auto *ssl = new QSslServer(this);
        ssl->setSslConfiguration(tlsConfig);
        tcp = ssl;
    } else {
        tcp = new QTcpServer(this);
    }
    m_guard = std::make_unique<ConnectionGuard>(kMaxBodyBytes);
    m_guard->watch(tcp);
    m_signIn = std::make_unique<SignInRoute>(*m_accounts);

    m_http.route(QStringLiteral("/health"), QHttpServerRequest::Method::Get,
                 [this](const QHttpServerRequest &) { return health(); });
    auto post = [this](const QString &path, bool needsAuth, QHttpServerResponse (SyncServer::*fn)(Call &)) {
        m_http.route(path, QHttpServerRequest::Method::Post,
                     [this, needsAuth, fn](const QHttpServerRequest &r) {
                         return handle(r, needsAuth, [this, fn](Call &call) { return (this->*fn)(call); });
                     });
    };
    m_http.route(QStringLiteral("/v1/auth/signin"), QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &r, QHttpServerResponder &&responder) {
                     m_signIn->handle(r, std::move(responder));
                 });
    post(QStringLiteral("/v1/auth/refresh"), false, &SyncServer::refresh);
    post(QStringLiteral("/v1/auth/signout"), false, &SyncServer::signOut);
    post(QStringLiteral("/v1/push"), true, &SyncServer::push);
    post(QStringLiteral("/v1/pull"), true, &SyncServer::pull);
    // The upgrade happens only when a route matches and writes nothing (Qt 6.4).
    m_http.route(QStringLiteral("/v1/poke"),
                 [this](const QHttpServerRequest &r, QHttpServerResponder &&responder) {
                     if (header(r, "Upgrade").compare("websocket", Qt::CaseInsensitive) != 0) {
                         responder.write(encodeError(QStringLiteral("poke.not_websocket"),
                                                     QStringLiteral("use a WebSocket")),
                                         "application/json", QHttpServerResponder::StatusCode::BadRequest);
                         return;
                     }
                     auto who = m_accounts->authenticate(bearer(r));
                     if (!who.ok()) // through errorReply: a database error's words stay in the log
                         errorReply(who.error(), requestIdOf(r)).write(std::move(responder));
                 });
    QObject::connect(&m_http, &QHttpServer::newWebSocketConnection, this, &SyncServer::acceptWebSockets);

    // Tombstones older than the retention go; desktops offline longer than that resync.
    auto purgeOld = [this] {
        auto purged =
            purgeTombstones(m_db, QDateTime::currentMSecsSinceEpoch() - kRetentionDays * 86'400'000LL);
        if (purged.ok() && purged.value() > 0)
            logEvent(QStringLiteral("info"), QStringLiteral("tombstones.purged"),
                     {{QStringLiteral("count"), purged.value()}});
        m_accounts->purgeSignInFailures();
    };
    purgeOld();
    m_purge.setInterval(6 * 3600 * 1000);
    QObject::connect(&m_purge, &QTimer::timeout, this, purgeOld);
    m_purge.start();

    // PostgreSQL restarts (upgrades, failovers): find out within seconds, not at the next request.
    m_watchdog.setInterval(5000);
    QObject::connect(&m_watchdog, &QTimer::timeout, this, &SyncServer::checkDatabase);
    m_watchdog.start();

    if (!tcp->listen(m_config.listenAddress, m_config.port))
        return Error{QStringLiteral("server.listen"), QStringLiteral("cannot listen on %1:%2: %3")
                                                          .arg(m_config.listenAddress.toString())
                                                          .arg(m_config.port)
                                                          .arg(tcp->errorString())};
    m_http.bind(tcp);
    const quint16 port = tcp->serverPort();
    if (port == 0)
        return Error{QStringLiteral("server.listen"), QStringLiteral("cannot listen on %1:%2")
                                                          .arg(m_config.listenAddress.toString())
                                                          .arg(m_config.port)};
    logEvent(QStringLiteral("info"), QStringLiteral("started"),
             {{QStringLiteral("listen"), m_config.listenAddress.toString()},
              {QStringLiteral("port"), port},
              {QStringLiteral("tls"), !m_config.tlsCertificate.isEmpty()},
              {QStringLiteral("schema"), serverSchemaVersion()}});
    return port;
}

QHttpServerResponse SyncServer::handle(const QHttpServerRequest &request, bool needsAuth,
                                       const std::function<QHttpServerResponse(Call &)> &body)
{
    AccessLine line{requestIdOf(request), request.url().path(), {}, {}, {}};
    line.timer.start();
    Call call{request, line.requestId, {}, {}};
    currentRequestId = call.requestId;

    auto produce = [&]() -> QHttpServerResponse {
        if (request.body().size() > kMaxBodyBytes)
            return error({QStringLiteral("body.too_large"),
                          QStringLiteral("the body exceeds %1 bytes").arg(kMaxBodyBytes)});
        auto protocol = protocolOf(request);
        if (!protocol.ok())
            return error(protocol.error());
        if (needsAuth) {
            bool ok = false;
            const int schema = header(request, kSchemaHeader).toInt(&ok);
            line.desk = QStringLiteral("%1/%2").arg(protocol.value()).arg(ok ? schema : 0);
            if (protocol.value() == 1) {
                if (!ok)
                    return error(
                        {QStringLiteral("protocol.missing"),
                         QStringLiteral("the %1 header is required").arg(QLatin1String(kSchemaHeader))});
                if (schema < kMinSchema)
                    return error({QStringLiteral("client.upgrade_required"),
                                  QStringLiteral("this KASP is too old for the server; update it")});
                if (schema > kMaxSchema)
                    return error(
                        {QStringLiteral("server.upgrade_required"),
                         QStringLiteral("the server is older than this KASP; ask IT to update kasp-sync")});
            }
            auto who = m_accounts->authenticate(bearer(request));
            if (!who.ok())
                return error(who.error());
            call.who = who.value();
            call.who.protocol = protocol.value();
            call.who.schema = ok ? schema : 0; // protocol 2: for the log only
        }
        return body(call);
    };
    QHttpServerResponse response = produce();
    if (response.statusCode() == Status::ServiceUnavailable)
        checkDatabase(); // the next request should find a working connection
    response.setHeader(kRequestIdHeader, call.requestId.toLatin1());
    line.login = call.who.login;
    line.note = call.note;
    line.write(static_cast<int>(response.statusCode()), response.data());
    return response;
}

void SyncServer::checkDatabase()
{
    QSqlQuery main(m_db), listen(m_listener);
    const bool mainOk = main.exec(QStringLiteral("SELECT 1"));
    const bool listenOk = listen.exec(QStringLiteral("SELECT 1"));
    if (mainOk && listenOk)
        return;
    main = QSqlQuery();
    listen = QSqlQuery();
    if (!mainOk) {
        m_sync->resetStatements();
        m_db.close();
        const bool ok = m_db.open();
        logEvent(ok ? QStringLiteral("warn") : QStringLiteral("error"), QStringLiteral("database.reconnect"),
                 {{QStringLiteral("ok"), ok}, {QStringLiteral("why"), m_db.lastError().text()}});
    }
    if (!listenOk) {
        m_listener.close();
        const bool ok = m_listener.open() && m_pokes.listen(m_listener);
        logEvent(ok ? QStringLiteral("warn") : QStringLiteral("error"), QStringLiteral("database.relisten"),
                 {{QStringLiteral("ok"), ok}});
    }
}

QHttpServerResponse SyncServer::health()
{
    QSqlQuery q(m_db);
    const bool dbOk = q.exec(QStringLiteral("SELECT 1")) && q.next();
    const QJsonObject body{
        {QStringLiteral("status"), dbOk ? QStringLiteral("ok") : QStringLiteral("degraded")},
        {QStringLiteral("database"), dbOk},
        {QStringLiteral("protocol"), kProtocolVersion},
        {QStringLiteral("oldestProtocol"), kOldestProtocolVersion},
        {QStringLiteral("schema"), serverSchemaVersion()},
        {QStringLiteral("sockets"), m_pokes.socketCount()}};
    return json(QJsonDocument(body).toJson(QJsonDocument::Compact),
                dbOk ? Status::Ok : Status::ServiceUnavailable);
}

QHttpServerResponse SyncServer::refresh(Call &call)
{
    auto body = parseObject(call.request.body());
    if (!body.ok())
        return error(body.error());
    auto token = stringField(body.value(), "refreshToken");
    if (!token.ok())
        return error(token.error());
    auto signedIn = m_accounts->refresh(token.value());
    if (!signedIn.ok())
        return error(signedIn.error());
    call.who = signedIn.value().who;
    return json(signedInBody(signedIn.value()));
}

QHttpServerResponse SyncServer::signOut(Call &call)
{
    auto body = parseObject(call.request.body());
    if (!body.ok())
        return error(body.error());
    auto token = stringField(body.value(), "refreshToken");
    if (!token.ok())
        return error(token.error());
    if (auto s = m_accounts->signOut(token.value()); !s.ok())
        return error(s.error());
    return json(QByteArrayLiteral("{}"));
}

QHttpServerResponse SyncServer::push(Call &call)
{
    auto request = decodePushRequest(call.request.body());
    if (!request.ok())
        return error(request.error());
    // A desk of the previous release: its arguments in today's spelling before anything reads them.
    const bool protocol1 = call.who.protocol == 1;
    if (protocol1)
        for (PushedMutation &m : request.value().mutations)
            m.args = argsFromProtocol1(m.name, std::move(m.args));
    // A batch with a mutation this server does not know (a newer desk's) is refused whole and
    // waits in the desk's outbox for the server's upgrade. Everything else about one mutation -
    // a bad value, a bad id, text the database cannot store - rejects that mutation alone, inside
    // the transaction, and the rest of the batch goes on: one bad character never wedges an outbox.
    for (qsizetype i = 0; i < request.value().mutations.size(); ++i) {
        const PushedMutation &m = request.value().mutations.at(i);
        static const QStringList known = knownMutationNames();
        if (!known.contains(m.name))
            return error(
                {QStringLiteral("mutation.unknown"), QStringLiteral("mutations[%1]: unknown mutation \"%2\"")
                                                         .arg(i)
                                                         .arg(textlimits::storable(m.name.left(64)))});
    }
    bool appliedAny = false;
    auto response = m_sync->push(call.who, request.value(), &appliedAny);
    if (!response.ok())
        return error(response.error());
    int rejected = 0;
    for (qsizetype i = 0; i < response.value().outcomes.size(); ++i) {
        MutationOutcome &o = response.value().outcomes[i];
        if (o.kind != MutationOutcome::Kind::Rejected)
            continue;
        ++rejected;
        // Outcomes answer the batch's mutations one for one, in order.
        if (protocol1 && i < request.value().mutations.size() && request.value().mutations.at(i).id == o.id)
            o.message = messageForProtocol1(request.value().mutations.at(i).name, o.message);
    }
    call.note =
        QStringLiteral("%1 mutations, %2 rejected").arg(request.value().mutations.size()).arg(rejected);
    if (appliedAny)
        m_pokes.announce(m_db, call.who.orgId); // after the commit, never inside it
    return json(encode(response.value()));
}

QHttpServerResponse SyncServer::pull(Call &call)
{
    auto request = decodePullRequest(call.request.body());
    if (!request.ok())
        return error(request.error());
    auto response = m_sync->pull(call.who, request.value());
    if (!response.ok())
        return error(response.error());
    call.note = QStringLiteral("%1 records").arg(response.value().records.size());
    return json(encode(response.value()));
}

void SyncServer::acceptWebSockets()
{
    while (m_http.hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = m_http.nextPendingWebSocketConnection();
        if (!socket)
            continue;
        QString token = QUrlQuery(socket->requestUrl()).queryItemValue(QStringLiteral("access_token"));
        const QByteArray auth = socket->request().rawHeader("Authorization");
        if (token.isEmpty() && auth.startsWith("Bearer "))
            token = QString::fromLatin1(auth.mid(7).trimmed());
        auto who = m_accounts->authenticate(token);
        if (!who.ok()) {
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated, who.error().code);
            continue;
        }
        logEvent(QStringLiteral("info"), QStringLiteral("websocket"),
                 {{QStringLiteral("user"), who.value().login},
                  {QStringLiteral("sockets"), m_pokes.socketCount() + 1}});
        m_pokes.add(who.value().orgId, std::move(socket));
    }
}

} // namespace kasp::server
