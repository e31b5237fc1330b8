#include "kasp/syncproto/mutationplan.h"

#include "kasp/core/id.h"
#include "kasp/core/textlimits.h"
#include "kasp/syncproto/kinds.h"

#include <algorithm>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace kasp::sync {

namespace {

using Op = MutationPlan::Op;

Error badArg(const QString &path, const QString &why)
{
    return Error{QStringLiteral("json.bad_value"), QStringLiteral("%1: %2").arg(path.left(80), why)};
}

// Every string of the arguments, keys included, before anything reads them: text PostgreSQL can
// store (no U+0000, no lone surrogate) and within the wire's limit. Such a mutation is refused on
// its own; it can never make the database fail, and so never wedge a desk's outbox.
Status checkText(const QJsonValue &value, const QString &path)
{
    if (value.isString()) {
        const QString text = value.toString();
        if (text.size() > textlimits::kWireText)
            return badArg(path, QStringLiteral("longer than %1 characters").arg(textlimits::kWireText));
        if (const QString problem = textlimits::textProblem(text); !problem.isEmpty())
            return badArg(path, problem);
        return {};
    }
    if (value.isArray()) {
        const QJsonArray items = value.toArray();
        for (qsizetype i = 0; i < items.size(); ++i)
            if (auto s = checkText(items.at(i), QStringLiteral("%1[%2]").arg(path).arg(i)); !s.ok())
                return s;
        return {};
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString where = path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key();
            if (it.key().size() > textlimits::kKey)
                return badArg(where.left(textlimits::kKey),
                              QStringLiteral("a field name longer than %1").arg(textlimits::kKey));
            if (const QString problem = textlimits::textProblem(it.key()); !problem.isEmpty())
                return badArg(QStringLiteral("a field name"), problem);
            if (auto s = checkText(it.value(), where); !s.ok())
                return s;
        }
    }
    return {};
}

// The incoming values against their field's limit (textlimits.h). Only what a mutation brings is
// held to the limits: a record stored before them (an imported 300-character name) still reads,
// merges and syncs; only a new value must fit.
Status checkFieldLimits(const QJsonObject &args)
{
    for (auto it = args.begin(); it != args.end(); ++it) {
        const int max = textlimits::maxLengthOf(it.key());
        if (it.value().isString() && it.value().toString().size() > max)
            return badArg(it.key(), QStringLiteral("longer than %1 characters").arg(max));
        if (!it.value().isArray())
            continue;
        const QJsonArray items = it.value().toArray();
        if (items.size() > textlimits::kListItems)
            return badArg(it.key(), QStringLiteral("more than %1 items").arg(textlimits::kListItems));
        for (qsizetype i = 0; i < items.size(); ++i)
            if (items.at(i).isString() && items.at(i).toString().size() > max)
                return badArg(QStringLiteral("%1[%2]").arg(it.key()).arg(i),
                              QStringLiteral("longer than %1 characters").arg(max));
    }
    return {};
}

// A reference ("guestId", "roomId", ...) is a UUID or empty, before it is looked up.
Status checkReferenceShapes(const QJsonObject &args)
{
    for (auto it = args.begin(); it != args.end(); ++it) {
        if (!it.key().endsWith(QLatin1String("Id")))
            continue;
        if (it.value().isNull() || it.value().isUndefined())
            continue;
        if (!it.value().isString() ||
            (!it.value().toString().isEmpty() && idFromString(it.value().toString()).isNull()))
            return badArg(it.key(), QStringLiteral("expected a UUID"));
    }
    return {};
}

} // namespace

Result<MutationPlan> planMutation(const Mutation &mutation)
{
    const MutationRef shape = findMutation(mutation.name);
    if (!shape.mutation)
        return Error{QStringLiteral("mutation.unknown"),
                     QStringLiteral("unknown mutation \"%1\"").arg(mutation.name.left(80))};

    if (auto s = checkText(mutation.args, QString()); !s.ok())
        return s.error();
    if (auto s = checkFieldLimits(mutation.args); !s.ok())
        return s.error();
    if (auto s = checkReferenceShapes(mutation.args); !s.ok())
        return s.error();

    const QJsonValue idValue = mutation.args.value(QStringLiteral("id"));
    if (!idValue.isString() || idValue.toString().isEmpty())
        return Error{QStringLiteral("json.missing_field"), QStringLiteral("id")};
    const Id id = idFromString(idValue.toString());
    if (id.isNull())
        return Error{QStringLiteral("json.bad_value"), QStringLiteral("id")};

    MutationPlan plan;
    plan.kind = shape.kind->kind;
    plan.op = shape.mutation->op;
    plan.id = idToString(id);
    if (plan.op == Op::Create) {
        plan.fields = mutation.args;
        plan.fields.insert(QStringLiteral("id"), plan.id);
        return plan;
    }
    if (plan.op == Op::Merge) {
        const QJsonValue mergedValue = mutation.args.value(QStringLiteral("mergedId"));
        const Id merged = idFromString(mergedValue.toString());
        if (!mergedValue.isString() || mergedValue.toString().isEmpty())
            return Error{QStringLiteral("json.missing_field"), QStringLiteral("mergedId")};
        if (merged.isNull() || merged == id)
            return Error{QStringLiteral("json.bad_value"), QStringLiteral("mergedId")};
        plan.mergedId = idToString(merged);
    }
    for (auto it = mutation.args.begin(); it != mutation.args.end(); ++it) {
        if (it.key() == QLatin1String("id") ||
            (plan.op == Op::Merge && it.key() == QLatin1String("mergedId")))
            continue;
        const QString &field = it.key();
        const auto &changes = shape.mutation->changes;
        const bool allowed =
            changes.size() == 0 || std::any_of(changes.begin(), changes.end(),
                                               [&](const char *f) { return field == QLatin1String(f); });
        if (!allowed || (plan.kind == EntityKind::Guest && field == QLatin1String("createdAt")))
            return Error{QStringLiteral("json.bad_value"),
                         QStringLiteral("%1 cannot change \"%2\"").arg(mutation.name, field.left(60))};
        plan.fields.insert(field, it.value());
    }
    if (plan.op == Op::Patch && plan.fields.isEmpty())
        return Error{QStringLiteral("json.missing_field"), QStringLiteral("a patch changes no field")};
    return plan;
}

std::optional<MutationTarget> mutationTarget(const Mutation &mutation)
{
    const MutationRef shape = findMutation(mutation.name);
    if (!shape.mutation)
        return std::nullopt;
    const Id id = idFromString(mutation.args.value(QStringLiteral("id")).toString());
    if (id.isNull())
        return std::nullopt;
    MutationTarget target{shape.kind->kind, shape.mutation->op, idToString(id), {}};
    const Id merged = idFromString(mutation.args.value(QStringLiteral("mergedId")).toString());
    if (target.op == MutationPlan::Op::Merge && !merged.isNull() && merged != id)
        target.mergedId = idToString(merged);
    return target;
}

QStringList knownMutationNames()
{
    QStringList names;
    for (const KindSpec &spec : kindSpecs())
        for (const MutationSpec &m : spec.mutations)
            names.append(QLatin1String(spec.key) + QLatin1Char('.') + QLatin1String(m.verb));
    return names;
}

} // namespace kasp::sync
