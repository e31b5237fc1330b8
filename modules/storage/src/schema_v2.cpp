// Schema version 2 (booking grid, issue 6): extra beds per room category, hold expiry and the
// cancellation reason on bookings, out-of-service periods of rooms, payments, and the index the
// grid reads a window of nights through. Portable SQL, as version 1 (it runs on PostgreSQL in tst_pgschema).
#include "kasp/storage/migrations.h"

namespace kasp::storage {

Migration schemaV2()
{
    return Migration{
        2,
        {
            QStringLiteral("ALTER TABLE room_categories ADD COLUMN extra_beds INTEGER NOT NULL DEFAULT 0"),
            // NULL: the hold does not expire (or the booking is past holding).
            QStringLiteral("ALTER TABLE bookings ADD COLUMN hold_until BIGINT"),
            QStringLiteral("ALTER TABLE bookings ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT ''"),
            // The путёвка's meal plan and programme profile, for the voucher.
            QStringLiteral("ALTER TABLE bookings ADD COLUMN meals TEXT NOT NULL DEFAULT 'full_board'"),
            QStringLiteral("ALTER TABLE bookings ADD COLUMN treatment TEXT NOT NULL DEFAULT 'general'"),
            // The grid asks "what lies in these nights": bookings leaving after the window's start.
            QStringLiteral("CREATE INDEX bookings_check_out ON bookings (check_out)"),
            // Each desktop lapses its own unpaid holds once a minute.
            QStringLiteral("CREATE INDEX bookings_holds ON bookings (created_by) WHERE status = 'hold'"),
            // Out of service (ремонт, консервация): the room takes no bookings on these nights.
            QStringLiteral(
                "CREATE TABLE room_closures ("
                " id TEXT PRIMARY KEY, room_id TEXT NOT NULL REFERENCES rooms(id),"
                " first_night TEXT NOT NULL, end_night TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE INDEX room_closures_room ON room_closures (room_id, first_night)"),
            // Money received against a booking; append-only, the booking's prepaid sum follows.
            QStringLiteral("CREATE TABLE payments ("
                           " id TEXT PRIMARY KEY, booking_id TEXT NOT NULL REFERENCES bookings(id),"
                           " guest_id TEXT NOT NULL REFERENCES guests(id), amount BIGINT NOT NULL,"
                           " method TEXT NOT NULL, at BIGINT NOT NULL, user_id TEXT, reference TEXT NOT NULL "
                           "DEFAULT '')"),
            QStringLiteral("CREATE INDEX payments_booking ON payments (booking_id)"),
        }};
}

} // namespace kasp::storage
