#include "kasp/session/localaccounts.h"

#include "kasp/session/passwordhash.h"
#include "kasp/session/settings.h"
#include "kasp/session/signingate.h"
#include "kasp/storage/sessionwriter.h"
#include "kasp/storage/signinrepository.h"
#include "kasp/storage/sqlhelpers.h"
#include "kasp/storage/userrepository.h"
#include "kasp/syncproto/accessrules.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QRegularExpression>

Q_DECLARE_LOGGING_CATEGORY(lcSignIn)

namespace kasp::session {

namespace {
Error forbidden()
{
    return Error{
        QStringLiteral("accounts.forbidden"),
        LocalAccounts::tr("Only the head of sales manages the desk's accounts: nothing was changed.")};
}
} // namespace

LocalAccounts::LocalAccounts(QSqlDatabase db, const Clock &clock, bool deskSyncs)
    : m_db(std::move(db)), m_clock(clock), m_deskSyncs(deskSyncs)
{
}

bool LocalAccounts::administers(Role role)
{
    return sync::roleMaySend(role, QStringLiteral("user.create"));
}

Result<User> LocalAccounts::signedIn() const
{
    // Who is signed in on this connection (AppContext sets it): the only say on who acts here.
    const auto writer = storage::sessionWriter(m_db);
    if (!writer)
        return forbidden();
    auto all = storage::UserRepository(m_db, m_clock).all();
    if (!all.ok())
        return all.error();
    for (const User &u : all.value())
        if (u.id == writer->userId)
            return u;
    return forbidden();
}

Status LocalAccounts::mayAdminister() const
{
    auto me = signedIn();
    if (!me.ok())
        return me.error();
    if (!administers(me.value().role))
        return forbidden();
    if (m_deskSyncs)
        return Error{QStringLiteral("accounts.on_server"),
                     tr("This desk works with the sync server: accounts and passwords are kept there. "
                        "Nothing was changed.")};
    return {};
}

Status LocalAccounts::mayChangeOwn() const
{
    if (auto me = signedIn(); !me.ok())
        return me.error();
    if (m_deskSyncs)
        return Error{QStringLiteral("accounts.on_server"),
                     tr("This desk works with the sync server: your password is kept there and the head "
                        "of sales changes it on the server.")};
    return {};
}

Result<QList<LocalAccount>> LocalAccounts::list() const
{
    auto users = storage::UserRepository(m_db, m_clock).all();
    if (!users.ok())
        return users.error();
    storage::DeskSignInRepository desk(m_db);
    QList<LocalAccount> accounts;
    for (const User &u : users.value()) {
        auto record = desk.get(u.login);
        if (!record.ok())
            return record.error();
        accounts.append({u, !record.value().verifier.isEmpty(), record.value().signedInAt});
    }
    return accounts;
}

Status LocalAccounts::checkNewPassword(const QString &password, const QString &repeated)
{
    if (password.size() < kMinPasswordLength)
        return Error{QStringLiteral("accounts.too_short"),
                     tr("The password is too short: at least %1 characters.").arg(kMinPasswordLength)};
    if (password != repeated)
        return Error{QStringLiteral("accounts.mismatch"),
                     tr("The two passwords differ. Type the same password twice.")};
    return {};
}

Result<User> LocalAccounts::activePerson(const QString &login) const
{
    auto user = storage::UserRepository(m_db, m_clock).byLogin(login);
    if (!user.ok())
        return user.error();
    if (!user.value() || !user.value()->active)
        return Error{QStringLiteral("accounts.no_such_user"),
                     tr("There is no such person at this desk, or their account is switched off.")};
    return *user.value();
}

void LocalAccounts::setPassword(const QString &login, const QString &password, const QString &repeated,
                                QObject *context, Done done)
{
    Status allowed = mayAdminister();
    if (allowed.ok())
        allowed = checkNewPassword(password, repeated);
    if (allowed.ok())
        if (auto person = activePerson(login); !person.ok())
            allowed = person.error();
    if (!allowed.ok()) {
        done(allowed);
        return;
    }
    QSqlDatabase db = m_db;
    PasswordHash::makeLater(password, context, [db, login, done](const Result<QString> &verifier) {
        if (!verifier.ok()) {
            done(verifier.error());
            return;
        }
        storage::DeskSignInRepository desk(db);
        storage::sql::WriteTransaction tx(db);
        Status s = tx.begin();
        if (s.ok())
            s = desk.setVerifier(login, verifier.value());
        if (s.ok())
            s = desk.clearFailures(login);
        if (s.ok())
            s = tx.commit();
        if (s.ok())
            qCInfo(lcSignIn).noquote() << "password set for" << login << "by the administrator";
        done(s);
    });
}

void LocalAccounts::changeOwnPassword(const QString &current, const QString &password,
                                      const QString &repeated, QObject *context, Done done)
{
    auto me = signedIn();
    Status allowed = me.ok() ? mayChangeOwn() : Status(me.error());
    if (allowed.ok() && current.isEmpty())
        allowed = Error{QStringLiteral("accounts.no_current"), tr("Type your current password.")};
    if (allowed.ok())
        allowed = checkNewPassword(password, repeated);
    if (!allowed.ok()) {
        done(allowed);
        return;
    }
    const QString login = me.value().login;
    // The current password as the sign-in checks it: throttled, and a wrong one counted.
    auto gate = std::make_shared<SignInGate>(m_db, m_clock);
    auto verifier = gate->verifierFor(login);
    if (!verifier.ok()) {
        done(verifier.error());
        return;
    }
    QPointer<QObject> guard(context);
    QSqlDatabase db = m_db;
    PasswordHash::verifyLater(verifier.value(), current, context, [=](bool matched) {
        if (!matched) {
            const Status s = gate->settle(login, false);
            if (!s.ok() && s.error().code == QLatin1String("signin.wrong_password"))
                done(Error{s.error().code, tr("The current password is wrong.")});
            else
                done(s);
            return;
        }
        if (!guard)
            return;
        PasswordHash::makeLater(password, guard, [db, login, done](const Result<QString> &v) {
            if (!v.ok()) {
                done(v.error());
                return;
            }
            const Status s = storage::DeskSignInRepository(db).setVerifier(login, v.value());
            if (s.ok())
                qCInfo(lcSignIn).noquote() << login << "changed their password";
            done(s);
        });
    });
}

Status LocalAccounts::maySetIdleLock() const
{
    // A desk setting, not the server's: asked as for the accounts, but a desk that syncs keeps it too.
    auto me = signedIn();
    if (!me.ok())
        return me.error();
    if (!administers(me.value().role))
        return forbidden();
    return {};
}

Status LocalAccounts::setIdleLockMinutes(Settings &settings, int minutes) const
{
    if (auto s = maySetIdleLock(); !s.ok())
        return s;
    settings.setIdleLockMinutes(minutes);
    settings.sync();
    qCInfo(lcSignIn).noquote() << "idle lock set to" << settings.idleLockMinutes() << "min";
    return {};
}

void LocalAccounts::addConsultant(const QString &login, const QString &displayName, const QString &password,
                                  const QString &repeated, QObject *context, Done done)
{
    static const QRegularExpression loginPattern(QStringLiteral("^[a-z][a-z0-9._-]{1,31}$"));
    const QString name = displayName.simplified();
    Status allowed = mayAdminister();
    if (allowed.ok() && !loginPattern.match(login).hasMatch())
        allowed = Error{QStringLiteral("accounts.bad_login"),
                        tr("The login: 2 to 32 small Latin letters, digits, dots, hyphens or underscores, "
                           "starting with a letter (for example, «ivanova»).")};
    if (allowed.ok() && name.isEmpty())
        allowed = Error{QStringLiteral("accounts.no_name"), tr("Type the person's name.")};
    if (allowed.ok()) {
        auto existing = storage::UserRepository(m_db, m_clock).byLogin(login);
        if (!existing.ok())
            allowed = existing.error();
        else if (existing.value())
            allowed = Error{QStringLiteral("accounts.login_taken"),
                            tr("The login «%1» is taken already. Choose another one.").arg(login)};
    }
    if (allowed.ok())
        allowed = checkNewPassword(password, repeated);
    if (!allowed.ok()) {
        done(allowed);
        return;
    }
    QSqlDatabase db = m_db;
    const Clock &clock = m_clock;
    PasswordHash::makeLater(
        password, context, [db, &clock, login, name, done](const Result<QString> &verifier) {
            if (!verifier.ok()) {
                done(verifier.error());
                return;
            }
            // The person and their password together, or neither.
            storage::sql::WriteTransaction tx(db);
            Status s = tx.begin();
            if (s.ok())
                s = storage::UserRepository(db, clock).create(
                    User{newId(), login, name, Role::Consultant, true, {}});
            if (s.ok())
                s = storage::DeskSignInRepository(db).setVerifier(login, verifier.value());
            if (s.ok())
                s = tx.commit();
            if (s.ok())
                qCInfo(lcSignIn).noquote() << "consultant" << login << "added at this desk";
            done(s);
        });
}

} // namespace kasp::session
