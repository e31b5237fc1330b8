#include "kasp/session/passwordhash.h"

#include <QtConcurrent/QtConcurrentRun>
#include <sodium.h>

namespace kasp::session {

namespace {
bool sodiumReady()
{
    // Thread-safe and idempotent; -1 only when the library cannot start (no randomness source).
    static const bool ready = sodium_init() >= 0;
    return ready;
}
} // namespace

Result<QString> PasswordHash::make(const QString &password)
{
    if (!sodiumReady())
        return Error{QStringLiteral("session.no_crypto"), QStringLiteral("libsodium cannot start")};
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return Error{QStringLiteral("session.hash_failed"),
                     QStringLiteral("out of memory hashing a password")};
    return QString::fromLatin1(out);
}

bool PasswordHash::verify(const QString &verifier, const QString &password)
{
    if (verifier.isEmpty() || !sodiumReady())
        return false;
    const QByteArray v = verifier.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(v.constData(), utf8.constData(),
                                    static_cast<unsigned long long>(utf8.size())) == 0;
}

void PasswordHash::makeLater(const QString &password, QObject *context,
                             std::function<void(const Result<QString> &)> done)
{
    QtConcurrent::run([password] {
        return make(password);
    }).then(context, [done = std::move(done)](const Result<QString> &verifier) { done(verifier); });
}

void PasswordHash::verifyLater(const QString &verifier, const QString &password, QObject *context,
                               std::function<void(bool)> done)
{
    QtConcurrent::run([verifier, password] {
        return verify(verifier, password);
    }).then(context, [done = std::move(done)](bool matched) { done(matched); });
}

} // namespace kasp::session
