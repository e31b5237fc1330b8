#pragma once
#include "kasp/core/clock.h"
#include "kasp/core/result.h"
#include "kasp/core/user.h"
#include <optional>
#include <QSqlDatabase>

namespace kasp::storage {

class UserRepository
{
public:
    UserRepository(QSqlDatabase db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}
    Status create(const User &user); // mutation user.create
    // The desk's phone registered as `extension`: mutation user.set_extension (a consultant may
    // set their own only).
    Status setExtension(const Id &userId, const QString &extension);
    Result<QList<User>> all() const; // active and inactive, by display name
    Result<std::optional<User>> byLogin(const QString &login) const;

private:
    QSqlDatabase m_db;
    const Clock &m_clock;
};

} // namespace kasp::storage
