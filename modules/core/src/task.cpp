#include "kasp/core/task.h"

namespace kasp {

QString taskStatusKey(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Open:
        return QStringLiteral("open");
    case TaskStatus::Done:
        return QStringLiteral("done");
    case TaskStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

std::optional<TaskStatus> taskStatusFromKey(const QString &key)
{
    for (TaskStatus status : {TaskStatus::Open, TaskStatus::Done, TaskStatus::Cancelled}) {
        if (taskStatusKey(status) == key)
            return status;
    }
    return std::nullopt;
}

} // namespace kasp
