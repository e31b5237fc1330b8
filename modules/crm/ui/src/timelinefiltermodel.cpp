#include "kasp/crm/ui/timelinefiltermodel.h"

#include "kasp/crm/ui/timelinemodel.h"

namespace kasp::crm::ui {

void TimelineFilterModel::setCategories(const QSet<QString> &categories)
{
    if (categories == m_categories)
        return;
    m_categories = categories;
    invalidateFilter();
}

bool TimelineFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_categories.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return m_categories.contains(index.data(TimelineModel::KindRole).toString());
}

} // namespace kasp::crm::ui
