#include "desksignin.h"

#include "kasp/session/passwordhash.h"
#include "kasp/storage/userrepository.h"
#include "syncsession.h"

#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>

Q_DECLARE_LOGGING_CATEGORY(lcApp)

namespace kasp::app {

DeskSignIn::DeskSignIn(QSqlDatabase db, const Clock &clock, SyncSession *sync, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_clock(clock), m_sync(sync), m_gate(m_db, clock)
{
}

SignInDialog::Check DeskSignIn::checker()
{
    QPointer<DeskSignIn> self(this);
    return [self](const QString &login, const QString &password, SignInDialog::Answer done) {
        if (self)
            self->check(login, password, std::move(done));
    };
}

SignInDialog::Wait DeskSignIn::waiter()
{
    QPointer<DeskSignIn> self(this);
    return [self](const QString &login) -> qint64 {
        if (!self)
            return 0;
        const auto wait = self->m_gate.waitSecs(login);
        return wait.ok() ? wait.value() : 0;
    };
}

Result<User> DeskSignIn::person(const QString &login) const
{
    auto user = storage::UserRepository(m_db, m_clock).byLogin(login);
    if (!user.ok())
        return user.error();
    if (!user.value() || !user.value()->active)
        return Error{
            QStringLiteral("signin.no_such_user"),
            tr("This person cannot sign in on this desk: the account is not here or is switched off.")};
    return *user.value();
}

void DeskSignIn::check(const QString &login, const QString &password, SignInDialog::Answer done)
{
    // One check at a time: the throttle counts each attempt before the next one is looked at.
    if (m_checking) {
        done(Error{QStringLiteral("signin.busy"), tr("A sign-in is being checked. Wait a moment.")});
        return;
    }
    // The throttle first: while it holds, no password is checked, here or on the server.
    auto wait = m_gate.waitSecs(login);
    if (!wait.ok()) {
        done(wait.error());
        return;
    }
    if (wait.value() > 0) {
        qCInfo(lcApp).noquote() << "sign-in refused for" << login << "- throttled for" << wait.value() << "s";
        done(session::SignInGate::throttled(wait.value()));
        return;
    }
    m_checking = true;
    QPointer<DeskSignIn> self(this);
    // Called once, on this thread, when the check ends; the next one may start from `done`.
    SignInDialog::Answer answer = [self, done](const Result<User> &r) {
        if (self)
            self->m_checking = false;
        done(r);
    };
    if (!m_sync || !m_sync->isConfigured()) {
        checkOffline(login, password, answer, false);
        return;
    }
    m_sync->connectTo(m_sync->serverUrl(), login, password, [self, login, password, answer](const Error &e) {
        if (!self)
            return;
        if (e.code.isEmpty()) {
            self->keepVerifier(login, password, answer);
            return;
        }
        if (e.code == QLatin1String("sync.offline")) {
            self->checkOffline(login, password, answer, true);
            return;
        }
        if (e.code == QLatin1String("auth.bad_credentials")) {
            self->refused(login, password, e, answer);
            return;
        }
        answer(e); // the server's reason in words (its own throttle, ...)
    });
}

void DeskSignIn::keepVerifier(const QString &login, const QString &password, const SignInDialog::Answer &done)
{
    // A verifier for the days the server is away, made off this thread; not having one is no
    // reason to refuse now.
    QPointer<DeskSignIn> self(this);
    session::PasswordHash::makeLater(password, this, [self, login, done](const Result<QString> &verifier) {
        const Status kept =
            verifier.ok() ? self->m_gate.keepVerifier(login, verifier.value()) : verifier.error();
        if (!kept.ok())
            qCWarning(lcApp).noquote()
                << "keeping the sign-in verifier:" << kept.error().code << kept.error().message;
        done(self->signedInByServer(login));
    });
}

void DeskSignIn::refused(const QString &login, const QString &password, const Error &e,
                         const SignInDialog::Answer &done)
{
    auto counted = [self = QPointer<DeskSignIn>(this), login, e, done](bool staleVerifier) {
        if (!self)
            return;
        if (auto s = self->m_gate.settleRefused(login, staleVerifier); !s.ok())
            qCWarning(lcApp).noquote() << "counting a failed sign-in:" << s.error().code << s.error().message;
        const auto wait = self->m_gate.waitSecs(login);
        if (wait.ok() && wait.value() > 0) {
            // The seconds are counted down under the sign-in (SignInDialog::setWait).
            done(Error{e.code, tr("Wrong login or password. Too many failed attempts in a row: the next one "
                                  "waits.")});
            return;
        }
        done(e);
    };
    // A verifier here that still takes the refused password is stale (changed on the server).
    const auto verifier = m_gate.storedVerifier(login);
    if (!verifier.ok() || verifier.value().isEmpty()) {
        counted(false);
        return;
    }
    session::PasswordHash::verifyLater(verifier.value(), password, this, counted);
}

Result<User> DeskSignIn::acceptedByServer(const QString &login, const QString &password)
{
    // A verifier for the days the server is away. Not having one is no reason to refuse now.
    if (auto s = m_gate.acceptedByServer(login, password); !s.ok())
        qCWarning(lcApp).noquote() << "keeping the sign-in verifier:" << s.error().code << s.error().message;
    return signedInByServer(login);
}

Result<User> DeskSignIn::signedInByServer(const QString &login) const
{
    qCInfo(lcApp).noquote() << "signed in as" << login << "(checked by the server)";
    auto user = person(login);
    if (user.ok() || user.error().code != QLatin1String("signin.no_such_user"))
        return user;
    // Someone the server knows whose record has not reached this desk yet: as the server says.
    if (!m_sync)
        return user;
    const QJsonObject o = m_sync->signedInUser();
    User u;
    u.id = idFromString(o.value(QStringLiteral("id")).toString());
    u.login = o.value(QStringLiteral("login")).toString();
    u.displayName = o.value(QStringLiteral("displayName")).toString();
    u.role = roleFromKey(o.value(QStringLiteral("role")).toString()).value_or(Role::Consultant);
    if (u.id.isNull() || u.login != login)
        return user;
    return u;
}

void DeskSignIn::checkOffline(const QString &login, const QString &password, const SignInDialog::Answer &done,
                              bool serverAway)
{
    auto refuse = [login, done, serverAway](const Error &e) {
        qCInfo(lcApp).noquote() << (serverAway ? "offline sign-in refused for" : "sign-in refused for")
                                << login << ":" << e.code;
        if (serverAway && e.code == QLatin1String("signin.not_on_this_desk")) {
            done(Error{e.code, tr("The server does not answer, and you have not signed in on this desk "
                                  "before. Sign in when the server is back, or at your own desk.")});
            return;
        }
        done(e);
    };
    auto verifier = m_gate.verifierFor(login);
    if (!verifier.ok()) {
        refuse(verifier.error());
        return;
    }
    // The argon2id check (~100 ms) runs off this thread: the dialog shows it is checking.
    QPointer<DeskSignIn> self(this);
    session::PasswordHash::verifyLater(
        verifier.value(), password, this, [self, login, done, refuse, serverAway](bool matched) {
            if (auto s = self->m_gate.settle(login, matched); !s.ok()) {
                refuse(s.error());
                return;
            }
            qCInfo(lcApp).noquote() << "signed in as" << login
                                    << (serverAway ? "offline (this desk's verifier)"
                                                   : "(this desk's password)");
            done(self->person(login));
        });
}

} // namespace kasp::app
