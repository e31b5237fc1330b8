#include "httpreplies.h"

#include "jsonlog.h"
#include "kasp/core/textlimits.h"
#include "kasp/syncproto/wire.h"
#include "secrets.h"

#include <algorithm>
#include <QJsonObject>

namespace kasp::server {

using Status = QHttpServerResponse::StatusCode;

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &[key, value] : request.headers())
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

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

QHttpServerResponse jsonReply(const QByteArray &body, Status status)
{
    return QHttpServerResponse(QByteArrayLiteral("application/json"), body, status);
}

QHttpServerResponse errorReply(const Error &e, const QString &requestId)
{
    if (e.code == QLatin1String("server.busy"))
        return jsonReply(sync::encodeError(e.code, e.message), Status::ServiceUnavailable);
    // Only the database's errors carry its words; "server.upgrade_required" and the like are ours.
    if (e.code == QLatin1String("server.database") || e.code == QLatin1String("server.bad_data")) {
        logEvent(QStringLiteral("error"), QStringLiteral("database.error"),
                 {{QStringLiteral("req"), requestId},
                  {QStringLiteral("code"), e.code},
                  {QStringLiteral("detail"), textlimits::storable(e.message.left(2000))}});
        if (e.code == QLatin1String("server.bad_data"))
            return jsonReply(
                sync::encodeError(QStringLiteral("json.bad_value"),
                                  QStringLiteral("the database cannot store a value of this request")),
                Status::BadRequest);
        return jsonReply(
            sync::encodeError(e.code, QStringLiteral("the database is not available; try again later")),
            statusOf(e.code));
    }
    return jsonReply(sync::encodeError(e.code, e.message), statusOf(e.code));
}

QString requestIdOf(const QHttpServerRequest &request)
{
    const QString given = QString::fromLatin1(header(request, sync::kRequestIdHeader).left(64));
    const bool printable =
        std::all_of(given.begin(), given.end(), [](QChar c) { return c >= u'!' && c <= u'~'; });
    return given.isEmpty() || !printable ? newRequestId() : given;
}

Result<int> protocolOf(const QHttpServerRequest &request)
{
    const QByteArray given = header(request, sync::kProtocolHeader);
    if (given.isEmpty())
        return Error{
            QStringLiteral("protocol.missing"),
            QStringLiteral("every call carries the %1 header").arg(QLatin1String(sync::kProtocolHeader))};
    bool ok = false;
    const int protocol = given.toInt(&ok);
    if (ok && protocol > sync::kProtocolVersion)
        return Error{QStringLiteral("server.upgrade_required"),
                     QStringLiteral("this server speaks sync protocols %1-%2, this KASP %3; ask IT to update "
                                    "kasp-sync")
                         .arg(sync::kOldestProtocolVersion)
                         .arg(sync::kProtocolVersion)
                         .arg(protocol)};
    if (!ok || protocol < sync::kOldestProtocolVersion)
        return Error{QStringLiteral("protocol.upgrade_required"),
                     QStringLiteral("this server speaks sync protocols %1-%2; update KASP")
                         .arg(sync::kOldestProtocolVersion)
                         .arg(sync::kProtocolVersion)};
    return protocol;
}

Result<QString> stringField(const QJsonObject &o, const char *name)
{
    const QJsonValue v = o.value(QLatin1String(name));
    if (!v.isString() || v.toString().isEmpty() || v.toString().size() > 1024)
        return Error{QStringLiteral("json.missing_field"), QLatin1String(name)};
    if (const QString problem = textlimits::textProblem(v.toString()); !problem.isEmpty())
        return Error{QStringLiteral("json.bad_value"),
                     QStringLiteral("%1 %2").arg(QLatin1String(name), problem)};
    return v.toString();
}

void AccessLine::write(int status, const QByteArray &replyBody) const
{
    QJsonObject fields{{QStringLiteral("req"), requestId},
                       {QStringLiteral("method"), QStringLiteral("POST")},
                       {QStringLiteral("path"), path},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("ms"), timer.nsecsElapsed() / 1e6}};
    if (!login.isEmpty())
        fields.insert(QStringLiteral("user"), textlimits::storable(login.left(200)));
    if (!note.isEmpty())
        fields.insert(QStringLiteral("note"), note);
    if (!desk.isEmpty())
        fields.insert(QStringLiteral("desk"), desk);
    if (status >= 400)
        fields.insert(QStringLiteral("error"), QString::fromUtf8(replyBody.left(200)));
    logEvent(status >= 500   ? QStringLiteral("error")
             : status >= 400 ? QStringLiteral("warn")
                             : QStringLiteral("info"),
             QStringLiteral("http"), fields);
}

} // namespace kasp::server
