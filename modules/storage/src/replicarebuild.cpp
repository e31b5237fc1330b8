#include "kasp/storage/replicarebuild.h"

#include "kasp/storage/sqlhelpers.h"
#include "kasp/storage/storageerror.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

Q_LOGGING_CATEGORY(lcRebuild, "kasp.storage")

namespace kasp::storage {

namespace {

struct Kept
{
    QList<QVariantList> outbox; // mutation_id, name, args, created_at, author_id: copied as stored
    QString clientId;
    QString lastMutationId;
};

// Everything is read before anything is moved: a failure here leaves the file as it was.
Result<Kept> readKept(const OpenOptions &options)
{
    const QString connection = QStringLiteral("kasp-rebuild-read-") + QUuid::createUuid().toString();
    OpenOptions old = options;
    old.connectionName = connection;
    old.create = false;
    old.migrate = false;
    auto opened = ConnectionFactory::open(old);
    if (!opened.ok())
        return opened.error();
    Kept kept;
    Status status = [&]() -> Status {
        QSqlQuery q(opened.value());
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral(
                "SELECT mutation_id, name, args, created_at, author_id FROM outbox ORDER BY mutation_id")))
            return storageError(q.lastError(), QStringLiteral("rebuild: outbox"));
        while (q.next())
            kept.outbox.append({q.value(0), q.value(1), q.value(2), q.value(3), q.value(4)});
        if (auto s = sql::fetched(q, QStringLiteral("rebuild: outbox")); !s.ok())
            return s;
        if (!q.exec(
                QStringLiteral("SELECT key, value FROM meta WHERE key IN ('client_id', 'last_mutation_id')")))
            return storageError(q.lastError(), QStringLiteral("rebuild: meta"));
        while (q.next())
            (q.value(0).toString() == QLatin1String("client_id") ? kept.clientId : kept.lastMutationId) =
                q.value(1).toString();
        return sql::fetched(q, QStringLiteral("rebuild: meta"));
    }();
    opened = QSqlDatabase();
    ConnectionFactory::close(connection);
    if (!status.ok())
        return Error{QStringLiteral("storage.outbox_unreadable"),
                     QCoreApplication::translate(
                         "kasp::storage", "The changes not yet sent to the server cannot be read from the "
                                          "damaged database, so it was not rebuilt: they would be lost. "
                                          "Restore the database from a backup copy.")};
    return kept;
}

// The file and its WAL companions go aside under one name; nothing is deleted.
Result<QString> putAside(const QString &path, const QDateTime &now)
{
    const QString aside =
        path + QStringLiteral(".damaged-") + now.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    if (!QFile::rename(path, aside))
        return Error{QStringLiteral("storage.cannot_open"),
                     QCoreApplication::translate("kasp::storage",
                                                 "The damaged database could not be moved aside "
                                                 "(%1). Check the folder's permissions.")
                         .arg(aside)};
    for (const char *suffix : {"-wal", "-shm"})
        if (QFile::exists(path + QLatin1String(suffix)))
            QFile::rename(path + QLatin1String(suffix), aside + QLatin1String(suffix));
    return aside;
}

Status restoreKept(const OpenOptions &options, const Kept &kept)
{
    const QString connection = QStringLiteral("kasp-rebuild-write-") + QUuid::createUuid().toString();
    OpenOptions fresh = options;
    fresh.connectionName = connection;
    fresh.create = true;
    fresh.migrate = true;
    auto opened = ConnectionFactory::open(fresh);
    if (!opened.ok())
        return opened.error();
    Status status = [&]() -> Status {
        sql::WriteTransaction tx(opened.value());
        if (auto s = tx.begin(); !s.ok())
            return s;
        QSqlQuery q(opened.value());
        const QList<std::pair<QString, QString>> meta{
            {QStringLiteral("client_id"), kept.clientId},
            {QStringLiteral("last_mutation_id"), kept.lastMutationId}};
        for (const auto &[key, value] : meta) {
            if (value.isEmpty())
                continue;
            q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
            q.addBindValue(key);
            q.addBindValue(value);
            if (auto s = sql::exec(q, QStringLiteral("rebuild: meta")); !s.ok())
                return s;
        }
        if (auto s = sql::prepare(q, QStringLiteral("INSERT INTO outbox (mutation_id, name, args, "
                                                    "created_at, author_id) VALUES (?, ?, ?, ?, ?)"));
            !s.ok())
            return s;
        for (const QVariantList &row : kept.outbox) {
            for (int i = 0; i < row.size(); ++i)
                q.bindValue(i, row[i]);
            if (auto s = sql::exec(q, QStringLiteral("rebuild: outbox")); !s.ok())
                return s;
        }
        return tx.commit();
    }();
    opened = QSqlDatabase();
    ConnectionFactory::close(connection);
    return status;
}

} // namespace

Result<RebuildReport> rebuildKeepingOutbox(const OpenOptions &options, const Clock &clock)
{
    auto kept = readKept(options);
    if (!kept.ok())
        return kept.error();
    auto aside = putAside(options.path, clock.now());
    if (!aside.ok())
        return aside.error();
    if (auto s = restoreKept(options, kept.value()); !s.ok()) {
        // The new file is incomplete: the damaged one goes back, so that nothing is lost.
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(options.path + QLatin1String(suffix));
        QFile::rename(aside.value(), options.path);
        return s.error();
    }
    qCInfo(lcRebuild).noquote() << "rebuilt" << options.path << "keeping" << kept.value().outbox.size()
                                << "unsent changes; the damaged file is" << aside.value();
    return RebuildReport{aside.value(), kept.value().outbox.size()};
}

} // namespace kasp::storage
