#pragma once
// Writes of the head of sales' reference records (price list, room stock) through their wire JSON:
// the row goes in through the replica's table mapping, so the desktop stores exactly what the
// server will, and the mutation goes to the outbox in the same transaction.
#include "kasp/core/clock.h"
#include "kasp/core/result.h"
#include "kasp/syncproto/entitykind.h"
#include <QJsonObject>
#include <QSqlDatabase>

namespace kasp::storage {

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
