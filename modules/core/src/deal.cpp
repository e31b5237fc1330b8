#include "kasp/core/deal.h"

namespace kasp {

QString dealStageKey(DealStage stage)
{
    switch (stage) {
    case DealStage::New:
        return QStringLiteral("new");
    case DealStage::Qualified:
        return QStringLiteral("qualified");
    case DealStage::Offer:
        return QStringLiteral("offer");
    case DealStage::Booked:
        return QStringLiteral("booked");
    case DealStage::Paid:
        return QStringLiteral("paid");
    case DealStage::Lost:
        return QStringLiteral("lost");
    }
    return {};
}

std::optional<DealStage> dealStageFromKey(const QString &key)
{
    for (DealStage stage : {DealStage::New, DealStage::Qualified, DealStage::Offer, DealStage::Booked,
                            DealStage::Paid, DealStage::Lost}) {
        if (dealStageKey(stage) == key)
            return stage;
    }
    return std::nullopt;
}

bool isClosed(DealStage stage)
{
    return stage == DealStage::Paid || stage == DealStage::Lost;
}

bool canMoveDeal(DealStage from, DealStage to)
{
    if (isClosed(from))
        return false;
    if (to == DealStage::Lost)
        return true;
    // New < Qualified < Offer < Booked < Paid in declaration order; Lost is handled above.
    return static_cast<int>(to) > static_cast<int>(from);
}

} // namespace kasp
