#include "kasp/storage/userrepository.h"

#include "kasp/core/mutation.h"
#include "kasp/storage/recordwriter.h"
#include "kasp/storage/sqlhelpers.h"

#include <QJsonObject>

namespace kasp::storage {

namespace {
User readUser(const QSqlQuery &q)
{
    return User{sql::toId(q.value(0)), q.value(1).toString(),
                q.value(2).toString(), roleFromKey(q.value(3).toString()).value_or(Role::Consultant),
                q.value(4).toBool(),   q.value(5).toString()};
}
const QString kColumns = QStringLiteral("id, login, display_name, role, active, extension");
} // namespace

Status UserRepository::create(const User &user)
{
    const QJsonObject args{
        {QStringLiteral("id"), idToString(user.id)},       {QStringLiteral("login"), user.login},
        {QStringLiteral("displayName"), user.displayName}, {QStringLiteral("role"), roleKey(user.role)},
        {QStringLiteral("active"), user.active},           {QStringLiteral("extension"), user.extension}};
    return write(m_db, Mutation{QStringLiteral("user.create"), args}, m_clock.now());
}

Status UserRepository::setExtension(const Id &userId, const QString &extension)
{
    const QJsonObject args{{QStringLiteral("id"), idToString(userId)},
                           {QStringLiteral("extension"), extension}};
    return write(m_db, Mutation{QStringLiteral("user.set_extension"), args}, m_clock.now());
}

Result<QList<User>> UserRepository::all() const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(q, QStringLiteral("SELECT %1 FROM users ORDER BY display_name").arg(kColumns));
        !s.ok())
        return s.error();
    if (auto s = sql::exec(q, QStringLiteral("users")); !s.ok())
        return s.error();
    QList<User> users;
    while (q.next())
        users.append(readUser(q));
    if (auto s = sql::fetched(q, QStringLiteral("users")); !s.ok())
        return s.error();
    return users;
}

Result<std::optional<User>> UserRepository::byLogin(const QString &login) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(q, QStringLiteral("SELECT %1 FROM users WHERE login = ?").arg(kColumns));
        !s.ok())
        return s.error();
    q.addBindValue(login);
    if (auto s = sql::exec(q, QStringLiteral("user by login")); !s.ok())
        return s.error();
    if (!q.next())
        return std::optional<User>();
    return std::optional<User>(readUser(q));
}

} // namespace kasp::storage
