#include "kasp/core/searchtext.h"

#include "kasp/core/guest.h"
#include "kasp/core/phone.h"

namespace kasp {

namespace {

bool isHexDigit(QChar c)
{
    return (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
           (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
}

// "1A2B-3C4D", "№ 1a2b3c4d", "#1A2B3C4D" -> "1a2b3c4d"; anything else -> "".
QString bookingNumberIn(const QString &text)
{
    QString hex;
    for (QChar c : text.toLower()) {
        if (isHexDigit(c))
            hex += c;
        else if (c != QLatin1Char('-') && c != QLatin1Char(' ') && c != QChar(0x2116) &&
                 c != QLatin1Char('#'))
            return {};
    }
    return hex.size() == 8 ? hex : QString();
}

} // namespace

QString russianFromLatinLayout(const QString &text)
{
    // The ЙЦУКЕН layout, key by key: q->й, w->ц, ..., [->х, ]->ъ, ;->ж, '->э, ,->б, .->ю, `->ё.
    static const QString latin = QStringLiteral("qwertyuiop[]asdfghjkl;'zxcvbnm,.`");
    static const QString russian = QStringLiteral("йцукенгшщзхъфывапролджэячсмитьбюё");
    QString out;
    out.reserve(text.size());
    bool changed = false;
    for (QChar c : text.toLower()) {
        const qsizetype at = latin.indexOf(c);
        if (at >= 0) {
            out += russian.at(at);
            changed = true;
        } else if (c.isLetter()) {
            return {}; // a Cyrillic or accented letter: not a slip of the layout
        } else {
            out += c;
        }
    }
    return changed ? out : QString();
}

SearchText classifySearch(const QString &text)
{
    SearchText s;
    s.trimmed = text.simplified();
    if (s.trimmed.isEmpty())
        return s;
    bool hasLetter = false;
    for (QChar c : s.trimmed)
        hasLetter = hasLetter || c.isLetter();
    if (!hasLetter)
        s.phoneDigits = phoneDigits(s.trimmed);
    if (s.trimmed.contains(QLatin1Char('@')))
        s.emailPrefix = s.trimmed.toLower().remove(QLatin1Char(' '));
    s.bookingNumber = bookingNumberIn(s.trimmed);
    if (hasLetter && s.emailPrefix.isEmpty()) {
        Guest probe;
        probe.lastName = s.trimmed; // the same normalization as the stored key: case, ё, spaces
        s.namePrefix = probe.searchName();
        bool hasDigit = false;
        for (QChar c : s.trimmed)
            hasDigit = hasDigit || c.isDigit();
        const QString retyped =
            hasDigit ? QString() : russianFromLatinLayout(s.trimmed); // names have no digits
        if (!retyped.isEmpty()) {
            probe.lastName = retyped;
            s.otherLayout = probe.searchName();
        }
    }
    return s;
}

} // namespace kasp
