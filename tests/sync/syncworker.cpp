// A desktop without a window, for the crash tests: opens its encrypted replica, optionally queues
// guests (offline work), signs in and syncs until the outbox is empty, then exits 0. The test
// kills it with SIGKILL at random moments and starts it again.
//   kasp-test-syncworker --db FILE --key HEX --server URL --login L --password P [--create N]
#include "kasp/core/clock.h"
#include "kasp/storage/connectionfactory.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/sync/syncclient.h"

#include <cstdio>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

using namespace kasp;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser cli;
    const QCommandLineOption db(QStringLiteral("db"), QString(), QStringLiteral("file"));
    const QCommandLineOption key(QStringLiteral("key"), QString(), QStringLiteral("hex"));
    const QCommandLineOption server(QStringLiteral("server"), QString(), QStringLiteral("url"));
    const QCommandLineOption login(QStringLiteral("login"), QString(), QStringLiteral("login"));
    const QCommandLineOption password(QStringLiteral("password"), QString(), QStringLiteral("password"));
    const QCommandLineOption create(QStringLiteral("create"), QString(), QStringLiteral("n"),
                                    QStringLiteral("0"));
    cli.addOptions({db, key, server, login, password, create});
    cli.process(app);

    auto rawKey = storage::DatabaseKey::fromHex(cli.value(key));
    if (!rawKey.ok())
        return 2;
    auto opened = storage::ConnectionFactory::open(
        {cli.value(db), rawKey.value(), QStringLiteral("worker"), true, true});
    if (!opened.ok()) {
        std::fprintf(stderr, "open: %s\n", qPrintable(opened.error().message));
        return 2;
    }
    SystemClock clock;
    storage::GuestRepository guests(opened.value(), clock);
    const int n = cli.value(create).toInt();
    for (int i = 0; i < n; ++i) {
        Guest g;
        g.id = newId();
        g.lastName = QStringLiteral("Упавшая%1").arg(i);
        g.phones.append(Phone::fromE164(QStringLiteral("+7919%1").arg(i, 7, 10, QLatin1Char('0'))).value());
        if (!guests.create(g).ok())
            return 3;
    }
    if (n > 0) {
        std::printf("queued %d\n", n);
        std::fflush(stdout);
    }

    sync::SyncClient::Options options;
    options.server = QUrl(cli.value(server));
    options.pushBatch = 50; // many small pushes: more moments to be killed in
    sync::SyncClient client(opened.value(), options);
    QObject::connect(&client, &sync::SyncClient::signedIn, &client, [&] { client.syncNow(); });
    QObject::connect(&client, &sync::SyncClient::synced, &client, [&] {
        if (client.pendingCount() == 0)
            QCoreApplication::exit(0);
        else
            client.syncNow();
    });
    QObject::connect(&client, &sync::SyncClient::syncFailed, &client, [&](const Error &e) {
        std::fprintf(stderr, "sync failed: %s\n", qPrintable(e.code));
        QTimer::singleShot(200, &client, [&] { client.syncNow(); });
    });
    QObject::connect(&client, &sync::SyncClient::authFailed, &client, [](const Error &e) {
        std::fprintf(stderr, "auth failed: %s\n", qPrintable(e.code));
        QCoreApplication::exit(4);
    });
    client.signIn(cli.value(login), cli.value(password));
    return app.exec();
}
