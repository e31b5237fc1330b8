#include "kasp/booking/ui/gridtextcache.h"

#include <QFontMetrics>
#include <QPainter>
#include <QRect>

namespace kasp::booking::ui {

namespace {

// A day of scrolling and zooming sees a few thousand distinct strings; past this the cache starts
// over rather than grow without bound.
constexpr qsizetype kMaxTextsPerFont = 20000;

} // namespace

GridTextCache::PerFont &GridTextCache::slotFor(const QFont &font)
{
    for (PerFont &f : m_fonts)
        if (f.font == font)
            return f;
    m_fonts.push_back(PerFont{font, {}, {}});
    return m_fonts.back();
}

const QStaticText &GridTextCache::prepared(const QFont &font, const QString &text)
{
    PerFont *slot = &slotFor(font);
    auto it = slot->texts.find(text);
    if (it == slot->texts.end()) {
        if (slot->texts.size() >= kMaxTextsPerFont)
            slot->texts.clear();
        QStaticText st(text);
        st.setTextFormat(Qt::PlainText); // a guest named "<b>" stays a literal name
        st.prepare(QTransform(), font);
        it = slot->texts.insert(text, st);
    }
    return *it;
}

void GridTextCache::drawLeft(QPainter &p, const QRect &rect, const QString &text)
{
    if (text.isEmpty())
        return;
    const QStaticText &st = prepared(p.font(), text);
    const qreal y = rect.top() + (rect.height() - st.size().height()) / 2.0;
    p.drawStaticText(QPointF(rect.left(), qRound(y)), st);
}

void GridTextCache::drawLeftElided(QPainter &p, const QRect &rect, const QString &text)
{
    if (text.isEmpty() || rect.width() <= 0)
        return;
    PerFont &slot = slotFor(p.font());
    auto it = slot.elided.find(text);
    if (it == slot.elided.end() || it->first != rect.width()) {
        if (slot.elided.size() >= kMaxTextsPerFont)
            slot.elided.clear();
        it = slot.elided.insert(
            text, {rect.width(), QFontMetrics(p.font()).elidedText(text, Qt::ElideRight, rect.width())});
    }
    const QString elided = it->second; // a copy: drawLeft may grow the per-font hashes
    drawLeft(p, rect, elided);
}

void GridTextCache::drawCentered(QPainter &p, const QRect &rect, const QString &text)
{
    if (text.isEmpty())
        return;
    const QStaticText &st = prepared(p.font(), text);
    const QSizeF size = st.size();
    p.drawStaticText(QPointF(qRound(rect.left() + (rect.width() - size.width()) / 2.0),
                             qRound(rect.top() + (rect.height() - size.height()) / 2.0)),
                     st);
}

void GridTextCache::clear()
{
    m_fonts.clear();
}

qsizetype GridTextCache::size() const
{
    qsizetype n = 0;
    for (const PerFont &f : m_fonts)
        n += f.texts.size();
    return n;
}

} // namespace kasp::booking::ui
