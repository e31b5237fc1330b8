// Schema version 11 (issue 19, the guest's consent to advertising): one row per change of a
// guest's consent on a channel (sms, email, calls, ads) — given or withdrawn, when, how, by whom.
// Rows are never updated, so a withdrawal keeps what came before; the state of a channel is its
// latest row, found by (guest_id, channel, at). Valid PostgreSQL too (tests/storage/tst_pgschema).
#include "kasp/storage/migrations.h"

namespace kasp::storage {

Migration schemaV11()
{
    return Migration{
        11,
        {
            QStringLiteral("CREATE TABLE consents ("
                           " id TEXT PRIMARY KEY, guest_id TEXT NOT NULL REFERENCES guests(id),"
                           " channel TEXT NOT NULL, given INTEGER NOT NULL, at BIGINT NOT NULL,"
                           " method TEXT NOT NULL, user_id TEXT, note TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE INDEX consents_guest_channel_at ON consents (guest_id, channel, at)"),
        }};
}

} // namespace kasp::storage
