// Schema version 17 (issue 21, the Гости list's filters): what each filter asks is found by index at a
// million guests. The guests' manager («Мои гости») and birth month («День рождения в этом месяце»)
// get indexes of their own. guest_stays keeps, per guest, the dates of their bookings the filters of
// stays ask about, as the card counts them (bought: prepaid, paid or checked in): the latest and the
// earliest bought check-in, the earliest bought check-out, and the latest check-in of any booking not
// cancelled. These do not depend on the day, so "the last stay that took place", "stayed with us
// before" and "a stay ahead" are index ranges against today. It is the desk's own summary of its
// bookings, never synced: triggers on bookings keep it (desk only; PostgreSQL has the table, no
// triggers), and this step fills it from the bookings already here.
#include "kasp/storage/migrations.h"

namespace kasp::storage {

namespace {

const QString kBought = QStringLiteral("('prepaid', 'paid', 'checked_in')");

// guest_stays' row for the guest `who` (NEW.guest_id, OLD.guest_id) from their bookings, computed
// again: deleted first, so no conflict clause is involved (an outer INSERT OR REPLACE's clause would
// apply to a trigger's own INSERT OR ...). `except`: a booking id left out (the row being replaced).
QString recompute(const QString &who, const QString &except = QStringLiteral("''"))
{
    return QStringLiteral(
               "DELETE FROM guest_stays WHERE guest_id = %1; "
               "INSERT INTO guest_stays (guest_id, last_bought_in, first_bought_in, first_bought_out, "
               "last_live_in) SELECT %1, "
               "max(CASE WHEN status IN %2 THEN check_in END), "
               "min(CASE WHEN status IN %2 THEN check_in END), "
               "min(CASE WHEN status IN %2 THEN check_out END), "
               "max(CASE WHEN status <> 'cancelled' THEN check_in END) "
               "FROM bookings WHERE guest_id = %1 AND id <> %3;")
        .arg(who, kBought, except);
}

} // namespace

Migration schemaV17()
{
    Migration m{
        17,
        {
            QStringLiteral("CREATE INDEX guests_manager ON guests (manager_id)"),
            QStringLiteral("CREATE INDEX guests_birth_month ON guests (substr(birth_date, 6, 2))"),
            QStringLiteral("CREATE TABLE guest_stays ("
                           " guest_id TEXT PRIMARY KEY, last_bought_in TEXT, first_bought_in TEXT,"
                           " first_bought_out TEXT, last_live_in TEXT)"),
            QStringLiteral("CREATE INDEX guest_stays_last_bought_in ON guest_stays (last_bought_in)"),
            QStringLiteral("CREATE INDEX guest_stays_first_bought_in ON guest_stays (first_bought_in)"),
            QStringLiteral("CREATE INDEX guest_stays_first_bought_out ON guest_stays (first_bought_out)"),
            QStringLiteral("CREATE INDEX guest_stays_last_live_in ON guest_stays (last_live_in)"),
            QStringLiteral(
                "INSERT INTO guest_stays (guest_id, last_bought_in, first_bought_in, first_bought_out,"
                " last_live_in) SELECT guest_id,"
                " max(CASE WHEN status IN %1 THEN check_in END),"
                " min(CASE WHEN status IN %1 THEN check_in END),"
                " min(CASE WHEN status IN %1 THEN check_out END),"
                " max(CASE WHEN status <> 'cancelled' THEN check_in END)"
                " FROM bookings GROUP BY guest_id")
                .arg(kBought),
        }};
    // A new booking only widens the dates: no read of the guest's other bookings (the demo's and a
    // first sync's millions of inserts). A pulled record is stored by INSERT OR REPLACE, whose delete
    // fires no trigger: before such an insert the guest's row is computed without the old booking.
    // A change or a removal computes the guest's row again.
    m.deskStatements = {
        QStringLiteral("CREATE TRIGGER guest_stays_booking_replaced BEFORE INSERT ON bookings "
                       "WHEN EXISTS (SELECT 1 FROM bookings WHERE id = NEW.id) BEGIN %1 END")
            .arg(recompute(QStringLiteral("(SELECT guest_id FROM bookings WHERE id = NEW.id)"),
                           QStringLiteral("NEW.id"))),
        QStringLiteral("CREATE TRIGGER guest_stays_booking_added AFTER INSERT ON bookings BEGIN "
                       "INSERT INTO guest_stays (guest_id) SELECT NEW.guest_id "
                       "WHERE NOT EXISTS (SELECT 1 FROM guest_stays WHERE guest_id = NEW.guest_id); "
                       "UPDATE guest_stays SET "
                       "last_bought_in = CASE WHEN NEW.status IN %1 AND (last_bought_in IS NULL OR "
                       "NEW.check_in > last_bought_in) THEN NEW.check_in ELSE last_bought_in END, "
                       "first_bought_in = CASE WHEN NEW.status IN %1 AND (first_bought_in IS NULL OR "
                       "NEW.check_in < first_bought_in) THEN NEW.check_in ELSE first_bought_in END, "
                       "first_bought_out = CASE WHEN NEW.status IN %1 AND (first_bought_out IS NULL OR "
                       "NEW.check_out < first_bought_out) THEN NEW.check_out ELSE first_bought_out END, "
                       "last_live_in = CASE WHEN NEW.status <> 'cancelled' AND (last_live_in IS NULL OR "
                       "NEW.check_in > last_live_in) THEN NEW.check_in ELSE last_live_in END "
                       "WHERE guest_id = NEW.guest_id; END")
            .arg(kBought),
        QStringLiteral(
            "CREATE TRIGGER guest_stays_booking_changed AFTER UPDATE OF guest_id, status, check_in, "
            "check_out ON bookings BEGIN %1 %2 END")
            .arg(recompute(QStringLiteral("OLD.guest_id")), recompute(QStringLiteral("NEW.guest_id"))),
        QStringLiteral("CREATE TRIGGER guest_stays_booking_removed AFTER DELETE ON bookings BEGIN %1 END")
            .arg(recompute(QStringLiteral("OLD.guest_id"))),
    };
    return m;
}

} // namespace kasp::storage
