#pragma once
// Accounts, sign-in and tokens of kasp-sync. A short-lived access token authorises calls; a
// long-lived refresh token (kept by the desktop in the OS keychain) gets a new pair and is rotated
// on every use. Repeated failed sign-ins lock the login for a growing time.
#include "kasp/core/result.h"
#include "kasp/core/user.h"
#include "kasp/syncproto/wire.h"
#include "serverconfig.h"
#include <QSqlDatabase>

namespace kasp::server {

struct Principal
{
    QString accountId;
    QString orgId;
    QString login;
    QString displayName;
    Role role = Role::Consultant;
    int schema = 0;                        // the calling desktop's schema (X-Kasp-Schema); 0: not said
    int protocol = sync::kProtocolVersion; // the call's sync protocol (X-Kasp-Protocol)
};

struct SignedIn
{
    QString accessToken;
    QString refreshToken;
    int accessExpiresIn = 0; // seconds
    Principal who;
};

class AccountStore
{
public:
    AccountStore(QSqlDatabase db, const ServerConfig &config) : m_db(std::move(db)), m_config(config) {}

    // Creates the organisation when it does not exist yet. The user also becomes a "user" record
    // that desktops pull (without the hash). Errors: "account.exists", "account.bad_input".
    Result<Principal> addUser(const QString &orgName, const QString &login, const QString &displayName,
                              Role role, const QString &password);

    // A sign-in in three steps, so that the password check (argon2id, ~60 ms of a core) runs off
    // the event loop: begin (the database: throttling, the stored hash), verify on a worker
    // thread (verifyPassword), finish (the database: count a failure, or issue the tokens).
    // Failures count per calling address and login, known or not, and both are answered alike and
    // in the same time: after kFreeAttempts wrong passwords that address waits 30 s, doubling up
    // to 15 minutes, for that login only; the owner at another desk is not locked out.
    struct SignInCheck
    {
        QString accountId; // empty: no such login (the hash is a stand-in's, to spend the same time)
        QString hash;
    };
    // Counts the attempt. Errors: "auth.throttled" (message and *retryAfterSecs say how long).
    Result<SignInCheck> beginSignIn(const QString &address, const QString &login,
                                    int *retryAfterSecs = nullptr);
    // Errors: "auth.bad_credentials" (unknown login or wrong password, indistinguishable),
    // "auth.inactive".
    Result<SignedIn> finishSignIn(const QString &address, const QString &login, const SignInCheck &check,
                                  bool passwordMatches);
    // Old failure counts (a day without a failure, no lock in force) go.
    void purgeSignInFailures();
    // Errors: "auth.bad_token", "auth.token_expired", "auth.token_reused" (the family is revoked).
    Result<SignedIn> refresh(const QString &refreshToken);
    Status signOut(const QString &refreshToken);
    // Errors: "auth.bad_token", "auth.token_expired".
    Result<Principal> authenticate(const QString &accessToken);

    static constexpr int kFreeAttempts = 5;

private:
    Result<SignedIn> issue(const Principal &who, const QString &family);
    Result<Principal> principalOf(const QString &accountId);
    void audit(const QString &accountId, const QString &event, const QString &detail = {});

    QSqlDatabase m_db;
    ServerConfig m_config;
};

} // namespace kasp::server
