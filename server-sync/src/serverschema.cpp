#include "serverschema.h"

#include "kasp/syncproto/spelling.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace kasp::server {

namespace {

struct ServerMigration
{
    int version;
    QStringList statements;
    // Index builds on `records` that must not write-lock it (CREATE INDEX CONCURRENTLY cannot run
    // in a transaction): the statements run one by one, each idempotent, and the version is
    // recorded after the last. An interrupted run leaves at worst an invalid index, dropped first
    // on the next start.
    bool concurrently = false;
};

// Migration 7: stored records of the kinds protocol 1 spelled in snake_case take today's names, by
// spelling.h's table (protocol 1's names only, so it never changes under this migration). One pass
// over the records of those kinds that still have an old name; the pull respells them back for
// protocol-1 desks. Tombstones have no data.
QString respellStoredRecords()
{
    QStringList names, kinds, oldNames;
    for (const sync::Respelling &r : sync::protocol1Respellings()) {
        if (!r.recordField)
            continue;
        const QString kind = sync::entityKindKey(r.kind);
        names << QStringLiteral("('%1', '%2', '%3')")
                     .arg(kind, QLatin1String(r.protocol1), QLatin1String(r.current));
        if (!kinds.contains(QLatin1Char('\'') + kind + QLatin1Char('\'')))
            kinds << QLatin1Char('\'') + kind + QLatin1Char('\'');
        oldNames << QLatin1Char('\'') + QLatin1String(r.protocol1) + QLatin1Char('\'');
    }
    return QStringLiteral("UPDATE records r SET data = (SELECT jsonb_object_agg(coalesce(m.current, e.key), "
                          "e.value) FROM jsonb_each(r.data) e LEFT JOIN (VALUES %1) AS m(kind, old, current) "
                          "ON m.kind = r.kind AND m.old = e.key) "
                          "WHERE NOT r.deleted AND r.kind IN (%2) AND jsonb_exists_any(r.data, ARRAY[%3])")
        .arg(names.join(QStringLiteral(", ")), kinds.join(QStringLiteral(", ")),
             oldNames.join(QStringLiteral(", ")));
}

QList<ServerMigration> migrations()
{
    return {
        {1,
         {
             // Trusted since PostgreSQL 13: the database owner may create it.
             QStringLiteral("CREATE EXTENSION IF NOT EXISTS btree_gist"),
             QStringLiteral("CREATE TABLE orgs (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
                            " seq BIGINT NOT NULL DEFAULT 0, min_cursor BIGINT NOT NULL DEFAULT 0)"),
             QStringLiteral(
                 "CREATE TABLE accounts (id TEXT PRIMARY KEY,"
                 " org_id TEXT NOT NULL REFERENCES orgs(id), login TEXT NOT NULL UNIQUE,"
                 " display_name TEXT NOT NULL, role TEXT NOT NULL, password_hash TEXT NOT NULL,"
                 " active BOOLEAN NOT NULL DEFAULT TRUE, failed_signins INTEGER NOT NULL DEFAULT 0,"
                 " locked_until BIGINT NOT NULL DEFAULT 0)"),
             // Tokens are stored hashed; a refresh token's family lets a replayed (stolen) refresh
             // token revoke every token issued from the same sign-in.
             QStringLiteral("CREATE TABLE tokens (hash TEXT PRIMARY KEY,"
                            " account_id TEXT NOT NULL REFERENCES accounts(id), kind TEXT NOT NULL,"
                            " family TEXT NOT NULL, expires_at BIGINT NOT NULL,"
                            " revoked BOOLEAN NOT NULL DEFAULT FALSE)"),
             QStringLiteral("CREATE INDEX tokens_family ON tokens (family)"),
             QStringLiteral(
                 "CREATE TABLE clients (id TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES orgs(id),"
                 " account_id TEXT NOT NULL REFERENCES accounts(id),"
                 " last_mutation_id BIGINT NOT NULL DEFAULT 0, last_seen BIGINT NOT NULL)"),
             QStringLiteral("CREATE TABLE records (org_id TEXT NOT NULL REFERENCES orgs(id),"
                            " kind TEXT NOT NULL, id TEXT NOT NULL, seq BIGINT NOT NULL,"
                            " deleted BOOLEAN NOT NULL DEFAULT FALSE, owner_id TEXT NOT NULL DEFAULT '',"
                            " data JSONB, PRIMARY KEY (org_id, kind, id))"),
             QStringLiteral("CREATE INDEX records_org_seq ON records (org_id, seq)"),
             QStringLiteral("CREATE TABLE booking_nights (org_id TEXT NOT NULL, booking_id TEXT NOT NULL,"
                            " room_id TEXT NOT NULL, nights DATERANGE NOT NULL,"
                            " PRIMARY KEY (org_id, booking_id),"
                            " CONSTRAINT booking_nights_no_overlap"
                            " EXCLUDE USING gist (org_id WITH =, room_id WITH =, nights WITH &&))"),
             QStringLiteral("CREATE TABLE rejections (client_id TEXT NOT NULL, mutation_id BIGINT NOT NULL,"
                            " code TEXT NOT NULL, message TEXT NOT NULL, at BIGINT NOT NULL,"
                            " PRIMARY KEY (client_id, mutation_id))"),
             QStringLiteral("CREATE TABLE audit (id BIGSERIAL PRIMARY KEY, at BIGINT NOT NULL,"
                            " account_id TEXT, event TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '')"),
         }},
        // Tombstones age: their time lets `--purge-tombstones` drop old ones and raise min_cursor.
        {2,
         {
             QStringLiteral("ALTER TABLE records ADD COLUMN changed_at BIGINT NOT NULL"
                            " DEFAULT (extract(epoch from clock_timestamp()) * 1000)::bigint"),
             QStringLiteral("CREATE INDEX records_tombstones ON records (changed_at) WHERE deleted"),
         }},
        // What refers to a guest, so deleting one that has history can be refused without a scan.
        {3,
         {
             QStringLiteral("CREATE INDEX records_guest_refs ON records (org_id, (data->>'guestId'))"
                            " WHERE kind IN ('touch', 'booking', 'deal', 'task') AND NOT deleted"),
         }},
        // A guest merge moves payments and deal moves too (syncstore.cpp, guestHistoryKindsSql).
        // Built without locking out writes: desktops keep syncing while a big records table is read.
        {4,
         {
             // Version 4 is not recorded yet, so an index of this name is a failed try's leftover.
             QStringLiteral("DROP INDEX CONCURRENTLY IF EXISTS records_guest_history"),
             QStringLiteral(
                 "CREATE INDEX CONCURRENTLY records_guest_history ON records (org_id, (data->>'guestId'))"
                 " WHERE kind IN ('touch', 'booking', 'deal', 'task', 'payment', 'deal_move')"
                 " AND NOT deleted"),
             QStringLiteral("DROP INDEX CONCURRENTLY IF EXISTS records_guest_refs"),
         },
         true},
        // An id names one record of one kind: a create looks the id up under every kind.
        {5,
         {
             QStringLiteral("DROP INDEX CONCURRENTLY IF EXISTS records_org_id"),
             QStringLiteral("CREATE INDEX CONCURRENTLY records_org_id ON records (org_id, id)"),
         },
         true},
        // Nights keep the kind of the record that holds them (a booking or an out-of-service
        // period), so a row never changes hands. Failed sign-ins are counted per address and
        // login, known or not: a guesser is slowed down without locking the owner out.
        {6,
         {
             QStringLiteral("ALTER TABLE booking_nights ADD COLUMN kind TEXT NOT NULL DEFAULT 'booking'"),
             // A closure's nights are the rows that match a live closure's room and nights exactly
             // (an id both kinds had, from before this fix, keeps its booking's label otherwise).
             // The default stays: an older instance still running during the upgrade inserts
             // bookings' nights without naming the kind.
             QStringLiteral("UPDATE booking_nights n SET kind = 'room_closure' FROM records r"
                            " WHERE r.org_id = n.org_id AND r.kind = 'room_closure' AND r.id = n.booking_id"
                            " AND NOT r.deleted AND r.data->>'room_id' = n.room_id AND n.nights ="
                            " daterange((r.data->>'first_night')::date, (r.data->>'end_night')::date, '[)')"),
             QStringLiteral("CREATE TABLE signin_failures (address TEXT NOT NULL, login TEXT NOT NULL,"
                            " failures INTEGER NOT NULL DEFAULT 0, locked_until BIGINT NOT NULL DEFAULT 0,"
                            " last_at BIGINT NOT NULL, PRIMARY KEY (address, login))"),
             QStringLiteral("CREATE INDEX signin_failures_age ON signin_failures (last_at)"),
         }},
        // One spelling on the wire (sync protocol 2): see respellStoredRecords.
        {7, {respellStoredRecords()}},
        // Consents move with a merge too (syncproto guestHistoryKinds): the partial index must cover every
        // kind the merge's query names, or PostgreSQL cannot use it and reads the whole table.
        {8,
         {
             QStringLiteral("DROP INDEX CONCURRENTLY IF EXISTS records_guest_history_8"),
             QStringLiteral(
                 "CREATE INDEX CONCURRENTLY records_guest_history_8 ON records (org_id, (data->>'guestId'))"
                 " WHERE kind IN ('touch', 'booking', 'deal', 'task', 'payment', 'deal_move', 'consent')"
                 " AND NOT deleted"),
             QStringLiteral("DROP INDEX CONCURRENTLY IF EXISTS records_guest_history"),
         },
         true},
    };
}

Status exec(QSqlQuery &q, const QString &sql)
{
    if (!q.exec(sql))
        return Error{QStringLiteral("schema.failed"),
                     QStringLiteral("%1: %2").arg(sql.left(60), q.lastError().text())};
    return {};
}

} // namespace

Result<qint64> purgeTombstones(QSqlDatabase db, qint64 olderThanMs)
{
    // One statement: the purge and the raised floor commit together, so a desktop can never pull
    // past a gap without being told to resync. A merged card's tombstone stays: it says where the
    // card went, for history a long-offline desktop pushes for it later (syncstore.cpp, mergedInto).
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "WITH gone AS (DELETE FROM records WHERE deleted AND changed_at < ? AND data->>'mergedInto' IS NULL "
        "RETURNING org_id, seq), "
        "floor AS (SELECT org_id, max(seq) AS seq, count(*) AS n FROM gone GROUP BY org_id), "
        "raised AS (UPDATE orgs o SET min_cursor = greatest(o.min_cursor, f.seq) FROM floor f "
        "WHERE o.id = f.org_id RETURNING f.n) SELECT coalesce(sum(n), 0) FROM raised"));
    q.addBindValue(olderThanMs);
    if (!q.exec() || !q.next())
        return Error{QStringLiteral("server.database"), q.lastError().text()};
    return q.value(0).toLongLong();
}

int serverSchemaVersion()
{
    return migrations().constLast().version;
}

Result<int> currentServerSchema(QSqlDatabase db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT to_regclass('schema_migrations') IS NOT NULL")) || !q.next())
        return Error{QStringLiteral("schema.failed"), q.lastError().text()};
    if (!q.value(0).toBool())
        return 0;
    if (!q.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_migrations")) || !q.next())
        return Error{QStringLiteral("schema.failed"), q.lastError().text()};
    return q.value(0).toInt();
}

Status migrateServerSchema(QSqlDatabase db)
{
    QSqlQuery q(db);
    if (auto s = exec(q, QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER "
                                        "PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"));
        !s.ok())
        return s;
    auto current = currentServerSchema(db);
    if (!current.ok())
        return current.error();
    if (current.value() > serverSchemaVersion())
        return Error{
            QStringLiteral("schema.too_new"),
            QStringLiteral("the database has schema %1, this kasp-sync knows up to %2: upgrade kasp-sync")
                .arg(current.value())
                .arg(serverSchemaVersion())};
    // Every migration not recorded yet runs, in order: one whose try failed is taken up again even
    // after later ones went through.
    QSet<int> done;
    if (!q.exec(QStringLiteral("SELECT version FROM schema_migrations")))
        return Error{QStringLiteral("schema.failed"), q.lastError().text()};
    while (q.next())
        done.insert(q.value(0).toInt());
    for (const ServerMigration &m : migrations()) {
        if (done.contains(m.version))
            continue;
        if (m.concurrently) {
            for (const QString &sql : m.statements)
                if (auto s = exec(q, sql); !s.ok())
                    return s;
            q.prepare(QStringLiteral("INSERT INTO schema_migrations (version) VALUES (?)"));
            q.addBindValue(m.version);
            if (!q.exec())
                return Error{QStringLiteral("schema.failed"), q.lastError().text()};
            continue;
        }
        if (!db.transaction())
            return Error{QStringLiteral("schema.failed"), db.lastError().text()};
        for (const QString &sql : m.statements) {
            if (auto s = exec(q, sql); !s.ok()) {
                db.rollback();
                return s;
            }
        }
        q.prepare(QStringLiteral("INSERT INTO schema_migrations (version) VALUES (?)"));
        q.addBindValue(m.version);
        if (!q.exec() || !db.commit()) {
            const QString why = q.lastError().text();
            db.rollback();
            return Error{QStringLiteral("schema.failed"), why};
        }
    }
    return {};
}

} // namespace kasp::server
