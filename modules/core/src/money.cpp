#include "kasp/core/money.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace kasp {

namespace {

constexpr QChar kNoBreakSpace(0x00A0);
constexpr QChar kMinusSign(0x2212); // "−", what word processors put before negative amounts
constexpr int kMaxRubleDigits = 15;

// message: a QT_TRANSLATE_NOOP("kasp::Money", ...) literal, so lupdate finds it; translated here.
Error moneyError(const char *code, const char *message)
{
    return Error{QString::fromLatin1(code), QCoreApplication::translate("kasp::Money", message)};
}

// Removes a trailing currency sign or word ("₽", "руб", "руб.", "р."), case-insensitively.
QString withoutCurrency(const QString &text)
{
    static const QStringList suffixes = {QStringLiteral("руб."), QStringLiteral("руб"), QStringLiteral("р."),
                                         QStringLiteral("₽")};
    const QString lower = text.toLower();
    for (const QString &suffix : suffixes) {
        if (lower.endsWith(suffix))
            return text.left(text.size() - suffix.size()).trimmed();
    }
    return text;
}

} // namespace

Result<Money> Money::parse(const QString &text)
{
    QString body = text.trimmed();
    if (body.isEmpty())
        return moneyError("money.empty", QT_TRANSLATE_NOOP("kasp::Money", "Enter an amount"));
    body = withoutCurrency(body);

    bool negative = false;
    if (body.startsWith(QLatin1Char('-')) || body.startsWith(kMinusSign)) {
        negative = true;
        body = body.mid(1).trimmed();
    }

    // Either plain digits, or groups of three separated by a space, a no-break space (U+00A0), a
    // thin space (U+2009) or a narrow no-break space (U+202F); then an optional decimal part.
    static const QRegularExpression pattern(
        QStringLiteral("^([0-9]{1,3}(?:[ \\x{00A0}\\x{2009}\\x{202F}][0-9]{3})+|[0-9]+)(?:[.,]([0-9]+))?$"));
    const QRegularExpressionMatch match = pattern.match(body);
    if (!match.hasMatch()) {
        //: An amount of money could not be read
        return moneyError("money.garbage",
                          QT_TRANSLATE_NOOP("kasp::Money", "Not an amount of money; write it like 1 234,50"));
    }

    const QString decimals = match.captured(2);
    if (decimals.size() > 2)
        return moneyError(
            "money.precision",
            QT_TRANSLATE_NOOP("kasp::Money", "An amount has at most two digits after the comma"));

    QString rubles;
    for (QChar c : match.captured(1)) {
        if (c.isDigit())
            rubles.append(c);
    }
    while (rubles.size() > 1 && rubles.startsWith(QLatin1Char('0')))
        rubles.remove(0, 1);
    if (rubles.size() > kMaxRubleDigits)
        return moneyError("money.too_large", QT_TRANSLATE_NOOP("kasp::Money", "The amount is too large"));

    qint64 kopecks = rubles.toLongLong() * 100;
    if (!decimals.isEmpty())
        kopecks += decimals.size() == 1 ? decimals.toInt() * 10 : decimals.toInt();
    return Money(negative ? -kopecks : kopecks);
}

Money Money::percent(int percent) const
{
    const qint64 product = m_kopecks * percent;
    qint64 result = product / 100;
    const qint64 remainder = product % 100; // has the sign of the product
    if (remainder >= 50)
        ++result;
    else if (remainder <= -50)
        --result;
    return Money(result);
}

QString Money::toString() const
{
    const bool negative = m_kopecks < 0;
    // Unsigned, so that the smallest qint64 has an absolute value too.
    const quint64 absolute = negative ? 0 - quint64(m_kopecks) : quint64(m_kopecks);
    const QString digits = QString::number(absolute / 100);

    QString grouped;
    grouped.reserve(digits.size() + digits.size() / 3 + 8);
    for (qsizetype i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            grouped.append(kNoBreakSpace);
        grouped.append(digits.at(i));
    }

    QString result;
    if (negative)
        result.append(QLatin1Char('-'));
    result += grouped;
    result.append(QLatin1Char(','));
    result += QStringLiteral("%1").arg(absolute % 100, 2, 10, QLatin1Char('0'));
    result.append(kNoBreakSpace);
    result.append(QStringLiteral("₽"));
    return result;
}

} // namespace kasp
