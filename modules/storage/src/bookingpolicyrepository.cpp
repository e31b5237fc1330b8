#include "kasp/storage/bookingpolicyrepository.h"

#include "kasp/core/isotime.h"
#include "kasp/storage/recordwriter.h"
#include "kasp/storage/replicastore.h"

namespace kasp::storage {

Result<BookingPolicy> BookingPolicyRepository::current() const
{
    auto rows = ReplicaStore(m_db).select(sync::EntityKind::BookingPolicy,
                                          QStringLiteral("1 ORDER BY at DESC, id DESC LIMIT 1"), {});
    if (!rows.ok())
        return rows.error();
    BookingPolicy policy;
    if (rows.value().isEmpty())
        return policy;
    const QJsonObject &latest = rows.value().first();
    policy.holdHours = latest.value(QStringLiteral("holdHours")).toInt(policy.holdHours);
    policy.prepaymentPercent =
        latest.value(QStringLiteral("prepaymentPercent")).toInt(policy.prepaymentPercent);
    policy.at = parseIsoInstant(latest.value(QStringLiteral("at")).toString());
    policy.userId = idFromString(latest.value(QStringLiteral("userId")).toString());
    return policy;
}

Status BookingPolicyRepository::set(int holdHours, int prepaymentPercent, const Id &userId)
{
    const QJsonObject record{{QStringLiteral("id"), idToString(newId())},
                             {QStringLiteral("holdHours"), holdHours},
                             {QStringLiteral("prepaymentPercent"), prepaymentPercent},
                             {QStringLiteral("at"), isoInstant(m_clock.now())},
                             {QStringLiteral("userId"), userId.isNull() ? QString() : idToString(userId)}};
    return write(m_db, Mutation{QStringLiteral("booking_policy.set"), record}, m_clock.now());
}

} // namespace kasp::storage
