#include "kasp/syncproto/mutationplan.h"

#include "kasp/core/id.h"
#include "kasp/core/textlimits.h"

#include <algorithm>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace kasp::sync {

namespace {

using Op = MutationPlan::Op;

struct Shape
{
    const char *name;
    EntityKind kind;
    Op op;
    // Patch mutations that may change only these fields (empty: any field but the id).
    std::initializer_list<const char *> changes = {};
};

const Shape kShapes[] = {
    {"user.create", EntityKind::User, Op::Create},
    // A desk's phone registered: colleagues see its extension in the transfer list.
    {"user.set_extension", EntityKind::User, Op::Patch, {"extension"}},
    {"building.create", EntityKind::Building, Op::Create},
    {"room_category.create", EntityKind::RoomCategory, Op::Create},
    {"room.create", EntityKind::Room, Op::Create},
    // The head of sales' editors: rooms are never deleted (bookings keep pointing at them); a room
    // leaves sale through an out-of-service period.
    {"building.update", EntityKind::Building, Op::Patch},
    {"room_category.update", EntityKind::RoomCategory, Op::Patch},
    {"room.update", EntityKind::Room, Op::Patch},
    {"tariff.create", EntityKind::Tariff, Op::Create},
    {"tariff.update", EntityKind::Tariff, Op::Patch},
    {"tariff.delete", EntityKind::Tariff, Op::Delete},
    {"child_rule.create", EntityKind::ChildRule, Op::Create},
    {"child_rule.update", EntityKind::ChildRule, Op::Patch},
    {"child_rule.delete", EntityKind::ChildRule, Op::Delete},
    {"discount.create", EntityKind::Discount, Op::Create},
    {"discount.update", EntityKind::Discount, Op::Patch},
    {"discount.delete", EntityKind::Discount, Op::Delete},
    {"guest.create", EntityKind::Guest, Op::Create},
    {"guest.update", EntityKind::Guest, Op::Patch},
    {"guest.delete", EntityKind::Guest, Op::Delete}, // a card made by mistake: nothing refers to it
    {"guest.merge", EntityKind::Guest, Op::Merge},   // two cards of one person: history moves over
    // «Не дубль»: the duplicates search stops offering this pair on every desk.
    {"guest_distinct.create", EntityKind::GuestDistinct, Op::Create},
    {"consent.add", EntityKind::Consent, Op::Create}, // never changed: a new record is the change
    {"touch.add", EntityKind::Touch, Op::Create},
    {"booking.create", EntityKind::Booking, Op::Create},
    {"booking.set_status", EntityKind::Booking, Op::Patch, {"status", "cancelReason", "prepaid"}},
    {"booking.move", EntityKind::Booking, Op::Patch, {"roomId", "checkIn", "checkOut", "total"}},
    {"deal.create", EntityKind::Deal, Op::Create},
    {"deal.move", EntityKind::Deal, Op::Patch, {"stage", "lostReason"}},
    {"deal_move.add", EntityKind::DealMove, Op::Create},
    {"deal_stage.create", EntityKind::DealStage, Op::Create}, // head of sales: the pipeline
    {"deal_stage.update", EntityKind::DealStage, Op::Patch, {"title", "position", "active"}},
    {"task.create", EntityKind::Task, Op::Create},
    {"task.set_status", EntityKind::Task, Op::Patch, {"status"}},
    {"task.reschedule", EntityKind::Task, Op::Patch, {"due"}},
    {"payment.add", EntityKind::Payment, Op::Create},
    {"room_closure.create", EntityKind::RoomClosure, Op::Create},
    {"room_closure.delete", EntityKind::RoomClosure, Op::Delete}, // the room is back in service
};

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
    const Shape *shape = nullptr;
    for (const Shape &s : kShapes)
        if (mutation.name == QLatin1String(s.name))
            shape = &s;
    if (!shape)
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
    plan.kind = shape->kind;
    plan.op = shape->op;
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
        const bool allowed = shape->changes.size() == 0 ||
                             std::any_of(shape->changes.begin(), shape->changes.end(),
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
    for (const Shape &s : kShapes) {
        if (mutation.name != QLatin1String(s.name))
            continue;
        const Id id = idFromString(mutation.args.value(QStringLiteral("id")).toString());
        if (id.isNull())
            return std::nullopt;
        MutationTarget target{s.kind, s.op, idToString(id), {}};
        const Id merged = idFromString(mutation.args.value(QStringLiteral("mergedId")).toString());
        if (s.op == MutationPlan::Op::Merge && !merged.isNull() && merged != id)
            target.mergedId = idToString(merged);
        return target;
    }
    return std::nullopt;
}

QStringList knownMutationNames()
{
    QStringList names;
    for (const Shape &s : kShapes)
        names.append(QLatin1String(s.name));
    return names;
}

} // namespace kasp::sync
