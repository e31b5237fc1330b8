#pragma once
// What a named mutation does, independent of where it runs: the server applies it to PostgreSQL,
// the desktop re-applies its still-pending mutations over freshly pulled rows. Both sides merge the
// same way (entitymerge.h), so a replica and the server cannot disagree about a mutation's effect.
//
// Every mutation names one entity and is a Create (the args are the whole record), a Patch (the
// args name the changed fields only), a Delete, or a Merge: guest.merge patches the surviving card
// and moves everything that refers to the merged one (touches, bookings, deals, tasks, payments,
// deal moves) onto it, then deletes the merged card; one mutation, so it is applied whole or not. Patches are
// what make "last writer wins per field, in server order" true: two desktops editing different fields of one
// guest both keep their change.
#include "kasp/core/mutation.h"
#include "kasp/core/result.h"
#include "kasp/syncproto/entitykind.h"
#include <optional>
#include <QDateTime>
#include <QJsonObject>

namespace kasp::sync {

struct MutationPlan
{
    enum class Op { Create, Patch, Delete, Merge }; // Delete leaves a tombstone
    EntityKind kind = EntityKind::Guest;
    Op op = Op::Create;
    QString id;         // the entity's id, canonical UUID text
    QJsonObject fields; // Create: the record; Patch, Merge: the changed fields (entity field names)
    QString mergedId;   // Merge: the card that goes (canonical UUID text, never the id)
};

// Errors: "mutation.unknown" (a name nobody knows), "json.missing_field" / "json.bad_value".
Result<MutationPlan> planMutation(const Mutation &mutation);

// The record a mutation is about, read leniently: the name's kind and operation and the args'
// id when it is a UUID, whatever else is wrong with the args. A refused mutation is rolled back
// by this (the server re-sends the record, the desk drops a refused create), so a mutation
// refused for its text is rolled back like any other. Nothing when the name is unknown or the id
// is not a UUID (a record nobody can have).
struct MutationTarget
{
    EntityKind kind = EntityKind::Guest;
    MutationPlan::Op op = MutationPlan::Op::Create;
    QString id;       // canonical UUID text
    QString mergedId; // Merge: the card that goes, when its id is a UUID
};
std::optional<MutationTarget> mutationTarget(const Mutation &mutation);

// The mutation names the protocol accepts ("<kind key>.<verb>", kinds.h), for docs and for the
// fuzzer's dictionary.
QStringList knownMutationNames();

} // namespace kasp::sync
