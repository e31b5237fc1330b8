#pragma once
// A consultant's to-do list: what is due today (overdue first), completed or put off in one click.
#include "kasp/storage/taskrepository.h"

namespace kasp::crm {

struct Agenda
{
    QList<storage::AgendaTask> mine; // earliest first, overdue ones included
    QList<storage::AgendaTask> pool; // tasks nobody is assigned (missed calls of unassigned guests)
};

// What came of a call-back, asked when it is marked done: whether the guest was reached, and what
// they said (may be empty).
struct CallBackResult
{
    bool reached = true;
    QString note;
};

class TaskService
{
public:
    static constexpr int kAgendaLimit = 500;

    TaskService(QSqlDatabase db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}

    // Open tasks due before the end of today (local time) for `userId`, and the shared pool's.
    Result<Agenda> today(const Id &userId) const;
    Status complete(const Id &taskId);
    // Each person's open tasks due by the end of today, and how many are overdue now.
    Result<QList<storage::TeamTaskCount>> team() const;
    // A call-back's end, with its result on the guest's card as a note («Перезвонили: …» or «Не
    // дозвонились: …», by `userId`). Reached: the task is done. Not reached: it waits until tomorrow
    // at its own hour (postpone). One transaction: a task change refused (a colleague's task, a
    // role that reads) leaves no note either.
    Status finishCallBack(const Id &taskId, const Id &guestId, const Id &userId, const QDateTime &currentDue,
                          const CallBackResult &result);
    // To the same time of day `days` later, but never into the past: an overdue task moved "to
    // tomorrow" lands tomorrow.
    Result<QDateTime> postpone(const Id &taskId, const QDateTime &currentDue, int days);
    // A call-back or any other task for a guest, due at `due`, assigned to `assigneeId` (null: the
    // shared pool). Errors: "task.title" (nothing to do), "task.due" (no time).
    Result<Task> create(const Id &guestId, const Id &assigneeId, const QString &title, const QDateTime &due,
                        TaskKind kind = TaskKind::Other);

    // The reminders to give: tasks of the agenda whose due time falls in (after, until]. A task
    // reminded once is not again (the next window starts where this one ended); tasks already
    // overdue when the window opens are in the red list, not in a reminder.
    static QList<storage::AgendaTask> dueBetween(const Agenda &agenda, const QDateTime &after,
                                                 const QDateTime &until);

private:
    storage::TaskRepository repo() const { return storage::TaskRepository(m_db, m_clock); }
    QSqlDatabase m_db;
    const Clock &m_clock;
};

} // namespace kasp::crm
