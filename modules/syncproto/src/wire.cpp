#include "kasp/syncproto/wire.h"

#include "kasp/core/id.h"
#include "kasp/core/isotime.h"

#include <cmath>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace kasp::sync {

namespace {

Error missing(const QString &field)
{
    return Error{QStringLiteral("json.missing_field"), field};
}
Error bad(const QString &field)
{
    return Error{QStringLiteral("json.bad_value"), field};
}

// JSON numbers are doubles: accept integers up to 2^53 exactly, nothing fractional.
Result<qint64> integer(const QJsonObject &o, const char *name, qint64 min, qint64 max)
{
    const QString field = QLatin1String(name);
    const QJsonValue v = o.value(field);
    if (v.isUndefined() || v.isNull())
        return missing(field);
    if (!v.isDouble())
        return bad(field);
    const double d = v.toDouble();
    if (!std::isfinite(d) || d != std::floor(d) || d < static_cast<double>(min) ||
        d > static_cast<double>(max) || std::fabs(d) > 9007199254740992.0)
        return bad(field);
    return static_cast<qint64>(d);
}

Result<QString> uuid(const QJsonObject &o, const char *name)
{
    const QString field = QLatin1String(name);
    const QJsonValue v = o.value(field);
    if (!v.isString() || v.toString().isEmpty())
        return v.isUndefined() || v.isNull() || v.isString() ? missing(field) : bad(field);
    const Id id = idFromString(v.toString());
    if (id.isNull())
        return bad(field);
    return idToString(id);
}

Result<bool> boolean(const QJsonObject &o, const char *name)
{
    const QJsonValue v = o.value(QLatin1String(name));
    if (!v.isBool())
        return v.isUndefined() ? Result<bool>(missing(QLatin1String(name)))
                               : Result<bool>(bad(QLatin1String(name)));
    return v.toBool();
}

Result<QJsonArray> array(const QJsonObject &o, const char *name)
{
    const QJsonValue v = o.value(QLatin1String(name));
    if (!v.isArray())
        return v.isUndefined() ? Result<QJsonArray>(missing(QLatin1String(name)))
                               : Result<QJsonArray>(bad(QLatin1String(name)));
    return v.toArray();
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString at(const QString &prefix, qsizetype index, const QString &field)
{
    return QStringLiteral("%1[%2].%3").arg(prefix).arg(index).arg(field);
}

} // namespace

Result<QJsonObject> parseObject(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return Error{QStringLiteral("json.malformed"),
                     QStringLiteral("%1 at offset %2").arg(error.errorString()).arg(error.offset)};
    if (!doc.isObject())
        return Error{QStringLiteral("json.not_object"), QStringLiteral("the body must be a JSON object")};
    return doc.object();
}

QString outcomeKey(MutationOutcome::Kind kind)
{
    switch (kind) {
    case MutationOutcome::Kind::Applied:
        return QStringLiteral("applied");
    case MutationOutcome::Kind::Rejected:
        return QStringLiteral("rejected");
    case MutationOutcome::Kind::Duplicate:
        return QStringLiteral("duplicate");
    case MutationOutcome::Kind::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

QByteArray encode(const PushRequest &request)
{
    QJsonArray mutations;
    for (const PushedMutation &m : request.mutations)
        mutations.append(QJsonObject{{QStringLiteral("id"), m.id},
                                     {QStringLiteral("name"), m.name},
                                     {QStringLiteral("args"), m.args},
                                     {QStringLiteral("at"), isoInstant(m.at)}});
    return compact(
        {{QStringLiteral("clientId"), request.clientId}, {QStringLiteral("mutations"), mutations}});
}

Result<PushRequest> decodePushRequest(const QByteArray &body)
{
    auto object = parseObject(body);
    if (!object.ok())
        return object.error();
    const QJsonObject &o = object.value();
    PushRequest request;
    auto client = uuid(o, "clientId");
    if (!client.ok())
        return client.error();
    request.clientId = client.value();
    auto list = array(o, "mutations");
    if (!list.ok())
        return list.error();
    if (list.value().size() > kMaxPushBatch)
        return Error{QStringLiteral("push.too_many"),
                     QStringLiteral("at most %1 mutations per push").arg(kMaxPushBatch)};
    qint64 previous = 0;
    for (qsizetype i = 0; i < list.value().size(); ++i) {
        const QJsonValue item = list.value().at(i);
        if (!item.isObject())
            return bad(QStringLiteral("mutations[%1]").arg(i));
        const QJsonObject m = item.toObject();
        PushedMutation pushed;
        auto id = integer(m, "id", 1, std::numeric_limits<qint64>::max());
        if (!id.ok())
            return Error{id.error().code, at(QStringLiteral("mutations"), i, QStringLiteral("id"))};
        if (id.value() <= previous)
            return Error{QStringLiteral("push.out_of_order"),
                         QStringLiteral("mutation ids must increase (mutations[%1])").arg(i)};
        previous = pushed.id = id.value();
        const QJsonValue name = m.value(QStringLiteral("name"));
        if (!name.isString() || name.toString().isEmpty() || name.toString().size() > 64)
            return bad(at(QStringLiteral("mutations"), i, QStringLiteral("name")));
        pushed.name = name.toString();
        const QJsonValue args = m.value(QStringLiteral("args"));
        if (!args.isObject())
            return bad(at(QStringLiteral("mutations"), i, QStringLiteral("args")));
        pushed.args = args.toObject();
        pushed.at = parseIsoInstant(m.value(QStringLiteral("at")).toString());
        if (!pushed.at.isValid())
            return bad(at(QStringLiteral("mutations"), i, QStringLiteral("at")));
        request.mutations.append(std::move(pushed));
    }
    return request;
}

QByteArray encode(const PushResponse &response)
{
    QJsonArray outcomes;
    for (const MutationOutcome &m : response.outcomes) {
        QJsonObject o{{QStringLiteral("id"), m.id}, {QStringLiteral("outcome"), outcomeKey(m.kind)}};
        if (!m.code.isEmpty()) {
            o.insert(QStringLiteral("code"), m.code);
            o.insert(QStringLiteral("message"), m.message);
        }
        outcomes.append(o);
    }
    return compact({{QStringLiteral("lastMutationId"), response.lastMutationId},
                    {QStringLiteral("outcomes"), outcomes}});
}

Result<PushResponse> decodePushResponse(const QByteArray &body)
{
    auto object = parseObject(body);
    if (!object.ok())
        return object.error();
    PushResponse response;
    auto last = integer(object.value(), "lastMutationId", 0, std::numeric_limits<qint64>::max());
    if (!last.ok())
        return last.error();
    response.lastMutationId = last.value();
    auto list = array(object.value(), "outcomes");
    if (!list.ok())
        return list.error();
    for (const QJsonValue &item : list.value()) {
        const QJsonObject o = item.toObject();
        MutationOutcome outcome;
        auto id = integer(o, "id", 1, std::numeric_limits<qint64>::max());
        if (!id.ok())
            return id.error();
        outcome.id = id.value();
        const QString kind = o.value(QStringLiteral("outcome")).toString();
        bool known = false;
        for (auto k : {MutationOutcome::Kind::Applied, MutationOutcome::Kind::Rejected,
                       MutationOutcome::Kind::Duplicate, MutationOutcome::Kind::Skipped})
            if (kind == outcomeKey(k)) {
                outcome.kind = k;
                known = true;
            }
        if (!known)
            return bad(QStringLiteral("outcome"));
        outcome.code = o.value(QStringLiteral("code")).toString();
        outcome.message = o.value(QStringLiteral("message")).toString();
        response.outcomes.append(outcome);
    }
    return response;
}

QByteArray encode(const PullRequest &request)
{
    QJsonObject o{{QStringLiteral("clientId"), request.clientId},
                  {QStringLiteral("cursor"), request.cursor},
                  {QStringLiteral("limit"), request.limit}};
    if (request.snapshot)
        o.insert(QStringLiteral("snapshot"), true);
    return compact(o);
}

Result<PullRequest> decodePullRequest(const QByteArray &body)
{
    auto object = parseObject(body);
    if (!object.ok())
        return object.error();
    PullRequest request;
    auto client = uuid(object.value(), "clientId");
    if (!client.ok())
        return client.error();
    request.clientId = client.value();
    auto cursor = integer(object.value(), "cursor", 0, std::numeric_limits<qint64>::max());
    if (!cursor.ok())
        return cursor.error();
    request.cursor = cursor.value();
    if (object.value().contains(QStringLiteral("limit"))) {
        auto limit = integer(object.value(), "limit", 1, kMaxPullPage);
        if (!limit.ok())
            return limit.error();
        request.limit = static_cast<int>(limit.value());
    }
    if (object.value().contains(QStringLiteral("snapshot"))) {
        auto snapshot = boolean(object.value(), "snapshot");
        if (!snapshot.ok())
            return snapshot.error();
        request.snapshot = snapshot.value();
    }
    return request;
}

QByteArray encode(const PullResponse &response)
{
    // Written by hand: records' data may be raw JSON text from the database (Record::rawData).
    // Kinds are fixed keys and ids canonical UUIDs, so nothing here needs escaping.
    QByteArray out;
    qsizetype size = 128;
    for (const Record &r : response.records)
        size += 96 + (r.rawData.isEmpty() ? 512 : r.rawData.size());
    out.reserve(size);
    out += "{\"cursor\":" + QByteArray::number(response.cursor) +
           ",\"more\":" + (response.more ? "true" : "false") +
           ",\"head\":" + QByteArray::number(response.head) +
           ",\"lastMutationId\":" + QByteArray::number(response.lastMutationId) + ",\"records\":[";
    for (qsizetype i = 0; i < response.records.size(); ++i) {
        const Record &r = response.records.at(i);
        if (i > 0)
            out += ',';
        out += "{\"kind\":\"" + entityKindKey(r.kind).toLatin1() + "\",\"id\":\"" + r.id.toLatin1() +
               "\",\"seq\":" + QByteArray::number(r.seq);
        if (r.deleted)
            out += ",\"deleted\":true}";
        else
            out += ",\"data\":" + (r.rawData.isEmpty() ? compact(r.data) : r.rawData) + '}';
    }
    out += "]}";
    return out;
}

Result<PullResponse> decodePullResponse(const QByteArray &body)
{
    auto object = parseObject(body);
    if (!object.ok())
        return object.error();
    const QJsonObject &o = object.value();
    PullResponse response;
    constexpr qint64 kMax = std::numeric_limits<qint64>::max();
    auto cursor = integer(o, "cursor", 0, kMax);
    auto head = integer(o, "head", 0, kMax);
    auto last = integer(o, "lastMutationId", 0, kMax);
    auto more = boolean(o, "more");
    auto list = array(o, "records");
    for (const Error *e : {cursor.ok() ? nullptr : &cursor.error(), head.ok() ? nullptr : &head.error(),
                           last.ok() ? nullptr : &last.error(), more.ok() ? nullptr : &more.error(),
                           list.ok() ? nullptr : &list.error()})
        if (e)
            return *e;
    response.cursor = cursor.value();
    response.head = head.value();
    response.lastMutationId = last.value();
    response.more = more.value();
    for (qsizetype i = 0; i < list.value().size(); ++i) {
        const QJsonObject r = list.value().at(i).toObject();
        Record record;
        const auto kind = entityKindFromKey(r.value(QStringLiteral("kind")).toString());
        if (!kind)
            return bad(at(QStringLiteral("records"), i, QStringLiteral("kind")));
        record.kind = *kind;
        auto id = uuid(r, "id");
        if (!id.ok())
            return Error{id.error().code, at(QStringLiteral("records"), i, QStringLiteral("id"))};
        record.id = id.value();
        auto seq = integer(r, "seq", 1, kMax);
        if (!seq.ok())
            return Error{seq.error().code, at(QStringLiteral("records"), i, QStringLiteral("seq"))};
        record.seq = seq.value();
        record.deleted = r.value(QStringLiteral("deleted")).toBool(false);
        if (!record.deleted) {
            const QJsonValue data = r.value(QStringLiteral("data"));
            if (!data.isObject())
                return bad(at(QStringLiteral("records"), i, QStringLiteral("data")));
            record.data = data.toObject();
        }
        response.records.append(std::move(record));
    }
    return response;
}

QByteArray encodeError(const QString &code, const QString &message)
{
    return compact({{QStringLiteral("error"), code}, {QStringLiteral("message"), message}});
}

Error decodeError(const QByteArray &body, int httpStatus)
{
    auto object = parseObject(body);
    if (object.ok() && object.value().value(QStringLiteral("error")).isString())
        return Error{object.value().value(QStringLiteral("error")).toString(),
                     object.value().value(QStringLiteral("message")).toString()};
    return Error{QStringLiteral("sync.bad_reply"),
                 QStringLiteral("HTTP %1: %2").arg(httpStatus).arg(QString::fromUtf8(body.left(200)))};
}

} // namespace kasp::sync
