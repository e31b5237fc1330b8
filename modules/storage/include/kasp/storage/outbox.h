#pragma once
// The outbox: every local write is a named mutation, applied to the tables and appended here in
// the same transaction. The sync engine pushes entries in mutation_id order and deletes them once
// the server has acknowledged them.
#include "kasp/core/mutation.h"
#include "kasp/core/result.h"
#include <functional>
#include <optional>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>

namespace kasp::storage {

struct OutboxEntry
{
    qint64 mutationId = 0;
    QString name;
    QJsonObject args;
    QDateTime createdAt;
    // Who made it (the user signed in then, schema 16): pushed under that person's server session
    // only. '' for older entries and writes with no signed-in user.
    QString authorId;
};

class Outbox
{
public:
    explicit Outbox(QSqlDatabase db) : m_db(std::move(db)) {}

    // Must run inside the caller's write transaction. Mutation ids never repeat, even after
    // acknowledged entries are removed: the counter lives in meta. The author is the connection's
    // SessionWriter (none: '').
    Status append(const Mutation &mutation, const QDateTime &at);
    Result<QList<OutboxEntry>> pending(int limit) const;
    Result<qint64> pendingCount() const;
    // How many pending entries each author has ('' for entries with none), in the order their
    // first entry waits.
    Result<QList<std::pair<QString, qint64>>> pendingByAuthor() const;
    // One pending entry (a rejected mutation's arguments, before it is acknowledged).
    Result<std::optional<OutboxEntry>> entry(qint64 mutationId) const;
    Status acknowledgeUpTo(qint64 mutationId);
    // The desk's identity in the sync protocol (made once, at the database's creation). An error,
    // never "", when it cannot be read (storage.corrupt on a damaged page) or is missing: pushed
    // under another id, the server would take the same changes twice.
    Result<QString> clientId() const;

private:
    QSqlDatabase m_db;
};

// The one way repositories write: apply() and the outbox entry commit together or not at all.
Status applyMutation(QSqlDatabase db, const Mutation &mutation, const QDateTime &at,
                     const std::function<Status()> &apply);

} // namespace kasp::storage
