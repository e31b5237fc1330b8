#include "kasp/syncproto/entitymerge.h"

#include "kasp/core/guestmerge.h"
#include "kasp/core/mutation.h"
#include "kasp/syncproto/kinds.h"

#include <algorithm>
#include <QJsonArray>
#include <QJsonValue>

namespace kasp::sync {

namespace {

Error badValue(const QString &field)
{
    return Error{QStringLiteral("json.bad_value"), field};
}

Status checkRecord(const KindSpec &spec, const QJsonObject &record, const QDateTime &at)
{
    return spec.checkRecord ? spec.checkRecord(record, at) : Status();
}

// PostgreSQL's jsonb and text refuse U+0000: such a string would fail every retry of the push.
bool hasNul(const QJsonValue &v)
{
    if (v.isString())
        return v.toString().contains(QChar(0));
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        return std::any_of(a.begin(), a.end(), [](const QJsonValue &x) { return hasNul(x); });
    }
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (it.key().contains(QChar(0)) || hasNul(it.value()))
                return true;
    }
    return false;
}

} // namespace

Result<QJsonObject> canonicalEntity(EntityKind kind, const QJsonObject &json)
{
    const KindSpec &spec = kindSpec(kind);
    return spec.canonical ? spec.canonical(json) : checkFieldsByDescription(spec, json);
}

Result<QJsonObject> mergeEntity(const std::optional<QJsonObject> &current, const MutationPlan &plan,
                                const QDateTime &at)
{
    using Op = MutationPlan::Op;
    const KindSpec &spec = kindSpec(plan.kind);
    if (hasNul(plan.fields))
        return badValue(QStringLiteral("a text contains the NUL character"));
    if (plan.op == Op::Delete) {
        if (!current)
            return Error{QStringLiteral("entity.not_found"),
                         QStringLiteral("%1 %2 does not exist").arg(entityKindKey(plan.kind), plan.id)};
        return QJsonObject{};
    }
    if (plan.op == Op::Create) {
        auto record = canonicalEntity(plan.kind, plan.fields);
        if (!record.ok())
            return record;
        if (current && *current != record.value())
            return Error{QStringLiteral("entity.exists"),
                         QStringLiteral("%1 %2 already exists").arg(entityKindKey(plan.kind), plan.id)};
        if (auto s = checkRecord(spec, record.value(), at); !s.ok())
            return s.error();
        return record;
    }

    if (!current)
        return Error{QStringLiteral("entity.not_found"),
                     QStringLiteral("%1 %2 does not exist").arg(entityKindKey(plan.kind), plan.id)};
    // A merge patches the survivor like guest.update (possibly with no field at all: the merged
    // card only brought history); what moves over is the store's business.
    // Canonical first: a record written by an older desktop lacks fields added since (a booking's
    // cancelReason), and a patch may set them.
    const auto canonical = canonicalEntity(plan.kind, *current);
    QJsonObject merged = canonical.ok() ? canonical.value() : *current;
    for (auto it = plan.fields.begin(); it != plan.fields.end(); ++it) {
        if (!merged.contains(it.key()))
            return badValue(QStringLiteral("unknown field \"%1\"").arg(it.key().left(60)));
        merged.insert(it.key(), it.value());
    }
    if (spec.checkPatch)
        if (auto s = spec.checkPatch(*current, merged, at); !s.ok())
            return s.error();
    auto record = canonicalEntity(plan.kind, merged);
    if (!record.ok())
        return record;
    if (auto s = checkRecord(spec, record.value(), at); !s.ok())
        return s.error();
    return record;
}

Result<QJsonObject> foldMergedGuest(const QJsonObject &survivor, const QJsonObject &merged)
{
    auto keep = guestFromJson(survivor);
    if (!keep.ok())
        return keep.error();
    auto gone = guestFromJson(merged);
    if (!gone.ok())
        return survivor; // an unreadable card has nothing to give
    Guest folded = mergeGuests(keep.value(), gone.value());
    folded.updatedAt = keep.value().updatedAt;
    return toJson(folded);
}

} // namespace kasp::sync
