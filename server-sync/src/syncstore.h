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
#include <memory>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <unordered_map>

namespace kasp::server {

class SyncStore
{
public:
    explicit SyncStore(QSqlDatabase db) : m_db(std::move(db)) {}

    // Errors: "client.foreign" (the client id belongs to another account), "server.database".
    // appliedAny tells the caller whether to poke the organisation after the commit.
    Result<sync::PushResponse> push(const Principal &who, const sync::PushRequest &request, bool *appliedAny);
    // After a reconnection: prepared statements belonged to the old session.
    void resetStatements()
    {
        m_statements.clear();
        m_plain.reset();
    }
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
    // True when the record existed (live, or in any state when !liveOnly) and got a new seq.
    Result<bool> restamp(const QString &orgId, const QString &kind, const QString &id, qint64 &seq,
                         bool liveOnly = false);
    // "entity.exists" when any record of the organisation, of any kind, already has this id.
    Status checkIdIsFree(const QString &orgId, const QString &kind, const QString &id);
    // One try of a push; *culprit names a mutation whose value the database refused.
    Result<sync::PushResponse> pushOnce(const Principal &who, const sync::PushRequest &request,
                                        bool *appliedAny, const QSet<qint64> &unstorable, qint64 *culprit);
    // guest.merge: the merged card's history moves to the survivor, the card becomes a tombstone.
    Status moveGuestHistory(const QString &orgId, const QString &from, const QString &to, qint64 &seq);
    // A refused merge: the card and its history are sent again, undoing the desktop's optimism.
    Status restampGuestHistory(const QString &orgId, const QString &guestId, qint64 &seq);
    // The card a merged card went into (following merges), or the id itself.
    Result<QString> mergedInto(const QString &orgId, const QString &guestId);
    Result<qint64> claimClient(const Principal &who, const QString &clientId, bool lock);
    QSqlQuery *run(const QString &sql, const QVariantList &values = {});

    QSqlDatabase m_db;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    std::unique_ptr<QSqlQuery> m_plain; // the last unprepared statement (or a failed prepare)
};

} // namespace kasp::server
