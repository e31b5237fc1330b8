#include "kasp/storage/taskrepository.h"

#include "kasp/core/mutation.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/recordwriter.h"
#include "kasp/storage/sqlhelpers.h"

#include <QJsonObject>

namespace kasp::storage {

namespace {

// Columns: id, guest_id, assignee_id, title, due_at, status, created_at, done_at, kind.
Task readTask(const QSqlQuery &q)
{
    Task t;
    t.id = sql::toId(q.value(0));
    t.guestId = sql::toId(q.value(1));
    t.assigneeId = sql::toId(q.value(2));
    t.title = q.value(3).toString();
    t.due = sql::toInstant(q.value(4));
    t.status = taskStatusFromKey(q.value(5).toString()).value_or(TaskStatus::Open);
    t.createdAt = sql::toInstant(q.value(6));
    t.doneAt = sql::toInstant(q.value(7));
    t.kind = taskKindFromKey(q.value(8).toString()).value_or(TaskKind::Other);
    return t;
}

} // namespace

Status TaskRepository::create(const Task &task)
{
    Task t = task;
    if (!t.createdAt.isValid())
        t.createdAt = m_clock.now();
    return write(Mutation{QStringLiteral("task.create"), toJson(t)});
}

Status TaskRepository::setStatus(const Id &taskId, TaskStatus status)
{
    // The done time is the write path's (the same rule as the server's): set when the status
    // changes, cleared when the task opens again.
    return write(Mutation{
        QStringLiteral("task.set_status"),
        {{QStringLiteral("id"), idToString(taskId)}, {QStringLiteral("status"), taskStatusKey(status)}}});
}

Status TaskRepository::reschedule(const Id &taskId, const QDateTime &due)
{
    if (!due.isValid())
        return Error{QStringLiteral("task.due"), QStringLiteral("a task is rescheduled to a time")};
    return write(Mutation{QStringLiteral("task.reschedule"),
                          {{QStringLiteral("id"), idToString(taskId)},
                           {QStringLiteral("due"), due.toUTC().toString(Qt::ISODateWithMs)}}});
}

Status TaskRepository::write(const Mutation &mutation)
{
    auto written = writeMutation(m_db, mutation, m_clock.now());
    return written.ok() ? Status() : Status(written.error());
}

Result<QList<AgendaTask>> TaskRepository::agenda(const Id &assigneeId, const QDateTime &until,
                                                 int limit) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    const QString who =
        assigneeId.isNull() ? QStringLiteral("t.assignee_id IS NULL") : QStringLiteral("t.assignee_id = ?");
    if (auto s = sql::prepare(
            q, QStringLiteral(
                   "SELECT t.id, t.guest_id, t.assignee_id, t.title, t.due_at, t.status, t.created_at, "
                   "t.done_at, t.kind, g.last_name, g.first_name, g.middle_name, g.main_phone FROM tasks t "
                   "LEFT JOIN guests g ON g.id = t.guest_id WHERE %1 AND t.status = 'open' AND "
                   "t.due_at < ? ORDER BY t.due_at LIMIT ?")
                   .arg(who));
        !s.ok())
        return s.error();
    if (!assigneeId.isNull())
        q.addBindValue(sql::fromId(assigneeId));
    q.addBindValue(sql::fromInstant(until));
    q.addBindValue(limit);
    if (auto s = sql::exec(q, QStringLiteral("agenda")); !s.ok())
        return s.error();
    QList<AgendaTask> out;
    while (q.next()) {
        Task t = readTask(q);
        const QString name = t.guestId.isNull() ? QString()
                                                : listedName(q.value(9).toString(), q.value(10).toString(),
                                                             q.value(11).toString(), q.value(12).toString());
        const QString phone = t.guestId.isNull() ? QString() : q.value(12).toString();
        out.append(AgendaTask{std::move(t), name, phone});
    }
    if (auto s = sql::fetched(q, QStringLiteral("tasks")); !s.ok())
        return s.error();
    return out;
}

Result<QList<TeamTaskCount>> TaskRepository::teamCounts(const QDateTime &until, const QDateTime &now) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(q, QStringLiteral("SELECT assignee_id, count(*), "
                                                "sum(CASE WHEN due_at < ? THEN 1 ELSE 0 END), "
                                                "min(CASE WHEN due_at < ? THEN due_at END) FROM tasks "
                                                "WHERE assignee_id IS NOT NULL AND status = 'open' AND "
                                                "due_at < ? GROUP BY assignee_id"));
        !s.ok())
        return s.error();
    q.addBindValue(sql::fromInstant(now));
    q.addBindValue(sql::fromInstant(now));
    q.addBindValue(sql::fromInstant(until));
    if (auto s = sql::exec(q, QStringLiteral("team tasks")); !s.ok())
        return s.error();
    QList<TeamTaskCount> out;
    while (q.next())
        out.append(TeamTaskCount{sql::toId(q.value(0)), q.value(1).toInt(), q.value(2).toInt(),
                                 sql::toInstant(q.value(3))});
    if (auto s = sql::fetched(q, QStringLiteral("tasks")); !s.ok())
        return s.error();
    return out;
}

Result<QList<Task>> TaskRepository::openFor(const Id &assigneeId, int limit) const
{
    return select(QStringLiteral("assignee_id = ? AND status = 'open' ORDER BY due_at LIMIT ?"),
                  {sql::fromId(assigneeId), limit});
}

Result<QList<Task>> TaskRepository::forGuest(const Id &guestId) const
{
    return select(QStringLiteral("guest_id = ? ORDER BY due_at DESC"), {sql::fromId(guestId)});
}

Result<QList<Task>> TaskRepository::select(const QString &where, const QVariantList &values) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(
            q, QStringLiteral("SELECT id, guest_id, assignee_id, title, due_at, status, created_at, "
                              "done_at, kind FROM tasks WHERE ") +
                   where);
        !s.ok())
        return s.error();
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (auto s = sql::exec(q, QStringLiteral("tasks")); !s.ok())
        return s.error();
    QList<Task> out;
    while (q.next())
        out.append(readTask(q));
    if (auto s = sql::fetched(q, QStringLiteral("tasks")); !s.ok())
        return s.error();
    return out;
}

} // namespace kasp::storage
