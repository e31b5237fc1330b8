#pragma once
// A row of buttons and labels that wraps onto the next line when the panel is narrow (a toolbar on a
// 1366 px laptop with the phone dock open), instead of holding the whole window as wide as the row.
// Its minimum width is its widest item; its height follows the width (heightForWidth).
#include <QLayout>
#include <QList>

namespace kasp::crm::ui {

class FlowLayout : public QLayout
{
public:
    explicit FlowLayout(QWidget *parent = nullptr, int spacing = 6);
    ~FlowLayout() override;

    void addItem(QLayoutItem *item) override;
    // A fixed gap before the next item (QBoxLayout::addSpacing's equivalent).
    void addSpacing(int width);
    int count() const override { return int(m_items.size()); }
    QLayoutItem *itemAt(int index) const override { return m_items.value(index); }
    QLayoutItem *takeAt(int index) override;
    Qt::Orientations expandingDirections() const override { return {}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return arrange(QRect(0, 0, width, 0), false); }
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

private:
    int arrange(const QRect &rect, bool apply) const; // the height used
    int m_spacing;
    QList<QLayoutItem *> m_items;
};

} // namespace kasp::crm::ui
