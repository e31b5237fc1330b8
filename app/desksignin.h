#pragma once
// Who may sign in at this desk, and with which password (issue 20). A desk without a server checks
// its own argon2id verifiers (session::SignInGate). A desk that syncs asks kasp-sync first: the
// server's answer decides, the desk keeps a verifier for the person it accepted, and the desk
// becomes that person's on the server too (their refresh token). When the server does not answer,
// the desk's verifier decides, so only people who have signed in here before get in offline.
// Failed attempts are throttled on the desk in both cases, before anything is checked.
#include "kasp/core/clock.h"
#include "kasp/session/signingate.h"
#include "signindialog.h"

#include <QObject>
#include <QSqlDatabase>

namespace kasp::app {

class SyncSession;

class DeskSignIn : public QObject
{
    Q_OBJECT
public:
    // `sync` may be null or without a server: the desk checks on its own.
    DeskSignIn(QSqlDatabase db, const Clock &clock, SyncSession *sync, QObject *parent = nullptr);

    // Answers once, later (the argon2id check runs off the UI thread): the person (active, as this
    // desk knows them), or why not in Russian. One check at a time.
    void check(const QString &login, const QString &password, SignInDialog::Answer done);
    // The same, for a SignInDialog, and the wait its countdown shows.
    SignInDialog::Check checker();
    SignInDialog::Wait waiter();
    // The server has just accepted this login and password (the server's own dialog, joining it):
    // the desk keeps a verifier and forgets the failures; the person as this desk knows them.
    Result<User> acceptedByServer(const QString &login, const QString &password);

private:
    // The argon2id work of these (~100 ms each) runs off the UI thread; `done` comes back on it.
    void checkOffline(const QString &login, const QString &password, const SignInDialog::Answer &done,
                      bool serverAway);
    void keepVerifier(const QString &login, const QString &password, const SignInDialog::Answer &done);
    void refused(const QString &login, const QString &password, const Error &e,
                 const SignInDialog::Answer &done);
    Result<User> signedInByServer(const QString &login) const;
    Result<User> person(const QString &login) const;

    QSqlDatabase m_db;
    const Clock &m_clock;
    SyncSession *m_sync;
    session::SignInGate m_gate;
    bool m_checking = false; // a check is under way (another is refused: signin.busy)
};

} // namespace kasp::app
