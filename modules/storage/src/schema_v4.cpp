// Schema version 4 (issue 5, the CRM's one search box): e-mails are found by any prefix whatever
// their case, and bookings by the number on their voucher (the id's last 8 hex digits, see
// kasp::bookingNumber). Both are expression indexes, so nothing new is stored or synced; the
// statements are valid PostgreSQL too (tests/storage/tst_pgschema).
#include "kasp/storage/migrations.h"

namespace kasp::storage {

Migration schemaV4()
{
    return Migration{4,
                     {
                         QStringLiteral("DROP INDEX guest_emails_email"),
                         QStringLiteral("CREATE INDEX guest_emails_lower ON guest_emails (lower(email))"),
                         QStringLiteral("CREATE INDEX bookings_number ON bookings (substr(id, 29))"),
                     }};
}

} // namespace kasp::storage
