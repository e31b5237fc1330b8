#include "kasp/core/task.h"

#include <QCoreApplication>

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

QString taskKindKey(TaskKind kind)
{
    switch (kind) {
    case TaskKind::CallBack:
        return QStringLiteral("call_back");
    case TaskKind::SendOffer:
        return QStringLiteral("send_offer");
    case TaskKind::Remind:
        return QStringLiteral("remind");
    case TaskKind::Other:
        return QStringLiteral("other");
    }
    return {};
}

std::optional<TaskKind> taskKindFromKey(const QString &key)
{
    for (TaskKind kind : kTaskKinds)
        if (taskKindKey(kind) == key)
            return kind;
    return std::nullopt;
}

QString taskKindTitle(TaskKind kind)
{
    switch (kind) {
    case TaskKind::CallBack:
        return QCoreApplication::translate("kasp::Task", "Call back");
    case TaskKind::SendOffer:
        return QCoreApplication::translate("kasp::Task", "Send an offer");
    case TaskKind::Remind:
        return QCoreApplication::translate("kasp::Task", "Remind");
    case TaskKind::Other:
        return QCoreApplication::translate("kasp::Task", "Other");
    }
    return {};
}

} // namespace kasp
