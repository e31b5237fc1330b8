#include "kasp/storage/touchrepository.h"

#include "kasp/core/mutation.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/recordwriter.h"
#include "kasp/storage/sqlhelpers.h"

namespace kasp::storage {

namespace {

// Columns: id, user_id, kind, at, duration_secs, result, note, source, recording.
Touch readTouch(const QSqlQuery &q, const Id &guestId)
{
    Touch t;
    t.id = sql::toId(q.value(0));
    t.guestId = guestId;
    t.userId = sql::toId(q.value(1));
    t.kind = touchKindFromKey(q.value(2).toString()).value_or(TouchKind::Note);
    t.at = sql::toInstant(q.value(3));
    t.durationSecs = q.value(4).toInt();
    t.result = q.value(5).toString();
    t.note = q.value(6).toString();
    t.source = q.value(7).toString();
    t.recording = q.value(8).toString();
    return t;
}

} // namespace

Status TouchRepository::add(const Touch &touch)
{
    Touch t = touch;
    if (!t.at.isValid())
        t.at = m_clock.now();
    return write(m_db, Mutation{QStringLiteral("touch.add"), toJson(t)}, m_clock.now());
}

Result<std::optional<Touch>> TouchRepository::firstFor(const Id &guestId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(
            q,
            QStringLiteral(
                "SELECT id, user_id, kind, at, duration_secs, result, note, source, recording FROM touches "
                "WHERE "
                "guest_id = ? ORDER BY at LIMIT 1"));
        !s.ok())
        return s.error();
    q.addBindValue(sql::fromId(guestId));
    if (auto s = sql::exec(q, QStringLiteral("first touch")); !s.ok())
        return s.error();
    if (!q.next())
        return std::optional<Touch>();
    return std::optional<Touch>(readTouch(q, guestId));
}

Result<QList<Touch>> TouchRepository::forGuest(const Id &guestId, int limit) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(
            q, QStringLiteral(
                   "SELECT id, user_id, kind, at, duration_secs, result, note, source, recording FROM "
                   "touches "
                   "WHERE guest_id = ? ORDER BY at DESC LIMIT ?"));
        !s.ok())
        return s.error();
    q.addBindValue(sql::fromId(guestId));
    q.addBindValue(limit);
    if (auto s = sql::exec(q, QStringLiteral("touches of guest")); !s.ok())
        return s.error();
    QList<Touch> touches;
    while (q.next())
        touches.append(readTouch(q, guestId));
    if (auto s = sql::fetched(q, QStringLiteral("touches")); !s.ok())
        return s.error();
    return touches;
}

} // namespace kasp::storage
