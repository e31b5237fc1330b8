#pragma once
// The local replica as the sync engine sees it: records by kind and id, in their wire JSON. It
// writes what the server sends (no outbox: these are not local changes) and applies one pulled
// page atomically: records, the new cursor and the acknowledgement of settled outbox entries in
// one transaction, then re-applies the still-pending local mutations on top, so an optimistic
// change survives a pull until the server has seen it.
#include "kasp/core/result.h"
#include "kasp/syncproto/entitykind.h"
#include "kasp/syncproto/wire.h"
#include <memory>
#include <optional>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <unordered_map>

namespace kasp::storage {

class ReplicaStore
{
public:
    explicit ReplicaStore(QSqlDatabase db) : m_db(std::move(db)) {}
    ReplicaStore(const ReplicaStore &) = delete;
    ReplicaStore &operator=(const ReplicaStore &) = delete;

    Result<std::optional<QJsonObject>> load(sync::EntityKind kind, const QString &id) const;
    // Whether a record of this kind has the id (one index lookup, no record read).
    Result<bool> exists(sync::EntityKind kind, const QString &id) const;
    // The kind's records (wire JSON, read through its table description) matching `where`, a
    // condition on its columns with `?` for `values` ("guest_id = ? ORDER BY at"). A repository
    // of a described kind reads through here instead of a column list of its own. Not guests.
    Result<QList<QJsonObject>> select(sync::EntityKind kind, const QString &where,
                                      const QVariantList &values) const;
    // Run inside a transaction (applyPage does).
    Status store(sync::EntityKind kind, const QJsonObject &record);
    Status remove(sync::EntityKind kind, const QString &id);
    // A record this desk changed (the write path, writeMutation): its row updated in place when it
    // exists, inserted otherwise, so foreign keys can stay on. Run inside a transaction.
    Status storeLocal(sync::EntityKind kind, const QJsonObject &record, bool exists);

    // Everything of one pulled page in one transaction; a failure leaves the replica untouched
    // (cursor included), so the page is simply pulled again.
    Status applyPage(const sync::PullResponse &page);
    // A push settled: the records the server refused to create are dropped from this replica
    // (the server wrote nothing for them, so no pull will bring a deletion), and the outbox
    // entries up to lastMutationId go, in one transaction. Refused changes of records the server
    // has come back with the next pull instead.
    Status settlePush(const QList<std::pair<sync::EntityKind, QString>> &refusedCreates,
                      qint64 lastMutationId);
    // 0 before the first sync. A row that cannot be read is an error (storage.corrupt on a damaged
    // page), never 0: a cursor of 0 would pull the whole base again.
    Result<qint64> cursor() const;
    // True from the first page of a sync that started at cursor 0 until a page says "no more";
    // an error when meta cannot be read.
    Result<bool> inSnapshot() const;
    // The server no longer has the history this replica needs ("sync.resync_required"): every
    // replicated row and the cursor go, in one transaction; a pull from 0 brings the base back.
    // The outbox stays: local changes not yet pushed are not lost.
    Status resetForResync();

private:
    // A first sync brings pages of thousands of guests: one statement per table for the page's
    // old rows, and statements prepared once, keep it near the speed of a bulk load.
    Status storeGuests(const QList<const sync::Record *> &records);
    QSqlQuery &statement(const QString &sql);

    QSqlDatabase m_db;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
};

} // namespace kasp::storage
