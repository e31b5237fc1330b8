#include "kasp/storage/damagecheck.h"

#include "kasp/storage/storageerror.h"
#include "sqlcipher/sqlcipherdriver_p.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <sqlite3.h>

Q_LOGGING_CATEGORY(lcDamage, "kasp.storage")

namespace kasp::storage {

QMetaObject::Connection watchDamage(const QSqlDatabase &db, QObject *receiver,
                                    std::function<void(const QString &detail)> onDamage)
{
    const auto *driver = qobject_cast<const detail::SqlCipherDriver *>(db.driver());
    if (!driver)
        return {};
    return QObject::connect(driver, &detail::SqlCipherDriver::damageFound, receiver, std::move(onDamage));
}

void interruptCheck(QSqlDriver *driver)
{
    if (const auto *cipher = qobject_cast<const detail::SqlCipherDriver *>(driver);
        cipher && cipher->connection())
        sqlite3_interrupt(cipher->connection());
}

QString damagedDatabaseMessage()
{
    return QCoreApplication::translate(
        "kasp::storage", "The database is damaged: some of its data cannot be read, so lists may be "
                         "incomplete. Restore the database from a backup copy or, on a desk that syncs "
                         "with the server, rebuild it from the server.");
}

Status checkPages(QSqlDatabase db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // quick_check reports a page it cannot read as a row ("unable to get the page") rather than an
    // error; an error comes when the schema itself (page 1, sqlite_master) does not read.
    if (!q.exec(QStringLiteral("PRAGMA quick_check")))
        return storageError(q.lastError(), QStringLiteral("quick_check"));
    QStringList problems;
    while (q.next()) {
        const QString line = q.value(0).toString();
        if (line != QLatin1String("ok"))
            problems.append(line);
    }
    if (q.lastError().isValid())
        return storageError(q.lastError(), QStringLiteral("quick_check"));
    if (problems.isEmpty())
        return {};
    qCCritical(lcDamage).noquote() << "quick_check found" << problems.size()
                                   << "problems, first:" << problems.mid(0, 5).join(QLatin1String("; "));
    return Error{QStringLiteral("storage.corrupt"), damagedDatabaseMessage()};
}

} // namespace kasp::storage
