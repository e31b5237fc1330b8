// kasp-demo: creates an encrypted database filled with the demo sanatorium. The key goes to the OS
// keychain like the app's own (or a passphrase from an environment variable on machines without
// one). Scales to benchmark size: --guests 1000000 --stays 5000000.
#include "kasp/core/clock.h"
#include "kasp/credentials/credentialstore.h"
#include "kasp/demo/demogenerator.h"
#include "kasp/session/databaseunlocker.h"

#include <cstdio>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTimer>

using namespace kasp;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("KASP"));
    QCoreApplication::setApplicationName(QStringLiteral("kasp-demo"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Creates the KASP demo database."));
    parser.addHelpOption();
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("Database file to create (must not exist)."),
                                 QStringLiteral("path"));
    const QCommandLineOption guests(QStringLiteral("guests"),
                                    QStringLiteral("Number of guests (default 20000)."), QStringLiteral("n"),
                                    QStringLiteral("20000"));
    const QCommandLineOption stays(QStringLiteral("stays"),
                                   QStringLiteral("Number of stays (default: what 120 rooms hold)."),
                                   QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed."), QStringLiteral("n"),
                                  QStringLiteral("20261123"));
    const QCommandLineOption today(
        QStringLiteral("today"), QStringLiteral("The data set's today, yyyy-MM-dd."), QStringLiteral("date"));
    const QCommandLineOption passphraseEnv(
        QStringLiteral("passphrase-env"),
        QStringLiteral("Protect with the passphrase in this environment variable "
                       "instead of a keychain key."),
        QStringLiteral("name"));
    parser.addOptions({out, guests, stays, seed, today, passphraseEnv});
    parser.process(app);
    if (!parser.isSet(out)) {
        std::fprintf(stderr, "kasp-demo: --out is required\n");
        return 64;
    }
    const QString path = parser.value(out);
    if (QFileInfo::exists(path)) {
        std::fprintf(stderr, "kasp-demo: %s exists; demo data goes into a new database only\n",
                     qPrintable(path));
        return 65;
    }
    demo::DemoOptions options;
    options.guests = parser.value(guests).toInt();
    options.stays = parser.value(stays).toLongLong();
    options.seed = parser.value(seed).toULongLong();
    options.today =
        parser.isSet(today) ? QDate::fromString(parser.value(today), Qt::ISODate) : SystemClock().today();
    options.bulkIndexes = options.guests > 100000;
    if (options.guests <= 0 || !options.today.isValid()) {
        std::fprintf(stderr, "kasp-demo: bad --guests or --today\n");
        return 64;
    }

    credentials::CredentialStore store(QStringLiteral("KASP"));
    session::DatabaseUnlocker unlocker(&store, path, QStringLiteral("kasp-demo"));
    QObject::connect(&unlocker, &session::DatabaseUnlocker::failed,
                     [](const QString &code, const QString &message) {
                         std::fprintf(stderr, "kasp-demo: %s: %s\n", qPrintable(code), qPrintable(message));
                         QCoreApplication::exit(2);
                     });
    QObject::connect(&unlocker, &session::DatabaseUnlocker::needPassphrase, [](const QString &reason, bool) {
        std::fprintf(stderr, "kasp-demo: %s\nkasp-demo: use --passphrase-env NAME on this machine.\n",
                     qPrintable(reason));
        QCoreApplication::exit(3);
    });
    QObject::connect(&unlocker, &session::DatabaseUnlocker::unlocked, [&](const QString &connection) {
        QElapsedTimer timer;
        timer.start();
        int lastPercent = -1;
        auto summary = demo::generateDemo(QSqlDatabase::database(connection), options,
                                          [&](int percent, const QString &stage) {
                                              if (percent / 5 != lastPercent / 5)
                                                  std::fprintf(stderr, "  %3d%% %s (%.1f s)\n", percent,
                                                               qPrintable(stage), timer.elapsed() / 1000.0);
                                              lastPercent = percent;
                                              return true;
                                          });
        if (!summary.ok()) {
            std::fprintf(stderr, "kasp-demo: %s\n", qPrintable(summary.error().message));
            QCoreApplication::exit(4);
            return;
        }
        const auto &s = summary.value();
        std::printf("demo database %s: %lld users, %lld buildings, %lld categories, %lld rooms, %lld guests, "
                    "%lld stays, %lld touches, %lld deals, %lld tasks in %.1f s\n",
                    qPrintable(path), s.users, s.buildings, s.categories, s.rooms, s.guests, s.stays,
                    s.touches, s.deals, s.tasks, timer.elapsed() / 1000.0);
        QCoreApplication::exit(0);
    });
    QTimer::singleShot(0, &unlocker, [&] {
        if (parser.isSet(passphraseEnv))
            unlocker.unlockWithPassphrase(
                qEnvironmentVariable(parser.value(passphraseEnv).toLocal8Bit().constData()));
        else
            unlocker.start();
    });
    return app.exec();
}
