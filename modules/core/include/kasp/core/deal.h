#pragma once
// A deal (сделка) is one sales attempt moving through the pipeline.
#include "kasp/core/id.h"
#include "kasp/core/money.h"
#include <optional>
#include <QDateTime>

namespace kasp {

enum class DealStage { New, Qualified, Offer, Booked, Paid, Lost };

QString dealStageKey(DealStage stage);
std::optional<DealStage> dealStageFromKey(const QString &key);
bool isClosed(DealStage stage); // paid or lost
// Forward moves are free (a hot caller may book at once); a closed deal stays closed.
bool canMoveDeal(DealStage from, DealStage to);

struct Deal
{
    Id id;
    Id guestId;
    Id ownerId;
    QString title;
    DealStage stage = DealStage::New;
    Money amount;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime closedAt;
    QString lostReason;

    bool operator==(const Deal &) const = default;
};

} // namespace kasp
