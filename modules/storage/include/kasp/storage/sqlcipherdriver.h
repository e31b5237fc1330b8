#pragma once
// The "QSQLCIPHER" Qt SQL driver: QSqlDatabase over the statically linked SQLCipher 3.4 C API.
// No sqlite header here on purpose: only the driver sources see <sqlite3.h>, so nothing else can
// pick up the system libsqlite3 declarations by accident (see PLATFORM-NOTES.md).
//
// Usage: registerSqlCipherDriver(); QSqlDatabase::addDatabase(kSqlCipherDriverName, name);
// setPassword() takes the key handed verbatim to sqlite3_key(): "x'<64 hex>'" for a raw key or a
// passphrase. Connect options (';'-separated): KASP_OPEN_READONLY, KASP_BUSY_TIMEOUT=<ms> (5000).

namespace kasp::storage {

inline constexpr auto kSqlCipherDriverName = "QSQLCIPHER";

// Registers the driver with QSqlDatabase. Idempotent and thread-safe.
void registerSqlCipherDriver();

} // namespace kasp::storage
