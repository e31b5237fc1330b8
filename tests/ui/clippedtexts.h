#pragma once
// Shared by the widget tests: the texts of visible labels and buttons that do not fit their
// widget (a Russian string cut off). Word-wrapped and rich-text labels are skipped; '&' mnemonics
// are not counted.
#include <QAbstractButton>
#include <QLabel>
#include <QStringList>

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

} // namespace kasp::test
