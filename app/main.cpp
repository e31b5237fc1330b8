// kasp: the Sales Window. main() parses the command line, loads the translation and hands over to
// Startup; everything else lives in libraries.
#include "kasp/session/settings.h"
#include "startup.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("KASP"));
    QApplication::setApplicationName(QStringLiteral("kasp"));
    QApplication::setApplicationVersion(QStringLiteral(KASP_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("KASP Sales Window"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("UI language: ru or en."),
                                  QStringLiteral("code"));
    const QCommandLineOption database(QStringLiteral("database"), QStringLiteral("Local database file."),
                                      QStringLiteral("path"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Fill a new database with the demo sanatorium."));
    const QCommandLineOption user(QStringLiteral("user"),
                                  QStringLiteral("Pre-select this login in the sign-in (the password is "
                                                 "still asked)."),
                                  QStringLiteral("login"));
    const QCommandLineOption passwordEnv(
        QStringLiteral("password-env"),
        QStringLiteral("Type the sign-in password held in this environment variable (scripts); it is "
                       "checked as a typed one."),
        QStringLiteral("name"));
    const QCommandLineOption passphraseEnv(
        QStringLiteral("passphrase-env"),
        QStringLiteral("Read the database passphrase from this environment variable "
                       "(for scripts on machines without a keychain)."),
        QStringLiteral("name"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Render the window to a PNG and quit."),
                                        QStringLiteral("png"));
    const QCommandLineOption search(QStringLiteral("search"),
                                    QStringLiteral("With --screenshot: open the first guest found."),
                                    QStringLiteral("text"));
    const QCommandLineOption server(QStringLiteral("server"),
                                    QStringLiteral("Sync with this kasp-sync server (remembered)."),
                                    QStringLiteral("url"));
    parser.addOptions({lang, database, demo, user, passwordEnv, passphraseEnv, screenshot, search, server});
    parser.process(app);

    kasp::session::Settings settings;
    const QString language = parser.isSet(lang) ? parser.value(lang) : settings.language();
    if (!language.isEmpty() && language != QLatin1String("ru") && language != QLatin1String("en")) {
        qCritical("--lang must be ru or en");
        return 64;
    }
    kasp::app::installTranslations(language);

    kasp::app::StartupOptions options{
        parser.value(database),   parser.isSet(demo),   parser.value(user),   parser.value(passphraseEnv),
        parser.value(screenshot), parser.value(search), parser.value(server), parser.value(passwordEnv)};
    kasp::app::Startup startup(options, settings);
    QObject::connect(&startup, &kasp::app::Startup::finished, &app,
                     [](int code) { QApplication::exit(code); });
    QTimer::singleShot(0, &startup, &kasp::app::Startup::start); // inside the event loop, so exit() works
    const int code = app.exec();
    settings.sync();
    return code;
}
