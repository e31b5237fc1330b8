// Schema version 14 (issue 21, vouchers that could not be sent): this desk's queue of vouchers
// waiting for the mail server (local, not replicated). A voucher stays queued until the server
// takes it: the next attempt's time, how many were made, the last reason in the user's words,
// whether the card was told, and the consultant's task once it has waited too long. Valid
// PostgreSQL too (tests/storage/tst_pgschema).
#include "kasp/storage/migrations.h"

namespace kasp::storage {

Migration schemaV14()
{
    return Migration{14,
                     {
                         QStringLiteral("CREATE TABLE voucher_queue ("
                                        " booking_id TEXT PRIMARY KEY, guest_id TEXT,"
                                        " queued_at BIGINT NOT NULL, next_at BIGINT NOT NULL,"
                                        " attempts INTEGER NOT NULL DEFAULT 0, reason TEXT,"
                                        " noted INTEGER NOT NULL DEFAULT 0, task_id TEXT)"),
                     }};
}

} // namespace kasp::storage
