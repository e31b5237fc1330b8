#include "kasp/storage/sqlhelpers.h"

#include "kasp/core/isotime.h"
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
    return date.isValid() ? QVariant(isoDate(date)) : QVariant(QMetaType::fromType<QString>());
}

QDate toDate(const QVariant &value)
{
    if (value.isNull())
        return {};
    const QString text = value.toString();
    const QDate date = parseIsoDate(text);
    return date.isValid() ? date : QDate::fromString(text, Qt::ISODate);
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

Status fetched(const QSqlQuery &query, const QString &context)
{
    if (query.lastError().isValid())
        return storageError(query.lastError(), context);
    return {};
}

Result<QSqlQuery *> runKept(QSqlDatabase db, const QString &text, const QVariantList &values,
                            const QString &context)
{
    auto query = keptQuery(db, text);
    if (!query.ok())
        return query.error();
    QSqlQuery *q = query.value();
    for (int i = 0; i < values.size(); ++i)
        q->bindValue(i, values[i]);
    if (auto s = exec(*q, context); !s.ok())
        return s.error();
    return q;
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
