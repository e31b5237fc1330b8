#pragma once
// Vouchers that wait for the mail server (issue 21): every voucher to be e-mailed is queued on this
// desk and stays there until the server takes it, across restarts. A failed attempt is tried
// again after a growing pause (30 s, 1, 2, 5, then every 10 minutes); the first failure goes on the
// guest's card in the user's words (the technical text only in the log), and a voucher still not
// sent after the set time becomes one task for the consultant, not one per attempt.
#include "kasp/core/clock.h"
#include "kasp/storage/voucherqueuerepository.h"

namespace kasp::booking {

class VoucherQueue
{
public:
    VoucherQueue(QSqlDatabase db, const Clock &clock, Id userId);

    // To be tried now. "auth.read_only" for a role that records no touch (nothing queued).
    Status enqueue(const Id &bookingId);
    Result<QList<storage::QueuedVoucher>> due() const; // whose next attempt has come
    Result<std::optional<storage::QueuedVoucher>> entry(const Id &bookingId) const;
    // A failed attempt: returns the reason in words. `taskAfterSecs` after it was queued, the
    // voucher still waiting becomes the consultant's task (once).
    Result<QString> failed(const Id &bookingId, const Error &error, qint64 taskAfterSecs);
    Status sent(const Id &bookingId);                               // the server took it: it leaves the queue
    Status dropped(const Id &bookingId) { return sent(bookingId); } // no longer to be sent
    Status retryAllNow();

    // "mail.connect" → «почтовый сервер не отвечает», …
    static QString reasonFor(const Error &error);
    static qint64 pauseAfter(int failedAttempts); // seconds until the next attempt

private:
    QSqlDatabase m_db;
    const Clock &m_clock;
    Id m_userId;
};

} // namespace kasp::booking
