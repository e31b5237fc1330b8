#include "translations.h"

#include "kasp/core/programtext.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace kasp::app {

namespace {
// The translators this function installed, so that a second call (a test switching language)
// replaces them instead of stacking another language on top.
QList<QTranslator *> &installed()
{
    static QList<QTranslator *> translators;
    return translators;
}

QTranslator *russianCatalogue()
{
    static QTranslator *catalogue = [] {
        auto *t = new QTranslator(QCoreApplication::instance());
        if (!t->load(QStringLiteral(":/i18n/kasp_ru.qm"))) {
            delete t;
            return static_cast<QTranslator *>(nullptr);
        }
        return t;
    }();
    return catalogue;
}
} // namespace

bool installTranslations(const QString &language)
{
    for (QTranslator *t : std::as_const(installed())) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    installed().clear();
    // Texts stored in Russian by the program are recognised whatever the UI's language.
    programtext::setRussianCatalogue(russianCatalogue());

    // Russian first: an unset "C"/POSIX locale (servers, fresh installs) gets Russian too; only an
    // explicit other language (en_US, --lang en) keeps the English source strings.
    QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (language.isEmpty() && locale.language() == QLocale::C)
        locale = QLocale(QLocale::Russian, QLocale::Russia);
    QLocale::setDefault(locale);
    const bool russian = locale.language() == QLocale::Russian;
    // English is the source strings; its catalogue holds only the plural forms ("1 stay", "2 stays").
    auto *own = new QTranslator(QCoreApplication::instance());
    if (!own->load(russian ? QStringLiteral(":/i18n/kasp_ru.qm") : QStringLiteral(":/i18n/kasp_en.qm"))) {
        delete own;
        return false;
    }
    QCoreApplication::installTranslator(own);
    installed().append(own);
    if (!russian)
        return false;
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        installed().append(qt);
    } else {
        delete qt;
    }
    return true;
}

} // namespace kasp::app
