#pragma once
// This desk's vouchers waiting for the mail server (local, not replicated; schema v14). A voucher
// is queued when it is to be e-mailed and leaves the queue once the server took it; a restart
// finds the queue as it was.
#include "kasp/core/id.h"
#include "kasp/core/result.h"
#include <optional>
#include <QDateTime>
#include <QSqlDatabase>

namespace kasp::storage {

struct QueuedVoucher
{
    Id bookingId;
    Id guestId;
    QDateTime queuedAt;
    QDateTime nextAt;   // the next attempt
    int attempts = 0;   // failed ones
    QString reason;     // the last failure, in the user's words
    bool noted = false; // the guest's card was told of the failure
    Id taskId;          // the consultant's task, once it waited too long
};

class VoucherQueueRepository
{
public:
    explicit VoucherQueueRepository(QSqlDatabase db) : m_db(std::move(db)) {}
    // A voucher already queued keeps its queue time and is tried at `at`.
    Status enqueue(const Id &bookingId, const Id &guestId, const QDateTime &at);
    Result<QList<QueuedVoucher>> all() const; // oldest first
    Result<std::optional<QueuedVoucher>> byBooking(const Id &bookingId) const;
    Status failed(const Id &bookingId, const QString &reason, const QDateTime &nextAt);
    Status setNoted(const Id &bookingId);
    Status setTask(const Id &bookingId, const Id &taskId);
    Status retryAllAt(const QDateTime &at); // the mail settings changed: try every one now
    Status remove(const Id &bookingId);

private:
    QSqlDatabase m_db;
};

} // namespace kasp::storage
