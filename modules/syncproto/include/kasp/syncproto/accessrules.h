#pragma once
// Who may write what, and who receives which rows: the server applies these to every push and
// every pull (docs/SYNC.md, "Access rules"). The desktop uses the same table to grey out actions.
#include "kasp/core/result.h"
#include "kasp/core/user.h"
#include "kasp/syncproto/mutationplan.h"

namespace kasp::sync {

// "auth.read_only" for the director, "auth.forbidden" for a consultant changing room stock or
// users. Everyone else passes. userId: whose push it is; their own user record's extension is
// theirs to set (user.set_extension).
Status authorizeMutation(Role role, const MutationPlan &plan, const QString &userId = {});

// Whether a user receives a record in pull. ownerId: the record's owner (a task's assignee), empty
// when it has none. A consultant receives their own tasks and the shared pool, not colleagues'.
bool receivesRecord(Role role, const QString &userId, EntityKind kind, const QString &ownerId);

// The owner a record is filtered by (a task's assigneeId), "" for kinds that are not filtered.
QString recordOwner(EntityKind kind, const QJsonObject &data);

} // namespace kasp::sync
