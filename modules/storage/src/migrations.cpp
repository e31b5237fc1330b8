#include "kasp/storage/migrations.h"

#include "kasp/storage/storageerror.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSqlQuery>

Q_DECLARE_LOGGING_CATEGORY(lcStorage)

namespace kasp::storage {

// Each in its schema_vN.cpp, whose opening comment says what the step is for.
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
Migration schemaV11();
Migration schemaV12();
Migration schemaV13();
Migration schemaV14();
Migration schemaV15();
Migration schemaV16();
Migration schemaV17();

const QList<Migration> &allMigrations()
{
    static const QList<Migration> migrations{schemaV1(),  schemaV2(),  schemaV3(),  schemaV4(),
                                             schemaV5(),  schemaV6(),  schemaV7(),  schemaV8(),
                                             schemaV9(),  schemaV10(), schemaV11(), schemaV12(),
                                             schemaV13(), schemaV14(), schemaV15(), schemaV16(),
                                             schemaV17()};
    return migrations;
}

int Migrator::latestVersion()
{
    return allMigrations().last().version;
}

int Migrator::currentVersion(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
        return query.value(0).toInt();
    return -1;
}

Status Migrator::migrate(QSqlDatabase &db)
{
    const int current = currentVersion(db);
    if (current < 0)
        return storageError(db.lastError(), QStringLiteral("user_version"));
    if (current > latestVersion()) {
        return Error{
            QStringLiteral("storage.newer_schema"),
            QCoreApplication::translate("kasp::storage",
                                        "The database was written by a newer version of KASP (schema %1, "
                                        "this program knows %2). Update KASP; the database was not changed.")
                .arg(current)
                .arg(latestVersion())};
    }
    for (const Migration &migration : allMigrations()) {
        if (migration.version <= current)
            continue;
        if (!db.transaction())
            return storageError(db.lastError(), QStringLiteral("begin migration"));
        QSqlQuery query(db);
        for (const QString &sql : migration.statements + migration.deskStatements) {
            if (!query.exec(sql)) {
                const Error error =
                    storageError(query.lastError(), QStringLiteral("migration %1").arg(migration.version));
                query.finish();
                db.rollback();
                return error;
            }
        }
        // user_version lives in the database header and is covered by the transaction.
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(migration.version))) {
            const Error error = storageError(query.lastError(), QStringLiteral("user_version"));
            query.finish();
            db.rollback();
            return error;
        }
        query.finish();
        if (!db.commit()) {
            const Error error = storageError(db.lastError(), QStringLiteral("commit migration"));
            db.rollback();
            return error;
        }
        qCInfo(lcStorage) << "migrated to schema" << migration.version;
    }
    return {};
}

} // namespace kasp::storage
