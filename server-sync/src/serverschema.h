#pragma once
// The server's PostgreSQL schema: numbered migrations, each in its own transaction, the version in
// schema_migrations. The shared entities live as JSON records (the same wire form the desktops
// pull) with a per-organisation sequence; bookings' nights also live in a range table whose
// exclusion constraint makes "one room, one guest per night" true across every desktop.
#include "kasp/core/result.h"
#include <QSqlDatabase>

namespace kasp::server {

int serverSchemaVersion();
// Creates or upgrades the schema; refuses a database newer than this build ("schema.too_new").
Status migrateServerSchema(QSqlDatabase db);
// The version of an existing database, 0 when it has no schema yet.
Result<int> currentServerSchema(QSqlDatabase db);

// Deletes tombstones changed before the given time and raises each organisation's min_cursor past
// them; desktops behind it get "sync.resync_required". Returns how many were purged.
Result<qint64> purgeTombstones(QSqlDatabase db, qint64 olderThanMs);

} // namespace kasp::server
