#pragma once
// What every route of kasp-sync answers with: JSON bodies, error codes and their HTTP statuses,
// the request id, and the one access-log line per request.
#include "kasp/core/result.h"
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QString>

namespace kasp::server {

QByteArray header(const QHttpServerRequest &request, const QByteArray &name);
// The HTTP status of each error code the server returns.
QHttpServerResponse::StatusCode statusOf(const QString &code);
QHttpServerResponse jsonReply(const QByteArray &body,
                              QHttpServerResponse::StatusCode status = QHttpServerResponse::StatusCode::Ok);
// An error reply. "server.*" errors carry the database's own words: those go to the log under the
// request id, and the reply says only a stable code and a fixed sentence.
QHttpServerResponse errorReply(const Error &e, const QString &requestId);
// The caller's request id (X-Request-Id, printable ASCII, at most 64 characters) or a new one.
QString requestIdOf(const QHttpServerRequest &request);
// The sync protocol a call speaks (X-Kasp-Protocol), one kasp-sync accepts. Errors:
// "protocol.missing", "protocol.upgrade_required" (older than kOldestProtocolVersion, or not a
// number: the desk must be updated), "server.upgrade_required" (newer than kProtocolVersion).
Result<int> protocolOf(const QHttpServerRequest &request);
// A string field of a small JSON body (sign-in, refresh): present, at most 1024 characters, and
// text the database can store. Errors: "json.missing_field", "json.bad_value".
Result<QString> stringField(const QJsonObject &o, const char *name);

// One line per request: id, path, status, time, who, a note, and the error body when it failed.
struct AccessLine
{
    QString requestId;
    QString path;
    QString login;
    QString note;
    QElapsedTimer timer;
    QString desk; // the desk's sync protocol and schema ("2/11"), from their headers
    void write(int status, const QByteArray &replyBody) const;
};

} // namespace kasp::server
