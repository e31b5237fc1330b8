#include "statementcache.h"

namespace kasp::server {

// Statements are prepared once per connection and reused: QPSQL would otherwise send a PREPARE
// with every call, doubling the round trips of a push. The result stays readable until the same
// statement runs again.
QSqlQuery *StatementCache::run(const QString &sql, const QVariantList &values)
{
    if (values.isEmpty()) {
        // SAVEPOINT and SET cannot be prepared in PostgreSQL.
        m_plain = std::make_unique<QSqlQuery>(m_db);
        m_plain->exec(sql);
        return m_plain.get();
    }
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto prepared = std::make_unique<QSqlQuery>(m_db);
        prepared->setForwardOnly(true);
        if (!prepared->prepare(sql)) {
            m_plain = std::move(prepared);
            return m_plain.get();
        }
        it = m_statements.emplace(sql, std::move(prepared)).first;
    }
    QSqlQuery *statement = it->second.get();
    for (int i = 0; i < values.size(); ++i)
        statement->bindValue(i, values.at(i));
    statement->exec();
    return statement;
}

void StatementCache::reset()
{
    m_statements.clear();
    m_plain.reset();
}

} // namespace kasp::server
