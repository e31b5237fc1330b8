#pragma once
// Small helpers shared by the server's stores.
#include "kasp/core/result.h"
#include <QSqlError>
#include <QSqlQuery>

namespace kasp::server {

inline bool ok(const QSqlQuery *q)
{
    return q->isActive() && !q->lastError().isValid();
}

// "server.bad_data" when PostgreSQL refused a value (SQLSTATE class 22, data exception, or 54,
// a program limit such as an index row too large): the request's fault, not the database's.
// Otherwise "server.database". The message holds PostgreSQL's words: for the log, never a reply
// (SyncServer answers a fixed text).
inline Error dbError(const QSqlQuery &q)
{
    const QString state = q.lastError().nativeErrorCode();
    const bool badData = state.startsWith(QLatin1String("22")) || state.startsWith(QLatin1String("54"));
    return Error{badData ? QStringLiteral("server.bad_data") : QStringLiteral("server.database"),
                 q.lastError().text()};
}

} // namespace kasp::server
