// Schema version 16 (issue 20, who made each unsent change): an outbox entry records its author, the
// user signed in when it was written (the connection's SessionWriter), so that the push sends it
// under that person's own server session and never under a colleague's who signed in after them.
// '' for entries queued before this version and for writes with no signed-in user (tools, the demo
// generator): the signed-in person's session pushes those, as before.
#include "kasp/storage/migrations.h"

namespace kasp::storage {

Migration schemaV16()
{
    return Migration{16, {QStringLiteral("ALTER TABLE outbox ADD COLUMN author_id TEXT NOT NULL DEFAULT ''")}};
}

} // namespace kasp::storage
