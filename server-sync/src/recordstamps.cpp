#include "recordstamps.h"

#include "sqlsupport.h"

namespace kasp::server {

QString guestHistoryKindsSql()
{
    static const QString list = [] {
        QStringList keys;
        for (sync::EntityKind kind : sync::guestHistoryKinds())
            keys << QLatin1Char('\'') + sync::entityKindKey(kind) + QLatin1Char('\'');
        return QLatin1Char('(') + keys.join(QLatin1String(", ")) + QLatin1Char(')');
    }();
    return list;
}

Result<bool> restamp(StatementCache &sql, const QString &orgId, const QString &kind, const QString &id,
                     qint64 &seq, bool liveOnly)
{
    // Where nothing existed, nothing is written: the desk that pushed rolls its own optimistic
    // create back (SyncClient), and no other desk is woken for a record it never had.
    QSqlQuery *q = nullptr;
    if (!ok(q = sql.run(
                QStringLiteral("UPDATE records SET seq = ?, changed_at = %1 WHERE org_id = ? AND kind = ? "
                               "AND id = ?%2")
                    .arg(QLatin1String(kNowMs), liveOnly ? QStringLiteral(" AND NOT deleted") : QString()),
                {seq + 1, orgId, kind, id})))
        return dbError(*q);
    if (q->numRowsAffected() == 0)
        return false;
    ++seq;
    return true;
}

Status restampGuestHistory(StatementCache &sql, const QString &orgId, const QString &guestId, qint64 &seq)
{
    if (auto s = restamp(sql, orgId, QStringLiteral("guest"), guestId, seq); !s.ok())
        return s.error();
    QSqlQuery *q = nullptr;
    if (!ok(q = sql.run(QStringLiteral(
                            "WITH history AS (SELECT kind, id, row_number() OVER (ORDER BY kind, id) AS n "
                            "FROM records WHERE org_id = ? AND kind IN %1 AND NOT deleted AND "
                            "data->>'guestId' = ?) "
                            "UPDATE records r SET seq = ?::bigint + history.n, changed_at = %2 FROM history "
                            "WHERE r.org_id = ? AND r.kind = history.kind AND r.id = history.id")
                            .arg(guestHistoryKindsSql(), QLatin1String(kNowMs)),
                        {orgId, guestId, seq, orgId})))
        return dbError(*q);
    seq += q->numRowsAffected();
    return {};
}

Status moveGuestHistory(StatementCache &sql, const QString &orgId, const QString &from, const QString &to,
                        qint64 &seq)
{
    // Every record of the merged card's history gets its own next seq, so each desktop pulls it
    // again with the survivor's id; the index on data->>'guestId' finds them without a scan.
    QSqlQuery *q = nullptr;
    if (!ok(q = sql.run(QStringLiteral(
                            "WITH moved AS (SELECT kind, id, row_number() OVER (ORDER BY kind, id) AS n "
                            "FROM records WHERE org_id = ? AND kind IN %1 AND NOT deleted AND "
                            "data->>'guestId' = ?) "
                            "UPDATE records r SET data = jsonb_set(r.data, '{guestId}', to_jsonb(?::text)), "
                            "seq = ?::bigint + moved.n, changed_at = %2 FROM moved "
                            "WHERE r.org_id = ? AND r.kind = moved.kind AND r.id = moved.id")
                            .arg(guestHistoryKindsSql(), QLatin1String(kNowMs)),
                        {orgId, from, to, seq, orgId})))
        return dbError(*q);
    seq += q->numRowsAffected();
    // The tombstone remembers where the card went (pull sends no data of deleted records), so
    // history pushed later for the merged card lands on the survivor (mergedInto).
    if (!ok(q = sql.run(
                QStringLiteral("UPDATE records SET deleted = TRUE, data = jsonb_build_object('mergedInto', "
                               "?::text), owner_id = '', seq = ?, changed_at = %1 WHERE org_id = ? AND "
                               "kind = 'guest' AND id = ?")
                    .arg(QLatin1String(kNowMs)),
                {to, seq + 1, orgId, from})))
        return dbError(*q);
    ++seq;
    return {};
}

Result<QString> mergedInto(StatementCache &sql, const QString &orgId, const QString &guestId)
{
    QString id = guestId;
    for (int hop = 0; hop < 16; ++hop) { // a chain of merges; bounded against a cycle
        QSqlQuery *q =
            sql.run(QStringLiteral("SELECT data->>'mergedInto' FROM records WHERE org_id = ? AND kind = "
                                   "'guest' AND id = ? AND deleted"),
                    {orgId, id});
        if (!ok(q))
            return dbError(*q);
        if (!q->next() || q->value(0).toString().isEmpty())
            return id;
        id = q->value(0).toString();
    }
    return id;
}

} // namespace kasp::server
