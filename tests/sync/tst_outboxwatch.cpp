// A change written on a running desk reaches the server at once, whenever it is written: right
// after the client starts (the moment a sign-in starts the sync), while a sync is already under
// way, or while a failing sync is under way. The fallback poll is set far away (2 minutes) so that
// only the outbox watch can push in time: before this test, a change written in the first half
// second after start() was taken as the watch's starting point and waited for the poll.
#include "kasp/storage/guestrepository.h"
#include "kasp/storage/outbox.h"
#include "kasp/sync/syncclient.h"
#include "kasp/testsupport/pgcluster.h"
#include "kasp/testsupport/syncserverprocess.h"
#include "kasp/testsupport/testdb.h"
#include "syncdata.h"
#include "syncdesktop.h"

#include <QSignalSpy>
#include <QtTest>

using namespace kasp;
using namespace kasp::storage;
using kasp::test::Desktop;
using kasp::test::kPassword;

namespace {
constexpr int kPushWithinMs = 2000; // the watch looks every 500 ms; the push itself is milliseconds

sync::SyncClient::Options farPoll(const QString &server)
{
    sync::SyncClient::Options options;
    options.server = QUrl(server);
    options.pollSecs = 120;
    options.reconnectSecs = 120;
    return options;
}
} // namespace

class TestOutboxWatch : public QObject
{
    Q_OBJECT

    test::PgCluster pg;
    std::unique_ptr<test::SyncServerProcess> server;
    int written = 0;

    // A desk as a sign-in leaves it: a new client, signed in, not yet started.
    std::unique_ptr<Desktop> freshDesk(const QString &name)
    {
        auto desk = std::make_unique<Desktop>(name, server->baseUrl());
        desk->client = std::make_unique<sync::SyncClient>(desk->t.db, farPoll(server->baseUrl()));
        return desk;
    }

    bool writeGuest(Desktop &desk)
    {
        ++written;
        return desk.guests()
            .create(test::makeGuest(QStringLiteral("Гость %1").arg(written),
                                    QStringLiteral("+7 916 710-%1-%2")
                                        .arg(written / 100, 2, 10, QLatin1Char('0'))
                                        .arg(written % 100, 2, 10, QLatin1Char('0'))))
            .ok();
    }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QString error;
        QVERIFY2(pg.start(&error), qPrintable(error));
        server = std::make_unique<test::SyncServerProcess>(pg, QStringLiteral(KASP_SYNC_BINARY));
        QVERIFY2(server->initDb(&error), qPrintable(error));
        QVERIFY2(server->addUser(QStringLiteral("Санаторий"), QStringLiteral("anna"),
                                 QStringLiteral("consultant"), kPassword, &error),
                 qPrintable(error));
        QVERIFY2(server->start(&error), qPrintable(error));
    }

    void aChangeWrittenRightAfterStartIsPushed_data()
    {
        QTest::addColumn<int>("delayMs");
        for (int delay : {0, 20, 80, 200, 350, 480})
            QTest::newRow(qPrintable(QStringLiteral("%1 ms after start").arg(delay))) << delay;
    }

    void aChangeWrittenRightAfterStartIsPushed()
    {
        QFETCH(int, delayMs);
        auto desk = freshDesk(QStringLiteral("start%1").arg(delayMs));
        QVERIFY(desk->signIn(QStringLiteral("anna")));
        desk->client->start();
        if (delayMs > 0)
            QTest::qWait(delayMs);
        QVERIFY(writeGuest(*desk));
        QElapsedTimer timer;
        timer.start();
        QTRY_COMPARE_WITH_TIMEOUT(Outbox(desk->t.db).pendingCount().value(), 0, kPushWithinMs);
        qInfo("pushed %lld ms after the write", timer.elapsed());
        desk->client->stop();
    }

    // Changes written while a sync runs are pushed by the sync that follows it.
    void changesWrittenDuringASyncArePushed()
    {
        auto desk = freshDesk(QStringLiteral("during"));
        QVERIFY(desk->signIn(QStringLiteral("anna")));
        desk->client->start();
        QTest::qWait(700); // the start's sync is over and the watch has its starting point
        for (int i = 0; i < 5; ++i) {
            desk->client->syncNow();
            QVERIFY(desk->client->isBusy());
            QVERIFY(writeGuest(*desk));
            QTRY_COMPARE_WITH_TIMEOUT(Outbox(desk->t.db).pendingCount().value(), 0, kPushWithinMs);
        }
        desk->client->stop();
    }

    // A sync that fails (here: the server stopped under it) while a change is written: once the
    // server is back the change goes as soon as the desk reconnects, not at the next poll.
    void aChangeWrittenDuringAFailedSyncGoesWhenTheServerIsBack()
    {
        auto options = farPoll(server->baseUrl());
        options.reconnectSecs = 1;
        auto desk = std::make_unique<Desktop>(QStringLiteral("failed"), server->baseUrl());
        desk->client = std::make_unique<sync::SyncClient>(desk->t.db, options);
        QVERIFY(desk->signIn(QStringLiteral("anna")));
        desk->client->start();
        QTest::qWait(700);
        const int port = server->port();
        server->stop();
        QSignalSpy failed(desk->client.get(), &sync::SyncClient::syncFailed);
        desk->client->syncNow();
        QVERIFY(writeGuest(*desk));
        QVERIFY(failed.wait(10'000));
        QString error;
        QVERIFY2(server->start(&error, {QStringLiteral("--port"), QString::number(port)}), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(Outbox(desk->t.db).pendingCount().value(), 0, 10'000);
        desk->client->stop();
    }

    void cleanupTestCase() { server.reset(); }
};

QTEST_GUILESS_MAIN(TestOutboxWatch)
#include "tst_outboxwatch.moc"
