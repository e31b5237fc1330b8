#include "kasp/storage/storageerror.h"

#include "kasp/storage/damagecheck.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcStorageError, "kasp.storage")

namespace kasp::storage {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("kasp::storage", text);
}
} // namespace

StorageFailure classify(const QSqlError &error)
{
    bool ok = false;
    const int extended = error.nativeErrorCode().toInt(&ok);
    if (!ok)
        return StorageFailure::Other;
    switch (extended & 0xff) { // the primary result code is the low byte of the extended one
    case 26:                   // SQLITE_NOTADB
        return StorageFailure::WrongKeyOrNotDatabase;
    case 11: // SQLITE_CORRUPT
        return StorageFailure::Corrupt;
    case 8: // SQLITE_READONLY
        return StorageFailure::ReadOnly;
    case 13: // SQLITE_FULL
        return StorageFailure::DiskFull;
    case 14: // SQLITE_CANTOPEN
        return StorageFailure::CannotOpen;
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        return StorageFailure::Busy;
    case 19: // SQLITE_CONSTRAINT
        return StorageFailure::Constraint;
    case 10: // SQLITE_IOERR: a write that hit a full disk often surfaces as an I/O error
        return error.text().contains(QLatin1String("full"), Qt::CaseInsensitive) ? StorageFailure::DiskFull
                                                                                 : StorageFailure::Other;
    default:
        return StorageFailure::Other;
    }
}

Error storageError(const QSqlError &error, const QString &context)
{
    QString code;
    QString message;
    switch (classify(error)) {
    case StorageFailure::WrongKeyOrNotDatabase:
        code = QStringLiteral("storage.wrong_key");
        message = tr("The database cannot be opened: the key is wrong or the file is not a KASP database.");
        break;
    case StorageFailure::Corrupt:
        code = QStringLiteral("storage.corrupt");
        message = damagedDatabaseMessage();
        break;
    case StorageFailure::ReadOnly:
        code = QStringLiteral("storage.read_only");
        message = tr("The database is read-only: changes cannot be saved. Check the file's permissions.");
        break;
    case StorageFailure::DiskFull:
        code = QStringLiteral("storage.disk_full");
        message = tr("The disk is full: the change was not saved. Free some space and try again.");
        break;
    case StorageFailure::CannotOpen:
        code = QStringLiteral("storage.cannot_open");
        message = tr("The database file cannot be opened. Check that the folder exists and is accessible.");
        break;
    case StorageFailure::Busy:
        code = QStringLiteral("storage.busy");
        message = tr("The database is busy. Try again in a moment.");
        break;
    case StorageFailure::Constraint:
        code = QStringLiteral("storage.constraint");
        message = tr("The change conflicts with existing data.");
        break;
    case StorageFailure::Other:
        code = QStringLiteral("storage.error");
        message = tr("A database error occurred.");
        break;
    }
    // SQLite's English goes to the log, not to the user: the message alone says what to do.
    QString detail =
        error.text().trimmed() + QLatin1String(" [") + error.nativeErrorCode() + QLatin1Char(']');
    if (!context.isEmpty())
        detail = context + QLatin1String(": ") + detail;
    qCWarning(lcStorageError).noquote() << code << detail;
    return Error{code, message};
}

} // namespace kasp::storage
