#pragma once
// Failed sign-ins at a desk: the first few cost nothing (a typo, the wrong keyboard layout), then
// each next attempt waits longer, so guessing a colleague's password at a shared desk takes days,
// not minutes. The desk counts them per login; a right password clears the count.
#include <QDateTime>

namespace kasp {

struct SignInThrottle
{
    static constexpr int kFreeAttempts = 3;
    static constexpr qint64 kFirstDelaySecs = 30;
    static constexpr qint64 kMaxDelaySecs = 15 * 60;

    // The wait after `failures` failed attempts in a row: 0 up to kFreeAttempts, then 30 s, 60 s,
    // 120 s ... up to 15 minutes.
    static qint64 delaySecs(int failures);
    // When the next attempt may be made; invalid when it may be made at once.
    static QDateTime nextAttemptAt(int failures, const QDateTime &lastFailure);
    // Seconds still to wait at `now` (0: go ahead).
    static qint64 waitSecs(int failures, const QDateTime &lastFailure, const QDateTime &now);
};

} // namespace kasp
