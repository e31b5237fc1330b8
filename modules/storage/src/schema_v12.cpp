// Schema version 12 (issue 20, a real sign-in): desk_sign_in, this desk's own record of who may
// sign in here and how it went. Never synced, never part of the replica (a resync leaves it):
// - verifier: an argon2id string (libsodium's crypto_pwhash_str: algorithm, limits, salt, hash),
//   never the password. On a desk without a server it is the local account's password; on a desk
//   that syncs it is written when the server accepts the person's password, so that the person can
//   sign in here while the server is away. NULL: nobody has a password on this desk for that login.
// - failures, last_failure_at: failed attempts in a row (core SignInThrottle decides the wait).
// - signed_in_at: the last successful sign-in here.
// Valid PostgreSQL too (tests/storage/tst_pgschema).
#include "kasp/storage/migrations.h"

namespace kasp::storage {

Migration schemaV12()
{
    return Migration{12,
                     {
                         QStringLiteral("CREATE TABLE desk_sign_in ("
                                        " login TEXT PRIMARY KEY, verifier TEXT,"
                                        " failures INTEGER NOT NULL DEFAULT 0, last_failure_at BIGINT,"
                                        " signed_in_at BIGINT)"),
                     }};
}

} // namespace kasp::storage
