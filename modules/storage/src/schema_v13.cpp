// Schema version 13 (issue 20, the department's rules as records): the booking rules the head of
// sales sets for every desk — how long an unpaid hold lasts, the prepayment share asked for. A
// change is a new row (who, when); the latest row decides, so the rules' history stays. Valid
// PostgreSQL too (tests/storage/tst_pgschema).
#include "kasp/storage/migrations.h"

namespace kasp::storage {

Migration schemaV13()
{
    return Migration{
        13,
        {
            QStringLiteral("CREATE TABLE booking_policies ("
                           " id TEXT PRIMARY KEY, hold_hours INTEGER NOT NULL,"
                           " prepayment_percent INTEGER NOT NULL, at BIGINT NOT NULL, user_id TEXT)"),
            QStringLiteral("CREATE INDEX booking_policies_at ON booking_policies (at)"),
        }};
}

} // namespace kasp::storage
