#include "kasp/syncproto/entitykind.h"

#include "kasp/syncproto/kinds.h"

namespace kasp::sync {

QString entityKindKey(EntityKind kind)
{
    return QLatin1String(kindSpec(kind).key);
}

std::optional<EntityKind> entityKindFromKey(const QString &key)
{
    for (const KindSpec &spec : kindSpecs())
        if (key == QLatin1String(spec.key))
            return spec.kind;
    return std::nullopt;
}

int minProtocolOf(EntityKind kind)
{
    return kindSpec(kind).minProtocol;
}

int minSchemaOf(EntityKind kind)
{
    return kindSpec(kind).minSchema;
}

const QList<EntityKind> &guestHistoryKinds()
{
    static const QList<EntityKind> kinds = [] {
        QList<EntityKind> found;
        for (const KindSpec &spec : kindSpecs())
            if (spec.movesWithGuest())
                found.append(spec.kind);
        return found;
    }();
    return kinds;
}

bool deskUnderstands(int protocol, int schema, EntityKind kind)
{
    if (minProtocolOf(kind) > protocol)
        return false;
    return protocol >= 2 || schema <= 0 || minSchemaOf(kind) <= schema;
}

} // namespace kasp::sync
