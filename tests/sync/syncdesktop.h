#pragma once
// One desktop in the sync tests: a real encrypted replica and its SyncClient against a kasp-sync
// process; signing in and one complete sync, each bounded in time.
#include "kasp/core/clock.h"
#include "kasp/storage/bookingrepository.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/sync/syncclient.h"
#include "kasp/testsupport/testdb.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QUrl>

namespace kasp::test {

inline const QString kPassword = QStringLiteral("correct horse battery");

struct Desktop
{
    test::TestDatabase t;
    SystemClock clock;
    std::unique_ptr<sync::SyncClient> client;

    Desktop(const QString &name, const QString &server) : t(test::TestDatabase::create(name))
    {
        sync::SyncClient::Options options;
        options.server = QUrl(server);
        options.pollSecs = 1; // the stuck-outbox detector relies on the fallback poll
        options.reconnectSecs = 1;
        options.pushBatch = 500;
        client = std::make_unique<sync::SyncClient>(t.db, options);
    }
    ~Desktop()
    {
        client.reset();
        t.close();
    }
    bool signIn(const QString &login)
    {
        QSignalSpy ok(client.get(), &sync::SyncClient::signedIn);
        client->signIn(login, kPassword);
        return ok.wait(10'000);
    }
    bool syncOnce()
    {
        // A sync already under way answers first; the one asked for follows it (coalesced).
        QSignalSpy done(client.get(), &sync::SyncClient::synced);
        client->syncNow();
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 30'000) {
            if (!done.wait(30'000))
                return false;
            if (!client->isBusy())
                return true;
        }
        return false;
    }
    storage::GuestRepository guests() { return storage::GuestRepository(t.db, clock); }
    storage::BookingRepository bookings() { return storage::BookingRepository(t.db, clock); }
};

} // namespace kasp::test
