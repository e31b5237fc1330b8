#include "kasp/syncproto/accessrules.h"

namespace kasp::sync {

Status authorizeMutation(Role role, const MutationPlan &plan, const QString &userId)
{
    // Everybody's phone publishes its own extension (the director's too: colleagues transfer calls
    // to it); only the head of sales edits other staff.
    const bool ownExtension = plan.kind == EntityKind::User && plan.op == MutationPlan::Op::Patch &&
                              !userId.isEmpty() && plan.id == userId &&
                              plan.fields.keys() == QStringList{QStringLiteral("extension")};
    if (ownExtension)
        return {};
    if (role == Role::Director)
        return Error{QStringLiteral("auth.read_only"),
                     QStringLiteral("the director's account reads the base and changes nothing")};
    const bool stockOrStaff = plan.kind == EntityKind::User || plan.kind == EntityKind::Building ||
                              plan.kind == EntityKind::RoomCategory || plan.kind == EntityKind::Room ||
                              plan.kind == EntityKind::RoomClosure || plan.kind == EntityKind::Tariff ||
                              plan.kind == EntityKind::ChildRule || plan.kind == EntityKind::Discount ||
                              plan.kind == EntityKind::DealStage;
    if (role == Role::Consultant && stockOrStaff)
        return Error{
            QStringLiteral("auth.forbidden"),
            QStringLiteral("only the head of sales changes room stock, prices, the pipeline and staff")};
    return {};
}

bool receivesRecord(Role role, const QString &userId, EntityKind kind, const QString &ownerId)
{
    if (role != Role::Consultant || kind != EntityKind::Task)
        return true;
    return ownerId.isEmpty() || ownerId == userId;
}

QString recordOwner(EntityKind kind, const QJsonObject &data)
{
    if (kind == EntityKind::Task)
        return data.value(QStringLiteral("assigneeId")).toString();
    return {};
}

} // namespace kasp::sync
