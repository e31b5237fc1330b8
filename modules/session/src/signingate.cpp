#include "kasp/session/signingate.h"

#include "kasp/core/signinthrottle.h"
#include "kasp/session/passwordhash.h"
#include "kasp/storage/signinrepository.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSignIn, "kasp.signin")

namespace kasp::session {

Error SignInGate::throttled(qint64 waitSecs)
{
    return Error{QStringLiteral("signin.throttled"),
                 tr("Too many failed attempts. Try again in %1 s.").arg(waitSecs)};
}

Result<qint64> SignInGate::waitSecs(const QString &login) const
{
    auto record = storage::DeskSignInRepository(m_db).get(login);
    if (!record.ok())
        return record.error();
    return SignInThrottle::waitSecs(record.value().failures, record.value().lastFailureAt, m_clock.now());
}

Status SignInGate::countFailure(const QString &login)
{
    auto failures = storage::DeskSignInRepository(m_db).recordFailure(login, m_clock.now());
    if (!failures.ok())
        return failures.error();
    qCInfo(lcSignIn).noquote() << "sign-in failed for" << login << "failures in a row:" << failures.value();
    return {};
}

Result<QString> SignInGate::verifierFor(const QString &login) const
{
    auto record = storage::DeskSignInRepository(m_db).get(login);
    if (!record.ok())
        return record.error();
    if (const qint64 wait =
            SignInThrottle::waitSecs(record.value().failures, record.value().lastFailureAt, m_clock.now());
        wait > 0)
        return throttled(wait);
    if (record.value().verifier.isEmpty())
        return Error{QStringLiteral("signin.not_on_this_desk"),
                     tr("There is no password for this person on this desk.")};
    return record.value().verifier;
}

Status SignInGate::settle(const QString &login, bool matched)
{
    if (matched)
        return storage::DeskSignInRepository(m_db).recordSuccess(login, m_clock.now());
    if (auto s = countFailure(login); !s.ok())
        return s;
    const auto wait = waitSecs(login);
    return Error{QStringLiteral("signin.wrong_password"),
                 // The seconds: waitSecs(), counted down under the sign-in.
                 wait.ok() && wait.value() > 0
                     ? tr("Wrong password. Too many failed attempts in a row: the next one waits.")
                     : tr("Wrong password.")};
}

Status SignInGate::checkLocally(const QString &login, const QString &password)
{
    auto verifier = verifierFor(login);
    if (!verifier.ok())
        return verifier.error();
    return settle(login, PasswordHash::verify(verifier.value(), password));
}

Status SignInGate::keepVerifier(const QString &login, const QString &verifier)
{
    storage::DeskSignInRepository repository(m_db);
    if (auto s = repository.setVerifier(login, verifier); !s.ok())
        return s;
    return repository.recordSuccess(login, m_clock.now());
}

Status SignInGate::acceptedByServer(const QString &login, const QString &password)
{
    auto verifier = PasswordHash::make(password);
    if (!verifier.ok())
        return verifier.error();
    return keepVerifier(login, verifier.value());
}

Result<QString> SignInGate::storedVerifier(const QString &login) const
{
    auto record = storage::DeskSignInRepository(m_db).get(login);
    if (!record.ok())
        return record.error();
    return record.value().verifier;
}

Status SignInGate::settleRefused(const QString &login, bool staleVerifier)
{
    if (staleVerifier) {
        qCInfo(lcSignIn).noquote() << "the server refused a password this desk knew for" << login
                                   << "- its verifier here is dropped";
        if (auto s = storage::DeskSignInRepository(m_db).removeVerifier(login); !s.ok())
            return s;
    }
    return countFailure(login);
}

Status SignInGate::refusedByServer(const QString &login, const QString &password)
{
    auto verifier = storedVerifier(login);
    if (!verifier.ok())
        return verifier.error();
    return settleRefused(login, PasswordHash::verify(verifier.value(), password));
}

Status SignInGate::setPassword(const QString &login, const QString &password)
{
    auto verifier = PasswordHash::make(password);
    if (!verifier.ok())
        return verifier.error();
    return storage::DeskSignInRepository(m_db).setVerifier(login, verifier.value());
}

} // namespace kasp::session
