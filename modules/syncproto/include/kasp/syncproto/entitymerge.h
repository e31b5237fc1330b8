#pragma once
// Applies a MutationPlan to the current state of its entity (as its wire JSON) and returns the new
// state, validated and in canonical form. Pure: no storage, so the server and the desktop share it.
//
// Business rules enforced here (both sides): a booking's status machine and its 10-20 % prepayment,
// a deal's stage moves, required fields of every kind. Rules that need other rows (a room booked
// twice, a guest that does not exist) belong to the side that has the rows.
#include "kasp/core/result.h"
#include "kasp/syncproto/mutationplan.h"
#include <optional>

namespace kasp::sync {

// current: the entity now (nullopt when it does not exist or is a tombstone). at: when the mutation
// was made, used for derived fields (updatedAt, closedAt, doneAt) so every replica computes the
// same value. Errors: "entity.exists" (create over a different record), "entity.not_found" (patch
// of a missing record), the codec errors, and the kind's business rule codes.
Result<QJsonObject> mergeEntity(const std::optional<QJsonObject> &current, const MutationPlan &plan,
                                const QDateTime &at);

// Canonical form of a record of this kind (decoded and re-encoded), or why it is not one.
Result<QJsonObject> canonicalEntity(EntityKind kind, const QJsonObject &json);

// guest.merge, after the survivor's patch: the merged card as the store has it *now* (it may have
// gained a phone on another desktop since the merging desktop read it) is folded in the way
// kasp::mergeGuests does (contacts and tags united, empty fields filled), so nothing of it is lost.
Result<QJsonObject> foldMergedGuest(const QJsonObject &survivor, const QJsonObject &merged);

} // namespace kasp::sync
