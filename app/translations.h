#pragma once
#include <QString>

namespace kasp::app {

// Russian first: a Russian locale, the bare "C" locale, or language "ru" get the Russian UI and
// Qt's own Russian strings; another explicit language stays English (the source strings, with
// kasp_en.qm's plural forms). Dates follow the chosen language (QLocale's default), and texts the
// program stored in Russian are said in it (kasp::programtext). Returns true when the Russian
// translation was installed. A second call replaces the first one's translators.
bool installTranslations(const QString &language);

} // namespace kasp::app
