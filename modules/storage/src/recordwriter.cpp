#include "kasp/storage/recordwriter.h"

#include "kasp/core/mutation.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/replicastore.h"

namespace kasp::storage {

namespace {
QString mutationName(sync::EntityKind kind, const char *verb)
{
    return sync::entityKindKey(kind) + QLatin1Char('.') + QLatin1String(verb);
}
} // namespace

Status createRecord(QSqlDatabase db, const Clock &clock, sync::EntityKind kind, const QJsonObject &record)
{
    return applyMutation(db, Mutation{mutationName(kind, "create"), record}, clock.now(),
                         [&] { return ReplicaStore(db).store(kind, record); });
}

Result<bool> updateRecord(QSqlDatabase db, const Clock &clock, sync::EntityKind kind,
                          const QJsonObject &record, const QJsonObject &baseline)
{
    const QString id = record.value(QStringLiteral("id")).toString();
    auto current = ReplicaStore(db).load(kind, id);
    if (!current.ok())
        return current.error();
    if (!current.value())
        return Error{QStringLiteral("entity.not_found"),
                     QStringLiteral("%1 %2 does not exist").arg(sync::entityKindKey(kind), id)};
    QJsonObject changes{{QStringLiteral("id"), id}};
    for (auto it = record.begin(); it != record.end(); ++it)
        if (it.key() != QLatin1String("id") &&
            (baseline.isEmpty() ? *current.value() : baseline).value(it.key()) != it.value() &&
            current.value()->value(it.key()) != it.value())
            changes.insert(it.key(), it.value());
    if (changes.size() == 1)
        return false;
    QJsonObject merged = *current.value();
    for (auto it = changes.begin(); it != changes.end(); ++it)
        merged.insert(it.key(), it.value());
    const Status written = applyMutation(db, Mutation{mutationName(kind, "update"), changes}, clock.now(),
                                         [&] { return ReplicaStore(db).store(kind, merged); });
    if (!written.ok())
        return written.error();
    return true;
}

Status deleteRecord(QSqlDatabase db, const Clock &clock, sync::EntityKind kind, const QString &id)
{
    return applyMutation(db, Mutation{mutationName(kind, "delete"), QJsonObject{{QStringLiteral("id"), id}}},
                         clock.now(), [&] { return ReplicaStore(db).remove(kind, id); });
}

} // namespace kasp::storage
