#pragma once
// Turns what SQLite says into something a consultant can act on, with a stable code for tests.
#include "kasp/core/result.h"
#include <QSqlError>

namespace kasp::storage {

enum class StorageFailure {
    WrongKeyOrNotDatabase,
    Corrupt,
    ReadOnly,
    DiskFull,
    CannotOpen,
    Busy,
    Constraint,
    Other
};

StorageFailure classify(const QSqlError &error);
// code: "storage.wrong_key", "storage.corrupt", "storage.read_only", "storage.disk_full",
// "storage.cannot_open", "storage.busy", "storage.constraint", "storage.error".
Error storageError(const QSqlError &error, const QString &context);

} // namespace kasp::storage
