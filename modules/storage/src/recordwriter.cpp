#include "kasp/storage/recordwriter.h"

#include "kasp/core/mutation.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/replicastore.h"
#include "kasp/storage/sessionwriter.h"
#include "kasp/storage/sqlhelpers.h"
#include "kasp/syncproto/entitymerge.h"
#include "kasp/syncproto/mutationplan.h"

namespace kasp::storage {

namespace {
QString mutationName(sync::EntityKind kind, const char *verb)
{
    return sync::entityKindKey(kind) + QLatin1Char('.') + QLatin1String(verb);
}
} // namespace

Result<QJsonObject> writeMutation(QSqlDatabase db, const Mutation &mutation, const QDateTime &at)
{
    auto plan = sync::planMutation(mutation);
    if (!plan.ok())
        return plan.error();
    if (auto s = authorizeWrite(db, plan.value()); !s.ok())
        return s.error();
    if (plan.value().op == sync::MutationPlan::Op::Merge)
        return Error{QStringLiteral("storage.merge"),
                     QStringLiteral("guest.merge goes through GuestRepository::merge")};
    sql::WriteTransaction tx(db);
    if (auto s = tx.begin(); !s.ok())
        return s.error();
    ReplicaStore replica(db);
    const bool create = plan.value().op == sync::MutationPlan::Op::Create;
    // A record is created once: the server takes an identical repeat (a lost reply), but on this
    // desk a second create of an id it has is a mistake. A create reads no record (an import
    // makes thousands): one index lookup says whether the id is taken.
    Result<std::optional<QJsonObject>> current = std::optional<QJsonObject>{};
    if (create) {
        auto taken = replica.exists(plan.value().kind, plan.value().id);
        if (!taken.ok())
            return taken.error();
        if (taken.value())
            return Error{QStringLiteral("entity.exists"),
                         QStringLiteral("%1 %2 already exists")
                             .arg(sync::entityKindKey(plan.value().kind), plan.value().id)};
    } else {
        current = replica.load(plan.value().kind, plan.value().id);
        if (!current.ok())
            return current.error();
        // A colleague's task is theirs (the server's rule, judged by the record as stored).
        if (auto s = authorizeChange(db, plan.value().kind, current.value()); !s.ok())
            return s.error();
    }
    auto merged = sync::mergeEntity(current.value(), plan.value(), at);
    if (!merged.ok()) {
        if (merged.error().code == QLatin1String("entity.not_found"))
            return Error{sync::entityKindKey(plan.value().kind) + QStringLiteral(".not_found"),
                         merged.error().message};
        return merged.error();
    }
    const Status written =
        plan.value().op == sync::MutationPlan::Op::Delete
            ? replica.remove(plan.value().kind, plan.value().id)
            : replica.storeLocal(plan.value().kind, merged.value(), current.value().has_value());
    if (!written.ok())
        return written.error();
    if (auto s = Outbox(db).append(mutation, at); !s.ok())
        return s.error();
    if (auto s = tx.commit(); !s.ok())
        return s.error();
    return merged.value();
}

Status createRecord(QSqlDatabase db, const Clock &clock, sync::EntityKind kind, const QJsonObject &record)
{
    auto written = writeMutation(db, Mutation{mutationName(kind, "create"), record}, clock.now());
    return written.ok() ? Status() : Status(written.error());
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
    auto written = writeMutation(db, Mutation{mutationName(kind, "update"), changes}, clock.now());
    if (!written.ok())
        return written.error();
    return true;
}

Status deleteRecord(QSqlDatabase db, const Clock &clock, sync::EntityKind kind, const QString &id)
{
    auto written = writeMutation(
        db, Mutation{mutationName(kind, "delete"), QJsonObject{{QStringLiteral("id"), id}}}, clock.now());
    return written.ok() ? Status() : Status(written.error());
}

} // namespace kasp::storage
