#pragma once
// What a consultant types into the one search box (Ctrl+K), and what it may mean. A query can mean
// several things at once ("45671234" is both the last digits of a phone and a booking number), so
// the classifier answers each question separately and the repository runs every search that applies.
#include <QString>

namespace kasp {

struct SearchText
{
    QString trimmed;
    QString phoneDigits;   // the digits when the text is a phone in any format (no letters)
    QString emailPrefix;   // lower-case, when the text contains '@'
    QString bookingNumber; // lower-case 8 hex digits ("1A2B-3C4D", "№1a2b3c4d"), else empty
    QString namePrefix;    // the search_name key when the text can be the start of a name
    QString otherLayout;   // namePrefix retyped as if the keyboard had been on the Russian layout
};

SearchText classifySearch(const QString &text);

// "ghbdtn" -> "привет": the Latin keys of a ЙЦУКЕН keyboard mapped to their Cyrillic letters.
// Empty when the text has letters that are not on those keys (it was typed in Latin on purpose).
QString russianFromLatinLayout(const QString &text);

} // namespace kasp
