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
    // The desk's alone, after `statements` (SQLite triggers): PostgreSQL's schema has no such step.
    QStringList deskStatements = {};
};
// Every step, in order (migrations.cpp lists them; each is its schema_vN.cpp).
const QList<Migration> &allMigrations();

} // namespace kasp::storage
