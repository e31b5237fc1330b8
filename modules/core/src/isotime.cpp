#include "kasp/core/isotime.h"

namespace kasp {

namespace {

constexpr qint64 kMsPerDay = 86'400'000;
constexpr qint64 kUnixEpochJulianDay = 2'440'588; // 1970-01-01

void putDigits(QChar *&out, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = QChar(u'0' + value % 10);
        value /= 10;
    }
    out += width;
}

// The digits at [from, from + width), or -1 when any of them is not an ASCII digit.
int digits(QStringView text, qsizetype from, int width)
{
    int value = 0;
    for (qsizetype i = from; i < from + width; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

QDate dateAt(QStringView text)
{
    if (text[4] != u'-' || text[7] != u'-')
        return {};
    const int y = digits(text, 0, 4), m = digits(text, 5, 2), d = digits(text, 8, 2);
    if (y < 1 || m < 0 || d < 0) // year 0 does not exist in Qt's proleptic Gregorian calendar
        return {};
    return QDate(y, m, d); // invalid for the 31st of April and the like
}

} // namespace

QString isoDate(QDate date)
{
    if (!date.isValid())
        return {};
    if (date.year() < 1 || date.year() > 9999)
        return date.toString(Qt::ISODate);
    QString text(10, Qt::Uninitialized);
    QChar *out = text.data();
    putDigits(out, date.year(), 4);
    *out++ = u'-';
    putDigits(out, date.month(), 2);
    *out++ = u'-';
    putDigits(out, date.day(), 2);
    return text;
}

QDate parseIsoDate(QStringView text)
{
    return text.size() == 10 ? dateAt(text) : QDate();
}

QString isoInstant(const QDateTime &at)
{
    if (!at.isValid())
        return {};
    const qint64 ms = at.toMSecsSinceEpoch();
    const qint64 day = ms >= 0 ? ms / kMsPerDay : (ms - kMsPerDay + 1) / kMsPerDay;
    const int inDay = int(ms - day * kMsPerDay);
    const QDate date = QDate::fromJulianDay(kUnixEpochJulianDay + day);
    if (date.year() < 1 || date.year() > 9999)
        return at.toUTC().toString(Qt::ISODateWithMs);
    QString text(24, Qt::Uninitialized);
    QChar *out = text.data();
    putDigits(out, date.year(), 4);
    *out++ = u'-';
    putDigits(out, date.month(), 2);
    *out++ = u'-';
    putDigits(out, date.day(), 2);
    *out++ = u'T';
    putDigits(out, inDay / 3'600'000, 2);
    *out++ = u':';
    putDigits(out, inDay / 60'000 % 60, 2);
    *out++ = u':';
    putDigits(out, inDay / 1000 % 60, 2);
    *out++ = u'.';
    putDigits(out, inDay % 1000, 3);
    *out++ = u'Z';
    return text;
}

QDateTime parseIsoInstant(QStringView text)
{
    // The shape isoInstant writes, which is what every KASP program sends.
    if (text.size() == 24 && text[10] == u'T' && text[13] == u':' && text[16] == u':' && text[19] == u'.' &&
        text[23] == u'Z') {
        const QDate date = dateAt(text);
        const int h = digits(text, 11, 2), m = digits(text, 14, 2), s = digits(text, 17, 2),
                  z = digits(text, 20, 3);
        if (date.isValid() && h >= 0 && h < 24 && m >= 0 && m < 60 && s >= 0 && s < 60 && z >= 0)
            return QDateTime::fromMSecsSinceEpoch((date.toJulianDay() - kUnixEpochJulianDay) * kMsPerDay +
                                                      h * 3'600'000LL + m * 60'000LL + s * 1000LL + z,
                                                  Qt::UTC);
    }
    const QDateTime at = QDateTime::fromString(text.toString(), Qt::ISODateWithMs);
    if (!at.isValid() || at.timeSpec() == Qt::LocalTime)
        return {};
    return at.toUTC();
}

} // namespace kasp
