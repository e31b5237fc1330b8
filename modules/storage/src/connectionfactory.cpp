#include "kasp/storage/connectionfactory.h"

#include "kasp/storage/migrations.h"
#include "kasp/storage/sqlcipherdriver.h"
#include "kasp/storage/storageerror.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QUuid>

Q_LOGGING_CATEGORY(lcStorage, "kasp.storage")

namespace kasp::storage {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kasp::storage", text);
}

Result<QSqlDatabase> fail(const QString &connectionName, Error error)
{
    qCWarning(lcStorage).noquote() << error.code << error.message;
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    return error;
}

// Checked before SQLite sees the file, so the message names the real cause.
std::optional<Error> checkFileAccess(const OpenOptions &options)
{
    const QFileInfo file(options.path);
    const QFileInfo dir(file.absolutePath());
    if (!file.exists()) {
        if (!options.create)
            return Error{QStringLiteral("storage.missing"),
                         tr("The database file does not exist: %1").arg(options.path)};
        if (!dir.exists() || !dir.isWritable())
            return Error{
                QStringLiteral("storage.read_only"),
                tr("Cannot create the database: the folder %1 is not writable.").arg(dir.absoluteFilePath())};
        return std::nullopt;
    }
    if (!file.isReadable())
        return Error{QStringLiteral("storage.cannot_open"),
                     tr("The database file is not readable: %1").arg(options.path)};
    // WAL writes its -wal and -shm files beside the database, so a folder closed for writing stops
    // KASP as surely as a read-only file. The message says which one, and that KASP does not start
    // (it never works on a database it cannot save to).
    if (!dir.isWritable())
        return Error{QStringLiteral("storage.read_only"),
                     tr("The folder %1 is read-only, and KASP keeps its working files next to the database "
                        "there, so it cannot open the database. Allow writing to that folder or move the "
                        "database to another one, then start KASP again.")
                         .arg(QDir::toNativeSeparators(dir.absoluteFilePath()))};
    if (!file.isWritable())
        return Error{QStringLiteral("storage.read_only"),
                     tr("The database file %1 is read-only, so KASP cannot open it. Allow writing to the "
                        "file, then start KASP again.")
                         .arg(QDir::toNativeSeparators(options.path))};
    return std::nullopt;
}

// The replica's identity in the sync protocol: random per database file, made once.
Status ensureClientId(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM meta WHERE key = 'client_id'")) || !q.next())
        return storageError(q.lastError(), QStringLiteral("client id"));
    if (q.value(0).toInt() > 0)
        return {};
    q.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES ('client_id', ?)"));
    q.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (!q.exec())
        return storageError(q.lastError(), QStringLiteral("client id"));
    return {};
}

} // namespace

Result<QSqlDatabase> ConnectionFactory::open(const OpenOptions &options)
{
    registerSqlCipherDriver();
    if (options.key.isNull())
        return Error{QStringLiteral("storage.no_key"),
                     QCoreApplication::translate("kasp::storage", "No database key was given.")};
    if (auto error = checkFileAccess(options))
        return fail(options.connectionName, *error);

    QSqlDatabase db =
        QSqlDatabase::addDatabase(QString::fromLatin1(kSqlCipherDriverName), options.connectionName);
    db.setDatabaseName(options.path);
    db.setPassword(options.key.sqlcipherKeySpec());
    // The driver proves the key inside open() by reading sqlite_master.
    if (!db.open())
        return fail(options.connectionName, storageError(db.lastError(), QStringLiteral("open")));
    db.setPassword(QString()); // do not keep the key around in the connection settings

    if (options.migrate) {
        const Status migrated = Migrator::migrate(db);
        if (!migrated.ok())
            return fail(options.connectionName, migrated.error());
        if (auto s = ensureClientId(db); !s.ok())
            return fail(options.connectionName, s.error());
    }
    // After the version check, so a database from a newer KASP is refused without a single write.
    QSqlQuery pragma(db);
    for (const char *sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON",
                            "PRAGMA temp_store=MEMORY", "PRAGMA cache_size=-16000"}) {
        if (!pragma.exec(QString::fromLatin1(sql)))
            return fail(options.connectionName, storageError(pragma.lastError(), QString::fromLatin1(sql)));
    }
    pragma.finish();

    qCInfo(lcStorage).noquote() << "opened" << options.path << "schema" << Migrator::currentVersion(db);
    return db;
}

ConnectionOpener ConnectionFactory::sameDatabase(const OpenOptions &opened)
{
    return [opened](const QString &connectionName) {
        OpenOptions options = opened;
        options.connectionName = connectionName;
        options.create = false;
        options.migrate = false;
        return open(options);
    };
}

void ConnectionFactory::close(const QString &connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

} // namespace kasp::storage
