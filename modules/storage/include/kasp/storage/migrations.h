#pragma once
// Numbered schema migrations. The version lives inside the database (PRAGMA user_version), each
// step runs in its own transaction, and a database written by a newer KASP is refused untouched.
#include "kasp/core/result.h"
#include <QSqlDatabase>
#include <QStringList>

namespace kasp::storage {

class Migrator
{
public:
    static int latestVersion();
    static int currentVersion(const QSqlDatabase &db);
    static Status migrate(QSqlDatabase &db);
};

// One step: the statements that take the schema from version-1 to version.
struct Migration
{
    int version;
    QStringList statements;
};
const QList<Migration> &allMigrations();
Migration schemaV1();
Migration schemaV2();
Migration schemaV3();
Migration schemaV4();
Migration schemaV5();
Migration schemaV6();
Migration schemaV7();
Migration schemaV8();
Migration schemaV9();
Migration schemaV10();
Migration schemaV11(); // the guest's consent to advertising
Migration schemaV12(); // desk_sign_in: password verifiers and failed attempts (never synced)
Migration schemaV13(); // booking_policies: the department's hold time and prepayment share

} // namespace kasp::storage
