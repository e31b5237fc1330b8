// Schema version 3 (issue 6, the head of sales' price list): seasons of each room category with
// their meal and programme prices, children's rules and discounts; and the online payment links. Before it
// every category sold at its bed-night price all year (the base tariff), which still prices categories
// without seasons.
#include "kasp/storage/migrations.h"

namespace kasp::storage {

Migration schemaV3()
{
    return Migration{
        3,
        {
            // One season of one category: prices per person per night, nights [first, end).
            // meals / treatments: JSON objects of kopecks by plan / profile key, as on the wire.
            QStringLiteral("CREATE TABLE tariffs ("
                           " id TEXT PRIMARY KEY, category_id TEXT NOT NULL REFERENCES room_categories(id),"
                           " season TEXT NOT NULL, first_night TEXT NOT NULL, end_night TEXT NOT NULL,"
                           " main_bed BIGINT NOT NULL, extra_bed BIGINT NOT NULL,"
                           " meals TEXT NOT NULL DEFAULT '{}', treatments TEXT NOT NULL DEFAULT '{}',"
                           " min_nights INTEGER NOT NULL DEFAULT 1)"),
            QStringLiteral("CREATE INDEX tariffs_category ON tariffs (category_id, first_night)"),
            QStringLiteral("CREATE TABLE child_rules ("
                           " id TEXT PRIMARY KEY, from_age INTEGER NOT NULL, to_age INTEGER NOT NULL,"
                           " percent INTEGER NOT NULL, needs_bed INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE discounts ("
                           " id TEXT PRIMARY KEY, kind TEXT NOT NULL, percent INTEGER NOT NULL,"
                           " min_nights INTEGER NOT NULL DEFAULT 0, code TEXT NOT NULL DEFAULT '',"
                           " valid_from TEXT NOT NULL DEFAULT '', valid_to TEXT NOT NULL DEFAULT '')"),
            // Online prepayment links this desktop asked the payment provider for. Local, not
            // replicated: the desktop that made a link watches it and records the payment (which
            // does sync). The idempotence key is stored before the provider is asked, so a retry
            // after a crash can never charge twice.
            QStringLiteral(
                "CREATE TABLE payment_links ("
                " idempotence_key TEXT PRIMARY KEY, booking_id TEXT NOT NULL,"
                " amount BIGINT NOT NULL, provider_id TEXT NOT NULL DEFAULT '',"
                " url TEXT NOT NULL DEFAULT '', status TEXT NOT NULL, message TEXT NOT NULL DEFAULT '',"
                " created_at BIGINT NOT NULL, created_by TEXT)"),
            QStringLiteral("CREATE INDEX payment_links_booking ON payment_links (booking_id)"),
        }};
}

} // namespace kasp::storage
