#include "kasp/syncproto/accessrules.h"

#include "kasp/syncproto/kinds.h"

#include <algorithm>

namespace kasp::sync {

namespace {

// The kind's writers, or a mutation's own when the plan changes only what that mutation may (a
// user's extension): judged by what the plan does, so a plan widened after planning is judged
// by the kind.
Writers writersOf(const MutationPlan &plan)
{
    const KindSpec &spec = kindSpec(plan.kind);
    for (const MutationSpec &m : spec.mutations) {
        if (!m.writers || m.op != plan.op || m.changes.size() == 0 || plan.fields.isEmpty())
            continue;
        bool within = true;
        for (auto it = plan.fields.begin(); it != plan.fields.end() && within; ++it)
            within = std::any_of(m.changes.begin(), m.changes.end(),
                                 [&](const char *f) { return it.key() == QLatin1String(f); });
        if (within)
            return *m.writers;
    }
    return spec.writers;
}

// The one rule: what a role may do with a mutation that its writers may send.
Status allowed(Role role, Writers writers, bool ownRecord)
{
    // Everybody's phone publishes its own extension (the director's too: colleagues transfer calls
    // to it); only the head of sales edits other staff.
    if (writers == Writers::SelfOrHeadOfSales && ownRecord)
        return {};
    if (role == Role::Director)
        return Error{QStringLiteral("auth.read_only"),
                     QStringLiteral("the director's account reads the base and changes nothing")};
    if (role == Role::Consultant && writers != Writers::Staff)
        return Error{
            QStringLiteral("auth.forbidden"),
            QStringLiteral("only the head of sales changes room stock, prices, the pipeline and staff")};
    return {};
}

} // namespace

Status authorizeMutation(Role role, const MutationPlan &plan, const QString &userId)
{
    return allowed(role, writersOf(plan), !userId.isEmpty() && plan.id == userId);
}

Status authorizeChange(Role role, const QString &userId, EntityKind kind,
                       const std::optional<QJsonObject> &current)
{
    if (current && !receivesRecord(role, userId, kind, recordOwner(kind, *current)))
        return Error{QStringLiteral("auth.forbidden"), QStringLiteral("this task belongs to a colleague")};
    return {};
}

Status authorizeMutationName(Role role, const QString &mutationName)
{
    const MutationRef found = findMutation(mutationName);
    if (!found.mutation)
        return Error{QStringLiteral("mutation.unknown"), QStringLiteral("no mutation %1").arg(mutationName)};
    return allowed(role, found.mutation->writers.value_or(found.kind->writers), false);
}

bool roleMaySend(Role role, const QString &mutationName)
{
    return authorizeMutationName(role, mutationName).ok();
}

bool receivesRecord(Role role, const QString &userId, EntityKind kind, const QString &ownerId)
{
    if (role != Role::Consultant || !kindSpec(kind).ownerField)
        return true;
    return ownerId.isEmpty() || ownerId == userId;
}

QString recordOwner(EntityKind kind, const QJsonObject &data)
{
    const char *owner = kindSpec(kind).ownerField;
    return owner ? data.value(QLatin1String(owner)).toString() : QString();
}

} // namespace kasp::sync
