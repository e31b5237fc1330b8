#pragma once
// kasp-sync's statements on one PostgreSQL connection, prepared once and reused.
#include <memory>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>
#include <unordered_map>

namespace kasp::server {

class StatementCache
{
public:
    explicit StatementCache(QSqlDatabase db) : m_db(std::move(db)) {}

    // Runs `sql` with `values` bound in order; without values, unprepared (SAVEPOINT, SET).
    QSqlQuery *run(const QString &sql, const QVariantList &values = {});
    // After a reconnection: prepared statements belonged to the old session.
    void reset();

private:
    QSqlDatabase m_db;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    std::unique_ptr<QSqlQuery> m_plain; // the last unprepared statement (or a failed prepare)
};

} // namespace kasp::server
