#pragma once
// The one place that opens the local database: registers the SQLCipher driver, applies the key,
// proves the key right before anything else runs, sets WAL + synchronous=FULL and migrates.
#include "kasp/core/result.h"
#include "kasp/storage/databasekey.h"
#include <QSqlDatabase>
#include <QString>

namespace kasp::storage {

struct OpenOptions
{
    QString path;
    DatabaseKey key;
    QString connectionName; // a unique name per thread/user of the database
    bool create = true;     // false: a missing file is an error
    bool migrate = true;    // bring the schema up to date (refuses a database newer than the app)
};

class ConnectionFactory
{
public:
    // On success the connection is open and registered under options.connectionName.
    // On failure nothing is left registered and the file is untouched.
    static Result<QSqlDatabase> open(const OpenOptions &options);
    static void close(const QString &connectionName);
};

} // namespace kasp::storage
