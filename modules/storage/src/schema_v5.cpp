// Schema version 5 (issue 5, deals): the head of sales' pipeline (`deal_stages`, empty until they
// first edit it: the built-in stages apply until then) and every move of a deal between stages
// (`deal_moves`, the funnel analytics' raw data). The board reads each column's newest deals, its
// count and its sum by (stage, updated_at, amount). Valid PostgreSQL too (tests/storage/tst_pgschema).
#include "kasp/storage/migrations.h"

namespace kasp::storage {

Migration schemaV5()
{
    return Migration{
        5,
        {
            QStringLiteral("CREATE TABLE deal_stages ("
                           " id TEXT PRIMARY KEY, key TEXT NOT NULL, title TEXT NOT NULL DEFAULT '',"
                           " position INTEGER NOT NULL DEFAULT 0, active INTEGER NOT NULL DEFAULT 1)"),
            QStringLiteral("CREATE TABLE deal_moves ("
                           " id TEXT PRIMARY KEY, deal_id TEXT NOT NULL REFERENCES deals(id),"
                           " guest_id TEXT NOT NULL REFERENCES guests(id), user_id TEXT,"
                           " from_stage TEXT NOT NULL, to_stage TEXT NOT NULL, at BIGINT NOT NULL)"),
            QStringLiteral("CREATE INDEX deal_moves_deal ON deal_moves (deal_id, at)"),
            QStringLiteral("CREATE INDEX deal_moves_at ON deal_moves (at)"),
            // Covering: a column's count and sum are read from the index alone (a stage may hold
            // hundreds of thousands of deals; their rows are scattered over the file).
            QStringLiteral("CREATE INDEX deals_stage_updated ON deals (stage, updated_at, amount)"),
        }};
}

} // namespace kasp::storage
