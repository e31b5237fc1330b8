#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace kasp::app {

bool installTranslations(const QString &language)
{
    // Russian first: an unset "C"/POSIX locale (servers, fresh installs) gets Russian too; only an
    // explicit other language (en_US, --lang en) keeps the English source strings.
    QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (language.isEmpty() && locale.language() == QLocale::C)
        locale = QLocale(QLocale::Russian, QLocale::Russia);
    QLocale::setDefault(locale);
    if (locale.language() != QLocale::Russian)
        return false;
    auto *own = new QTranslator(QCoreApplication::instance());
    if (!own->load(QStringLiteral(":/i18n/kasp_ru.qm")))
        return false;
    QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return true;
}

} // namespace kasp::app
