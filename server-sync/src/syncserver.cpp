#include "syncserver.h"

#include "jsonlog.h"
#include "kasp/syncproto/mutationplan.h"
#include "kasp/syncproto/wire.h"
#include "secrets.h"
#include "serverschema.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QSslKey>
#include <QUrlQuery>
#include <QWebSocket>

namespace kasp::server {

using namespace kasp::sync;
using Status = QHttpServerResponse::StatusCode;

namespace {

constexpr int kMinSchema = 1; // the desktop schema versions this server speaks with
// 2: extra beds, hold expiry, cancel reason; 3: the price list; 4: search indexes only (e-mail,
// booking number). Records carry them as JSON, so the server's tables do not change with the
// desktop's schema.
constexpr int kMaxSchema = 10;

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &[key, value] : request.headers())
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

QString bearer(const QHttpServerRequest &request)
{
    const QByteArray auth = header(request, "Authorization");
    if (auth.startsWith("Bearer "))
        return QString::fromLatin1(auth.mid(7).trimmed());
    return request.query().queryItemValue(QStringLiteral("access_token"));
}

// The HTTP status of each error code the server returns.
Status statusOf(const QString &code)
{
    if (code.startsWith(QLatin1String("json.")) || code.startsWith(QLatin1String("push.")) ||
        code == QLatin1String("protocol.missing") || code == QLatin1String("mutation.unknown"))
        return Status::BadRequest;
    if (code == QLatin1String("auth.throttled"))
        return Status::TooManyRequests;
    if (code == QLatin1String("auth.inactive") || code == QLatin1String("client.foreign"))
        return Status::Forbidden;
    if (code.startsWith(QLatin1String("auth.")))
        return Status::Unauthorized;
    if (code.endsWith(QLatin1String("upgrade_required")))
        return Status::UpgradeRequired;
    if (code == QLatin1String("sync.resync_required"))
        return Status::Conflict;
    if (code == QLatin1String("body.too_large"))
        return Status::PayloadTooLarge;
    return Status::ServiceUnavailable; // server.database and friends: try again later
}

QHttpServerResponse json(const QByteArray &body, Status status = Status::Ok)
{
    return QHttpServerResponse(QByteArrayLiteral("application/json"), body, status);
}

QHttpServerResponse error(const Error &e)
{
    return json(encodeError(e.code, e.message), statusOf(e.code));
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
        m_http.sslSetup(cert, key.isNull() ? ecKey : key);
    }

    m_http.route(QStringLiteral("/health"), QHttpServerRequest::Method::Get,
                 [this](const QHttpServerRequest &) { return health(); });
    auto post = [this](const QString &path, bool needsAuth, QHttpServerResponse (SyncServer::*fn)(Call &)) {
        m_http.route(path, QHttpServerRequest::Method::Post,
                     [this, needsAuth, fn](const QHttpServerRequest &r) {
                         return handle(r, needsAuth, [this, fn](Call &call) { return (this->*fn)(call); });
                     });
    };
    post(QStringLiteral("/v1/auth/signin"), false, &SyncServer::signIn);
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
                     if (!who.ok())
                         responder.write(encodeError(who.error().code, who.error().message),
                                         "application/json", QHttpServerResponder::StatusCode::Unauthorized);
                 });
    QObject::connect(&m_http, &QHttpServer::newWebSocketConnection, this, &SyncServer::acceptWebSockets);

    // Tombstones older than the retention go; desktops offline longer than that resync.
    auto purgeOld = [this] {
        auto purged =
            purgeTombstones(m_db, QDateTime::currentMSecsSinceEpoch() - kRetentionDays * 86'400'000LL);
        if (purged.ok() && purged.value() > 0)
            logEvent(QStringLiteral("info"), QStringLiteral("tombstones.purged"),
                     {{QStringLiteral("count"), purged.value()}});
    };
    purgeOld();
    m_purge.setInterval(6 * 3600 * 1000);
    QObject::connect(&m_purge, &QTimer::timeout, this, purgeOld);
    m_purge.start();

    // PostgreSQL restarts (upgrades, failovers): find out within seconds, not at the next request.
    m_watchdog.setInterval(5000);
    QObject::connect(&m_watchdog, &QTimer::timeout, this, &SyncServer::checkDatabase);
    m_watchdog.start();

    const quint16 port = m_http.listen(m_config.listenAddress, m_config.port);
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
    QElapsedTimer timer;
    timer.start();
    Call call{request, QString::fromLatin1(header(request, kRequestIdHeader).left(64)), {}, {}};
    if (call.requestId.isEmpty())
        call.requestId = newRequestId();

    auto produce = [&]() -> QHttpServerResponse {
        if (request.body().size() > kMaxBodyBytes)
            return error({QStringLiteral("body.too_large"),
                          QStringLiteral("the body exceeds %1 bytes").arg(kMaxBodyBytes)});
        const QByteArray protocol = header(request, kProtocolHeader);
        if (protocol.isEmpty())
            return error(
                {QStringLiteral("protocol.missing"),
                 QStringLiteral("every call carries the %1 header").arg(QLatin1String(kProtocolHeader))});
        if (protocol.toInt() != kProtocolVersion)
            return error(
                {QStringLiteral("protocol.upgrade_required"),
                 QStringLiteral("this server speaks protocol %1; update KASP").arg(kProtocolVersion)});
        if (needsAuth) {
            bool ok = false;
            const int schema = header(request, kSchemaHeader).toInt(&ok);
            if (!ok)
                return error({QStringLiteral("protocol.missing"),
                              QStringLiteral("the %1 header is required").arg(QLatin1String(kSchemaHeader))});
            if (schema < kMinSchema)
                return error({QStringLiteral("client.upgrade_required"),
                              QStringLiteral("this KASP is too old for the server; update it")});
            if (schema > kMaxSchema)
                return error(
                    {QStringLiteral("server.upgrade_required"),
                     QStringLiteral("the server is older than this KASP; ask IT to update kasp-sync")});
            auto who = m_accounts->authenticate(bearer(request));
            if (!who.ok())
                return error(who.error());
            call.who = who.value();
            call.who.schema = schema;
        }
        return body(call);
    };
    QHttpServerResponse response = produce();
    if (response.statusCode() == Status::ServiceUnavailable)
        checkDatabase(); // the next request should find a working connection
    response.setHeader(kRequestIdHeader, call.requestId.toLatin1());
    const int status = static_cast<int>(response.statusCode());
    QJsonObject fields{{QStringLiteral("req"), call.requestId},
                       {QStringLiteral("method"), QStringLiteral("POST")},
                       {QStringLiteral("path"), request.url().path()},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("ms"), timer.nsecsElapsed() / 1e6}};
    if (!call.who.login.isEmpty())
        fields.insert(QStringLiteral("user"), call.who.login);
    if (!call.note.isEmpty())
        fields.insert(QStringLiteral("note"), call.note);
    if (status >= 400)
        fields.insert(QStringLiteral("error"), QString::fromUtf8(response.data().left(200)));
    logEvent(status >= 500   ? QStringLiteral("error")
             : status >= 400 ? QStringLiteral("warn")
                             : QStringLiteral("info"),
             QStringLiteral("http"), fields);
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
        {QStringLiteral("schema"), serverSchemaVersion()},
        {QStringLiteral("sockets"), m_pokes.socketCount()}};
    return json(QJsonDocument(body).toJson(QJsonDocument::Compact),
                dbOk ? Status::Ok : Status::ServiceUnavailable);
}

namespace {
QByteArray signedInBody(const SignedIn &s)
{
    const QJsonObject user{{QStringLiteral("id"), s.who.accountId},
                           {QStringLiteral("login"), s.who.login},
                           {QStringLiteral("displayName"), s.who.displayName},
                           {QStringLiteral("role"), roleKey(s.who.role)},
                           {QStringLiteral("org"), s.who.orgId}};
    return QJsonDocument(QJsonObject{{QStringLiteral("accessToken"), s.accessToken},
                                     {QStringLiteral("refreshToken"), s.refreshToken},
                                     {QStringLiteral("expiresIn"), s.accessExpiresIn},
                                     {QStringLiteral("user"), user}})
        .toJson(QJsonDocument::Compact);
}

Result<QString> stringField(const QJsonObject &o, const char *name)
{
    const QJsonValue v = o.value(QLatin1String(name));
    if (!v.isString() || v.toString().isEmpty() || v.toString().size() > 1024)
        return Error{QStringLiteral("json.missing_field"), QLatin1String(name)};
    return v.toString();
}
} // namespace

QHttpServerResponse SyncServer::signIn(Call &call)
{
    auto body = parseObject(call.request.body());
    if (!body.ok())
        return error(body.error());
    auto login = stringField(body.value(), "login");
    auto password = stringField(body.value(), "password");
    if (!login.ok() || !password.ok())
        return error(!login.ok() ? login.error() : password.error());
    call.who.login = login.value();
    auto signedIn = m_accounts->signIn(login.value(), password.value());
    if (!signedIn.ok()) {
        auto response = error(signedIn.error());
        if (signedIn.error().code == QLatin1String("auth.throttled"))
            response.setHeader("Retry-After", "30");
        return response;
    }
    return json(signedInBody(signedIn.value()));
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
    // The envelope and every mutation's shape first: a batch the server cannot read is refused
    // whole (4xx, nothing applied); business rules reject single mutations inside the transaction.
    for (qsizetype i = 0; i < request.value().mutations.size(); ++i) {
        const PushedMutation &m = request.value().mutations.at(i);
        if (auto plan = planMutation(Mutation{m.name, m.args}); !plan.ok())
            return error(
                {plan.error().code,
                 QStringLiteral("mutations[%1] (%2): %3").arg(i).arg(m.name.left(64), plan.error().message)});
    }
    bool appliedAny = false;
    auto response = m_sync->push(call.who, request.value(), &appliedAny);
    if (!response.ok())
        return error(response.error());
    int rejected = 0;
    for (const auto &o : response.value().outcomes)
        rejected += o.kind == MutationOutcome::Kind::Rejected ? 1 : 0;
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
