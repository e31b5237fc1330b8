#pragma once
// The wire's dates ("2026-12-07") and instants ("2026-12-07T14:55:31.123Z", UTC with
// milliseconds) written and read without Qt's general date parser and formatter, which cost about
// 13,000 instructions a value: every record the desk writes or pulls passes its dates through
// here several times. The results are exactly Qt's (Qt::ISODate / Qt::ISODateWithMs); anything
// outside the canonical shape (an offset, no milliseconds, a year past 9999) goes to Qt's own code.
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringView>

namespace kasp {

// "yyyy-MM-dd"; "" for an invalid date.
QString isoDate(QDate date);
// Exactly "yyyy-MM-dd" and a real date; otherwise an invalid QDate.
QDate parseIsoDate(QStringView text);

// The instant in UTC as "yyyy-MM-ddTHH:mm:ss.zzzZ"; "" for an invalid one.
QString isoInstant(const QDateTime &at);
// Any ISO 8601 date-time Qt::ISODateWithMs reads, in UTC; invalid when unreadable or when it
// names no zone (a time without 'Z' or an offset would mean whatever zone this machine is in).
QDateTime parseIsoInstant(QStringView text);

} // namespace kasp
