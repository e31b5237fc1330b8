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

} // namespace kasp::datetext
