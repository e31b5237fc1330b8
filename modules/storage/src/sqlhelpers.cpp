#include "kasp/storage/sqlhelpers.h"

#include "kasp/storage/storageerror.h"

#include <algorithm>
#include <QHash>
#include <QSqlError>
#include <QTimeZone>

namespace kasp::storage::sql {

QVariant fromId(const Id &id)
{
    return id.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(idToString(id));
}

Id toId(const QVariant &value)
{
    return value.isNull() ? Id() : idFromString(value.toString());
}

QVariant fromInstant(const QDateTime &at)
{
    return at.isValid() ? QVariant(at.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qlonglong>());
}

QDateTime toInstant(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QVariant fromDate(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QString>());
}

QDate toDate(const QVariant &value)
{
    return value.isNull() ? QDate() : QDate::fromString(value.toString(), Qt::ISODate);
}

Status prepare(QSqlQuery &query, const QString &sql)
{
    if (!query.prepare(sql))
        return storageError(query.lastError(), sql.left(60));
    return {};
}

Status exec(QSqlQuery &query, const QString &context)
{
    if (!query.exec())
        return storageError(query.lastError(), context);
    return {};
}

namespace {
// Open write transactions per connection name. Connections belong to one thread each.
thread_local QHash<QString, int> t_depth;
} // namespace

WriteTransaction::WriteTransaction(QSqlDatabase db) : m_db(std::move(db)) {}

WriteTransaction::~WriteTransaction()
{
    if (!m_active)
        return;
    int &depth = t_depth[m_db.connectionName()];
    depth = std::max(0, depth - 1);
    if (!m_nested)
        m_db.rollback();
}

Status WriteTransaction::begin()
{
    int &depth = t_depth[m_db.connectionName()];
    if (depth > 0) {
        m_nested = true;
    } else if (!m_db.transaction()) {
        return storageError(m_db.lastError(), QStringLiteral("begin"));
    }
    ++depth;
    m_active = true;
    return {};
}

Status WriteTransaction::commit()
{
    if (!m_nested && !m_db.commit())
        return storageError(m_db.lastError(), QStringLiteral("commit")); // destructor rolls back
    int &depth = t_depth[m_db.connectionName()];
    depth = std::max(0, depth - 1);
    m_active = false;
    return {};
}

} // namespace kasp::storage::sql
