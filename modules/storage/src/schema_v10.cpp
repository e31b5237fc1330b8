// Schema version 10 (issue 5): deals at prepaid or paid by owner, for the minute's sweep that
// moves a deal to "stayed" when its guest's stay begins (BookingService::recordArrivals). Without
// it the sweep read the stage index's ~13,000 paid deals of every owner (0.35 s at 5 million
// deals). An index only: nothing on the wire changes.
#include "kasp/storage/migrations.h"

namespace kasp::storage {

Migration schemaV10()
{
    return Migration{10,
                     {
                         QStringLiteral("CREATE INDEX deals_paid_owner ON deals (owner_id, created_at)"
                                        " WHERE stage IN ('prepaid', 'paid')"),
                     }};
}

} // namespace kasp::storage
