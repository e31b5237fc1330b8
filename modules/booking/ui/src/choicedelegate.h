#pragma once
// A table cell that picks one of a few named records (a room's building or category, a discount's
// kind): shows the name, keeps the record's key in Qt::UserRole, edits with a combo box.
#include <QList>
#include <QPair>
#include <QStyledItemDelegate>

namespace kasp::booking::ui {

class ChoiceDelegate : public QStyledItemDelegate
{
public:
    using Choices = QList<QPair<QString, QVariant>>; // name, key
    explicit ChoiceDelegate(Choices choices, QObject *parent = nullptr)
        : QStyledItemDelegate(parent), m_choices(std::move(choices))
    {
    }
    void setChoices(Choices choices) { m_choices = std::move(choices); }
    QString nameOf(const QVariant &key) const;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

private:
    Choices m_choices;
};

} // namespace kasp::booking::ui
