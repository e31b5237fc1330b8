#pragma once
// How long a text may be, field by field. One table for the desk's forms, the wire codecs and
// kasp-sync, so a value the desk accepts is never refused later by the server (docs/SYNC.md,
// "Text limits"). Lengths count UTF-16 code units (QString::size()).
#include <QString>
#include <QStringView>

namespace kasp::textlimits {

inline constexpr int kName = 200;           // a person's names, a login, a title, a room number
inline constexpr int kEmail = 254;          // RFC 5321's longest address
inline constexpr int kTag = 100;            // one tag of a card
inline constexpr int kShortText = 2000;     // reasons, an address, a UTM source, a file name
inline constexpr int kLongText = 20000;     // a call's note, a task's text: a page of writing
inline constexpr int kListItems = 50;       // phones, e-mails or tags of one card
inline constexpr int kKey = 64;             // a JSON object key (a meal plan's, a field's name)
inline constexpr int kWireText = kLongText; // any string on the wire, whatever its field

// The longest value of a field, by its wire name ("lastName", "note", "displayName"...);
// kShortText for a field not named in the table.
int maxLengthOf(QStringView field);

// Why a text cannot be stored, or an empty string: U+0000 (PostgreSQL's text and jsonb refuse
// it) and a lone UTF-16 surrogate (not Unicode: no UTF-8 form, jsonb refuses its escape).
QString textProblem(QStringView text);
// The text with every such character replaced by U+FFFD: for echoing a refused value in an
// error message or a log line, which must themselves be storable.
QString storable(QStringView text);

} // namespace kasp::textlimits
