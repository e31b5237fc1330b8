#pragma once
// Who may write what, and who receives which rows: the server applies these to every push and
// every pull (docs/SYNC.md, "Access rules"); the desk applies them to every write of its own
// (storage's writeMutation, with the signed-in user) and asks them what to enable. Who may write
// each kind is in its description (kinds.h).
#include "kasp/core/result.h"
#include "kasp/core/user.h"
#include "kasp/syncproto/mutationplan.h"

#include <optional>
#include <QJsonObject>

namespace kasp::sync {

// "auth.read_only" for the director, "auth.forbidden" for a consultant changing room stock or
// users. Everyone else passes. userId: whose push it is; their own user record's extension is
// theirs to set (user.set_extension).
Status authorizeMutation(Role role, const MutationPlan &plan, const QString &userId = {});

// The rules that depend on the record being changed, after authorizeMutation passed: a consultant
// works their own tasks and the shared pool, not a colleague's ("auth.forbidden"). current: the
// record as stored before this change (none for a create). kasp-sync and the desk's write path
// both ask it.
Status authorizeChange(Role role, const QString &userId, EntityKind kind,
                       const std::optional<QJsonObject> &current);

// The same answer as roleMaySend, with the refusal's code ("auth.read_only", "auth.forbidden",
// "mutation.unknown"): for a service that asks before it starts a write of its own.
Status authorizeMutationName(Role role, const QString &mutationName);

// Whether the role may send the named mutation ("deal.move"; about someone else's record where
// that matters): what a desk asks before it enables an action. The same rule as above, so the
// button, the desk's write path and the server give one answer. False for an unknown name.
bool roleMaySend(Role role, const QString &mutationName);

// Whether a user receives a record in pull. ownerId: the record's owner (a task's assignee), empty
// when it has none. A consultant receives their own tasks and the shared pool, not colleagues'.
bool receivesRecord(Role role, const QString &userId, EntityKind kind, const QString &ownerId);

// The owner a record is filtered by (a task's assigneeId), "" for kinds that are not filtered.
QString recordOwner(EntityKind kind, const QJsonObject &data);

} // namespace kasp::sync
