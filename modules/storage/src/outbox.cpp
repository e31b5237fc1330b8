#include "kasp/storage/outbox.h"

#include "kasp/storage/sessionwriter.h"
#include "kasp/storage/sqlhelpers.h"
#include "kasp/storage/storageerror.h"
#include "kasp/syncproto/mutationplan.h"
#include "kasp/syncproto/spelling.h"

#include <QJsonDocument>
#include <QSqlError>

namespace kasp::storage {

namespace {
// An entry as it is pushed and re-applied: one queued by the previous release carries protocol 1's
// names (spelling.h) and is read in today's, so the push and the replay over a pulled page agree.
OutboxEntry readEntry(const QSqlQuery &query)
{
    const QString name = query.value(1).toString();
    return OutboxEntry{
        query.value(0).toLongLong(), name,
        sync::argsFromProtocol1(name, QJsonDocument::fromJson(query.value(2).toString().toUtf8()).object()),
        sql::toInstant(query.value(3)), query.value(4).toString()};
}
} // namespace

Status Outbox::append(const Mutation &mutation, const QDateTime &at)
{
    // Every local write comes here: kept queries. (SQLite 3.15 under SQLCipher 3.4: no RETURNING.)
    if (auto step = sql::runKept(m_db,
                                 QStringLiteral("UPDATE meta SET value = CAST(value AS INTEGER) + 1 "
                                                "WHERE key = 'last_mutation_id'"),
                                 {}, QStringLiteral("outbox counter"));
        !step.ok())
        return step.error();
    auto counter = sql::runKept(m_db, QStringLiteral("SELECT value FROM meta WHERE key = 'last_mutation_id'"),
                                {}, QStringLiteral("outbox counter"));
    if (!counter.ok())
        return counter.error();
    if (!counter.value()->next())
        return Error{QStringLiteral("storage.failed"), QStringLiteral("the outbox counter is missing")};
    const qint64 mutationId = counter.value()->value(0).toLongLong();
    counter.value()->finish();
    const auto writer = sessionWriter(m_db);
    auto inserted = sql::runKept(
        m_db,
        QStringLiteral(
            "INSERT INTO outbox (mutation_id, name, args, created_at, author_id) VALUES (?, ?, ?, ?, ?)"),
        {mutationId, mutation.name,
         QString::fromUtf8(QJsonDocument(mutation.args).toJson(QJsonDocument::Compact)), sql::fromInstant(at),
         writer ? idToString(writer->userId) : QString(QLatin1String(""))},
        QStringLiteral("outbox append"));
    return inserted.ok() ? Status() : Status(inserted.error());
}

Result<QList<OutboxEntry>> Outbox::pending(int limit) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (auto s = sql::prepare(
            query, QStringLiteral("SELECT mutation_id, name, args, created_at, author_id FROM outbox "
                                  "ORDER BY mutation_id LIMIT ?"));
        !s.ok())
        return s.error();
    query.addBindValue(limit);
    if (auto s = sql::exec(query, QStringLiteral("outbox pending")); !s.ok())
        return s.error();
    QList<OutboxEntry> entries;
    while (query.next())
        entries.append(readEntry(query));
    if (auto s = sql::fetched(query, QStringLiteral("outbox")); !s.ok())
        return s.error();
    return entries;
}

Result<std::optional<OutboxEntry>> Outbox::entry(qint64 mutationId) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (auto s = sql::prepare(
            query, QStringLiteral("SELECT mutation_id, name, args, created_at, author_id FROM outbox "
                                  "WHERE mutation_id = ?"));
        !s.ok())
        return s.error();
    query.addBindValue(mutationId);
    if (auto s = sql::exec(query, QStringLiteral("outbox entry")); !s.ok())
        return s.error();
    if (!query.next())
        return std::optional<OutboxEntry>();
    return std::optional<OutboxEntry>(readEntry(query));
}

Result<qint64> Outbox::pendingCount() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM outbox")) || !query.next())
        return storageError(query.lastError(), QStringLiteral("outbox count"));
    return query.value(0).toLongLong();
}

Result<QList<std::pair<QString, qint64>>> Outbox::pendingByAuthor() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (auto s =
            sql::prepare(query, QStringLiteral("SELECT author_id, count(*) FROM outbox GROUP BY author_id "
                                               "ORDER BY min(mutation_id)"));
        !s.ok())
        return s.error();
    if (auto s = sql::exec(query, QStringLiteral("outbox by author")); !s.ok())
        return s.error();
    QList<std::pair<QString, qint64>> authors;
    while (query.next())
        authors.append({query.value(0).toString(), query.value(1).toLongLong()});
    if (auto s = sql::fetched(query, QStringLiteral("outbox")); !s.ok())
        return s.error();
    return authors;
}

Status Outbox::acknowledgeUpTo(qint64 mutationId)
{
    QSqlQuery query(m_db);
    if (auto s = sql::prepare(query, QStringLiteral("DELETE FROM outbox WHERE mutation_id <= ?")); !s.ok())
        return s;
    query.addBindValue(mutationId);
    return sql::exec(query, QStringLiteral("outbox acknowledge"));
}

Result<QString> Outbox::clientId() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (auto s = sql::prepare(query, QStringLiteral("SELECT value FROM meta WHERE key = 'client_id'"));
        !s.ok())
        return s.error();
    if (auto s = sql::exec(query, QStringLiteral("client id")); !s.ok())
        return s.error();
    const QString id = query.next() ? query.value(0).toString() : QString();
    if (auto s = sql::fetched(query, QStringLiteral("client id")); !s.ok())
        return s.error();
    if (id.isEmpty())
        return Error{QStringLiteral("storage.failed"), QStringLiteral("the desk has no client id")};
    return id;
}

Status applyMutation(QSqlDatabase db, const Mutation &mutation, const QDateTime &at,
                     const std::function<Status()> &apply)
{
    auto plan = sync::planMutation(mutation);
    if (!plan.ok())
        return plan.error();
    if (auto s = authorizeWrite(db, plan.value()); !s.ok())
        return s;
    sql::WriteTransaction tx(db);
    if (auto s = tx.begin(); !s.ok())
        return s;
    if (auto s = apply(); !s.ok())
        return s;
    if (auto s = Outbox(db).append(mutation, at); !s.ok())
        return s;
    return tx.commit();
}

} // namespace kasp::storage
