#pragma once
#include <QString>

namespace kasp::app {

// Russian first: a Russian locale (or language "ru") gets the Russian UI and Qt's own Russian
// strings; anything else stays English. Returns true when a translation was installed.
bool installTranslations(const QString &language);

} // namespace kasp::app
