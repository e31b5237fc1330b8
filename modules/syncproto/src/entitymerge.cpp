#include "kasp/syncproto/entitymerge.h"

#include "kasp/core/consent.h"
#include "kasp/core/guestmerge.h"
#include "kasp/core/id.h"
#include "kasp/core/isotime.h"
#include "kasp/core/mutation.h"
#include "kasp/core/user.h"

#include <algorithm>
#include <cmath>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>

namespace kasp::sync {

namespace {

Error badValue(const QString &field)
{
    return Error{QStringLiteral("json.bad_value"), field};
}

Error missing(const QString &field)
{
    return Error{QStringLiteral("json.missing_field"), field};
}

QString instantText(const QDateTime &at)
{
    return isoInstant(at);
}

// For the room stock and users (records without a core codec): checks each field's type.
struct FieldRule
{
    const char *name;
    // OptionalInt: absent = 0; Instant: an ISO date and time, required.
    enum Type { Text, RequiredText, IdRef, Int, OptionalInt, Bool, Date, Instant } type;
    int min = 0;
    int max = 0;
};

Result<QJsonObject> checkFields(const QJsonObject &json, std::initializer_list<FieldRule> rules)
{
    QJsonObject out;
    out.insert(QStringLiteral("id"), json.value(QStringLiteral("id")));
    for (const FieldRule &rule : rules) {
        const QString name = QLatin1String(rule.name);
        const QJsonValue v = json.value(name);
        switch (rule.type) {
        case FieldRule::Text:
            if (!v.isUndefined() && !v.isNull() && !v.isString())
                return badValue(name);
            out.insert(name, v.toString());
            break;
        case FieldRule::RequiredText:
            if (!v.isString() && !v.isUndefined() && !v.isNull())
                return badValue(name);
            if (v.toString().trimmed().isEmpty())
                return missing(name);
            out.insert(name, v.toString().trimmed());
            break;
        case FieldRule::IdRef:
            if (!v.isString() || v.toString().isEmpty())
                return missing(name);
            if (idFromString(v.toString()).isNull())
                return badValue(name);
            out.insert(name, idToString(idFromString(v.toString())));
            break;
        case FieldRule::OptionalInt:
        case FieldRule::Int: {
            const double d = rule.type == FieldRule::OptionalInt && v.isUndefined() ? 0.0 : v.toDouble(-1e18);
            // Range first: casting an out-of-range double to an integer is undefined behaviour.
            if ((!v.isDouble() && !(rule.type == FieldRule::OptionalInt && v.isUndefined())) ||
                d < rule.min || d > rule.max || d != std::floor(d))
                return badValue(name);
            out.insert(name, static_cast<qint64>(d));
            break;
        }
        case FieldRule::Date: {
            const QDate d = parseIsoDate(v.toString());
            if (!v.isString() || !d.isValid())
                return v.isUndefined() || v.toString().isEmpty() ? missing(name) : badValue(name);
            out.insert(name, isoDate(d));
            break;
        }
        case FieldRule::Instant: {
            // As these records always were: a time without a zone is read as this machine's.
            QDateTime at = parseIsoInstant(v.toString());
            if (!at.isValid())
                at = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
            if (!v.isString() || !at.isValid())
                return v.isUndefined() || v.toString().isEmpty() ? missing(name) : badValue(name);
            out.insert(name, instantText(at));
            break;
        }
        case FieldRule::Bool:
            if (!v.isUndefined() && !v.isBool())
                return badValue(name);
            out.insert(name, v.toBool(true));
            break;
        }
    }
    return out;
}

template <typename Decode> Result<QJsonObject> roundTrip(const QJsonObject &json, Decode decode)
{
    auto decoded = decode(json);
    if (!decoded.ok())
        return decoded.error();
    return toJson(decoded.value());
}

constexpr const char *kStayFields[] = {"roomId", "checkIn", "checkOut"};

// Rules that only make sense on a change: a status machine, derived times.
Status checkPatch(EntityKind kind, const QJsonObject &before, QJsonObject &after, const QDateTime &at)
{
    switch (kind) {
    case EntityKind::Guest:
        after.insert(QStringLiteral("updatedAt"), instantText(at));
        return {};
    case EntityKind::Booking: {
        const auto from = bookingStatusFromKey(before.value(QStringLiteral("status")).toString());
        const auto to = bookingStatusFromKey(after.value(QStringLiteral("status")).toString());
        if (!from || !to)
            return badValue(QStringLiteral("status"));
        if (auto s = checkStatusChange(*from, *to); !s.ok())
            return s;
        // A cancelled booking holds no nights: it is not moved to others (a new booking is made).
        const bool moved = std::any_of(std::begin(kStayFields), std::end(kStayFields), [&](const char *f) {
            return before.value(QLatin1String(f)) != after.value(QLatin1String(f));
        });
        if (moved && !occupiesRoom(*to))
            return Error{
                QStringLiteral("booking.bad_transition"),
                QCoreApplication::translate("kasp::Booking", "A cancelled booking cannot be moved.")};
        return {};
    }
    case EntityKind::Deal: {
        const QString from = before.value(QStringLiteral("stage")).toString();
        const QString to = after.value(QStringLiteral("stage")).toString();
        if (!isValidStageKey(to))
            return badValue(QStringLiteral("stage"));
        if (from != to) {
            if (auto s = validateDealMove(from, to, after.value(QStringLiteral("lostReason")).toString());
                !s.ok())
                return Error{s.error().code, QStringLiteral("a deal cannot move from %1 to %2 (%3)")
                                                 .arg(from.left(40), to.left(40), s.error().code)};
        }
        after.insert(QStringLiteral("updatedAt"), instantText(at));
        after.insert(QStringLiteral("closedAt"), isClosedStage(to) ? instantText(at) : QString());
        return {};
    }
    case EntityKind::Task: {
        const auto to = taskStatusFromKey(after.value(QStringLiteral("status")).toString());
        if (!to)
            return badValue(QStringLiteral("status"));
        // Only a change of status moves doneAt: a rescheduled task keeps it.
        if (before.value(QStringLiteral("status")) != after.value(QStringLiteral("status")))
            after.insert(QStringLiteral("doneAt"), *to == TaskStatus::Open ? QString() : instantText(at));
        return {};
    }
    default:
        return {};
    }
}

// Rules on the whole record once merged.
Status checkRecord(EntityKind kind, const QJsonObject &record, const QDateTime &at)
{
    switch (kind) {
    case EntityKind::Guest: {
        auto guest = guestFromJson(record);
        return guest.ok() ? validateGuest(guest.value(), at.date()) : Status(guest.error());
    }
    case EntityKind::Booking: {
        auto booking = bookingFromJson(record);
        return booking.ok() ? validateBooking(booking.value()) : Status(booking.error());
    }
    case EntityKind::Payment: {
        auto payment = paymentFromJson(record);
        return payment.ok() ? validatePayment(payment.value()) : Status(payment.error());
    }
    case EntityKind::Tariff: {
        auto tariff = tariffFromJson(record);
        return tariff.ok() ? validateTariff(tariff.value()) : Status(tariff.error());
    }
    case EntityKind::ChildRule: {
        auto rule = childRuleFromJson(record);
        return rule.ok() ? validateChildRule(rule.value()) : Status(rule.error());
    }
    case EntityKind::Discount: {
        auto discount = discountFromJson(record);
        return discount.ok() ? validateDiscount(discount.value()) : Status(discount.error());
    }
    case EntityKind::DealStage: {
        auto stage = dealStageFromJson(record);
        return stage.ok() ? validateDealStage(stage.value()) : Status(stage.error());
    }
    case EntityKind::DealMove: {
        auto move = dealMoveFromJson(record);
        if (!move.ok())
            return move.error();
        return canMoveDeal(move.value().fromStage, move.value().toStage)
                   ? Status()
                   : Error{QStringLiteral("deal.bad_move"), QStringLiteral("a move from a closed stage")};
    }
    case EntityKind::GuestDistinct: {
        // One record per pair and order: the smaller card id first (as the desktop's table keys it).
        const QString first = record.value(QStringLiteral("firstId")).toString();
        const QString second = record.value(QStringLiteral("secondId")).toString();
        return first < second ? Status() : Status(badValue(QStringLiteral("secondId")));
    }
    case EntityKind::RoomClosure:
        if (record.value(QStringLiteral("endNight")).toString() <=
            record.value(QStringLiteral("firstNight")).toString())
            return badValue(QStringLiteral("endNight"));
        return {};
    default:
        return {};
    }
}

// PostgreSQL's jsonb and text refuse U+0000: such a string would fail every retry of the push.
bool hasNul(const QJsonValue &v)
{
    if (v.isString())
        return v.toString().contains(QChar(0));
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        return std::any_of(a.begin(), a.end(), [](const QJsonValue &x) { return hasNul(x); });
    }
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (it.key().contains(QChar(0)) || hasNul(it.value()))
                return true;
    }
    return false;
}

} // namespace

Result<QJsonObject> canonicalEntity(EntityKind kind, const QJsonObject &json)
{
    switch (kind) {
    case EntityKind::Guest:
        return roundTrip(json, guestFromJson);
    case EntityKind::Touch:
        return roundTrip(json, touchFromJson);
    case EntityKind::Booking:
        return roundTrip(json, bookingFromJson);
    case EntityKind::Deal:
        return roundTrip(json, dealFromJson);
    case EntityKind::Task:
        return roundTrip(json, taskFromJson);
    case EntityKind::Payment:
        return roundTrip(json, paymentFromJson);
    case EntityKind::Tariff:
        return roundTrip(json, tariffFromJson);
    case EntityKind::ChildRule:
        return roundTrip(json, childRuleFromJson);
    case EntityKind::Discount:
        return roundTrip(json, discountFromJson);
    case EntityKind::DealStage:
        return roundTrip(json, dealStageFromJson);
    case EntityKind::DealMove:
        return roundTrip(json, dealMoveFromJson);
    case EntityKind::Consent:
        return roundTrip(json, consentFromJson);
    case EntityKind::GuestDistinct:
        return checkFields(json, {{"firstId", FieldRule::IdRef},
                                  {"secondId", FieldRule::IdRef},
                                  {"userId", FieldRule::Text}, // who said so; empty from tools
                                  {"at", FieldRule::Instant}});
    case EntityKind::RoomClosure:
        return checkFields(json, {{"roomId", FieldRule::IdRef},
                                  {"firstNight", FieldRule::Date},
                                  {"endNight", FieldRule::Date},
                                  {"reason", FieldRule::Text}});
    case EntityKind::User: {
        auto out = checkFields(json, {{"login", FieldRule::RequiredText},
                                      {"displayName", FieldRule::RequiredText},
                                      {"role", FieldRule::RequiredText},
                                      {"active", FieldRule::Bool},
                                      // Absent from desktops older than schema 8.
                                      {"extension", FieldRule::Text}});
        if (out.ok() && !roleFromKey(out.value().value(QStringLiteral("role")).toString()))
            return badValue(QStringLiteral("role"));
        return out;
    }
    case EntityKind::Building:
        return checkFields(json, {{"name", FieldRule::RequiredText}, {"address", FieldRule::Text}});
    case EntityKind::RoomCategory:
        return checkFields(json, {{"code", FieldRule::RequiredText},
                                  {"name", FieldRule::RequiredText},
                                  {"beds", FieldRule::Int, 1, 20},
                                  // Absent from desktops older than schema 2.
                                  {"extraBeds", FieldRule::OptionalInt, 0, 10},
                                  {"pricePerBedNight", FieldRule::Int, 0, 1'000'000'000}});
    case EntityKind::Room:
        return checkFields(json, {{"buildingId", FieldRule::IdRef},
                                  {"categoryId", FieldRule::IdRef},
                                  {"number", FieldRule::RequiredText},
                                  {"floor", FieldRule::Int, -5, 200},
                                  {"beds", FieldRule::Int, 1, 20}});
    }
    return badValue(QStringLiteral("kind"));
}

Result<QJsonObject> mergeEntity(const std::optional<QJsonObject> &current, const MutationPlan &plan,
                                const QDateTime &at)
{
    using Op = MutationPlan::Op;
    if (hasNul(plan.fields))
        return badValue(QStringLiteral("a text contains the NUL character"));
    if (plan.op == Op::Delete) {
        if (!current)
            return Error{QStringLiteral("entity.not_found"),
                         QStringLiteral("%1 %2 does not exist").arg(entityKindKey(plan.kind), plan.id)};
        return QJsonObject{};
    }
    if (plan.op == Op::Create) {
        auto record = canonicalEntity(plan.kind, plan.fields);
        if (!record.ok())
            return record;
        if (current && *current != record.value())
            return Error{QStringLiteral("entity.exists"),
                         QStringLiteral("%1 %2 already exists").arg(entityKindKey(plan.kind), plan.id)};
        if (auto s = checkRecord(plan.kind, record.value(), at); !s.ok())
            return s.error();
        return record;
    }

    if (!current)
        return Error{QStringLiteral("entity.not_found"),
                     QStringLiteral("%1 %2 does not exist").arg(entityKindKey(plan.kind), plan.id)};
    // A merge patches the survivor like guest.update (possibly with no field at all: the merged
    // card only brought history); what moves over is the store's business.
    // Canonical first: a record written by an older desktop lacks fields added since (a booking's
    // cancelReason), and a patch may set them.
    const auto canonical = canonicalEntity(plan.kind, *current);
    QJsonObject merged = canonical.ok() ? canonical.value() : *current;
    for (auto it = plan.fields.begin(); it != plan.fields.end(); ++it) {
        if (!merged.contains(it.key()))
            return badValue(QStringLiteral("unknown field \"%1\"").arg(it.key().left(60)));
        merged.insert(it.key(), it.value());
    }
    if (auto s = checkPatch(plan.kind, *current, merged, at); !s.ok())
        return s.error();
    auto record = canonicalEntity(plan.kind, merged);
    if (!record.ok())
        return record;
    if (auto s = checkRecord(plan.kind, record.value(), at); !s.ok())
        return s.error();
    return record;
}

Result<QJsonObject> foldMergedGuest(const QJsonObject &survivor, const QJsonObject &merged)
{
    auto keep = guestFromJson(survivor);
    if (!keep.ok())
        return keep.error();
    auto gone = guestFromJson(merged);
    if (!gone.ok())
        return survivor; // an unreadable card has nothing to give
    Guest folded = mergeGuests(keep.value(), gone.value());
    folded.updatedAt = keep.value().updatedAt;
    return toJson(folded);
}

} // namespace kasp::sync
