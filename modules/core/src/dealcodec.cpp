// The wire format of deals, the head of sales' stages and the deals' moves (see mutation.h).
#include "jsoncodec.h"
#include "kasp/core/mutation.h"

#include <QCoreApplication>

namespace kasp {

using namespace jsoncodec;

namespace {

QString stageKey(Reader &r, const QString &key, Need need)
{
    const QString text = r.string(key, need);
    if (!text.isEmpty() && !isValidStageKey(text))
        r.badValue(key, QT_TRANSLATE_NOOP("kasp::Json", "expected a stage key (a-z, 0-9, _)"));
    return text;
}

} // namespace

QJsonObject toJson(const Deal &deal)
{
    return QJsonObject{
        {QStringLiteral("id"), idToString(deal.id)},
        {QStringLiteral("guestId"), idToString(deal.guestId)},
        {QStringLiteral("ownerId"), idToString(deal.ownerId)},
        {QStringLiteral("title"), deal.title},
        {QStringLiteral("stage"), deal.stage},
        {QStringLiteral("amount"), deal.amount.kopecks()},
        {QStringLiteral("createdAt"), dateTimeToJson(deal.createdAt)},
        {QStringLiteral("updatedAt"), dateTimeToJson(deal.updatedAt)},
        {QStringLiteral("closedAt"), dateTimeToJson(deal.closedAt)},
        {QStringLiteral("lostReason"), deal.lostReason},
    };
}

Result<Deal> dealFromJson(const QJsonObject &json)
{
    Reader r(json);
    Deal d;
    d.id = r.id(QStringLiteral("id"), Need::Required);
    d.guestId = r.id(QStringLiteral("guestId"), Need::Required);
    d.ownerId = r.id(QStringLiteral("ownerId"), Need::Optional);
    d.title = r.string(QStringLiteral("title"));
    d.stage = stageKey(r, QStringLiteral("stage"), Need::Required);
    d.amount = r.money(QStringLiteral("amount"));
    d.createdAt = r.dateTime(QStringLiteral("createdAt"), Need::Optional);
    d.updatedAt = r.dateTime(QStringLiteral("updatedAt"), Need::Optional);
    d.closedAt = r.dateTime(QStringLiteral("closedAt"), Need::Optional);
    d.lostReason = r.string(QStringLiteral("lostReason"));
    if (r.failed())
        return r.error();
    return d;
}

QJsonObject toJson(const DealStageDef &stage)
{
    return QJsonObject{
        {QStringLiteral("id"), idToString(stage.id)}, {QStringLiteral("key"), stage.key},
        {QStringLiteral("title"), stage.title},       {QStringLiteral("position"), stage.position},
        {QStringLiteral("active"), stage.active},
    };
}

Result<DealStageDef> dealStageFromJson(const QJsonObject &json)
{
    Reader r(json);
    DealStageDef s;
    s.id = r.id(QStringLiteral("id"), Need::Required);
    s.key = stageKey(r, QStringLiteral("key"), Need::Required);
    s.title = r.string(QStringLiteral("title"));
    s.position = int(r.integer(QStringLiteral("position"), -1'000'000, 1'000'000, 0));
    s.active = r.boolean(QStringLiteral("active"), true);
    if (r.failed())
        return r.error();
    return s;
}

QJsonObject toJson(const DealMove &move)
{
    return QJsonObject{
        {QStringLiteral("id"), idToString(move.id)},
        {QStringLiteral("dealId"), idToString(move.dealId)},
        {QStringLiteral("guestId"), idToString(move.guestId)},
        {QStringLiteral("userId"), idToString(move.userId)},
        {QStringLiteral("from"), move.fromStage},
        {QStringLiteral("to"), move.toStage},
        {QStringLiteral("at"), dateTimeToJson(move.at)},
    };
}

Result<DealMove> dealMoveFromJson(const QJsonObject &json)
{
    Reader r(json);
    DealMove m;
    m.id = r.id(QStringLiteral("id"), Need::Required);
    m.dealId = r.id(QStringLiteral("dealId"), Need::Required);
    m.guestId = r.id(QStringLiteral("guestId"), Need::Required);
    m.userId = r.id(QStringLiteral("userId"), Need::Optional);
    m.fromStage = stageKey(r, QStringLiteral("from"), Need::Required);
    m.toStage = stageKey(r, QStringLiteral("to"), Need::Required);
    m.at = r.dateTime(QStringLiteral("at"), Need::Required);
    if (r.failed())
        return r.error();
    return m;
}

} // namespace kasp
