#include "kasp/crm/ui/guestsearchmodel.h"

#include "kasp/core/phone.h"

#include <QLocale>

namespace kasp::crm::ui {

void GuestSearchModel::setResults(QList<storage::GuestSummary> results)
{
    beginResetModel();
    m_rows = std::move(results);
    endResetModel();
}

const storage::GuestSummary *GuestSearchModel::at(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int GuestSearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant GuestSearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const storage::GuestSummary &row = m_rows[index.row()];
    auto phone = Phone::parse(row.mainPhone);
    const QString phoneText = phone.ok() ? phone->display() : row.mainPhone;
    switch (role) {
    case Qt::DisplayRole:
        if (!row.matched.isEmpty()) // an e-mail or a booking: say why this guest is here
            return row.displayName + QStringLiteral("\n") + row.matched;
        return phoneText.isEmpty() || row.displayName == phoneText
                   ? row.displayName
                   : row.displayName + QStringLiteral("\n") + phoneText;
    case Qt::ToolTipRole:
        return row.birthDate.isValid()
                   ? tr("%1, born %2")
                         .arg(row.displayName, QLocale().toString(row.birthDate, QLocale::ShortFormat))
                   : row.displayName;
    case IdRole:
        return row.id;
    case PhoneRole:
        return row.mainPhone;
    default:
        return {};
    }
}

} // namespace kasp::crm::ui
