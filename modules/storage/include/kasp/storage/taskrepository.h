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

private:
    Status write(const Mutation &mutation); // the write path (writeMutation)
    Result<QList<Task>> select(const QString &where, const QVariantList &values) const;
    QSqlDatabase m_db;
    const Clock &m_clock;
};

} // namespace kasp::storage
