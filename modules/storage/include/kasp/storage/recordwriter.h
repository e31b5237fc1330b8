#pragma once
// Writes of the head of sales' reference records (price list, room stock) through their wire JSON:
// the row goes in through the replica's table mapping, so the desktop stores exactly what the
// server will, and the mutation goes to the outbox in the same transaction.
#include "kasp/core/clock.h"
#include "kasp/core/mutation.h"
#include "kasp/core/result.h"
#include "kasp/syncproto/entitykind.h"
#include <QJsonObject>
#include <QSqlDatabase>

namespace kasp::storage {

// The one way a record changes on this desk. The named mutation is planned and merged into the
// current record by the rules kasp-sync applies to it (syncproto: planMutation, mergeEntity: the
// status machines, a task's done time, a deal's closed time, the checks), the replica's rows are
// written through the kind's table description (ReplicaStore::storeLocal), and the mutation is
// queued in the outbox: one transaction (it joins the caller's). Returns the record as written.
// Errors: the plan's and the merge's ("json.*", "<kind>.not_found", "entity.exists", the rules'
// own codes), "storage.*". guest.merge is GuestRepository::merge's (it moves history rows too).
Result<QJsonObject> writeMutation(QSqlDatabase db, const Mutation &mutation, const QDateTime &at);
// The same, for callers that need only whether it was written.
inline Status write(QSqlDatabase db, const Mutation &mutation, const QDateTime &at)
{
    auto written = writeMutation(std::move(db), mutation, at);
    return written.ok() ? Status() : Status(written.error());
}

// "<kind>.create" with the whole record.
Status createRecord(QSqlDatabase db, const Clock &clock, sync::EntityKind kind, const QJsonObject &record);
// "<kind>.update" with the fields that differ from `baseline` (what the editor started from; the
// stored record when empty), applied over the stored record: a field a colleague changed meanwhile
// (and the editor did not touch) keeps the colleague's value. Nothing when no field differs.
// Returns whether something was written. "entity.not_found" when there is no such record.
Result<bool> updateRecord(QSqlDatabase db, const Clock &clock, sync::EntityKind kind,
                          const QJsonObject &record, const QJsonObject &baseline = {});
// "<kind>.delete".
Status deleteRecord(QSqlDatabase db, const Clock &clock, sync::EntityKind kind, const QString &id);

} // namespace kasp::storage
