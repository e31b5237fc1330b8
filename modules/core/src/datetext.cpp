#include "kasp/core/datetext.h"

#include <QRegularExpression>

namespace kasp::datetext {

QString dayMonthFormat(const QLocale &locale)
{
    // The year and the separator beside it, at either end: "dd.MM.yyyy", "M/d/yy", "yyyy-MM-dd".
    static const QRegularExpression year(QStringLiteral("^y+[^dMy]*|[^dMy]*y+$"));
    QString format = locale.dateFormat(QLocale::ShortFormat);
    format.remove(year);
    return format.isEmpty() ? QStringLiteral("dd.MM") : format;
}

QString dateEditFormat(const QLocale &locale)
{
    static const QRegularExpression year(QStringLiteral("y+"));
    QString format = locale.dateFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(year, QStringLiteral("yyyy"));
    return format;
}

QString dateTimeEditFormat(const QLocale &locale)
{
    return dateEditFormat(locale) + QLatin1Char(' ') + locale.timeFormat(QLocale::ShortFormat);
}

} // namespace kasp::datetext
