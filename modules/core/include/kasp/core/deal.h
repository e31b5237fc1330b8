#pragma once
// A deal (сделка) is one sales attempt moving through the pipeline (воронка).
//
// Stages are data: the head of sales renames, reorders, hides and adds stages (DealStageDef
// records). A deal stores its stage's key. The built-in keys mean something to the code: "stayed"
// (заезд состоялся) is the one won end and "lost" the one lost end; a deal at either is closed and
// stays closed (a guest who comes back starts a new deal). Between open stages a deal moves either
// way, because a card dragged one column too far must be movable back; every move is kept as a
// DealMove for the funnel analytics.
#include "kasp/core/id.h"
#include "kasp/core/money.h"
#include "kasp/core/result.h"
#include <QDateTime>
#include <QList>

namespace kasp {

namespace dealstage {
inline const QString New = QStringLiteral("new");             // новое обращение
inline const QString Qualified = QStringLiteral("qualified"); // квалифицирован
inline const QString Offer = QStringLiteral("offer");         // предложение отправлено
inline const QString Booked = QStringLiteral("booked");       // забронировано
inline const QString Prepaid = QStringLiteral("prepaid");     // внесена предоплата
inline const QString Paid = QStringLiteral("paid");           // оплачено полностью
inline const QString Stayed = QStringLiteral("stayed");       // заезд состоялся: won
inline const QString Lost = QStringLiteral("lost");           // потеряна, с причиной
} // namespace dealstage

enum class StageOutcome { Open, Won, Lost };

StageOutcome stageOutcome(const QString &key);
bool isClosedStage(const QString &key);
// 1..40 characters of a-z, 0-9 and '_': keys travel in records and end up in reports' queries.
bool isValidStageKey(const QString &key);
// From an open stage to any other valid stage. Moving to "lost" also needs a reason (validateMove).
bool canMoveDeal(const QString &from, const QString &to);
// The moved deal's lost reason: required, at most 200 characters, only when going to "lost".
Status validateDealMove(const QString &from, const QString &to, const QString &lostReason);
// The translated title of a built-in stage; "" for a key of the head of sales' own.
QString builtinStageTitle(const QString &key);
QStringList builtinStageKeys(); // pipeline order

struct Deal
{
    Id id;
    Id guestId;
    Id ownerId;
    QString title;
    QString stage = dealstage::New;
    Money amount;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime closedAt;
    QString lostReason;

    bool operator==(const Deal &) const = default;
};

// One stage as the head of sales set it up. A null id: a built-in stage nobody has edited yet.
struct DealStageDef
{
    Id id;
    QString key;
    QString title; // "" = the built-in title
    int position = 0;
    bool active = true; // a hidden stage takes no new deals; its deals still show

    bool operator==(const DealStageDef &) const = default;
};

Status validateDealStage(const DealStageDef &stage);

// The ordered stages of the organisation: open stages by position, then the won end, then lost.
class DealPipeline
{
public:
    DealPipeline(); // the built-in stages
    // The stored records; built-in stages missing from them take their built-in positions, a key
    // stored twice keeps its first record (by position, then id), invalid keys are left out.
    static DealPipeline fromStored(QList<DealStageDef> stored);

    const QList<DealStageDef> &stages() const { return m_stages; }
    int indexOf(const QString &key) const;   // -1 when unknown
    QString title(const QString &key) const; // the key itself for an unknown stage
    QList<DealStageDef> activeStages() const;

private:
    QList<DealStageDef> m_stages;
};

// A deal's move from one stage to another: the funnel analytics count these.
struct DealMove
{
    Id id;
    Id dealId;
    Id guestId;
    Id userId;
    QString fromStage;
    QString toStage;
    QDateTime at;

    bool operator==(const DealMove &) const = default;
};

} // namespace kasp
