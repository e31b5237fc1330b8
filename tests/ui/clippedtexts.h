#pragma once
// Shared by the widget tests: the texts of visible labels and buttons that do not fit their
// widget (a Russian string cut off). Word-wrapped and rich-text labels are skipped; '&' mnemonics
// are not counted.
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QLabel>
#include <QListView>
#include <QStringList>
#include <QStyle>
#include <QTableView>

namespace kasp::test {

inline QStringList clippedTexts(QWidget *root)
{
    QStringList clipped;
    for (QAbstractButton *b : root->findChildren<QAbstractButton *>())
        if (b->isVisible() && !b->text().isEmpty() && b->sizeHint().width() > b->width() + 1)
            clipped << b->text();
    for (QLabel *l : root->findChildren<QLabel *>()) {
        if (!l->isVisible() || l->wordWrap() || l->text().isEmpty() || l->text().contains(QLatin1Char('<')))
            continue;
        const QString firstLine = l->text().split(QLatin1Char('\n')).first().remove(QLatin1Char('&'));
        if (l->fontMetrics().horizontalAdvance(firstLine) > l->contentsRect().width() + 1)
            clipped << l->text();
    }
    return clipped;
}

// Word-wrapped labels shorter than their text needs (clippedTexts() leaves them out).
inline QStringList squeezedLabels(QWidget *root)
{
    QStringList squeezed;
    for (QLabel *l : root->findChildren<QLabel *>())
        if (l->isVisible() && l->wordWrap() && l->height() < l->heightForWidth(l->width()))
            squeezed << l->text();
    return squeezed;
}

// Cells of an item view (drawn by Qt's own delegate) whose text does not fit: a line wider than the
// cell, or, where the view wraps words, more lines than the row is tall. Only the cells on screen.
inline QStringList cutCells(QAbstractItemView *view)
{
    QStringList cut;
    const QAbstractItemModel *model = view->model();
    if (!model)
        return cut;
    bool wrap = false;
    if (auto *table = qobject_cast<QTableView *>(view))
        wrap = table->wordWrap();
    else if (auto *list = qobject_cast<QListView *>(view))
        wrap = list->wordWrap();
    // QStyledItemDelegate's text margins (QCommonStyle: the focus frame's margin + 1, each side).
    const int margins = 2 * (view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1);
    for (int row = 0; row < model->rowCount(view->rootIndex()); ++row)
        for (int column = 0; column < model->columnCount(view->rootIndex()); ++column) {
            const QModelIndex index = model->index(row, column, view->rootIndex());
            const QRect cell = view->visualRect(index);
            const QString text = index.data(Qt::DisplayRole).toString();
            if (text.isEmpty() || !cell.isValid() || !cell.intersects(view->viewport()->rect()))
                continue;
            const QVariant font = index.data(Qt::FontRole);
            const QFontMetrics metrics(font.isValid() ? font.value<QFont>() : view->font());
            int width = cell.width() - margins;
            if (!index.data(Qt::DecorationRole).isNull())
                width -= view->iconSize().width() + margins;
            const QStringList lines = text.split(QLatin1Char('\n'));
            int needed = 0;
            bool tooWide = false;
            for (const QString &line : lines) {
                const QRect box =
                    wrap ? metrics.boundingRect(QRect(0, 0, width, 1 << 20), Qt::TextWordWrap, line)
                         : QRect(0, 0, metrics.horizontalAdvance(line), metrics.height());
                tooWide = tooWide || box.width() > width + 1;
                needed += std::max(box.height(), metrics.height());
            }
            if (tooWide || needed > cell.height())
                cut << text;
        }
    return cut;
}

} // namespace kasp::test
