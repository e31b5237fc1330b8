#include "kasp/core/signinthrottle.h"

#include <algorithm>

namespace kasp {

qint64 SignInThrottle::delaySecs(int failures)
{
    if (failures < kFreeAttempts)
        return 0;
    // Doubling from the third failure; the shift is bounded before it could overflow.
    const int doublings = std::clamp(failures - kFreeAttempts, 0, 10);
    return std::min<qint64>(kFirstDelaySecs << doublings, kMaxDelaySecs);
}

QDateTime SignInThrottle::nextAttemptAt(int failures, const QDateTime &lastFailure)
{
    const qint64 delay = delaySecs(failures);
    if (delay == 0 || !lastFailure.isValid())
        return {};
    return lastFailure.addSecs(delay);
}

qint64 SignInThrottle::waitSecs(int failures, const QDateTime &lastFailure, const QDateTime &now)
{
    const QDateTime next = nextAttemptAt(failures, lastFailure);
    if (!next.isValid() || next <= now)
        return 0;
    // Rounded up: "wait 0 s" while a wait is still on would be a lie.
    return (now.msecsTo(next) + 999) / 1000;
}

} // namespace kasp
