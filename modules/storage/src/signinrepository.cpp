#include "kasp/storage/signinrepository.h"

#include "kasp/storage/sqlhelpers.h"

namespace kasp::storage {

namespace {
Status run(QSqlDatabase db, const QString &text, const QVariantList &values, const QString &context)
{
    QSqlQuery q(db);
    if (auto s = sql::prepare(q, text); !s.ok())
        return s;
    for (const QVariant &v : values)
        q.addBindValue(v);
    return sql::exec(q, context);
}
} // namespace

Result<DeskSignIn> DeskSignInRepository::get(const QString &login) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(q, QStringLiteral("SELECT verifier, failures, last_failure_at, signed_in_at "
                                                "FROM desk_sign_in WHERE login = ?"));
        !s.ok())
        return s.error();
    q.addBindValue(login);
    if (auto s = sql::exec(q, QStringLiteral("desk sign-in")); !s.ok())
        return s.error();
    DeskSignIn record;
    record.login = login;
    if (q.next()) {
        record.verifier = q.value(0).toString();
        record.failures = q.value(1).toInt();
        record.lastFailureAt = sql::toInstant(q.value(2));
        record.signedInAt = sql::toInstant(q.value(3));
    }
    return record;
}

Result<QStringList> DeskSignInRepository::loginsWithVerifier() const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(q, QStringLiteral("SELECT login FROM desk_sign_in WHERE verifier IS NOT NULL "
                                                "ORDER BY login"));
        !s.ok())
        return s.error();
    if (auto s = sql::exec(q, QStringLiteral("desk sign-in logins")); !s.ok())
        return s.error();
    QStringList logins;
    while (q.next())
        logins.append(q.value(0).toString());
    return logins;
}

// SQLCipher 3.4 is SQLite 3.15: no UPSERT, so a row first, then the update.
Status DeskSignInRepository::ensureRow(const QString &login)
{
    return run(m_db, QStringLiteral("INSERT OR IGNORE INTO desk_sign_in (login) VALUES (?)"), {login},
               QStringLiteral("desk sign-in row"));
}

Status DeskSignInRepository::setVerifier(const QString &login, const QString &verifier)
{
    sql::WriteTransaction tx(m_db);
    if (auto s = tx.begin(); !s.ok())
        return s;
    if (auto s = ensureRow(login); !s.ok())
        return s;
    if (auto s = run(m_db, QStringLiteral("UPDATE desk_sign_in SET verifier = ? WHERE login = ?"),
                     {verifier, login}, QStringLiteral("desk sign-in verifier"));
        !s.ok())
        return s;
    return tx.commit();
}

Status DeskSignInRepository::removeVerifier(const QString &login)
{
    return run(m_db, QStringLiteral("UPDATE desk_sign_in SET verifier = NULL WHERE login = ?"), {login},
               QStringLiteral("desk sign-in verifier removed"));
}

Result<int> DeskSignInRepository::recordFailure(const QString &login, const QDateTime &at)
{
    sql::WriteTransaction tx(m_db);
    if (auto s = tx.begin(); !s.ok())
        return s.error();
    if (auto s = ensureRow(login); !s.ok())
        return s.error();
    if (auto s = run(m_db,
                     QStringLiteral("UPDATE desk_sign_in SET failures = failures + 1, last_failure_at = ? "
                                    "WHERE login = ?"),
                     {sql::fromInstant(at), login}, QStringLiteral("desk sign-in failure"));
        !s.ok())
        return s.error();
    if (auto s = tx.commit(); !s.ok())
        return s.error();
    auto record = get(login);
    if (!record.ok())
        return record.error();
    return record.value().failures;
}

Status DeskSignInRepository::recordSuccess(const QString &login, const QDateTime &at)
{
    sql::WriteTransaction tx(m_db);
    if (auto s = tx.begin(); !s.ok())
        return s;
    if (auto s = ensureRow(login); !s.ok())
        return s;
    if (auto s = run(m_db,
                     QStringLiteral("UPDATE desk_sign_in SET failures = 0, last_failure_at = NULL, "
                                    "signed_in_at = ? WHERE login = ?"),
                     {sql::fromInstant(at), login}, QStringLiteral("desk sign-in success"));
        !s.ok())
        return s;
    return tx.commit();
}

Status DeskSignInRepository::clearFailures(const QString &login)
{
    return run(m_db,
               QStringLiteral("UPDATE desk_sign_in SET failures = 0, last_failure_at = NULL WHERE login = ?"),
               {login}, QStringLiteral("desk sign-in failures cleared"));
}

} // namespace kasp::storage
