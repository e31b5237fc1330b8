#pragma once
// The secret that unlocks the local database. Normally a random 256-bit raw key kept in the OS
// keychain (SQLCipher uses it directly, no key derivation: ~6 ms to open). Without a keychain the
// user types a passphrase and SQLCipher derives the key from it (PBKDF2, slower, on purpose).
#include "kasp/core/result.h"
#include <QByteArray>
#include <QString>

namespace kasp::storage {

class DatabaseKey
{
public:
    enum class Kind { None, Raw, Passphrase };

    DatabaseKey() = default;
    static DatabaseKey generateRaw();
    static Result<DatabaseKey> fromHex(const QString &hex); // 64 hex digits
    static DatabaseKey fromPassphrase(const QString &passphrase);

    Kind kind() const { return m_kind; }
    bool isNull() const { return m_kind == Kind::None; }
    QString toHex() const; // raw keys only; what the keychain stores
    // What the SQLCipher driver hands to sqlite3_key(): "x'HEX'" for a raw key, the passphrase
    // otherwise. It is passed as the connection's password, never spliced into SQL text.
    QString sqlcipherKeySpec() const;

private:
    Kind m_kind = Kind::None;
    QByteArray m_raw;
    QString m_passphrase;
};

} // namespace kasp::storage
