// The description of every replicated kind (kinds.h). One entry per kind, in EntityKind's order.
#include "kasp/syncproto/kinds.h"

#include "kindrules.h"

#include "kasp/core/booking.h"
#include "kasp/core/id.h"
#include "kasp/core/isotime.h"

#include <cmath>
#include <QJsonValue>

namespace kasp::sync {

namespace {

using F = FieldSpec;
using Op = MutationPlan::Op;

// Field builders, so an entry reads as a list of columns.
constexpr F id()
{
    return {"id", "id", F::Id, F::Required};
}
constexpr F text(const char *field, const char *column, quint8 flags = F::Plain)
{
    return {field, column, F::Text, flags};
}
constexpr F ref(const char *field, const char *column, const char *refersTo = nullptr,
                quint8 flags = F::Required)
{
    return {field, column, F::Id, flags, refersTo};
}
constexpr F integer(const char *field, const char *column, qint64 min = 0, qint64 max = 0,
                    quint8 flags = F::Plain)
{
    return {field, column, F::Int, flags, nullptr, min, max};
}
constexpr F boolean(const char *field, const char *column)
{
    return {field, column, F::Bool};
}
constexpr F date(const char *field, const char *column)
{
    return {field, column, F::Date, F::Required};
}
constexpr F instant(const char *field, const char *column, quint8 flags = F::Plain)
{
    return {field, column, F::Instant, flags};
}
constexpr F json(const char *field, const char *column)
{
    return {field, column, F::Json};
}

constexpr F::Flag kRequiredTime = F::Flag(F::Required | F::NotNull);

const KindSpec kKinds[] = {
    {EntityKind::User,
     "user",
     "users",
     1,
     1,
     Writers::HeadOfSales,
     nullptr,
     {{"create", Op::Create},
      // A desk's phone registered: colleagues see its extension in the transfer list.
      {"set_extension", Op::Patch, {"extension"}, Writers::SelfOrHeadOfSales}},
     {id(), text("login", "login", F::Required), text("displayName", "display_name", F::Required),
      text("role", "role", F::Required), boolean("active", "active"),
      text("extension", "extension")}, // absent from desks older than schema 8
     nullptr,
     rules::userRoleKnown},
    // The head of sales' editors: rooms are never deleted (bookings keep pointing at them); a room
    // leaves sale through an out-of-service period.
    {EntityKind::Building,
     "building",
     "buildings",
     1,
     1,
     Writers::HeadOfSales,
     nullptr,
     {{"create", Op::Create}, {"update", Op::Patch}},
     {id(), text("name", "name", F::Required), text("address", "address")}},
    {EntityKind::RoomCategory,
     "room_category",
     "room_categories",
     1,
     1,
     Writers::HeadOfSales,
     nullptr,
     {{"create", Op::Create}, {"update", Op::Patch}},
     {id(), text("code", "code", F::Required), text("name", "name", F::Required),
      integer("beds", "beds", 1, 20),
      integer("extraBeds", "extra_beds", 0, 10, F::Optional), // absent from desks older than schema 2
      integer("pricePerBedNight", "price_per_bed_night", 0, 1'000'000'000)}},
    {EntityKind::Room,
     "room",
     "rooms",
     1,
     1,
     Writers::HeadOfSales,
     nullptr,
     {{"create", Op::Create}, {"update", Op::Patch}},
     {id(), ref("buildingId", "building_id", "building"), ref("categoryId", "category_id", "room_category"),
      text("number", "number", F::Required), integer("floor", "floor", -5, 200),
      integer("beds", "beds", 1, 20)}},
    // Guests' rows are GuestRowWriter's (storage) and their fields guestFields() (core).
    {EntityKind::Guest,
     "guest",
     "guests",
     1,
     1,
     Writers::Staff,
     nullptr,
     {{"create", Op::Create},
      {"update", Op::Patch},
      {"delete", Op::Delete}, // a card made by mistake: nothing refers to it
      {"merge", Op::Merge}},  // two cards of one person: history moves over
     {},
     rules::guest,
     rules::guestValid,
     rules::guestChanged},
    {EntityKind::Touch,
     "touch",
     "touches",
     1,
     1,
     Writers::Staff,
     nullptr,
     {{"add", Op::Create}},
     {id(), ref("guestId", "guest_id", "guest"), ref("userId", "user_id", nullptr, F::Optional),
      text("kind", "kind"), instant("at", "at", kRequiredTime), integer("durationSecs", "duration_secs"),
      text("result", "result"), text("note", "note"), text("source", "source"),
      text("recording", "recording")},
     rules::touch},
    {EntityKind::Booking,
     "booking",
     "bookings",
     1,
     1,
     Writers::Staff,
     nullptr,
     {{"create", Op::Create},
      {"set_status", Op::Patch, {"status", "cancelReason", "prepaid"}},
      {"move", Op::Patch, {"roomId", "checkIn", "checkOut", "total"}}},
     {id(), ref("guestId", "guest_id", "guest"), ref("roomId", "room_id", "room"),
      date("checkIn", "check_in"), date("checkOut", "check_out"), integer("adults", "adults"),
      integer("children", "children"), integer("total", "total"), integer("prepaid", "prepaid"),
      text("status", "status"), ref("createdBy", "created_by", nullptr, F::Optional),
      instant("createdAt", "created_at", kRequiredTime), instant("holdUntil", "hold_until"),
      text("cancelReason", "cancel_reason"), text("meals", "meals"), text("treatment", "treatment")},
     rules::booking,
     rules::bookingValid,
     rules::bookingChanged},
    {EntityKind::Deal,
     "deal",
     "deals",
     1,
     1,
     Writers::Staff,
     nullptr,
     {{"create", Op::Create}, {"move", Op::Patch, {"stage", "lostReason"}}},
     {id(), ref("guestId", "guest_id", "guest"), ref("ownerId", "owner_id", nullptr, F::Optional),
      text("title", "title"), text("stage", "stage"), integer("amount", "amount"),
      instant("createdAt", "created_at", kRequiredTime), instant("updatedAt", "updated_at", kRequiredTime),
      instant("closedAt", "closed_at"), text("lostReason", "lost_reason")},
     rules::deal,
     nullptr,
     rules::dealChanged},
    {EntityKind::Task,
     "task",
     "tasks",
     1,
     1,
     Writers::Staff,
     "assigneeId",
     {{"create", Op::Create}, {"set_status", Op::Patch, {"status"}}, {"reschedule", Op::Patch, {"due"}}},
     {id(), ref("guestId", "guest_id", "guest", F::Optional),
      ref("assigneeId", "assignee_id", nullptr, F::Optional), text("title", "title"),
      instant("due", "due_at"), text("status", "status"), instant("createdAt", "created_at", kRequiredTime),
      instant("doneAt", "done_at"), text("kind", "kind")},
     rules::task,
     nullptr,
     rules::taskChanged},
    {EntityKind::Payment,
     "payment",
     "payments",
     1,
     1,
     Writers::Staff,
     nullptr,
     {{"add", Op::Create}},
     {id(), ref("bookingId", "booking_id", "booking"), ref("guestId", "guest_id", "guest"),
      integer("amount", "amount"), text("method", "method"), instant("at", "at", kRequiredTime),
      ref("userId", "user_id", nullptr, F::Optional), text("reference", "reference")},
     rules::payment,
     rules::paymentValid},
    {EntityKind::RoomClosure,
     "room_closure",
     "room_closures",
     1,
     1,
     Writers::HeadOfSales,
     nullptr,
     {{"create", Op::Create}, {"delete", Op::Delete}}, // delete: the room is back in service
     {id(), ref("roomId", "room_id", "room"), date("firstNight", "first_night"),
      date("endNight", "end_night"), text("reason", "reason")},
     nullptr,
     rules::closureDatesValid},
    {EntityKind::Tariff,
     "tariff",
     "tariffs",
     1,
     1,
     Writers::HeadOfSales,
     nullptr,
     {{"create", Op::Create}, {"update", Op::Patch}, {"delete", Op::Delete}},
     {id(), ref("categoryId", "category_id", "room_category"), text("season", "season"),
      date("from", "first_night"), date("to", "end_night"), integer("mainBed", "main_bed"),
      integer("extraBed", "extra_bed"), json("meals", "meals"), json("treatments", "treatments"),
      integer("minNights", "min_nights")},
     rules::tariff,
     rules::tariffValid},
    {EntityKind::ChildRule,
     "child_rule",
     "child_rules",
     1,
     1,
     Writers::HeadOfSales,
     nullptr,
     {{"create", Op::Create}, {"update", Op::Patch}, {"delete", Op::Delete}},
     {id(), integer("fromAge", "from_age"), integer("toAge", "to_age"), integer("percent", "percent"),
      boolean("needsBed", "needs_bed")},
     rules::childRule,
     rules::childRuleValid},
    {EntityKind::Discount,
     "discount",
     "discounts",
     1,
     1,
     Writers::HeadOfSales,
     nullptr,
     {{"create", Op::Create}, {"update", Op::Patch}, {"delete", Op::Delete}},
     {id(), text("kind", "kind"), integer("percent", "percent"), integer("minNights", "min_nights"),
      text("code", "code"), text("validFrom", "valid_from"), text("validTo", "valid_to")},
     rules::discount,
     rules::discountValid},
    // The head of sales' pipeline: one record per stage.
    {EntityKind::DealStage,
     "deal_stage",
     "deal_stages",
     1,
     1,
     Writers::HeadOfSales,
     nullptr,
     {{"create", Op::Create}, {"update", Op::Patch, {"title", "position", "active"}}},
     {id(), text("key", "key"), text("title", "title"), integer("position", "position"),
      boolean("active", "active")},
     rules::dealStage,
     rules::dealStageValid},
    // A deal's move between stages (append-only; the funnel analytics).
    {EntityKind::DealMove,
     "deal_move",
     "deal_moves",
     1,
     1,
     Writers::Staff,
     nullptr,
     {{"add", Op::Create}},
     {id(), ref("dealId", "deal_id", "deal"), ref("guestId", "guest_id", "guest"),
      ref("userId", "user_id", nullptr, F::Optional), text("from", "from_stage"), text("to", "to_stage"),
      instant("at", "at", kRequiredTime)},
     rules::dealMove,
     rules::dealMoveValid},
    // «Не дубль»: the duplicates search stops offering this pair on every desk. One row per pair
    // (firstId < secondId): a second desk's mark of the same pair replaces it.
    {EntityKind::GuestDistinct,
     "guest_distinct",
     "guest_distinct_pairs",
     1,
     9,
     Writers::Staff,
     nullptr,
     {{"create", Op::Create}},
     {id(), ref("firstId", "first_id", "guest"), ref("secondId", "second_id", "guest"),
      ref("userId", "user_id", nullptr, F::Optional), // who said so; empty from tools
      instant("at", "at", kRequiredTime)},
     nullptr,
     rules::guestPairOrdered},
    // A change of a guest's consent to advertising: never changed, a new record is the change.
    {EntityKind::Consent,
     "consent",
     "consents",
     2,
     11,
     Writers::Staff,
     nullptr,
     {{"add", Op::Create}},
     {id(), ref("guestId", "guest_id", "guest"), text("channel", "channel"), boolean("given", "given"),
      instant("at", "at", kRequiredTime), text("method", "method"),
      ref("userId", "user_id", nullptr, F::Optional), text("note", "note")},
     rules::consent},
    // The department's booking rules, set by the head of sales for every desk: how long an unpaid
    // hold lasts and the prepayment asked for. A change is a new record; the latest decides.
    {EntityKind::BookingPolicy,
     "booking_policy",
     "booking_policies",
     3,
     13,
     Writers::HeadOfSales,
     nullptr,
     {{"set", Op::Create}},
     {id(), integer("holdHours", "hold_hours", 1, 720),
      integer("prepaymentPercent", "prepayment_percent", kMinPrepaymentPercent, kMaxPrepaymentPercent),
      instant("at", "at", kRequiredTime), ref("userId", "user_id", nullptr, F::Optional)}},
};
// One entry per kind, in order (kindSpec indexes by the enum): a kind added to the enum and not
// here does not compile.
static_assert(sizeof(kKinds) / sizeof(kKinds[0]) == static_cast<size_t>(EntityKind::BookingPolicy) + 1);

} // namespace

const FieldSpec *KindSpec::field(QStringView name) const
{
    for (const FieldSpec &f : fields)
        if (name == QLatin1String(f.field))
            return &f;
    return nullptr;
}

bool KindSpec::movesWithGuest() const
{
    const FieldSpec *guest = field(u"guestId");
    return guest && guest->refersTo && QLatin1String(guest->refersTo) == QLatin1String("guest");
}

MutationRef findMutation(const QString &name)
{
    const qsizetype dot = name.indexOf(QLatin1Char('.'));
    if (dot <= 0)
        return {};
    const QStringView key = QStringView(name).left(dot);
    const QStringView verb = QStringView(name).mid(dot + 1);
    for (const KindSpec &spec : kKinds) {
        if (key != QLatin1String(spec.key))
            continue;
        for (const MutationSpec &m : spec.mutations)
            if (verb == QLatin1String(m.verb))
                return {&spec, &m};
        return {};
    }
    return {};
}

std::span<const KindSpec> kindSpecs()
{
    return kKinds;
}

const KindSpec &kindSpec(EntityKind kind)
{
    // The table is in EntityKind's order; a test checks it (sync.protocol).
    return kKinds[static_cast<int>(kind)];
}

Result<QJsonObject> checkFieldsByDescription(const KindSpec &spec, const QJsonObject &json)
{
    auto bad = [](const QString &field) { return Error{QStringLiteral("json.bad_value"), field}; };
    auto missing = [](const QString &field) { return Error{QStringLiteral("json.missing_field"), field}; };
    QJsonObject out;
    out.insert(QStringLiteral("id"), json.value(QStringLiteral("id")));
    for (const FieldSpec &f : spec.fields) {
        const QString name = QLatin1String(f.field);
        if (name == QLatin1String("id"))
            continue;
        const QJsonValue v = json.value(name);
        const bool absent = v.isUndefined() || v.isNull();
        const bool required = f.flags & FieldSpec::Required;
        switch (f.type) {
        case FieldSpec::Text:
            if (!absent && !v.isString())
                return bad(name);
            if (required && v.toString().trimmed().isEmpty())
                return missing(name);
            out.insert(name, required ? v.toString().trimmed() : v.toString());
            break;
        case FieldSpec::Id: {
            const bool empty = absent || (v.isString() && v.toString().isEmpty());
            if (empty && (f.flags & FieldSpec::Optional)) {
                out.insert(name, QString());
                break;
            }
            if (empty || !v.isString())
                return empty ? missing(name) : bad(name);
            const Id id = idFromString(v.toString());
            if (id.isNull())
                return bad(name);
            out.insert(name, idToString(id));
            break;
        }
        case FieldSpec::Int: {
            const bool zero = v.isUndefined() && (f.flags & FieldSpec::Optional);
            const double d = zero ? 0.0 : v.toDouble(-1e18);
            // Range first: casting an out-of-range double to an integer is undefined behaviour.
            if ((!v.isDouble() && !zero) || d < double(f.min) || d > double(f.max) || d != std::floor(d))
                return bad(name);
            out.insert(name, static_cast<qint64>(d));
            break;
        }
        case FieldSpec::Bool:
            if (!v.isUndefined() && !v.isBool())
                return bad(name);
            out.insert(name, v.toBool(true));
            break;
        case FieldSpec::Date: {
            const QDate d = parseIsoDate(v.toString());
            if (!v.isString() || !d.isValid())
                return v.isUndefined() || v.toString().isEmpty() ? missing(name) : bad(name);
            out.insert(name, isoDate(d));
            break;
        }
        case FieldSpec::Instant: {
            if (!required && (absent || v.toString().isEmpty())) {
                out.insert(name, QString());
                break;
            }
            // As these records always were: a time without a zone is read as this machine's.
            QDateTime at = parseIsoInstant(v.toString());
            if (!at.isValid())
                at = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
            if (!v.isString() || !at.isValid())
                return v.isUndefined() || v.toString().isEmpty() ? missing(name) : bad(name);
            out.insert(name, isoInstant(at));
            break;
        }
        case FieldSpec::Json:
            if (!absent && !v.isObject())
                return bad(name);
            out.insert(name, v.toObject());
            break;
        }
    }
    return out;
}

} // namespace kasp::sync
