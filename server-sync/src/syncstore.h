#pragma once
// Push and pull over PostgreSQL (docs/SYNC.md).
//
// Push: one transaction per request. The client's row is locked, so two pushes of one client never
// interleave; each mutation is checked against last_mutation_id (seen -> duplicate, next ->
// applied or rejected, gap -> skipped) and runs under a savepoint, so a rejection undoes only that
// mutation. The organisation's row is locked while sequence numbers are handed out: records change
// in one total order per organisation, which is the "server order" of last-writer-wins.
//
// A rejected mutation re-stamps its entity (or writes a tombstone when the entity never existed),
// so the desktop's next pull overwrites its optimistic change: that is the roll-back.
#include "accountstore.h"
#include "kasp/syncproto/wire.h"
#include "statementcache.h"
#include <memory>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <unordered_map>

namespace kasp::server {

class SyncStore
{
public:
    explicit SyncStore(QSqlDatabase db) : m_db(db), m_sql(std::move(db)) {}

    // Errors: "client.foreign" (the client id belongs to another account), "server.database".
    // appliedAny tells the caller whether to poke the organisation after the commit.
    Result<sync::PushResponse> push(const Principal &who, const sync::PushRequest &request, bool *appliedAny);
    // After a reconnection: prepared statements belonged to the old session.
    void resetStatements() { m_sql.reset(); }
    // Errors: "sync.resync_required" (cursor older than what the server keeps), "client.foreign".
    Result<sync::PullResponse> pull(const Principal &who, const sync::PullRequest &request);

private:
    Status applyOne(const Principal &who, const sync::PushedMutation &m, qint64 &seq);
    Status checkReferences(const Principal &who, sync::EntityKind kind, const QJsonObject &data);
    // The price list stays one consistent book across desktops: a season against the category's
    // other seasons, a children's rule against the other ages, a promo code against the other codes
    // (pricebookcheck.cpp). The organisation's row is locked by then, so two heads of sales saving
    // at once are checked one after the other.
    Status checkPriceRecord(const Principal &who, sync::EntityKind kind, const QJsonObject &data);
    static bool isPriceKind(sync::EntityKind kind);
    // "entity.exists" when any record of the organisation, of any kind, already has this id.
    Status checkIdIsFree(const QString &orgId, const QString &kind, const QString &id);
    // One try of a push; *culprit names a mutation whose value the database refused.
    Result<sync::PushResponse> pushOnce(const Principal &who, const sync::PushRequest &request,
                                        bool *appliedAny, const QSet<qint64> &unstorable, qint64 *culprit);
    Result<qint64> claimClient(const Principal &who, const QString &clientId, bool lock);
    QSqlQuery *run(const QString &sql, const QVariantList &values = {}) { return m_sql.run(sql, values); }

    QSqlDatabase m_db;
    StatementCache m_sql;
};

} // namespace kasp::server
