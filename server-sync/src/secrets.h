#pragma once
// Passwords (argon2id through libsodium) and opaque tokens. Tokens are 256 random bits, shown to
// the client once and stored only as their SHA-256, so a database dump signs nobody in.
#include "kasp/core/result.h"
#include <QByteArray>
#include <QString>

namespace kasp::server {

bool initSecrets(); // sodium_init; false when the library cannot start
Result<QString> hashPassword(const QString &password);
bool verifyPassword(const QString &hash, const QString &password);
QString newToken();                      // base64url, 43 characters
QString tokenHash(const QString &token); // hex SHA-256
QString newRequestId();                  // short random id for logs

} // namespace kasp::server
