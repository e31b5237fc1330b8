#pragma once
// The rules the kinds' descriptions (kinds.cpp) point at: each kind's canonical form through its
// core codec, the checks on a whole record and on a change. Internal to syncproto.
#include "kasp/core/result.h"

#include <QDateTime>
#include <QJsonObject>

namespace kasp::sync::rules {

// Canonical forms: the core type's decode and encode.
Result<QJsonObject> guest(const QJsonObject &json);
Result<QJsonObject> touch(const QJsonObject &json);
Result<QJsonObject> booking(const QJsonObject &json);
Result<QJsonObject> deal(const QJsonObject &json);
Result<QJsonObject> task(const QJsonObject &json);
Result<QJsonObject> payment(const QJsonObject &json);
Result<QJsonObject> tariff(const QJsonObject &json);
Result<QJsonObject> childRule(const QJsonObject &json);
Result<QJsonObject> discount(const QJsonObject &json);
Result<QJsonObject> dealStage(const QJsonObject &json);
Result<QJsonObject> dealMove(const QJsonObject &json);
Result<QJsonObject> consent(const QJsonObject &json);

// Whole-record rules.
Status guestValid(const QJsonObject &record, const QDateTime &at);
Status bookingValid(const QJsonObject &record, const QDateTime &at);
Status paymentValid(const QJsonObject &record, const QDateTime &at);
Status tariffValid(const QJsonObject &record, const QDateTime &at);
Status childRuleValid(const QJsonObject &record, const QDateTime &at);
Status discountValid(const QJsonObject &record, const QDateTime &at);
Status dealStageValid(const QJsonObject &record, const QDateTime &at);
Status dealMoveValid(const QJsonObject &record, const QDateTime &at);
Status guestPairOrdered(const QJsonObject &record, const QDateTime &at);
Status closureDatesValid(const QJsonObject &record, const QDateTime &at);
Status userRoleKnown(const QJsonObject &record, const QDateTime &at);

// Change rules: status machines and the times a change derives.
Status guestChanged(const QJsonObject &before, QJsonObject &after, const QDateTime &at);
Status bookingChanged(const QJsonObject &before, QJsonObject &after, const QDateTime &at);
Status dealChanged(const QJsonObject &before, QJsonObject &after, const QDateTime &at);
Status taskChanged(const QJsonObject &before, QJsonObject &after, const QDateTime &at);

} // namespace kasp::sync::rules
