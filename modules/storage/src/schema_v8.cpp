// Schema version 8 (issue 4): a user's SIP extension, which the desk's phone publishes when it
// registers, so that colleagues can transfer a call to it; a call touch's recording (the file's
// path under the recording desk's recordings folder). Nullable: a replica row from a server
// that does not send the field yet reads as "" (unknown). Valid PostgreSQL too.
#include "kasp/storage/migrations.h"

namespace kasp::storage {

Migration schemaV8()
{
    return Migration{8,
                     {
                         QStringLiteral("ALTER TABLE users ADD COLUMN extension TEXT"),
                         QStringLiteral("ALTER TABLE touches ADD COLUMN recording TEXT NOT NULL DEFAULT ''"),
                     }};
}

} // namespace kasp::storage
