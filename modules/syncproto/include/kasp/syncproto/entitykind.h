#pragma once
// The kinds of records that travel between desktops and the server. Keys are stable wire values.
// What each kind is (its fields, mutations, writers, rules) is its description in kinds.h; the
// functions below read it.
#include <optional>
#include <QList>
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
    Consent,       // a change of a guest's consent to advertising (append-only): schema 11
    BookingPolicy, // the department's hold time and prepayment share (append-only): protocol 3
    // A new kind goes last, and kinds.cpp's static_assert names it.
};

// Who may send a mutation. The director's account reads and never writes (but for its own
// user record's extension); Staff is a consultant or the head of sales.
enum class Writers {
    Staff,
    HeadOfSales,
    SelfOrHeadOfSales, // the user record a mutation names is the sender's own, or the head of sales
};

QString entityKindKey(EntityKind kind); // "user", "building", "room_category", "room", "guest", ...
std::optional<EntityKind> entityKindFromKey(const QString &key);
// The first sync protocol (wire.h) whose desks know the kind. From protocol 2 on, a new kind
// raises the protocol: kasp-sync does not send a desk the kinds its protocol does not know (it
// would refuse the page), whatever its SQLite schema. Every kind so far says 1: protocol-1 desks
// know them all, narrowed by their schema (minSchemaOf).
int minProtocolOf(EntityKind kind);
// Protocol 1 only: the first desktop schema that knows the kind (a protocol-1 desk said what it
// understood through X-Kasp-Schema). Kinds older than this rule say 1.
int minSchemaOf(EntityKind kind);
// The kinds whose records belong to one guest through their guestId (KindSpec::movesWithGuest),
// in EntityKind's order: a merge moves them to the surviving card, on the desk and on the server (whose
// partial index covers this list: a kind added here needs a server migration that rebuilds
// records_guest_history_N with it).
const QList<EntityKind> &guestHistoryKinds();
// Whether a desk speaking this protocol, at this schema, reads records of the kind. Protocol 1:
// by its schema (0, not said: every kind, as kasp-sync always did); protocol 2 and later: by the
// protocol alone, so a desk migration that only adds an index needs no new server.
bool deskUnderstands(int protocol, int schema, EntityKind kind);

} // namespace kasp::sync
