#pragma once
// Texts the program wrote into records (a missed call's call-back task, a booking's line on the
// timeline, the demo's tasks) were written in the language of the desk that made them, mostly
// Russian, and they travel to every desk. The reader's language says them again: display() knows
// each of these texts by its English source and by its Russian translation, takes the values
// back out of it (a name, a room, dates) and puts them into the reader's language. Text a person
// typed matches none of them and is shown as typed.
#include <QString>

class QTranslator;

namespace kasp::programtext {

// The Russian catalogue (kasp_ru.qm), loaded whatever the UI's language: how the stored Russian
// texts are recognised. Without it only the English forms are. The catalogue must outlive its use.
void setRussianCatalogue(const QTranslator *catalogue);

// The stored text in the UI's language (QCoreApplication's translators, QLocale's default for
// dates inside it); any other text unchanged.
QString display(const QString &stored);

} // namespace kasp::programtext
