#pragma once
#include "kasp/core/clock.h"
#include "kasp/core/result.h"
#include "kasp/core/task.h"
#include <QSqlDatabase>

namespace kasp::storage {

class TaskRepository
{
public:
    TaskRepository(QSqlDatabase db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}
    Status create(const Task &task);                                    // mutation task.create
    Status setStatus(const Id &taskId, TaskStatus status);              // mutation task.set_status
    Result<QList<Task>> openFor(const Id &assigneeId, int limit) const; // earliest due first
    Result<QList<Task>> forGuest(const Id &guestId) const;

private:
    Result<QList<Task>> select(const QString &where, const QVariantList &values) const;
    QSqlDatabase m_db;
    const Clock &m_clock;
};

} // namespace kasp::storage
