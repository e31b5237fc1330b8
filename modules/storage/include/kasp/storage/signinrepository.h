#pragma once
// This desk's sign-in records (desk_sign_in, schema 12): a password verifier per login and the
// failed attempts in a row. Desk-local: never in the outbox, never pulled, kept by a resync.
// The verifier is an opaque argon2id string made and checked by session::PasswordHash; this
// repository only keeps it.
#include "kasp/core/result.h"
#include <QDateTime>
#include <QSqlDatabase>
#include <QStringList>

namespace kasp::storage {

struct DeskSignIn
{
    QString login;
    QString verifier; // empty: no password for this login on this desk
    int failures = 0; // failed attempts in a row
    QDateTime lastFailureAt;
    QDateTime signedInAt;
};

class DeskSignInRepository
{
public:
    explicit DeskSignInRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    // A login this desk never saw: a record with no verifier and no failures.
    Result<DeskSignIn> get(const QString &login) const;
    Result<QStringList> loginsWithVerifier() const;
    Status setVerifier(const QString &login, const QString &verifier);
    Status removeVerifier(const QString &login);
    // One more failed attempt at `at`; the count in a row after it.
    Result<int> recordFailure(const QString &login, const QDateTime &at);
    // A right password: the failures are forgotten.
    Status recordSuccess(const QString &login, const QDateTime &at);
    // The failures are forgotten without a sign-in (an administrator set a new password).
    Status clearFailures(const QString &login);

private:
    Status ensureRow(const QString &login);
    QSqlDatabase m_db;
};

} // namespace kasp::storage
