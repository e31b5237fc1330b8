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

inline Error dbError(const QSqlQuery &q)
{
    return Error{QStringLiteral("server.database"), q.lastError().text()};
}

} // namespace kasp::server
