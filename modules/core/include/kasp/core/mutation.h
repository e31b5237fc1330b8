#pragma once
// Every write is a named mutation ("guest.update", "booking.create", ...) with JSON arguments: the
// outbox stores them, the sync server applies them. The codecs below are the one wire format of the
// entities, shared by the outbox, the sync protocol and the server:
// - ids: UUID strings without braces (idToString), "" for a null id;
// - dates "yyyy-MM-dd"; date-times ISO 8601 in UTC with milliseconds ("2025-06-01T09:30:00.000Z"),
//   "" when not set; on input any explicit offset is accepted, a time without zone is not;
// - money: integer kopecks (|value| <= 2^53, exact in every JSON reader);
// - enums by their stable keys (touchKindKey, bookingStatusKey, ...);
// - phones: arrays of {"e164": "+79161234567", "ext": "12"}.
// fromJson never trusts its input and never crashes. Errors: "json.missing_field" (a required field
// absent, null or ""; the message names it, e.g. "phones[1].e164") and "json.bad_value" (wrong type or
// format; the message names the field). Required: "id" everywhere and the fields that define the
// record (see each function); other fields may be absent, null or "" and then take their defaults.
// fromJson checks shape, not business rules: run validateGuest / validateBooking where needed.
#include "kasp/core/booking.h"
#include "kasp/core/deal.h"
#include "kasp/core/guest.h"
#include "kasp/core/payment.h"
#include "kasp/core/result.h"
#include "kasp/core/tariff.h"
#include "kasp/core/task.h"
#include "kasp/core/touch.h"
#include <QJsonObject>
#include <QString>

namespace kasp {

struct Mutation
{
    QString name;     // "guest.update", "booking.create", ...
    QJsonObject args; // usually toJson(entity)
};

QJsonObject toJson(const Guest &guest);
// Required: id.
Result<Guest> guestFromJson(const QJsonObject &json);

QJsonObject toJson(const Touch &touch);
// Required: id, guestId, kind, at. durationSecs must be >= 0.
Result<Touch> touchFromJson(const QJsonObject &json);

QJsonObject toJson(const Booking &booking);
// Required: id, guestId, roomId, checkIn, checkOut (a valid Stay), status.
Result<Booking> bookingFromJson(const QJsonObject &json);

QJsonObject toJson(const Payment &payment);
// Required: id, bookingId, guestId, amount (> 0 is a business rule: validatePayment), method, at.
Result<Payment> paymentFromJson(const QJsonObject &json);

QJsonObject toJson(const Deal &deal);
// Required: id, guestId, stage (a valid stage key).
Result<Deal> dealFromJson(const QJsonObject &json);

QJsonObject toJson(const DealStageDef &stage);
// Required: id, key (a valid stage key). position is an integer, active a boolean (default true).
Result<DealStageDef> dealStageFromJson(const QJsonObject &json);

QJsonObject toJson(const DealMove &move);
// Required: id, dealId, guestId, from, to (valid stage keys), at.
Result<DealMove> dealMoveFromJson(const QJsonObject &json);

QJsonObject toJson(const Task &task);
// Required: id, status.
Result<Task> taskFromJson(const QJsonObject &json);

// The head of sales' price list: one record per season of a category, per children's rule and per
// discount. Money maps travel as objects keyed by the enum keys: "meals": {"full_board": 150000}.
QJsonObject toJson(const Tariff &tariff);
// Required: id, categoryId, season, from, to.
Result<Tariff> tariffFromJson(const QJsonObject &json);

QJsonObject toJson(const ChildRule &rule);
// Required: id.
Result<ChildRule> childRuleFromJson(const QJsonObject &json);

QJsonObject toJson(const Discount &discount);
// Required: id, kind.
Result<Discount> discountFromJson(const QJsonObject &json);

} // namespace kasp
