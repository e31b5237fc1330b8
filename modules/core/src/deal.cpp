#include "kasp/core/deal.h"

#include <algorithm>
#include <QCoreApplication>

namespace kasp {

StageOutcome stageOutcome(const QString &key)
{
    if (key == dealstage::Stayed)
        return StageOutcome::Won;
    if (key == dealstage::Lost)
        return StageOutcome::Lost;
    return StageOutcome::Open;
}

bool isClosedStage(const QString &key)
{
    return stageOutcome(key) != StageOutcome::Open;
}

bool isValidStageKey(const QString &key)
{
    if (key.isEmpty() || key.size() > 40)
        return false;
    return std::all_of(key.begin(), key.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_';
    });
}

bool canMoveDeal(const QString &from, const QString &to)
{
    return isValidStageKey(from) && isValidStageKey(to) && from != to && !isClosedStage(from);
}

Status validateDealMove(const QString &from, const QString &to, const QString &lostReason)
{
    if (!canMoveDeal(from, to)) {
        return Error{QStringLiteral("deal.bad_move"),
                     QCoreApplication::translate("kasp::DealPipeline",
                                                 "A deal cannot move from \"%1\" to \"%2\": a closed deal "
                                                 "stays closed.")
                         .arg(from.left(40), to.left(40))};
    }
    if (to == dealstage::Lost && lostReason.trimmed().isEmpty())
        return Error{QStringLiteral("deal.lost_reason"),
                     QCoreApplication::translate("kasp::DealPipeline", "Say why the deal was lost.")};
    if (lostReason.size() > 200)
        return Error{QStringLiteral("deal.lost_reason"),
                     QCoreApplication::translate("kasp::DealPipeline",
                                                 "The reason is too long (at most 200 characters).")};
    return {};
}

QStringList builtinStageKeys()
{
    return {dealstage::New,     dealstage::Qualified, dealstage::Offer,  dealstage::Booked,
            dealstage::Prepaid, dealstage::Paid,      dealstage::Stayed, dealstage::Lost};
}

QString builtinStageTitle(const QString &key)
{
    const char *text = key == dealstage::New         ? QT_TRANSLATE_NOOP("kasp::DealPipeline", "New request")
                       : key == dealstage::Qualified ? QT_TRANSLATE_NOOP("kasp::DealPipeline", "Qualified")
                       : key == dealstage::Offer     ? QT_TRANSLATE_NOOP("kasp::DealPipeline", "Offer sent")
                       : key == dealstage::Booked    ? QT_TRANSLATE_NOOP("kasp::DealPipeline", "Booked")
                       : key == dealstage::Prepaid   ? QT_TRANSLATE_NOOP("kasp::DealPipeline", "Prepaid")
                       : key == dealstage::Paid      ? QT_TRANSLATE_NOOP("kasp::DealPipeline", "Paid")
                       : key == dealstage::Stayed    ? QT_TRANSLATE_NOOP("kasp::DealPipeline", "Stayed")
                       : key == dealstage::Lost      ? QT_TRANSLATE_NOOP("kasp::DealPipeline", "Lost")
                                                     : nullptr;
    return text ? QCoreApplication::translate("kasp::DealPipeline", text) : QString();
}

Status validateDealStage(const DealStageDef &stage)
{
    if (!isValidStageKey(stage.key))
        return Error{QStringLiteral("deal_stage.key"),
                     QCoreApplication::translate("kasp::DealPipeline",
                                                 "A stage key is 1 to 40 Latin letters, digits or '_'.")};
    if (stage.title.size() > 60)
        return Error{
            QStringLiteral("deal_stage.title"),
            QCoreApplication::translate("kasp::DealPipeline", "A stage title is at most 60 characters.")};
    if (stage.title.trimmed().isEmpty() && builtinStageTitle(stage.key).isEmpty())
        return Error{QStringLiteral("deal_stage.title"),
                     QCoreApplication::translate("kasp::DealPipeline", "Give the stage a title.")};
    if (isClosedStage(stage.key) && !stage.active)
        return Error{
            QStringLiteral("deal_stage.closed_hidden"),
            QCoreApplication::translate("kasp::DealPipeline", "The won and lost stages cannot be hidden.")};
    return {};
}

namespace {

// Open stages first by position, the won end, then lost: the board's columns left to right.
int rank(const DealStageDef &s)
{
    switch (stageOutcome(s.key)) {
    case StageOutcome::Open:
        return 0;
    case StageOutcome::Won:
        return 1;
    case StageOutcome::Lost:
        return 2;
    }
    return 0;
}

void sortStages(QList<DealStageDef> &stages)
{
    std::stable_sort(stages.begin(), stages.end(), [](const DealStageDef &a, const DealStageDef &b) {
        if (rank(a) != rank(b))
            return rank(a) < rank(b);
        return a.position < b.position;
    });
}

} // namespace

DealPipeline::DealPipeline()
{
    const QStringList keys = builtinStageKeys();
    for (int i = 0; i < keys.size(); ++i)
        m_stages.append(DealStageDef{Id(), keys.at(i), QString(), (i + 1) * 10, true});
}

DealPipeline DealPipeline::fromStored(QList<DealStageDef> stored)
{
    std::stable_sort(stored.begin(), stored.end(), [](const DealStageDef &a, const DealStageDef &b) {
        if (a.position != b.position)
            return a.position < b.position;
        return idToString(a.id) < idToString(b.id);
    });
    DealPipeline p;
    if (stored.isEmpty())
        return p;
    const QList<DealStageDef> builtins = p.m_stages;
    p.m_stages.clear();
    for (const DealStageDef &s : stored)
        if (isValidStageKey(s.key) && p.indexOf(s.key) < 0)
            p.m_stages.append(s);
    // A built-in stage missing from the stored ones (stored by a version without it) takes its
    // built-in position; the editor stores every stage at once, so this is the only gap.
    for (const DealStageDef &builtin : builtins)
        if (p.indexOf(builtin.key) < 0)
            p.m_stages.append(builtin);
    sortStages(p.m_stages);
    return p;
}

int DealPipeline::indexOf(const QString &key) const
{
    for (int i = 0; i < m_stages.size(); ++i)
        if (m_stages.at(i).key == key)
            return i;
    return -1;
}

QString DealPipeline::title(const QString &key) const
{
    const int i = indexOf(key);
    if (i >= 0 && !m_stages.at(i).title.trimmed().isEmpty())
        return m_stages.at(i).title;
    const QString builtin = builtinStageTitle(key);
    return builtin.isEmpty() ? key : builtin;
}

QList<DealStageDef> DealPipeline::activeStages() const
{
    QList<DealStageDef> out;
    for (const DealStageDef &s : m_stages)
        if (s.active)
            out.append(s);
    return out;
}

} // namespace kasp
