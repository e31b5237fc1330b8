#pragma once
// Shows only the timeline entries of the chosen kinds ("calls", "stays and bookings", ...).
#include <QSet>
#include <QSortFilterProxyModel>

namespace kasp::crm::ui {

class TimelineFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    // Categories as in TimelineModel::KindRole; an empty set shows everything.
    void setCategories(const QSet<QString> &categories);
    const QSet<QString> &categories() const { return m_categories; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QSet<QString> m_categories;
};

} // namespace kasp::crm::ui
