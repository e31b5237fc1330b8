#pragma once
// Dates as the UI's language writes them (QLocale's default: the language the person chose, not the
// machine's): one short form per language everywhere, "24.12.2027" in Russian, "12/24/27" in
// English, and the same without the year where the year goes without saying.
#include <QLocale>
#include <QString>

namespace kasp::datetext {

// The language's short date format without its year: "dd.MM" (Russian), "M/d" (English).
QString dayMonthFormat(const QLocale &locale = QLocale());
// A date field's format: the short one with a four-digit year ("dd.MM.yyyy", "M/d/yyyy"), so that a
// birth year is never a guess.
QString dateEditFormat(const QLocale &locale = QLocale());
// The same with the short time: "dd.MM.yyyy HH:mm", "M/d/yyyy h:mm AP".
QString dateTimeEditFormat(const QLocale &locale = QLocale());

} // namespace kasp::datetext
