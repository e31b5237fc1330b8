#pragma once
// The one place that opens the local database: registers the SQLCipher driver, applies the key,
// proves the key right before anything else runs, sets WAL + synchronous=FULL and migrates.
#include "kasp/core/result.h"
#include "kasp/storage/databasekey.h"
#include <functional>
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

// Opens one more connection to a database already open (a worker thread's own: a Qt SQL connection
// is used only in the thread that opened it). Same file and key, no migration. Call it in the thread
// that will use the connection, under a name unique to that thread; ConnectionFactory::close() it.
using ConnectionOpener = std::function<Result<QSqlDatabase>(const QString &connectionName)>;

class ConnectionFactory
{
public:
    // On success the connection is open and registered under options.connectionName.
    // On failure nothing is left registered and the file is untouched.
    static Result<QSqlDatabase> open(const OpenOptions &options);
    static void close(const QString &connectionName);
    // An opener of more connections like `opened` (its connection name is ignored).
    static ConnectionOpener sameDatabase(const OpenOptions &opened);
};

} // namespace kasp::storage
