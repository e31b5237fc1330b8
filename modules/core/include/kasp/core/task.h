#pragma once
#include "kasp/core/id.h"
#include <optional>
#include <QDateTime>

namespace kasp {

enum class TaskStatus { Open, Done, Cancelled };

QString taskStatusKey(TaskStatus status);
std::optional<TaskStatus> taskStatusFromKey(const QString &key);

struct Task
{
    Id id;
    Id guestId; // may be null: a task about no one guest
    Id assigneeId;
    QString title;
    QDateTime due;
    TaskStatus status = TaskStatus::Open;
    QDateTime createdAt;
    QDateTime doneAt;

    bool operator==(const Task &) const = default;
    bool isOverdue(const QDateTime &now) const
    {
        return status == TaskStatus::Open && due.isValid() && due < now;
    }
};

} // namespace kasp
