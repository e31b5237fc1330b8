#pragma once
// Password verifiers: argon2id through libsodium (crypto_pwhash_str), the same function and limits
// kasp-sync uses for its accounts. A verifier is a self-describing ASCII string (algorithm,
// limits, salt, hash); the password itself is never kept anywhere.
#include "kasp/core/result.h"
#include <QString>

namespace kasp::session {

struct PasswordHash
{
    // A new verifier with a fresh random salt (~64 MiB and a fraction of a second: libsodium's
    // INTERACTIVE limits, meant for a person waiting at a sign-in).
    static Result<QString> make(const QString &password);
    // Whether `password` is the one `verifier` was made from; false for an empty or damaged verifier.
    static bool verify(const QString &verifier, const QString &password);
};

} // namespace kasp::session
