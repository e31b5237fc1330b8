#include "kasp/core/textlimits.h"

#include <algorithm>
#include <iterator>

namespace kasp::textlimits {

namespace {

struct FieldLimit
{
    const char *field;
    int max;
};

// Wire names of every text field of every record kind (for a list, "emails" and "tags", the
// limit of one item). Names and titles are short; what a
// consultant writes down during a call may be long.
constexpr FieldLimit kLimits[] = {
    {"address", kShortText},
    {"cancelReason", kShortText},
    {"code", kName},
    {"displayName", kName},
    {"emails", kEmail},
    {"ext", 10},
    {"extension", 32},
    {"firstName", kName},
    {"key", kName},
    {"lastName", kName},
    {"login", kName},
    {"lostReason", kShortText},
    {"middleName", kName},
    {"name", kName},
    {"note", kLongText},
    {"number", kName},
    {"reason", kShortText},
    {"recording", kShortText},
    {"reference", kShortText},
    {"result", kShortText},
    {"season", kName},
    {"source", kShortText},
    {"tags", kTag},
    {"text", kLongText},
    {"title", kName},
};

} // namespace

int maxLengthOf(QStringView field)
{
    const auto it = std::find_if(std::begin(kLimits), std::end(kLimits),
                                 [&](const FieldLimit &l) { return field == QLatin1String(l.field); });
    return it == std::end(kLimits) ? kShortText : it->max;
}

QString textProblem(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isNull())
            return QStringLiteral("contains the NUL character (U+0000)");
        if (c.isHighSurrogate()) {
            if (i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
                ++i;
                continue;
            }
            return QStringLiteral("contains a lone UTF-16 surrogate (U+%1)")
                .arg(QString::number(c.unicode(), 16).toUpper());
        }
        if (c.isLowSurrogate())
            return QStringLiteral("contains a lone UTF-16 surrogate (U+%1)")
                .arg(QString::number(c.unicode(), 16).toUpper());
    }
    return {};
}

QString storable(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out.append(c);
            out.append(text.at(++i));
        } else if (c.isNull() || c.isSurrogate()) {
            out.append(QChar(QChar::ReplacementCharacter));
        } else {
            out.append(c);
        }
    }
    return out;
}

} // namespace kasp::textlimits
