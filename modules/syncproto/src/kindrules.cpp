#include "kindrules.h"

#include "kasp/core/consent.h"
#include "kasp/core/isotime.h"
#include "kasp/core/mutation.h"
#include "kasp/core/user.h"

#include <algorithm>
#include <QCoreApplication>

namespace kasp::sync::rules {

namespace {

Error badValue(const QString &field)
{
    return Error{QStringLiteral("json.bad_value"), field};
}

template <auto decode> Result<QJsonObject> roundTrip(const QJsonObject &json)
{
    auto decoded = decode(json);
    if (!decoded.ok())
        return decoded.error();
    return toJson(decoded.value());
}

template <auto decode, auto validate> Status decodedValid(const QJsonObject &record)
{
    auto decoded = decode(record);
    return decoded.ok() ? validate(decoded.value()) : Status(decoded.error());
}

constexpr const char *kStayFields[] = {"roomId", "checkIn", "checkOut"};

} // namespace

Result<QJsonObject> guest(const QJsonObject &json)
{
    return roundTrip<guestFromJson>(json);
}
Result<QJsonObject> touch(const QJsonObject &json)
{
    return roundTrip<touchFromJson>(json);
}
Result<QJsonObject> booking(const QJsonObject &json)
{
    return roundTrip<bookingFromJson>(json);
}
Result<QJsonObject> deal(const QJsonObject &json)
{
    return roundTrip<dealFromJson>(json);
}
Result<QJsonObject> task(const QJsonObject &json)
{
    return roundTrip<taskFromJson>(json);
}
Result<QJsonObject> payment(const QJsonObject &json)
{
    return roundTrip<paymentFromJson>(json);
}
Result<QJsonObject> tariff(const QJsonObject &json)
{
    return roundTrip<tariffFromJson>(json);
}
Result<QJsonObject> childRule(const QJsonObject &json)
{
    return roundTrip<childRuleFromJson>(json);
}
Result<QJsonObject> discount(const QJsonObject &json)
{
    return roundTrip<discountFromJson>(json);
}
Result<QJsonObject> dealStage(const QJsonObject &json)
{
    return roundTrip<dealStageFromJson>(json);
}
Result<QJsonObject> dealMove(const QJsonObject &json)
{
    return roundTrip<dealMoveFromJson>(json);
}
Result<QJsonObject> consent(const QJsonObject &json)
{
    return roundTrip<consentFromJson>(json);
}

Status guestValid(const QJsonObject &record, const QDateTime &at)
{
    auto decoded = guestFromJson(record);
    return decoded.ok() ? validateGuest(decoded.value(), at.date()) : Status(decoded.error());
}

Status bookingValid(const QJsonObject &record, const QDateTime &)
{
    return decodedValid<bookingFromJson, validateBooking>(record);
}

Status paymentValid(const QJsonObject &record, const QDateTime &)
{
    return decodedValid<paymentFromJson, validatePayment>(record);
}

Status tariffValid(const QJsonObject &record, const QDateTime &)
{
    return decodedValid<tariffFromJson, validateTariff>(record);
}

Status childRuleValid(const QJsonObject &record, const QDateTime &)
{
    return decodedValid<childRuleFromJson, validateChildRule>(record);
}

Status discountValid(const QJsonObject &record, const QDateTime &)
{
    return decodedValid<discountFromJson, validateDiscount>(record);
}

Status dealStageValid(const QJsonObject &record, const QDateTime &)
{
    return decodedValid<dealStageFromJson, validateDealStage>(record);
}

Status dealMoveValid(const QJsonObject &record, const QDateTime &)
{
    auto move = dealMoveFromJson(record);
    if (!move.ok())
        return move.error();
    return canMoveDeal(move.value().fromStage, move.value().toStage)
               ? Status()
               : Error{QStringLiteral("deal.bad_move"), QStringLiteral("a move from a closed stage")};
}

Status guestPairOrdered(const QJsonObject &record, const QDateTime &)
{
    // One record per pair and order: the smaller card id first (as the desktop's table keys it).
    const QString first = record.value(QStringLiteral("firstId")).toString();
    const QString second = record.value(QStringLiteral("secondId")).toString();
    return first < second ? Status() : Status(badValue(QStringLiteral("secondId")));
}

Status closureDatesValid(const QJsonObject &record, const QDateTime &)
{
    if (record.value(QStringLiteral("endNight")).toString() <=
        record.value(QStringLiteral("firstNight")).toString())
        return badValue(QStringLiteral("endNight"));
    return {};
}

Status userRoleKnown(const QJsonObject &record, const QDateTime &)
{
    return roleFromKey(record.value(QStringLiteral("role")).toString())
               ? Status()
               : Status(badValue(QStringLiteral("role")));
}

Status guestChanged(const QJsonObject &, QJsonObject &after, const QDateTime &at)
{
    after.insert(QStringLiteral("updatedAt"), isoInstant(at));
    return {};
}

Status bookingChanged(const QJsonObject &before, QJsonObject &after, const QDateTime &)
{
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
        return Error{QStringLiteral("booking.bad_transition"),
                     QCoreApplication::translate("kasp::Booking", "A cancelled booking cannot be moved.")};
    return {};
}

Status dealChanged(const QJsonObject &before, QJsonObject &after, const QDateTime &at)
{
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
    after.insert(QStringLiteral("updatedAt"), isoInstant(at));
    after.insert(QStringLiteral("closedAt"), isClosedStage(to) ? isoInstant(at) : QString());
    return {};
}

Status taskChanged(const QJsonObject &before, QJsonObject &after, const QDateTime &at)
{
    const auto to = taskStatusFromKey(after.value(QStringLiteral("status")).toString());
    if (!to)
        return badValue(QStringLiteral("status"));
    // Only a change of status moves doneAt: a rescheduled task keeps it.
    if (before.value(QStringLiteral("status")) != after.value(QStringLiteral("status")))
        after.insert(QStringLiteral("doneAt"), *to == TaskStatus::Open ? QString() : isoInstant(at));
    return {};
}

} // namespace kasp::sync::rules
