#include "replicatables.h"

#include "kasp/core/isotime.h"
#include "kasp/storage/sqlhelpers.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace kasp::storage::replica {

using sync::EntityKind;

namespace {

const TableSpec kTables[] = {
    {EntityKind::User,
     "users",
     {{"id", "id", Column::IdRef},
      {"login", "login", Column::Text},
      {"displayName", "display_name", Column::Text},
      {"role", "role", Column::Text},
      {"active", "active", Column::Bool},
      {"extension", "extension", Column::Text}}},
    {EntityKind::Building,
     "buildings",
     {{"id", "id", Column::IdRef}, {"name", "name", Column::Text}, {"address", "address", Column::Text}}},
    {EntityKind::RoomCategory,
     "room_categories",
     {{"id", "id", Column::IdRef},
      {"code", "code", Column::Text},
      {"name", "name", Column::Text},
      {"beds", "beds", Column::Int},
      {"extraBeds", "extra_beds", Column::Int},
      {"pricePerBedNight", "price_per_bed_night", Column::Int}}},
    {EntityKind::Room,
     "rooms",
     {{"id", "id", Column::IdRef},
      {"buildingId", "building_id", Column::IdRef},
      {"categoryId", "category_id", Column::IdRef},
      {"number", "number", Column::Text},
      {"floor", "floor", Column::Int},
      {"beds", "beds", Column::Int}}},
    {EntityKind::Touch,
     "touches",
     {{"id", "id", Column::IdRef},
      {"guestId", "guest_id", Column::IdRef},
      {"userId", "user_id", Column::IdRef},
      {"kind", "kind", Column::Text},
      {"at", "at", Column::Instant, true},
      {"durationSecs", "duration_secs", Column::Int},
      {"result", "result", Column::Text},
      {"note", "note", Column::Text},
      {"source", "source", Column::Text},
      {"recording", "recording", Column::Text}}},
    {EntityKind::Booking,
     "bookings",
     {{"id", "id", Column::IdRef},
      {"guestId", "guest_id", Column::IdRef},
      {"roomId", "room_id", Column::IdRef},
      {"checkIn", "check_in", Column::Date},
      {"checkOut", "check_out", Column::Date},
      {"adults", "adults", Column::Int},
      {"children", "children", Column::Int},
      {"total", "total", Column::Int},
      {"prepaid", "prepaid", Column::Int},
      {"status", "status", Column::Text},
      {"createdBy", "created_by", Column::IdRef},
      {"createdAt", "created_at", Column::Instant, true},
      {"holdUntil", "hold_until", Column::Instant},
      {"cancelReason", "cancel_reason", Column::Text},
      {"meals", "meals", Column::Text},
      {"treatment", "treatment", Column::Text}}},
    {EntityKind::Payment,
     "payments",
     {{"id", "id", Column::IdRef},
      {"bookingId", "booking_id", Column::IdRef},
      {"guestId", "guest_id", Column::IdRef},
      {"amount", "amount", Column::Int},
      {"method", "method", Column::Text},
      {"at", "at", Column::Instant, true},
      {"userId", "user_id", Column::IdRef},
      {"reference", "reference", Column::Text}}},
    {EntityKind::RoomClosure,
     "room_closures",
     {{"id", "id", Column::IdRef},
      {"roomId", "room_id", Column::IdRef},
      {"firstNight", "first_night", Column::Date},
      {"endNight", "end_night", Column::Date},
      {"reason", "reason", Column::Text}}},
    {EntityKind::Tariff,
     "tariffs",
     {{"id", "id", Column::IdRef},
      {"categoryId", "category_id", Column::IdRef},
      {"season", "season", Column::Text},
      {"from", "first_night", Column::Date},
      {"to", "end_night", Column::Date},
      {"mainBed", "main_bed", Column::Int},
      {"extraBed", "extra_bed", Column::Int},
      {"meals", "meals", Column::Json},
      {"treatments", "treatments", Column::Json},
      {"minNights", "min_nights", Column::Int}}},
    {EntityKind::ChildRule,
     "child_rules",
     {{"id", "id", Column::IdRef},
      {"fromAge", "from_age", Column::Int},
      {"toAge", "to_age", Column::Int},
      {"percent", "percent", Column::Int},
      {"needsBed", "needs_bed", Column::Bool}}},
    {EntityKind::Discount,
     "discounts",
     {{"id", "id", Column::IdRef},
      {"kind", "kind", Column::Text},
      {"percent", "percent", Column::Int},
      {"minNights", "min_nights", Column::Int},
      {"code", "code", Column::Text},
      {"validFrom", "valid_from", Column::Text},
      {"validTo", "valid_to", Column::Text}}},
    {EntityKind::Deal,
     "deals",
     {{"id", "id", Column::IdRef},
      {"guestId", "guest_id", Column::IdRef},
      {"ownerId", "owner_id", Column::IdRef},
      {"title", "title", Column::Text},
      {"stage", "stage", Column::Text},
      {"amount", "amount", Column::Int},
      {"createdAt", "created_at", Column::Instant, true},
      {"updatedAt", "updated_at", Column::Instant, true},
      {"closedAt", "closed_at", Column::Instant},
      {"lostReason", "lost_reason", Column::Text}}},
    {EntityKind::Task,
     "tasks",
     {{"id", "id", Column::IdRef},
      {"guestId", "guest_id", Column::IdRef},
      {"assigneeId", "assignee_id", Column::IdRef},
      {"title", "title", Column::Text},
      {"due", "due_at", Column::Instant},
      {"status", "status", Column::Text},
      {"createdAt", "created_at", Column::Instant, true},
      {"doneAt", "done_at", Column::Instant},
      {"kind", "kind", Column::Text}}},
    {EntityKind::DealStage,
     "deal_stages",
     {{"id", "id", Column::IdRef},
      {"key", "key", Column::Text},
      {"title", "title", Column::Text},
      {"position", "position", Column::Int},
      {"active", "active", Column::Bool}}},
    {EntityKind::DealMove,
     "deal_moves",
     {{"id", "id", Column::IdRef},
      {"dealId", "deal_id", Column::IdRef},
      {"guestId", "guest_id", Column::IdRef},
      {"userId", "user_id", Column::IdRef},
      {"from", "from_stage", Column::Text},
      {"to", "to_stage", Column::Text},
      {"at", "at", Column::Instant, true}}},
    // Append-only: a change of consent is a new row (schema 11).
    {EntityKind::Consent,
     "consents",
     {{"id", "id", Column::IdRef},
      {"guestId", "guest_id", Column::IdRef},
      {"channel", "channel", Column::Text},
      {"given", "given", Column::Bool},
      {"at", "at", Column::Instant, true},
      {"method", "method", Column::Text},
      {"userId", "user_id", Column::IdRef},
      {"note", "note", Column::Text}}},
    // One row per pair (first_id < second_id): a second desk's mark of the same pair replaces it.
    {EntityKind::GuestDistinct,
     "guest_distinct_pairs",
     {{"id", "id", Column::IdRef},
      {"firstId", "first_id", Column::Text},
      {"secondId", "second_id", Column::Text},
      {"userId", "user_id", Column::IdRef},
      {"at", "at", Column::Instant, true}}},
};

} // namespace

const TableSpec *specOf(EntityKind kind)
{
    for (const TableSpec &spec : kTables)
        if (spec.kind == kind)
            return &spec;
    return nullptr; // guests: GuestRepository owns their child tables
}

QVariant toColumn(const Column &c, const QJsonValue &v)
{
    switch (c.type) {
    case Column::Text:
        return sql::text(v.toString());
    case Column::IdRef:
        return sql::fromId(idFromString(v.toString()));
    case Column::Int:
        return static_cast<qint64>(v.toDouble());
    case Column::Bool:
        return v.toBool(true) ? 1 : 0;
    case Column::Date:
        return v.toString();
    case Column::Json:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    case Column::Instant: {
        QDateTime at = parseIsoInstant(v.toString());
        if (!at.isValid()) // what Qt reads beyond the wire's shape (a time without a zone)
            at = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
        const QVariant ms = sql::fromInstant(at);
        return ms.isNull() && c.notNull ? QVariant(qint64(0)) : ms;
    }
    }
    return {};
}

QJsonValue fromColumn(const Column &c, const QVariant &v)
{
    switch (c.type) {
    case Column::Text:
    case Column::Date:
        return v.toString();
    case Column::IdRef:
        return idToString(sql::toId(v));
    case Column::Int:
        return v.toLongLong();
    case Column::Bool:
        return v.toLongLong() != 0;
    case Column::Json:
        return QJsonDocument::fromJson(v.toString().toUtf8()).object();
    case Column::Instant:
        return v.isNull() ? QString() : isoInstant(sql::toInstant(v));
    }
    return {};
}

} // namespace kasp::storage::replica
