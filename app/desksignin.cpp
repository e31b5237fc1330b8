#include "desksignin.h"

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
    if (!m_sync || !m_sync->isConfigured()) {
        if (auto s = m_gate.checkLocally(login, password); !s.ok()) {
            qCInfo(lcApp).noquote() << "sign-in refused for" << login << ":" << s.error().code;
            done(s.error());
            return;
        }
        qCInfo(lcApp).noquote() << "signed in as" << login << "(this desk's password)";
        done(person(login));
        return;
    }
    QPointer<DeskSignIn> self(this);
    m_sync->connectTo(m_sync->serverUrl(), login, password, [self, login, password, done](const Error &e) {
        if (!self)
            return;
        if (e.code.isEmpty()) {
            done(self->acceptedByServer(login, password));
            return;
        }
        if (e.code == QLatin1String("sync.offline")) {
            self->checkOffline(login, password, done);
            return;
        }
        if (e.code == QLatin1String("auth.bad_credentials")) {
            if (auto s = self->m_gate.refusedByServer(login, password); !s.ok())
                qCWarning(lcApp).noquote()
                    << "counting a failed sign-in:" << s.error().code << s.error().message;
            const auto wait = self->m_gate.waitSecs(login);
            if (wait.ok() && wait.value() > 0) {
                // The seconds are counted down under the sign-in (SignInDialog::setWait).
                done(Error{e.code,
                           tr("Wrong login or password. Too many failed attempts in a row: the next one "
                              "waits.")});
                return;
            }
        }
        done(e); // the server's reason in words (wrong password, its own throttle, ...)
    });
}

Result<User> DeskSignIn::acceptedByServer(const QString &login, const QString &password)
{
    // A verifier for the days the server is away. Not having one is no reason to refuse now.
    if (auto s = m_gate.acceptedByServer(login, password); !s.ok())
        qCWarning(lcApp).noquote() << "keeping the sign-in verifier:" << s.error().code << s.error().message;
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

void DeskSignIn::checkOffline(const QString &login, const QString &password, const SignInDialog::Answer &done)
{
    auto s = m_gate.checkLocally(login, password);
    if (!s.ok()) {
        qCInfo(lcApp).noquote() << "offline sign-in refused for" << login << ":" << s.error().code;
        if (s.error().code == QLatin1String("signin.not_on_this_desk")) {
            done(Error{s.error().code,
                       tr("The server does not answer, and you have not signed in on this desk "
                          "before. Sign in when the server is back, or at your own desk.")});
            return;
        }
        done(s.error());
        return;
    }
    qCInfo(lcApp).noquote() << "signed in as" << login << "offline (this desk's verifier)";
    done(person(login));
}

} // namespace kasp::app
