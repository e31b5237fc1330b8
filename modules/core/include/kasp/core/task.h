#pragma once
#include "kasp/core/id.h"
#include <optional>
#include <QDateTime>

namespace kasp {

enum class TaskStatus { Open, Done, Cancelled };

QString taskStatusKey(TaskStatus status);
std::optional<TaskStatus> taskStatusFromKey(const QString &key);

// What the task asks for. A call-back is closed by the call itself: an answered call with the
// guest completes their open call-backs (crm::CallJournal).
enum class TaskKind { CallBack, SendOffer, Remind, Other };
inline constexpr TaskKind kTaskKinds[] = {TaskKind::CallBack, TaskKind::SendOffer, TaskKind::Remind,
                                          TaskKind::Other};
QString taskKindKey(TaskKind kind); // "call_back", "send_offer", "remind", "other"
std::optional<TaskKind> taskKindFromKey(const QString &key);
QString taskKindTitle(TaskKind kind); // «Перезвонить», «Отправить предложение», … (translated)

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
    TaskKind kind = TaskKind::Other; // last: older records and aggregate initialisers lack it

    bool operator==(const Task &) const = default;
    bool isOverdue(const QDateTime &now) const
    {
        return status == TaskStatus::Open && due.isValid() && due < now;
    }
};

} // namespace kasp
