#pragma once
// A damaged replica made new from the server without losing this desk's unsent work: the outbox
// (every local change not yet pushed) and the desk's identity in the sync protocol (client_id and
// its mutation counter, so that the server recognises changes it may already have) are read from
// the damaged file, the file is put aside, and a new, empty database at the same path gets them
// back. The next sync is then a first sync: it brings the base in and re-applies the kept changes
// on top (ReplicaStore::applyPage), then pushes them.
#include "kasp/core/clock.h"
#include "kasp/core/result.h"
#include "kasp/storage/connectionfactory.h"

#include <QString>

namespace kasp::storage {

struct RebuildReport
{
    QString damagedCopy;      // where the damaged file now is (never deleted: a copy may be needed)
    qint64 keptMutations = 0; // outbox entries carried over
};

// No connection to options.path may be open. Refuses (storage.outbox_unreadable, the damaged file
// left where it was) when the outbox itself cannot be read: a rebuild would lose unsent changes.
// The damaged file is put aside under `clock`'s local time ("kasp.db.damaged-20261207-2215").
Result<RebuildReport> rebuildKeepingOutbox(const OpenOptions &options, const Clock &clock);

} // namespace kasp::storage
