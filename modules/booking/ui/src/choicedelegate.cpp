#include "choicedelegate.h"

#include <QComboBox>

namespace kasp::booking::ui {

QString ChoiceDelegate::nameOf(const QVariant &key) const
{
    for (const auto &[name, k] : m_choices)
        if (k == key)
            return name;
    return {};
}

QWidget *ChoiceDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                      const QModelIndex &) const
{
    auto *combo = new QComboBox(parent);
    for (const auto &[name, key] : m_choices)
        combo->addItem(name, key);
    return combo;
}

void ChoiceDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    combo->setCurrentIndex(std::max(0, combo->findData(index.data(Qt::UserRole))));
}

void ChoiceDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    model->setData(index, combo->currentData(), Qt::UserRole);
    model->setData(index, combo->currentText(), Qt::DisplayRole);
}

} // namespace kasp::booking::ui
