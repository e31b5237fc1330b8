#pragma once
// The kinds of records that travel between desktops and the server. Keys are stable wire values.
#include <optional>
#include <QString>

namespace kasp::sync {

enum class EntityKind {
    User,
    Building,
    RoomCategory,
    Room,
    Guest,
    Touch,
    Booking,
    Deal,
    Task,
    Payment,
    RoomClosure,
    Tariff,        // a season's prices of one room category
    ChildRule,     // children's share of the price by age
    Discount,      // returning guest, long stay, promo code
    DealStage,     // the head of sales' pipeline: one record per stage
    DealMove,      // a deal's move between stages (append-only; the funnel analytics)
    GuestDistinct, // two cards that look alike but are two people («не дубль»): schema 9
};

QString entityKindKey(EntityKind kind); // "user", "building", "room_category", "room", "guest", ...
std::optional<EntityKind> entityKindFromKey(const QString &key);
// The first desktop schema that knows the kind. kasp-sync does not send a desktop the kinds its
// schema does not know (it would refuse the page). Kinds older than this rule say 1.
int minSchemaOf(EntityKind kind);

} // namespace kasp::sync
