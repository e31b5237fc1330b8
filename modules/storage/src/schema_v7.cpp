// Schema version 7 (issue 5): a task's kind (a call-back is closed by the call itself; the form
// and the agenda show the kind) and where a touch came from (a web request's UTM tags: the card's
// "source"). Valid PostgreSQL too (tests/storage/tst_pgschema).
#include "kasp/storage/migrations.h"

namespace kasp::storage {

Migration schemaV7()
{
    return Migration{7,
                     {
                         QStringLiteral("ALTER TABLE tasks ADD COLUMN kind TEXT NOT NULL DEFAULT 'other'"),
                         QStringLiteral("ALTER TABLE touches ADD COLUMN source TEXT NOT NULL DEFAULT ''"),
                     }};
}

} // namespace kasp::storage
