#pragma once
// Password verifiers: argon2id through libsodium (crypto_pwhash_str), the same function and limits
// kasp-sync uses for its accounts. A verifier is a self-describing ASCII string (algorithm,
// limits, salt, hash); the password itself is never kept anywhere.
#include "kasp/core/result.h"
#include <functional>
#include <QString>

class QObject;

namespace kasp::session {

struct PasswordHash
{
    // A new verifier with a fresh random salt (~64 MiB and a fraction of a second: libsodium's
    // INTERACTIVE limits, meant for a person waiting at a sign-in).
    static Result<QString> make(const QString &password);
    // Whether `password` is the one `verifier` was made from; false for an empty or damaged verifier.
    static bool verify(const QString &verifier, const QString &password);

    // The same off the calling thread (a person waiting at a sign-in keeps a window that answers):
    // the work runs on a worker thread, and `done` on `context`'s thread once it ends; never when
    // `context` is gone by then.
    static void makeLater(const QString &password, QObject *context,
                          std::function<void(const Result<QString> &)> done);
    static void verifyLater(const QString &verifier, const QString &password, QObject *context,
                            std::function<void(bool)> done);
};

} // namespace kasp::session
