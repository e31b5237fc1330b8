#pragma once
#include "kasp/core/clock.h"
#include "kasp/core/mutation.h"
#include "kasp/core/result.h"
#include "kasp/core/task.h"
#include <QSqlDatabase>

namespace kasp::storage {

// A task as a to-do list shows it: with the guest it is about.
struct AgendaTask
{
    Task task;
    QString guestName;  // "" for a task about no one guest
    QString guestPhone; // the guest's main number, E.164; "" when none
};

// One person's open tasks due before a moment, for the head of sales' view of the team.
struct TeamTaskCount
{
    Id assigneeId;
    int open = 0;            // due before `until`
    int overdue = 0;         // of them, due before `now`
    QDateTime oldestOverdue; // invalid when none is overdue
};

class TaskRepository
{
public:
    TaskRepository(QSqlDatabase db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}
    Status create(const Task &task);                                    // mutation task.create
    Status setStatus(const Id &taskId, TaskStatus status);              // mutation task.set_status
    Result<QList<Task>> openFor(const Id &assigneeId, int limit) const; // earliest due first
    Result<QList<Task>> forGuest(const Id &guestId) const;
    Status reschedule(const Id &taskId, const QDateTime &due); // mutation task.reschedule
    // Open tasks due before `until`, earliest first: the assignee's own, or the shared pool's
    // (tasks nobody is assigned) for a null assignee. Served by (assignee_id, status, due_at).
    Result<QList<AgendaTask>> agenda(const Id &assigneeId, const QDateTime &until, int limit) const;
    // Every assignee's open tasks due before `until`, and how many are overdue at `now` (the shared
    // pool apart). One pass over the open tasks.
    Result<QList<TeamTaskCount>> teamCounts(const QDateTime &until, const QDateTime &now) const;

private:
    Status write(const Mutation &mutation); // the write path (writeMutation)
    Result<QList<Task>> select(const QString &where, const QVariantList &values) const;
    QSqlDatabase m_db;
    const Clock &m_clock;
};

} // namespace kasp::storage
