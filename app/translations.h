#pragma once
#include <QString>

namespace kasp::app {

// Russian first: a Russian locale, the bare "C" locale, or language "ru" get the Russian UI and
// Qt's own Russian strings; another explicit language stays English. Returns true when a
// translation was installed.
bool installTranslations(const QString &language);

} // namespace kasp::app
