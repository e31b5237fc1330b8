#pragma once
// The result list of the guest search: a thin adapter over GuestSummary rows.
#include "kasp/storage/guestrepository.h"
#include <QAbstractListModel>

namespace kasp::crm::ui {

class GuestSearchModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles { IdRole = Qt::UserRole + 1, PhoneRole };
    using QAbstractListModel::QAbstractListModel;

    void setResults(QList<storage::GuestSummary> results);
    const storage::GuestSummary *at(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    QList<storage::GuestSummary> m_rows;
};

} // namespace kasp::crm::ui
