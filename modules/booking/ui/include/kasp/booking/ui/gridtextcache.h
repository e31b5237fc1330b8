#pragma once
// Text laid out once and drawn many times. QPainter::drawText itemizes and shapes its string on
// every call; the grid draws the same few hundred strings (guest names, day numbers, free-room
// counts, room numbers) on every frame while the user scrolls, and that shaping was a third of a
// frame. A QStaticText keeps the shaped glyphs, so a frame only blits them.
#include <QFont>
#include <QHash>
#include <QStaticText>
#include <QString>
#include <utility>
#include <vector>

class QPainter;
class QRect;

namespace kasp::booking::ui {

class GridTextCache
{
public:
    // The painter's current font and pen are used. Text is not elided or clipped here: callers
    // pass text that fits (GridLayout::label elides guest names).
    void drawLeft(QPainter &p, const QRect &rect, const QString &text);
    // Elided to the rect's width with "…" first; the elided form is remembered per width.
    void drawLeftElided(QPainter &p, const QRect &rect, const QString &text);
    void drawCentered(QPainter &p, const QRect &rect, const QString &text);
    void clear();
    qsizetype size() const;

private:
    struct PerFont
    {
        QFont font;
        QHash<QString, QStaticText> texts;
        QHash<QString, std::pair<int, QString>> elided; // text -> (width, elided text)
    };
    PerFont &slotFor(const QFont &font);
    const QStaticText &prepared(const QFont &font, const QString &text);

    std::vector<PerFont> m_fonts; // three or four fonts at most: a linear search is cheapest
};

} // namespace kasp::booking::ui
