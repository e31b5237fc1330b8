#include "kasp/crm/taskservice.h"

#include "kasp/crm/guestservice.h"
#include "kasp/storage/sqlhelpers.h"

#include <QCoreApplication>

namespace kasp::crm {

Result<Agenda> TaskService::today(const Id &userId) const
{
    const QDateTime now = m_clock.now().toLocalTime();
    const QDateTime endOfDay(now.date().addDays(1), QTime(0, 0));
    Agenda agenda;
    if (!userId.isNull()) {
        auto mine = repo().agenda(userId, endOfDay, kAgendaLimit);
        if (!mine.ok())
            return mine.error();
        agenda.mine = mine.value();
    }
    auto pool = repo().agenda(Id(), endOfDay, kAgendaLimit);
    if (!pool.ok())
        return pool.error();
    agenda.pool = pool.value();
    return agenda;
}

Result<QList<storage::TeamTaskCount>> TaskService::team() const
{
    const QDateTime now = m_clock.now();
    const QDateTime endOfDay(now.toLocalTime().date().addDays(1), QTime(0, 0));
    return repo().teamCounts(endOfDay, now);
}

Status TaskService::complete(const Id &taskId)
{
    return repo().setStatus(taskId, TaskStatus::Done);
}

Status TaskService::finishCallBack(const Id &taskId, const Id &guestId, const Id &userId,
                                   const QDateTime &currentDue, const CallBackResult &result)
{
    storage::sql::WriteTransaction tx(m_db);
    if (auto s = tx.begin(); !s.ok())
        return s;
    if (!guestId.isNull()) {
        const QString said = result.note.trimmed();
        QString text = result.reached ? QCoreApplication::translate("kasp::crm::TaskService", "Called back")
                                      : QCoreApplication::translate("kasp::crm::TaskService",
                                                                    "Called back, not reached");
        if (!said.isEmpty())
            text += QStringLiteral(": ") + said;
        // The card's own note (its checks and limit): one way a note reaches a guest.
        if (auto note = GuestService(m_db, m_clock).addNote(guestId, userId, text); !note.ok())
            return note.error();
    }
    if (result.reached) {
        if (auto s = complete(taskId); !s.ok())
            return s;
    } else if (auto moved = postpone(taskId, currentDue, 1); !moved.ok()) {
        return moved.error();
    }
    return tx.commit();
}

Result<QDateTime> TaskService::postpone(const Id &taskId, const QDateTime &currentDue, int days)
{
    const QDateTime now = m_clock.now().toLocalTime();
    const QDateTime from = currentDue.isValid() ? currentDue.toLocalTime() : now;
    QDateTime due(from.date().addDays(days), from.time());
    // An overdue task put off lands `days` after today, at its own time of day.
    if (due <= now)
        due = QDateTime(now.date().addDays(days), from.time());
    if (auto s = repo().reschedule(taskId, due); !s.ok())
        return s.error();
    return due;
}

Result<Task> TaskService::create(const Id &guestId, const Id &assigneeId, const QString &title,
                                 const QDateTime &due, TaskKind kind)
{
    if (title.trimmed().isEmpty())
        return Error{QStringLiteral("task.title"),
                     QCoreApplication::translate("kasp::crm::TaskService", "Say what is to be done.")};
    if (!due.isValid())
        return Error{QStringLiteral("task.due"),
                     QCoreApplication::translate("kasp::crm::TaskService", "Choose when it is due.")};
    Task task;
    task.id = newId();
    task.guestId = guestId;
    task.assigneeId = assigneeId;
    task.title = title.trimmed();
    task.due = due;
    task.createdAt = m_clock.now();
    task.kind = kind;
    if (auto s = repo().create(task); !s.ok())
        return s.error();
    return task;
}

QList<storage::AgendaTask> TaskService::dueBetween(const Agenda &agenda, const QDateTime &after,
                                                   const QDateTime &until)
{
    QList<storage::AgendaTask> due;
    for (const QList<storage::AgendaTask> *list : {&agenda.mine, &agenda.pool})
        for (const storage::AgendaTask &t : *list)
            if (t.task.status == TaskStatus::Open && t.task.due > after && t.task.due <= until)
                due.append(t);
    return due;
}

} // namespace kasp::crm
