// Schema version 15 (issue 19, the proof that a field of the guest is cheap): the city the guest
// lives in, a text field of the card (guestFields()). Empty for the cards before it. Valid
// PostgreSQL too (tests/storage/tst_pgschema).
#include "kasp/storage/migrations.h"

namespace kasp::storage {

Migration schemaV15()
{
    return Migration{15, {QStringLiteral("ALTER TABLE guests ADD COLUMN city TEXT NOT NULL DEFAULT ''")}};
}

} // namespace kasp::storage
