// kasp-sync: the sync server. `kasp-sync --init-db` creates the schema, `--add-user` adds staff,
// and with no command it serves. Settings: --config FILE (INI) and the flags below, which win.
#include "accountstore.h"
#include "jsonlog.h"
#include "secrets.h"
#include "serverschema.h"
#include "syncserver.h"

#include <cstdio>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QTextStream>

using namespace kasp;
using namespace kasp::server;

namespace {

int fail(const Error &e, int code)
{
    logEvent(QStringLiteral("error"), e.code, {{QStringLiteral("message"), e.message}});
    std::fprintf(stderr, "kasp-sync: %s\n", qPrintable(e.message));
    return code;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kasp-sync"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KASP_VERSION));

    QCommandLineParser cli;
    cli.setApplicationDescription(
        QStringLiteral("KASP sync server: desktops push and pull through it to PostgreSQL."));
    cli.addHelpOption();
    cli.addVersionOption();
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("INI settings file."),
                                    QStringLiteral("file"));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Address to listen on (127.0.0.1)."),
                                    QStringLiteral("address"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port (8765; 0 picks a free one)."),
                                  QStringLiteral("port"));
    const QCommandLineOption dbHost(QStringLiteral("db-host"), QStringLiteral("PostgreSQL host."),
                                    QStringLiteral("host"));
    const QCommandLineOption dbPort(QStringLiteral("db-port"), QStringLiteral("PostgreSQL port."),
                                    QStringLiteral("port"));
    const QCommandLineOption dbName(QStringLiteral("db-name"), QStringLiteral("PostgreSQL database."),
                                    QStringLiteral("name"));
    const QCommandLineOption dbUser(
        QStringLiteral("db-user"),
        QStringLiteral("PostgreSQL user (password: KASP_SYNC_DB_PASSWORD or the config file)."),
        QStringLiteral("user"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"),
                                     QStringLiteral("PEM certificate: serve HTTPS/WSS."),
                                     QStringLiteral("file"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"), QStringLiteral("PEM private key."),
                                    QStringLiteral("file"));
    const QCommandLineOption accessSecs(QStringLiteral("access-token-secs"),
                                        QStringLiteral("Access token lifetime (900)."),
                                        QStringLiteral("seconds"));
    const QCommandLineOption initDb(QStringLiteral("init-db"),
                                    QStringLiteral("Create or upgrade the database schema, then exit."));
    const QCommandLineOption addUser(
        QStringLiteral("add-user"),
        QStringLiteral("Add a user (password: KASP_SYNC_USER_PASSWORD or one line on stdin), then exit."),
        QStringLiteral("login"));
    const QCommandLineOption org(QStringLiteral("org"),
                                 QStringLiteral("Organisation of --add-user (created if new)."),
                                 QStringLiteral("name"));
    const QCommandLineOption role(QStringLiteral("role"),
                                  QStringLiteral("consultant, head_of_sales or director."),
                                  QStringLiteral("role"));
    const QCommandLineOption purge(
        QStringLiteral("purge-tombstones"),
        QStringLiteral("Drop deletion marks older than this many days (30 by default runs "
                       "every 6 hours while serving), then exit."),
        QStringLiteral("days"));
    const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("Display name of --add-user."),
                                  QStringLiteral("name"));
    cli.addOptions({config, listen, port, dbHost, dbPort, dbName, dbUser, tlsCert, tlsKey, accessSecs, initDb,
                    addUser, org, role, name, purge});
    cli.process(app);

    if (!initSecrets())
        return fail({QStringLiteral("server.crypto"), QStringLiteral("libsodium failed to start")}, 2);

    ServerConfig defaults;
    defaults.dbPassword = qEnvironmentVariable("KASP_SYNC_DB_PASSWORD");
    auto loaded = loadServerConfig(cli.value(config), defaults);
    if (!loaded.ok())
        return fail(loaded.error(), 1);
    ServerConfig cfg = loaded.value();
    bool ok = true;
    if (cli.isSet(listen) && !cfg.listenAddress.setAddress(cli.value(listen)))
        return fail({QStringLiteral("config.bad_value"), QStringLiteral("bad --listen address")}, 1);
    if (cli.isSet(port)) {
        const uint p = cli.value(port).toUInt(&ok);
        if (!ok || p > 65535)
            return fail({QStringLiteral("config.bad_value"), QStringLiteral("bad --port")}, 1);
        cfg.port = static_cast<quint16>(p);
    }
    if (cli.isSet(dbHost))
        cfg.dbHost = cli.value(dbHost);
    if (cli.isSet(dbPort))
        cfg.dbPort = cli.value(dbPort).toInt();
    if (cli.isSet(dbName))
        cfg.dbName = cli.value(dbName);
    if (cli.isSet(dbUser))
        cfg.dbUser = cli.value(dbUser);
    if (cli.isSet(tlsCert))
        cfg.tlsCertificate = cli.value(tlsCert);
    if (cli.isSet(tlsKey))
        cfg.tlsKey = cli.value(tlsKey);
    if (cli.isSet(accessSecs)) {
        cfg.accessTokenSecs = cli.value(accessSecs).toInt(&ok);
        if (!ok || cfg.accessTokenSecs < 1)
            return fail({QStringLiteral("config.bad_value"), QStringLiteral("bad --access-token-secs")}, 1);
    }

    if (cli.isSet(purge)) {
        const int days = cli.value(purge).toInt(&ok);
        if (!ok || days < 0)
            return fail(
                {QStringLiteral("config.bad_value"), QStringLiteral("--purge-tombstones takes days >= 0")},
                1);
        auto db = SyncServer::connect(cfg, QStringLiteral("kasp-sync-admin"));
        if (!db.ok())
            return fail(db.error(), 2);
        auto purged = purgeTombstones(db.value(), QDateTime::currentMSecsSinceEpoch() - days * 86'400'000LL);
        if (!purged.ok())
            return fail(purged.error(), 2);
        logEvent(QStringLiteral("info"), QStringLiteral("tombstones.purged"),
                 {{QStringLiteral("count"), purged.value()}, {QStringLiteral("days"), days}});
        return 0;
    }

    if (cli.isSet(initDb) || cli.isSet(addUser)) {
        auto db = SyncServer::connect(cfg, QStringLiteral("kasp-sync-admin"));
        if (!db.ok())
            return fail(db.error(), 2);
        if (cli.isSet(initDb)) {
            if (auto s = migrateServerSchema(db.value()); !s.ok())
                return fail(s.error(), 2);
            logEvent(QStringLiteral("info"), QStringLiteral("schema.ready"),
                     {{QStringLiteral("version"), serverSchemaVersion()}});
        }
        if (cli.isSet(addUser)) {
            const auto r =
                roleFromKey(cli.value(role).isEmpty() ? QStringLiteral("consultant") : cli.value(role));
            if (!r)
                return fail({QStringLiteral("config.bad_value"),
                             QStringLiteral("--role is consultant, head_of_sales or director")},
                            1);
            QString password = qEnvironmentVariable("KASP_SYNC_USER_PASSWORD");
            if (password.isEmpty())
                password = QTextStream(stdin).readLine();
            AccountStore accounts(db.value(), cfg);
            auto added = accounts.addUser(cli.value(org), cli.value(addUser), cli.value(name), *r, password);
            if (!added.ok())
                return fail(added.error(), 1);
            logEvent(
                QStringLiteral("info"), QStringLiteral("account.added"),
                {{QStringLiteral("login"), added.value().login}, {QStringLiteral("org"), cli.value(org)}});
        }
        return 0;
    }

    SyncServer server(cfg);
    auto started = server.start();
    if (!started.ok())
        return fail(started.error(), 2);
    std::printf("kasp-sync listening on %s:%u\n", qPrintable(cfg.listenAddress.toString()), started.value());
    std::fflush(stdout);
    return app.exec();
}
