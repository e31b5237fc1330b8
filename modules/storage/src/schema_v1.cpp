// Schema version 1: the logical schema shared with the server (PostgreSQL). Portable SQL only:
// TEXT ids (UUID), INTEGER money in kopecks, INTEGER UTC milliseconds for instants, TEXT
// 'yyyy-MM-dd' for calendar dates, so both sides sort and compare the same way. BIGINT, not
// INTEGER, wherever a value can pass 2^31: PostgreSQL's INTEGER is 32-bit (tests/storage/tst_pgschema).
#include "kasp/storage/migrations.h"

namespace kasp::storage {

// Indexes serve queries that exist: each one costs every insert and, at a million guests, minutes
// of the initial load. Analytics indexes (touches by time, deals by owner and stage, bookings by
// date) arrive with the migrations of the features that query them.
Migration schemaV1()
{
    return Migration{
        1,
        {
            QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
            QStringLiteral("INSERT INTO meta (key, value) VALUES ('last_mutation_id', '0')"),

            QStringLiteral("CREATE TABLE users ("
                           " id TEXT PRIMARY KEY, login TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,"
                           " role TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1)"),

            QStringLiteral("CREATE TABLE guests ("
                           " id TEXT PRIMARY KEY, last_name TEXT NOT NULL DEFAULT '', first_name TEXT NOT "
                           "NULL DEFAULT '',"
                           " middle_name TEXT NOT NULL DEFAULT '', birth_date TEXT, manager_id TEXT,"
                           " search_name TEXT NOT NULL DEFAULT '', main_phone TEXT,"
                           " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)"),
            QStringLiteral("CREATE INDEX guests_search_name ON guests (search_name)"),
            // e164_rev (reversed digits) turns "ends with 4567" into an index range scan.
            QStringLiteral(
                "CREATE TABLE guest_phones ("
                " guest_id TEXT NOT NULL REFERENCES guests(id) ON DELETE CASCADE, position INTEGER NOT NULL,"
                " e164 TEXT NOT NULL, ext TEXT NOT NULL DEFAULT '', e164_rev TEXT NOT NULL,"
                " PRIMARY KEY (guest_id, position))"),
            QStringLiteral("CREATE INDEX guest_phones_e164 ON guest_phones (e164)"),
            QStringLiteral("CREATE INDEX guest_phones_rev ON guest_phones (e164_rev)"),
            QStringLiteral(
                "CREATE TABLE guest_emails ("
                " guest_id TEXT NOT NULL REFERENCES guests(id) ON DELETE CASCADE, position INTEGER NOT NULL,"
                " email TEXT NOT NULL, PRIMARY KEY (guest_id, position))"),
            QStringLiteral("CREATE INDEX guest_emails_email ON guest_emails (email)"),
            QStringLiteral(
                "CREATE TABLE guest_tags ("
                " guest_id TEXT NOT NULL REFERENCES guests(id) ON DELETE CASCADE, tag TEXT NOT NULL,"
                " PRIMARY KEY (guest_id, tag))"),
            QStringLiteral("CREATE INDEX guest_tags_tag ON guest_tags (tag)"),

            QStringLiteral(
                "CREATE TABLE touches ("
                " id TEXT PRIMARY KEY, guest_id TEXT NOT NULL REFERENCES guests(id), user_id TEXT,"
                " kind TEXT NOT NULL, at BIGINT NOT NULL, duration_secs INTEGER NOT NULL DEFAULT 0,"
                " result TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE INDEX touches_guest_at ON touches (guest_id, at)"),

            QStringLiteral("CREATE TABLE buildings (id TEXT PRIMARY KEY, name TEXT NOT NULL, address TEXT "
                           "NOT NULL DEFAULT '')"),
            QStringLiteral(
                "CREATE TABLE room_categories ("
                " id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL, beds INTEGER NOT NULL,"
                " price_per_bed_night BIGINT NOT NULL)"),
            QStringLiteral("CREATE TABLE rooms ("
                           " id TEXT PRIMARY KEY, building_id TEXT NOT NULL REFERENCES buildings(id),"
                           " category_id TEXT NOT NULL REFERENCES room_categories(id), number TEXT NOT NULL,"
                           " floor INTEGER NOT NULL, beds INTEGER NOT NULL, UNIQUE (building_id, number))"),

            QStringLiteral("CREATE TABLE bookings ("
                           " id TEXT PRIMARY KEY, guest_id TEXT NOT NULL REFERENCES guests(id),"
                           " room_id TEXT NOT NULL REFERENCES rooms(id), check_in TEXT NOT NULL, check_out "
                           "TEXT NOT NULL,"
                           " adults INTEGER NOT NULL, children INTEGER NOT NULL, total BIGINT NOT NULL,"
                           " prepaid BIGINT NOT NULL, status TEXT NOT NULL, created_by TEXT, created_at "
                           "BIGINT NOT NULL)"),
            QStringLiteral("CREATE INDEX bookings_room_in ON bookings (room_id, check_in)"),
            QStringLiteral("CREATE INDEX bookings_guest ON bookings (guest_id)"),

            QStringLiteral(
                "CREATE TABLE deals ("
                " id TEXT PRIMARY KEY, guest_id TEXT NOT NULL REFERENCES guests(id), owner_id TEXT,"
                " title TEXT NOT NULL DEFAULT '', stage TEXT NOT NULL, amount BIGINT NOT NULL DEFAULT 0,"
                " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, closed_at BIGINT,"
                " lost_reason TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE INDEX deals_guest ON deals (guest_id)"),

            QStringLiteral(
                "CREATE TABLE tasks ("
                " id TEXT PRIMARY KEY, guest_id TEXT REFERENCES guests(id), assignee_id TEXT,"
                " title TEXT NOT NULL, due_at BIGINT, status TEXT NOT NULL, created_at BIGINT NOT NULL,"
                " done_at BIGINT)"),
            QStringLiteral("CREATE INDEX tasks_assignee_status_due ON tasks (assignee_id, status, due_at)"),
            QStringLiteral("CREATE INDEX tasks_guest ON tasks (guest_id)"),

            // Every local write, in order, waiting to be pushed (see docs/ARCHITECTURE.md, sync).
            QStringLiteral("CREATE TABLE outbox ("
                           " mutation_id INTEGER PRIMARY KEY, name TEXT NOT NULL, args TEXT NOT NULL,"
                           " created_at BIGINT NOT NULL)"),
        }};
}

} // namespace kasp::storage
