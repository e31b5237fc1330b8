// Schema version 9 (issue 5): «не дубль» travels. A pair of look-alike cards marked as two people
// becomes a replicated record (kind guest_distinct), so no desk offers the pair again. The table
// from schema 6 gains the record's id and who marked it; pairs marked before stay local (no id).
#include "kasp/storage/migrations.h"

namespace kasp::storage {

Migration schemaV9()
{
    return Migration{
        9,
        {
            QStringLiteral("ALTER TABLE guest_distinct_pairs ADD COLUMN id TEXT"),
            QStringLiteral("ALTER TABLE guest_distinct_pairs ADD COLUMN user_id TEXT"),
            QStringLiteral("CREATE UNIQUE INDEX guest_distinct_pairs_id ON guest_distinct_pairs (id)"),
        }};
}

} // namespace kasp::storage
