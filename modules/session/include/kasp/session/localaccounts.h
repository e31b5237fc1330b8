#pragma once
// The desk's own accounts (issue 20): who works at this desk, whether they have a password here and
// when they last signed in; the administrator sets or resets a person's password and adds a
// consultant; everyone changes their own. Passwords are kept only as argon2id verifiers
// (PasswordHash) in desk_sign_in; the argon2id work runs off the calling thread.
//
// Who administers: whoever the access rules let create a user record (user.create: the head of
// sales; the director's account reads, a consultant does not change staff), asked for the person
// signed in on the connection (storage sessionwriter.h), never for a caller's say-so. On a desk that
// syncs to kasp-sync, passwords belong to the server: nothing here is changed (accounts.on_server).
// No widgets.
#include "kasp/core/clock.h"
#include "kasp/core/result.h"
#include "kasp/core/user.h"

#include <functional>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>

class QObject;

namespace kasp::session {

class Settings;

struct LocalAccount
{
    User user;
    bool hasPassword = false;
    QDateTime signedInAt; // the last sign-in at this desk; invalid: never
};

class LocalAccounts
{
    Q_DECLARE_TR_FUNCTIONS(kasp::session::LocalAccounts)

public:
    static constexpr int kMinPasswordLength = 8;
    using Done = std::function<void(const Status &)>;

    // `deskSyncs`: this desk has a sync server (its passwords are the server's).
    LocalAccounts(QSqlDatabase db, const Clock &clock, bool deskSyncs);

    // The role rule: administers the desk's accounts (the same rule as user.create).
    static bool administers(Role role);
    // Whether the person signed in on the connection may administer here: accounts.forbidden
    // (their role), accounts.on_server (a desk that syncs), or yes.
    Status mayAdminister() const;
    // Whether the person signed in may change their own password here (accounts.on_server).
    Status mayChangeOwn() const;

    // Everyone of the desk (active or not), by name.
    Result<QList<LocalAccount>> list() const;
    // A new password typed twice: accounts.too_short, accounts.mismatch, or fine.
    static Status checkNewPassword(const QString &password, const QString &repeated);

    // These answer once, later, on `context`'s thread (never when it is gone); nothing is
    // written when they refuse.
    // The administrator sets `login`'s password (a reset also lifts the wait after failed attempts).
    void setPassword(const QString &login, const QString &password, const QString &repeated, QObject *context,
                     Done done);
    // The signed-in person's own: the current password is checked first (a wrong one counts as a
    // failed sign-in, as at the lock screen), then the new one is kept.
    void changeOwnPassword(const QString &current, const QString &password, const QString &repeated,
                           QObject *context, Done done);
    // Whether the person signed in sets the idle lock (the administrator's role, server or not).
    Status maySetIdleLock() const;
    // The desk's idle lock (Settings::idleLockMinutes; 0 never locks): the administrator's too.
    Status setIdleLockMinutes(Settings &settings, int minutes) const;
    // A new consultant with a password (user.create through the write path).
    void addConsultant(const QString &login, const QString &displayName, const QString &password,
                       const QString &repeated, QObject *context, Done done);

private:
    Result<User> signedIn() const;
    Result<User> activePerson(const QString &login) const;

    QSqlDatabase m_db;
    const Clock &m_clock;
    bool m_deskSyncs;
};

} // namespace kasp::session
