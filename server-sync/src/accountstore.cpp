#include "accountstore.h"

#include "kasp/core/id.h"
#include "secrets.h"

#include <algorithm>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace kasp::server {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

Error dbError(const QSqlQuery &q)
{
    return Error{QStringLiteral("server.database"), q.lastError().text()};
}

bool run(QSqlQuery &q, const QString &sql, const QVariantList &values)
{
    if (!q.prepare(sql))
        return false;
    for (const QVariant &v : values)
        q.addBindValue(v);
    return q.exec();
}

const QString kPrincipalSql =
    QStringLiteral("SELECT id, org_id, login, display_name, role, active FROM accounts WHERE %1 = ?");

Principal readPrincipal(const QSqlQuery &q)
{
    return Principal{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toString(), roleFromKey(q.value(4).toString()).value_or(Role::Consultant)};
}

} // namespace

Result<Principal> AccountStore::addUser(const QString &orgName, const QString &login,
                                        const QString &displayName, Role role, const QString &password)
{
    if (orgName.trimmed().isEmpty() || login.trimmed().isEmpty() || password.size() < 8)
        return Error{QStringLiteral("account.bad_input"),
                     QStringLiteral("organisation and login are required, the password needs 8+ characters")};
    auto hash = hashPassword(password);
    if (!hash.ok())
        return hash.error();
    QSqlQuery q(m_db);
    if (!m_db.transaction())
        return Error{QStringLiteral("server.database"), m_db.lastError().text()};
    auto fail = [&](Error e) {
        m_db.rollback();
        return e;
    };
    if (!run(q, QStringLiteral("INSERT INTO orgs (id, name) VALUES (?, ?) ON CONFLICT (name) DO NOTHING"),
             {idToString(newId()), orgName.trimmed()}))
        return fail(dbError(q));
    if (!run(q, QStringLiteral("UPDATE orgs SET seq = seq + 1 WHERE name = ? RETURNING id, seq"),
             {orgName.trimmed()}) ||
        !q.next())
        return fail(dbError(q));
    const QString orgId = q.value(0).toString();
    const qint64 seq = q.value(1).toLongLong();
    Principal who{idToString(newId()), orgId, login.trimmed(),
                  displayName.trimmed().isEmpty() ? login.trimmed() : displayName.trimmed(), role};
    if (!run(q,
             QStringLiteral("INSERT INTO accounts (id, org_id, login, display_name, role, password_hash) "
                            "VALUES (?,?,?,?,?,?) ON CONFLICT (login) DO NOTHING"),
             {who.accountId, orgId, who.login, who.displayName, roleKey(role), hash.value()}))
        return fail(dbError(q));
    if (q.numRowsAffected() != 1)
        return fail(Error{QStringLiteral("account.exists"),
                          QStringLiteral("the login \"%1\" is taken").arg(who.login)});
    const QJsonObject record{{QStringLiteral("id"), who.accountId},
                             {QStringLiteral("login"), who.login},
                             {QStringLiteral("displayName"), who.displayName},
                             {QStringLiteral("role"), roleKey(role)},
                             {QStringLiteral("active"), true}};
    if (!run(q,
             QStringLiteral(
                 "INSERT INTO records (org_id, kind, id, seq, data) VALUES (?, 'user', ?, ?, ?::jsonb)"),
             {orgId, who.accountId, seq,
              QString::fromUtf8(QJsonDocument(record).toJson(QJsonDocument::Compact))}))
        return fail(dbError(q));
    if (!m_db.commit())
        return fail(Error{QStringLiteral("server.database"), m_db.lastError().text()});
    audit(who.accountId, QStringLiteral("account.created"), roleKey(role));
    return who;
}

namespace {
// After the free attempts: 30 s, 60 s, 120 s ... up to 15 minutes.
qint64 lockMs(int failures)
{
    return std::min<qint64>(30'000LL << std::clamp(failures - AccountStore::kFreeAttempts, 0, 5),
                            15 * 60'000);
}

Error throttled(qint64 lockedUntil, qint64 now, int *retryAfterSecs)
{
    const int secs = int((lockedUntil - now + 999) / 1000);
    if (retryAfterSecs)
        *retryAfterSecs = secs;
    return Error{QStringLiteral("auth.throttled"),
                 QStringLiteral("too many failed sign-ins; try again in %1 s").arg(secs)};
}
} // namespace

Result<AccountStore::SignInCheck> AccountStore::beginSignIn(const QString &address, const QString &login,
                                                            int *retryAfterSecs)
{
    QSqlQuery q(m_db);
    const qint64 now = nowMs();
    if (!run(q, QStringLiteral("SELECT locked_until FROM signin_failures WHERE address = ? AND login = ?"),
             {address, login}))
        return dbError(q);
    if (q.next() && q.value(0).toLongLong() > now)
        return throttled(q.value(0).toLongLong(), now, retryAfterSecs);
    // The attempt counts before its check, so guesses sent all at once count too: past the free
    // attempts, the next ones wait without a check. A right password clears the count.
    if (!run(q,
             QStringLiteral(
                 "INSERT INTO signin_failures (address, login, failures, last_at) VALUES (?, ?, 1, ?) "
                 "ON CONFLICT (address, login) DO UPDATE SET failures = signin_failures.failures + 1, "
                 "last_at = excluded.last_at RETURNING failures"),
             {address, login, now}) ||
        !q.next())
        return dbError(q);
    const int attempts = q.value(0).toInt();
    if (attempts > kFreeAttempts) {
        const qint64 lock = now + lockMs(attempts - 1);
        if (!run(
                q,
                QStringLiteral("UPDATE signin_failures SET locked_until = ? WHERE address = ? AND login = ?"),
                {lock, address, login}))
            return dbError(q);
        return throttled(lock, now, retryAfterSecs);
    }
    if (!run(q, QStringLiteral("SELECT id, password_hash FROM accounts WHERE login = ?"), {login}))
        return dbError(q);
    if (q.next())
        return SignInCheck{q.value(0).toString(), q.value(1).toString()};
    // Spend the same time as a real check, so response times do not reveal which logins exist.
    static const QString standIn = hashPassword(QStringLiteral("kasp-timing-equaliser")).value();
    return SignInCheck{QString(), standIn};
}

Result<SignedIn> AccountStore::finishSignIn(const QString &address, const QString &login,
                                            const SignInCheck &check, bool passwordMatches)
{
    QSqlQuery q(m_db);
    const qint64 now = nowMs();
    if (!passwordMatches || check.accountId.isEmpty()) {
        // Counted in the database (beginSignIn), so guesses through several kasp-sync instances
        // all count. The last free attempt failed: that address waits before the next one.
        if (!run(q, QStringLiteral("SELECT failures FROM signin_failures WHERE address = ? AND login = ?"),
                 {address, login}))
            return dbError(q);
        const int failed = q.next() ? q.value(0).toInt() : 1;
        if (failed >= kFreeAttempts &&
            !run(q,
                 QStringLiteral("UPDATE signin_failures SET locked_until = greatest(locked_until, ?) WHERE "
                                "address = ? AND login = ?"),
                 {now + lockMs(failed), address, login}))
            return dbError(q);
        if (!check.accountId.isEmpty())
            audit(check.accountId, QStringLiteral("signin.failed"),
                  QStringLiteral("%1 from %2").arg(failed).arg(address));
        return Error{QStringLiteral("auth.bad_credentials"), QStringLiteral("wrong login or password")};
    }
    auto who = principalOf(check.accountId);
    if (!who.ok())
        return who.error();
    if (!run(q, QStringLiteral("DELETE FROM signin_failures WHERE address = ? AND login = ?"),
             {address, login}))
        return dbError(q);
    audit(check.accountId, QStringLiteral("signin"), address);
    return issue(who.value(), idToString(newId()));
}

void AccountStore::purgeSignInFailures()
{
    QSqlQuery q(m_db);
    const qint64 now = nowMs();
    run(q, QStringLiteral("DELETE FROM signin_failures WHERE last_at < ? AND locked_until < ?"),
        {now - 86'400'000LL, now});
}

Result<SignedIn> AccountStore::refresh(const QString &refreshToken)
{
    QSqlQuery q(m_db);
    if (!run(q,
             QStringLiteral("SELECT account_id, family, expires_at, revoked FROM tokens "
                            "WHERE hash = ? AND kind = 'refresh'"),
             {tokenHash(refreshToken)}))
        return dbError(q);
    if (!q.next())
        return Error{QStringLiteral("auth.bad_token"), QStringLiteral("unknown refresh token")};
    const QString accountId = q.value(0).toString();
    const QString family = q.value(1).toString();
    const qint64 expires = q.value(2).toLongLong();
    if (q.value(3).toBool()) {
        // A rotated token came back: someone kept a copy. End every session of this sign-in.
        run(q, QStringLiteral("UPDATE tokens SET revoked = TRUE WHERE family = ?"), {family});
        audit(accountId, QStringLiteral("token.reused"));
        return Error{QStringLiteral("auth.token_reused"),
                     QStringLiteral("this refresh token was already used; sign in again")};
    }
    if (expires <= nowMs())
        return Error{QStringLiteral("auth.token_expired"),
                     QStringLiteral("the session expired; sign in again")};
    run(q, QStringLiteral("UPDATE tokens SET revoked = TRUE WHERE hash = ?"), {tokenHash(refreshToken)});
    auto who = principalOf(accountId);
    if (!who.ok())
        return who.error();
    return issue(who.value(), family);
}

Status AccountStore::signOut(const QString &refreshToken)
{
    QSqlQuery q(m_db);
    if (!run(q,
             QStringLiteral("UPDATE tokens SET revoked = TRUE WHERE family = (SELECT family FROM tokens "
                            "WHERE hash = ?)"),
             {tokenHash(refreshToken)}))
        return dbError(q);
    return {};
}

Result<Principal> AccountStore::authenticate(const QString &accessToken)
{
    if (accessToken.isEmpty())
        return Error{QStringLiteral("auth.bad_token"), QStringLiteral("no access token")};
    QSqlQuery q(m_db);
    if (!run(q,
             QStringLiteral("SELECT a.id, a.org_id, a.login, a.display_name, a.role, a.active, "
                            "t.expires_at, t.revoked FROM tokens t JOIN accounts a ON a.id = t.account_id "
                            "WHERE t.hash = ? AND t.kind = 'access'"),
             {tokenHash(accessToken)}))
        return dbError(q);
    if (!q.next() || q.value(7).toBool() || !q.value(5).toBool())
        return Error{QStringLiteral("auth.bad_token"), QStringLiteral("unknown or revoked access token")};
    if (q.value(6).toLongLong() <= nowMs())
        return Error{QStringLiteral("auth.token_expired"),
                     QStringLiteral("the access token expired; refresh it")};
    return readPrincipal(q);
}

Result<SignedIn> AccountStore::issue(const Principal &who, const QString &family)
{
    SignedIn out{newToken(), newToken(), m_config.accessTokenSecs, who};
    const qint64 now = nowMs();
    QSqlQuery q(m_db);
    const QString sql =
        QStringLiteral("INSERT INTO tokens (hash, account_id, kind, family, expires_at) VALUES (?,?,?,?,?)");
    if (!run(q, sql,
             {tokenHash(out.accessToken), who.accountId, QStringLiteral("access"), family,
              now + m_config.accessTokenSecs * 1000LL}) ||
        !run(q, sql,
             {tokenHash(out.refreshToken), who.accountId, QStringLiteral("refresh"), family,
              now + m_config.refreshTokenDays * 86'400'000LL}))
        return dbError(q);
    return out;
}

Result<Principal> AccountStore::principalOf(const QString &accountId)
{
    QSqlQuery q(m_db);
    if (!run(q, kPrincipalSql.arg(QStringLiteral("id")), {accountId}))
        return dbError(q);
    if (!q.next())
        return Error{QStringLiteral("auth.bad_token"), QStringLiteral("the account no longer exists")};
    if (!q.value(5).toBool())
        return Error{QStringLiteral("auth.inactive"), QStringLiteral("the account is switched off")};
    return readPrincipal(q);
}

void AccountStore::audit(const QString &accountId, const QString &event, const QString &detail)
{
    QSqlQuery q(m_db);
    run(q, QStringLiteral("INSERT INTO audit (at, account_id, event, detail) VALUES (?,?,?,?)"),
        {nowMs(), accountId, event, detail});
}

} // namespace kasp::server
