#pragma once
// The department's booking rules (kind booking_policy, syncproto kinds.h): the head of sales sets
// them once for every desk and sync carries them. Append-only records, read through the kind's
// table description, written through the write path (so only the head of sales may).
#include "kasp/core/booking.h"
#include "kasp/core/clock.h"
#include "kasp/core/id.h"
#include "kasp/core/result.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace kasp::storage {

struct BookingPolicy
{
    int holdHours = 24;                            // an unpaid hold is cancelled after this
    int prepaymentPercent = kMinPrepaymentPercent; // the share of the price asked first
    QDateTime at;                                  // when it was set; invalid: nobody has yet
    Id userId;                                     // who set it
};

class BookingPolicyRepository
{
public:
    BookingPolicyRepository(QSqlDatabase db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}
    // The latest rules, or the defaults above when none were ever set.
    Result<BookingPolicy> current() const;
    // booking_policy.set at the clock's now, as `userId`.
    Status set(int holdHours, int prepaymentPercent, const Id &userId);

private:
    QSqlDatabase m_db;
    const Clock &m_clock;
};

} // namespace kasp::storage
