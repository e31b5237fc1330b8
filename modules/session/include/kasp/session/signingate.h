#pragma once
// What the desk itself knows about a sign-in: its throttle (core SignInThrottle over the failures
// kept in desk_sign_in) and its verifiers. A desk without a server checks every password here; a
// desk that syncs asks the server first and comes here when the server does not answer (only
// people who have signed in on this desk before have a verifier). No widgets, no network.
#include "kasp/core/clock.h"
#include "kasp/core/result.h"
#include <QCoreApplication>
#include <QSqlDatabase>

namespace kasp::session {

class SignInGate
{
    Q_DECLARE_TR_FUNCTIONS(kasp::session::SignInGate)

public:
    SignInGate(QSqlDatabase db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}

    // Seconds `login` must still wait before trying again (0: now).
    Result<qint64> waitSecs(const QString &login) const;
    // Refused while throttled (signin.throttled, nothing checked, nothing counted). Then the
    // password against this desk's verifier: a wrong one is counted (signin.wrong_password); no
    // verifier here: signin.not_on_this_desk (not counted: nothing was guessed; on a desk that syncs
    // it means the person never signed in here while the server answered).
    Status checkLocally(const QString &login, const QString &password);
    // The server accepted the password: this desk keeps a new verifier for it (for the days the
    // server is away) and forgets the failures.
    Status acceptedByServer(const QString &login, const QString &password);
    // The server refused it: one more failure; a verifier here that still takes this password is
    // stale (the password was changed on the server) and is dropped.
    Status refusedByServer(const QString &login, const QString &password);
    // A local account's password on a desk without a server (the demo, an administrator).
    Status setPassword(const QString &login, const QString &password);

    // The same checks in steps, for a caller that runs the argon2id work (~100 ms, PasswordHash)
    // on another thread; these steps read and write the desk's records on the caller's thread.
    // checkLocally = verifierFor, PasswordHash::verify, settle.
    // The verifier to check `login`'s password against: refused while throttled (signin.throttled)
    // or when there is none here (signin.not_on_this_desk), as checkLocally says.
    Result<QString> verifierFor(const QString &login) const;
    // The verdict on that password: a match forgets the failures; a miss is one more
    // (signin.wrong_password, saying when the next attempt waits).
    Status settle(const QString &login, bool matched);
    // acceptedByServer with the verifier made already (PasswordHash::make).
    Status keepVerifier(const QString &login, const QString &verifier);
    // The verifier this desk keeps for `login` (empty: none), throttle or not.
    Result<QString> storedVerifier(const QString &login) const;
    // refusedByServer with the verifier checked already: `staleVerifier` when this desk's
    // verifier took the password the server refused (it is dropped).
    Status settleRefused(const QString &login, bool staleVerifier);

    // The words for a wait, in Russian through the translation ("try again in 30 s").
    static Error throttled(qint64 waitSecs);

private:
    Status countFailure(const QString &login);

    QSqlDatabase m_db;
    const Clock &m_clock;
};

} // namespace kasp::session
