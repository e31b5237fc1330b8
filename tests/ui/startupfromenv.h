#pragma once
// Shared by the start-up tests: options for the real start-up that type nothing, the database's
// passphrase and the person's password read from KASP_TEST_PASSPHRASE and KASP_TEST_PASSWORD (as
// kasp --passphrase-env / --password-env do), so the password is checked like a typed one.
#include "startup.h"

namespace kasp::test {

inline app::StartupOptions startupFromEnvironment(const QString &databasePath, bool demo,
                                                  const QString &login)
{
    return {databasePath, demo,      login,     QStringLiteral("KASP_TEST_PASSPHRASE"),
            QString(),    QString(), QString(), QStringLiteral("KASP_TEST_PASSWORD")};
}

} // namespace kasp::test
