#pragma once
// The sync protocol's messages (docs/SYNC.md). JSON over HTTP POST; every request carries the
// protocol and schema versions in headers. Decoders never trust their input: a wrong type, a
// missing field, an oversized batch -> an Error with a stable code, never a crash or a partial value.
#include "kasp/core/result.h"
#include "kasp/syncproto/entitykind.h"
#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace kasp::sync {

// The sync protocol's version (X-Kasp-Protocol), apart from the desk's SQLite schema: which record
// kinds and which spelling of their fields a desk understands (docs/SYNC.md, "Protocol versions").
// 1: the room stock's, users' and closures' fields in snake_case (spelling.h), kinds narrowed by
// the desk's schema (X-Kasp-Schema). 2: every field camelCase; kinds by minProtocolOf, the schema
// header only informs the logs. 3: the department's booking rules (booking_policy). A desk sends
// kProtocolVersion; kasp-sync accepts kOldestProtocolVersion..kProtocolVersion.
inline constexpr int kProtocolVersion = 3;
inline constexpr int kOldestProtocolVersion = 1;
inline constexpr qsizetype kMaxBodyBytes = 8 * 1024 * 1024;
inline constexpr int kMaxPushBatch = 1000;
inline constexpr int kMaxPullPage = 5000;
inline constexpr char kProtocolHeader[] = "X-Kasp-Protocol";
inline constexpr char kSchemaHeader[] = "X-Kasp-Schema";
inline constexpr char kRequestIdHeader[] = "X-Request-Id";

struct PushedMutation
{
    qint64 id = 0; // the client's mutation id, strictly increasing per client
    QString name;
    QJsonObject args;
    QDateTime at; // when it was made on the desktop (derived fields use it)
};

struct PushRequest
{
    QString clientId;
    QList<PushedMutation> mutations; // in mutation id order
};

struct MutationOutcome
{
    enum class Kind { Applied, Rejected, Duplicate, Skipped };
    qint64 id = 0;
    Kind kind = Kind::Applied;
    QString code; // Rejected: why, stable ("booking.overlap")
    QString message;
};

struct PushResponse
{
    qint64 lastMutationId = 0; // the highest mutation id of this client the server has settled
    QList<MutationOutcome> outcomes;
};

struct PullRequest
{
    QString clientId;
    qint64 cursor = 0; // 0: first sync
    int limit = 1000;
    // The replica is still in a first sync that started from 0: it needs no deletion marks, so a
    // cursor below the purge floor is fine (no resync loop while the base loads).
    bool snapshot = false;
};

struct Record
{
    EntityKind kind = EntityKind::Guest;
    QString id;
    qint64 seq = 0;
    bool deleted = false; // a tombstone: data is empty
    QJsonObject data;
    // Server side only: the record's JSON text as stored, spliced into the reply as is (a first
    // sync of a million rows should not parse and re-serialise every one). Not decoded.
    QByteArray rawData;
};

struct PullResponse
{
    qint64 cursor = 0;         // the seq of the last record in this page, or the request's cursor
    bool more = false;         // another page follows right away
    qint64 head = 0;           // the organisation's sequence now (progress of a first sync)
    qint64 lastMutationId = 0; // as in PushResponse: pending mutations up to it are settled
    QList<Record> records;
};

QString outcomeKey(MutationOutcome::Kind kind);

QByteArray encode(const PushRequest &request);
QByteArray encode(const PushResponse &response);
QByteArray encode(const PullRequest &request);
QByteArray encode(const PullResponse &response);
QByteArray encodeError(const QString &code, const QString &message);

// Errors: "json.malformed", "json.not_object", "json.missing_field", "json.bad_value",
// "push.too_many" (more than kMaxPushBatch), "push.out_of_order" (ids not strictly increasing).
Result<PushRequest> decodePushRequest(const QByteArray &body);
Result<PushResponse> decodePushResponse(const QByteArray &body);
Result<PullRequest> decodePullRequest(const QByteArray &body);
Result<PullResponse> decodePullResponse(const QByteArray &body);
// {"error": code, "message": text} -> Error; a body that is not one -> "sync.bad_reply".
Error decodeError(const QByteArray &body, int httpStatus);

// Parses a JSON object body, with the error codes above.
Result<QJsonObject> parseObject(const QByteArray &body);

} // namespace kasp::sync
