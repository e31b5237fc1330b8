#include "syncstore.h"

#include "recordstamps.h"
#include "sqlsupport.h"

#include "kasp/core/textlimits.h"
#include "kasp/syncproto/accessrules.h"
#include "kasp/syncproto/entitymerge.h"
#include "kasp/syncproto/kinds.h"
#include "kasp/syncproto/mutationplan.h"
#include "kasp/syncproto/spelling.h"

#include <cstdlib>
#include <QDateTime>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace kasp::server {

using namespace kasp::sync;

namespace {

// The most a pull page carries in its records' data (its count is bounded by the request).
constexpr qsizetype kMaxPullPageBytes = 4 * 1024 * 1024;

// Qt binds a null QString as SQL NULL; NOT NULL text columns want ''.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QString jsonText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// The records a record points at, which must exist (and not be tombstones) in the organisation:
// its description's references (kinds.h); an optional one left empty names nothing.
QList<std::pair<QString, QString>> references(EntityKind kind, const QJsonObject &data)
{
    QList<std::pair<QString, QString>> found;
    for (const FieldSpec &f : kindSpec(kind).fields) {
        if (!f.refersTo)
            continue;
        const QString id = data.value(QLatin1String(f.field)).toString();
        if (id.isEmpty() && (f.flags & FieldSpec::Optional))
            continue;
        found.append({QLatin1String(f.refersTo), id});
    }
    return found;
}

// A record of a kind protocol 1 spelled otherwise (spelling.h), as the desk reads it: protocol 1's
// names for such a desk, today's for the others. Migration 7 respelled what was stored before; a
// record an older kasp-sync instance wrote after it (one left running through the upgrade) is
// respelled here too. These kinds are the room stock, users and closures: a few hundred records
// per organisation, so parsing them costs nothing next to the guests spliced unparsed.
QByteArray inDesksSpelling(int protocol, EntityKind kind, const QByteArray &data)
{
    QJsonObject record = recordFromProtocol1(kind, QJsonDocument::fromJson(data).object());
    if (protocol == 1)
        record = recordForProtocol1(kind, std::move(record));
    return QJsonDocument(record).toJson(QJsonDocument::Compact);
}

} // namespace

Result<qint64> SyncStore::claimClient(const Principal &who, const QString &clientId, bool lock)
{
    QSqlQuery *q = nullptr;
    if (!ok(q = run(QStringLiteral("INSERT INTO clients (id, org_id, account_id, last_seen) VALUES (?,?,?,?) "
                                   "ON CONFLICT (id) DO NOTHING"),
                    {clientId, who.orgId, who.accountId, QDateTime::currentMSecsSinceEpoch()})))
        return dbError(*q);
    if (!ok(q = run(QStringLiteral("SELECT org_id, last_mutation_id FROM clients WHERE id = ?%1")
                        .arg(lock ? QStringLiteral(" FOR UPDATE") : QString()),
                    {clientId})) ||
        !q->next())
        return dbError(*q);
    if (q->value(0).toString() != who.orgId)
        return Error{QStringLiteral("client.foreign"),
                     QStringLiteral("this client id belongs to another organisation")};
    return q->value(1).toLongLong();
}

Status SyncStore::checkIdIsFree(const QString &orgId, const QString &kind, const QString &id)
{
    QSqlQuery *q =
        run(QStringLiteral("SELECT kind FROM records WHERE org_id = ? AND id = ? LIMIT 1"), {orgId, id});
    if (!ok(q))
        return dbError(*q);
    if (q->next())
        return Error{QStringLiteral("entity.exists"),
                     QStringLiteral("the id %1 already names a record (%2); a new %3 takes a new id")
                         .arg(id, q->value(0).toString(), kind)};
    return {};
}

Status SyncStore::checkReferences(const Principal &who, EntityKind kind, const QJsonObject &data)
{
    for (const auto &[refKind, refId] : references(kind, data)) {
        QSqlQuery *q = run(
            QStringLiteral("SELECT 1 FROM records WHERE org_id = ? AND kind = ? AND id = ? AND NOT deleted"),
            {who.orgId, refKind, refId});
        if (!ok(q))
            return dbError(*q);
        if (!q->next())
            return Error{QStringLiteral("ref.missing"),
                         QStringLiteral("%1 %2 does not exist on the server").arg(refKind, refId)};
    }
    // A move is history of what happened to the deal: it must be where the move says it went. The
    // desktop pushes deal.move just before its deal_move.add; when that move was refused (the deal
    // closed on another desktop meanwhile), the history entry is refused with it.
    if (kind == EntityKind::DealMove) {
        QSqlQuery *q = run(QStringLiteral("SELECT data->>'stage' FROM records WHERE org_id = ? AND kind = "
                                          "'deal' AND id = ? AND NOT deleted"),
                           {who.orgId, data.value(QStringLiteral("dealId")).toString()});
        if (!ok(q))
            return dbError(*q);
        if (!q->next() || q->value(0).toString() != data.value(QStringLiteral("to")).toString())
            return Error{QStringLiteral("deal_move.stale"),
                         QStringLiteral("the deal is not at the stage this move went to")};
    }
    return {};
}

Status SyncStore::applyOne(const Principal &who, const PushedMutation &m, qint64 &seq)
{
    auto plan = planMutation(Mutation{m.name, m.args});
    if (!plan.ok())
        return plan.error();
    if (auto s = authorizeMutation(who.role, plan.value(), who.accountId); !s.ok())
        return s;
    // History written offline for a card merged meanwhile goes to the card it was merged into.
    if (plan.value().op == MutationPlan::Op::Create &&
        plan.value().fields.value(QStringLiteral("guestId")).isString()) {
        auto target =
            mergedInto(m_sql, who.orgId, plan.value().fields.value(QStringLiteral("guestId")).toString());
        if (!target.ok())
            return target.error();
        plan.value().fields.insert(QStringLiteral("guestId"), target.value());
    }
    const QString kind = entityKindKey(plan.value().kind);
    QSqlQuery *q = nullptr;

    // Fast path for the commonest mutations, creates of records without side tables: validate
    // (a create's checks don't depend on what exists), check references, insert if the id is
    // new — one round trip instead of two. An existing id (a retry, a tombstone, a clash) takes
    // the general path below, which merges against what is there.
    if (plan.value().op == MutationPlan::Op::Create && plan.value().kind != EntityKind::Booking &&
        plan.value().kind != EntityKind::RoomClosure && !isPriceKind(plan.value().kind)) {
        auto fresh = mergeEntity(std::nullopt, plan.value(), m.at);
        if (!fresh.ok())
            return fresh.error();
        if (auto s = checkReferences(who, plan.value().kind, fresh.value()); !s.ok())
            return s;
        // Only an id no record of any kind has (records_org_id): an id names one record of one
        // kind, for ever.
        if (!ok(q = run(QStringLiteral(
                            "INSERT INTO records (org_id, kind, id, seq, deleted, owner_id, data) "
                            "SELECT ?,?,?,?, FALSE, ?, ?::jsonb WHERE NOT EXISTS (SELECT 1 FROM records "
                            "WHERE org_id = ? AND id = ?) ON CONFLICT (org_id, kind, id) DO NOTHING"),
                        {who.orgId, kind, plan.value().id, seq + 1,
                         notNull(recordOwner(plan.value().kind, fresh.value())), jsonText(fresh.value()),
                         who.orgId, plan.value().id})))
            return dbError(*q);
        if (q->numRowsAffected() == 1) {
            ++seq;
            return {};
        }
    }

    const bool merge = plan.value().op == MutationPlan::Op::Merge;
    QJsonObject mergedCard;
    if (merge) {
        // The card that goes must still be there: merged into a third card or deleted on another
        // desktop first, this merge has nothing left to move.
        if (!ok(q = run(QStringLiteral("SELECT deleted, data::text FROM records WHERE org_id = ? AND kind = "
                                       "'guest' AND id = ? FOR UPDATE"),
                        {who.orgId, plan.value().mergedId})))
            return dbError(*q);
        if (!q->next() || q->value(0).toBool())
            return Error{
                QStringLiteral("guest.merge_gone"),
                QStringLiteral("the card being merged no longer exists (merged or deleted elsewhere)")};
        mergedCard = QJsonDocument::fromJson(q->value(1).toString().toUtf8()).object();
    }

    if (!ok(q = run(QStringLiteral("SELECT data::text, deleted FROM records WHERE org_id = ? AND kind = ? "
                                   "AND id = ? FOR UPDATE"),
                    {who.orgId, kind, plan.value().id})))
        return dbError(*q);
    std::optional<QJsonObject> current;
    const bool exists = q->next();
    if (exists && !q->value(1).toBool()) // in today's spelling, whoever stored it (inDesksSpelling)
        current = recordFromProtocol1(plan.value().kind,
                                      QJsonDocument::fromJson(q->value(0).toString().toUtf8()).object());
    if (plan.value().op == MutationPlan::Op::Create && !current) {
        if (exists)
            return Error{
                QStringLiteral("entity.exists"),
                QStringLiteral("%1 %2 was deleted; a new record takes a new id").arg(kind, plan.value().id)};
        if (auto s = checkIdIsFree(who.orgId, kind, plan.value().id); !s.ok())
            return s;
    }
    auto merged = mergeEntity(current, plan.value(), m.at);
    if (merged.ok() && merge) // what the merged card gained elsewhere since the desktop read it stays
        merged = foldMergedGuest(merged.value(), mergedCard);
    if (!merged.ok())
        return merged.error();
    // A consultant works their own tasks and the shared pool, not a colleague's list.
    if (auto s = authorizeChange(who.role, who.accountId, plan.value().kind, current); !s.ok())
        return s;
    if (plan.value().op == MutationPlan::Op::Delete) {
        // Only a card nothing refers to: a guest with history is merged, not deleted.
        if (plan.value().kind == EntityKind::Guest) {
            if (!ok(q = run(QStringLiteral("SELECT 1 FROM records WHERE org_id = ? AND kind IN %1 AND NOT "
                                           "deleted AND data->>'guestId' = ? LIMIT 1")
                                .arg(guestHistoryKindsSql()),
                            {who.orgId, plan.value().id})))
                return dbError(*q);
            if (q->next())
                return Error{QStringLiteral("guest.in_use"),
                             QStringLiteral("the guest has calls, bookings, deals or tasks; merge instead of "
                                            "deleting")};
        }
        // A room back in service: its nights are free for bookings again.
        if (plan.value().kind == EntityKind::RoomClosure &&
            !ok(q = run(QStringLiteral(
                            "DELETE FROM booking_nights WHERE org_id = ? AND booking_id = ? AND kind = ?"),
                        {who.orgId, plan.value().id, kind})))
            return dbError(*q);
        if (!ok(q = run(
                    QStringLiteral("UPDATE records SET deleted = TRUE, data = NULL, owner_id = '', seq = ?, "
                                   "changed_at = %1 WHERE org_id = ? AND kind = ? AND id = ?")
                        .arg(QLatin1String(kNowMs)),
                    {seq + 1, who.orgId, kind, plan.value().id})))
            return dbError(*q);
        ++seq;
        return {};
    }
    const QJsonObject &data = merged.value();

    if (auto s = checkReferences(who, plan.value().kind, data); !s.ok())
        return s;
    if (isPriceKind(plan.value().kind))
        if (auto s = checkPriceRecord(who, plan.value().kind, data); !s.ok())
            return s;

    const bool closure = plan.value().kind == EntityKind::RoomClosure;
    if (plan.value().kind == EntityKind::Booking || closure) {
        // Live bookings and out-of-service periods share the nights table, so neither can take a
        // night the other holds.
        const auto status = bookingStatusFromKey(data.value(QStringLiteral("status")).toString());
        const QString roomId = data.value(QStringLiteral("roomId")).toString();
        const QString first = data.value(QLatin1String(closure ? "firstNight" : "checkIn")).toString();
        const QString end = data.value(QLatin1String(closure ? "endNight" : "checkOut")).toString();
        if (closure || (status && occupiesRoom(*status))) {
            // The exclusion constraint decides between desktops: first committed writer wins. The
            // savepoint keeps the push transaction usable when it fires.
            if (!ok(q = run(QStringLiteral("SAVEPOINT nights"))))
                return dbError(*q);
            // A row of nights belongs to one record of one kind: the update applies only to the
            // same kind's row, so a closure's nights can never become a booking's, or move.
            if (!ok(q = run(QStringLiteral("INSERT INTO booking_nights (org_id, booking_id, kind, room_id, "
                                           "nights) VALUES (?, ?, ?, ?, daterange(?::date, ?::date, '[)')) "
                                           "ON CONFLICT (org_id, booking_id) DO UPDATE SET room_id = "
                                           "excluded.room_id, nights = excluded.nights "
                                           "WHERE booking_nights.kind = excluded.kind"),
                            {who.orgId, plan.value().id, kind, roomId, first, end}))) {
                const bool taken = q->lastError().nativeErrorCode() == QLatin1String("23P01");
                const Error e = !taken ? dbError(*q)
                                : closure
                                    ? Error{QStringLiteral("room_closure.overlap"),
                                            QStringLiteral("the room has bookings or another closure on "
                                                           "these nights; move them first")}
                                    : Error{QStringLiteral("booking.overlap"),
                                            QStringLiteral("the room is already booked or out of service "
                                                           "for some of these nights")};
                QSqlQuery *undo = nullptr;
                if (!ok(undo = run(QStringLiteral("ROLLBACK TO SAVEPOINT nights"))))
                    return dbError(*undo);
                return e;
            }
            if (q->numRowsAffected() != 1) {
                QSqlQuery *undo = nullptr;
                if (!ok(undo = run(QStringLiteral("ROLLBACK TO SAVEPOINT nights"))))
                    return dbError(*undo);
                return Error{
                    QStringLiteral("entity.exists"),
                    QStringLiteral("the id %1 holds nights of another kind of record").arg(plan.value().id)};
            }
            if (!ok(q = run(QStringLiteral("RELEASE SAVEPOINT nights"))))
                return dbError(*q);
        } else if (!ok(q = run(
                           QStringLiteral("DELETE FROM booking_nights WHERE org_id = ? AND booking_id = ? "
                                          "AND kind = ?"),
                           {who.orgId, plan.value().id, kind}))) {
            return dbError(*q);
        }
    }

    if (!ok(q = run(QStringLiteral(
                        "INSERT INTO records (org_id, kind, id, seq, deleted, owner_id, data) "
                        "VALUES (?,?,?,?, FALSE, ?, ?::jsonb) ON CONFLICT (org_id, kind, id) DO UPDATE "
                        "SET seq = excluded.seq, deleted = FALSE, owner_id = excluded.owner_id, "
                        "data = excluded.data, changed_at = excluded.changed_at"),
                    {who.orgId, kind, plan.value().id, seq + 1, notNull(recordOwner(plan.value().kind, data)),
                     jsonText(data)})))
        return dbError(*q);
    ++seq;
    return merge ? moveGuestHistory(m_sql, who.orgId, plan.value().mergedId, plan.value().id, seq) : Status();
}

Result<PushResponse> SyncStore::push(const Principal &who, const PushRequest &request, bool *appliedAny)
{
    // A value the checks let through but PostgreSQL refuses (a data exception) must not fail the
    // push for ever: the transaction is rolled back and the push runs again with that mutation
    // rejected on its own. At most once per mutation of the batch.
    QSet<qint64> unstorable;
    for (;;) {
        qint64 culprit = 0;
        auto result = pushOnce(who, request, appliedAny, unstorable, &culprit);
        if (culprit == 0 || unstorable.contains(culprit) || unstorable.size() >= request.mutations.size())
            return result;
        unstorable.insert(culprit);
    }
}

Result<PushResponse> SyncStore::pushOnce(const Principal &who, const PushRequest &request, bool *appliedAny,
                                         const QSet<qint64> &unstorable, qint64 *culprit)
{
    *appliedAny = false;
    if (!m_db.transaction())
        return Error{QStringLiteral("server.database"), m_db.lastError().text()};
    auto fail = [&](const Error &e) -> Result<PushResponse> {
        m_db.rollback();
        return e;
    };
    auto claimed = claimClient(who, request.clientId, true);
    if (!claimed.ok())
        return fail(claimed.error());
    qint64 last = claimed.value();
    QSqlQuery *q = nullptr;

    qint64 seq = 0;
    bool seqLocked = false;
    PushResponse response;
    for (const PushedMutation &m : request.mutations) {
        MutationOutcome outcome{m.id, MutationOutcome::Kind::Applied, {}, {}};
        if (m.id <= last) {
            outcome.kind = MutationOutcome::Kind::Duplicate;
            if (!ok(q = run(
                        QStringLiteral(
                            "SELECT code, message FROM rejections WHERE client_id = ? AND mutation_id = ?"),
                        {request.clientId, m.id})))
                return fail(dbError(*q));
            if (q->next()) { // a lost reply: tell the reason again, apply nothing again
                outcome.kind = MutationOutcome::Kind::Rejected;
                outcome.code = q->value(0).toString();
                outcome.message = q->value(1).toString();
            }
        } else if (m.id != last + 1) {
            outcome.kind = MutationOutcome::Kind::Skipped; // a gap: wait for the missing one
        } else {
            if (!seqLocked) {
                if (!ok(q = run(QStringLiteral("SELECT seq FROM orgs WHERE id = ? FOR UPDATE"),
                                {who.orgId})) ||
                    !q->next())
                    return fail(dbError(*q));
                seq = q->value(0).toLongLong();
                seqLocked = true;
            }
            // A mutation is rejected before it writes anything (checks are reads), except for the
            // booking nights, which have their own savepoint: no savepoint per mutation needed.
            const qint64 seqBefore = seq;
            Status applied =
                unstorable.contains(m.id)
                    ? Status(Error{QStringLiteral("json.bad_value"),
                                   QStringLiteral("the database cannot store a value of this change")})
                    : applyOne(who, m, seq);
            if (applied.ok()) {
                *appliedAny = true;
            } else {
                if (applied.error().code == QLatin1String("server.bad_data")) {
                    *culprit = m.id; // the value's fault: run again without it
                    return fail(applied.error());
                }
                if (applied.error().code == QLatin1String("server.database"))
                    return fail(applied.error()); // the database's trouble is not the mutation's fault
                seq = seqBefore;
                outcome.kind = MutationOutcome::Kind::Rejected;
                outcome.code = applied.error().code;
                outcome.message = applied.error().message;
                if (!ok(q = run(QStringLiteral(
                                    "INSERT INTO rejections (client_id, mutation_id, code, message, at) "
                                    "VALUES (?,?,?,?,?)"),
                                {request.clientId, m.id, textlimits::storable(notNull(outcome.code)),
                                 textlimits::storable(notNull(outcome.message)),
                                 QDateTime::currentMSecsSinceEpoch()})))
                    return fail(dbError(*q));
                // Roll the desktop back: its next pull brings the server's version of the entity
                // (a create of a new id has none: that desk drops its own copy).
                // Read leniently: a mutation refused for its text is rolled back like any other.
                if (const auto target = mutationTarget(Mutation{m.name, m.args})) {
                    // A refused create brings back only a live record of that kind (the desk's copy
                    // goes anyway); other refusals bring back whatever the server has.
                    auto restamped = restamp(m_sql, who.orgId, entityKindKey(target->kind), target->id, seq,
                                             target->op == MutationPlan::Op::Create);
                    if (!restamped.ok())
                        return fail(restamped.error());
                    // A refused merge: the desktop already moved the merged card's history and
                    // deleted the card; both come back with a fresh seq.
                    const qint64 beforeHistory = seq;
                    if (target->op == MutationPlan::Op::Merge && !target->mergedId.isEmpty())
                        if (auto s = restampGuestHistory(m_sql, who.orgId, target->mergedId, seq); !s.ok())
                            return fail(s.error());
                    if (restamped.value() || seq != beforeHistory)
                        *appliedAny = true;
                }
            }
            last = m.id;
        }
        response.outcomes.append(outcome);
    }
    if (!ok(q = run(QStringLiteral("UPDATE clients SET last_mutation_id = ?, last_seen = ? WHERE id = ?"),
                    {last, QDateTime::currentMSecsSinceEpoch(), request.clientId})))
        return fail(dbError(*q));
    if (seqLocked && !ok(q = run(QStringLiteral("UPDATE orgs SET seq = ? WHERE id = ?"), {seq, who.orgId})))
        return fail(dbError(*q));
    // Crash points for the exactly-once tests: the process dies with the transaction open, or
    // committed but unanswered. Read once; unset in production.
    static const QByteArray fault = qgetenv("KASP_SYNC_FAULT");
    if (fault == "push_before_commit")
        std::abort();
    if (!m_db.commit())
        return fail(Error{QStringLiteral("server.database"), m_db.lastError().text()});
    if (fault == "push_after_commit")
        std::abort();
    response.lastMutationId = last;
    return response;
}

Result<PullResponse> SyncStore::pull(const Principal &who, const PullRequest &request)
{
    if (!m_db.transaction())
        return Error{QStringLiteral("server.database"), m_db.lastError().text()};
    auto fail = [&](const Error &e) -> Result<PullResponse> {
        m_db.rollback();
        return e;
    };
    QSqlQuery *q = nullptr;
    // One snapshot for the page, the head and the client's counter.
    if (!ok(q = run(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))))
        return fail(dbError(*q));
    auto claimed = claimClient(who, request.clientId, false);
    if (!claimed.ok())
        return fail(claimed.error());
    PullResponse response;
    response.lastMutationId = claimed.value();
    if (!ok(q = run(QStringLiteral("SELECT seq, min_cursor FROM orgs WHERE id = ?"), {who.orgId})) ||
        !q->next())
        return fail(dbError(*q));
    response.head = q->value(0).toLongLong();
    if (request.cursor > 0 && !request.snapshot && request.cursor < q->value(1).toLongLong())
        return fail(Error{QStringLiteral("sync.resync_required"),
                          QStringLiteral("this replica is older than the server keeps history; resync")});
    if (request.cursor > response.head)
        return fail(Error{QStringLiteral("sync.resync_required"),
                          QStringLiteral("this replica is ahead of the server (restored backup?); resync")});
    if (!ok(q = run(QStringLiteral("SELECT kind, id, seq, deleted, owner_id, data::text FROM records "
                                   "WHERE org_id = ? AND seq > ? ORDER BY seq LIMIT ?"),
                    {who.orgId, request.cursor, request.limit + 1})))
        return fail(dbError(*q));
    response.cursor = request.cursor;
    int scanned = 0;
    qsizetype bytes = 0;
    while (q->next()) {
        if (++scanned > request.limit) {
            response.more = true;
            break;
        }
        // A page is also bounded by its size: records of long notes end it early (at least one
        // record per page, and no record is longer than the text limits allow).
        QByteArray data = q->value(5).isNull() ? QByteArray() : q->value(5).toString().toUtf8();
        if (!response.records.isEmpty() && bytes + data.size() > kMaxPullPageBytes) {
            response.more = true;
            break;
        }
        const qint64 seq = q->value(2).toLongLong();
        response.cursor = seq;
        const auto kind = entityKindFromKey(q->value(0).toString());
        const bool deleted = q->value(3).toBool();
        if (!kind || (deleted && request.cursor == 0))
            continue; // a first sync needs no tombstones
        // A desktop older than the kind would refuse the whole page: it does not get those.
        if (!deskUnderstands(who.protocol, who.schema, *kind))
            continue;
        // A record this user may not see is sent as a deletion: a task reassigned to a colleague
        // leaves the consultant's replica instead of lingering there.
        const bool hidden = !receivesRecord(who.role, who.accountId, *kind, q->value(4).toString());
        if (hidden && request.cursor == 0)
            continue;
        Record record{*kind, q->value(1).toString(), seq, deleted || hidden, {}};
        if (!record.deleted) {
            if (hasProtocol1Names(*kind))
                data = inDesksSpelling(who.protocol, *kind, data);
            bytes += data.size();
            record.rawData = std::move(data); // spliced, not parsed
        }
        response.records.append(std::move(record));
    }
    m_db.commit();
    return response;
}

} // namespace kasp::server
