#include "kasp/syncproto/entitykind.h"

#include <array>
#include <utility>

namespace kasp::sync {

namespace {
constexpr std::array<std::pair<EntityKind, const char *>, 18> kKeys{{
    {EntityKind::User, "user"},
    {EntityKind::Building, "building"},
    {EntityKind::RoomCategory, "room_category"},
    {EntityKind::Room, "room"},
    {EntityKind::Guest, "guest"},
    {EntityKind::Touch, "touch"},
    {EntityKind::Booking, "booking"},
    {EntityKind::Deal, "deal"},
    {EntityKind::Task, "task"},
    {EntityKind::Payment, "payment"},
    {EntityKind::RoomClosure, "room_closure"},
    {EntityKind::Tariff, "tariff"},
    {EntityKind::ChildRule, "child_rule"},
    {EntityKind::Discount, "discount"},
    {EntityKind::DealStage, "deal_stage"},
    {EntityKind::DealMove, "deal_move"},
    {EntityKind::GuestDistinct, "guest_distinct"},
    {EntityKind::Consent, "consent"},
}};
} // namespace

QString entityKindKey(EntityKind kind)
{
    for (const auto &[k, key] : kKeys)
        if (k == kind)
            return QLatin1String(key);
    return {};
}

int minProtocolOf(EntityKind kind)
{
    // Kinds added with protocol 2 never reach a protocol-1 desk, whatever its schema.
    return kind == EntityKind::Consent ? 2 : 1;
}

int minSchemaOf(EntityKind kind)
{
    switch (kind) {
    case EntityKind::GuestDistinct:
        return 9;
    case EntityKind::Consent:
        return 11;
    default:
        return 1;
    }
}

const QList<EntityKind> &guestHistoryKinds()
{
    static const QList<EntityKind> kinds{EntityKind::Touch,  EntityKind::Booking, EntityKind::Deal,
                                         EntityKind::Task,   EntityKind::Payment, EntityKind::DealMove,
                                         EntityKind::Consent};
    return kinds;
}

bool deskUnderstands(int protocol, int schema, EntityKind kind)
{
    if (minProtocolOf(kind) > protocol)
        return false;
    return protocol >= 2 || schema <= 0 || minSchemaOf(kind) <= schema;
}

std::optional<EntityKind> entityKindFromKey(const QString &key)
{
    for (const auto &[k, name] : kKeys)
        if (key == QLatin1String(name))
            return k;
    return std::nullopt;
}

} // namespace kasp::sync
