#pragma once
// Fast single-table writes for large loads (the demo generator, a pulled page of guests) and the
// write path's guest rows: one prepared statement, values bound straight through SQLite with typed
// setters, no QSqlQuery or QVariant per value. The statement comes from (and goes back to) the
// connection's idle statements, so a writer made per call prepares nothing after the first.
// The caller owns the transaction. Only for QSQLCIPHER connections.
#include "kasp/core/result.h"
#include <memory>
#include <QSqlDatabase>
#include <QStringList>
#include <QStringView>

namespace kasp::storage {

class BulkWriter
{
public:
    BulkWriter(QSqlDatabase db, const QString &table, const QStringList &columns); // an INSERT
    BulkWriter(QSqlDatabase db, QString sql); // any one statement with positional placeholders
    ~BulkWriter();
    BulkWriter(const BulkWriter &) = delete;
    BulkWriter &operator=(const BulkWriter &) = delete;

    // Bind the next column of the current row.
    void text(QStringView value); // a null QString binds '' (NOT NULL text columns)
    void integer(qint64 value);
    void null();
    // Inserts the bound row; the first call prepares the statement.
    Status insert();
    qint64 rows() const { return m_rows; }
    int changes() const { return m_changes; } // rows the last insert() changed (an UPDATE's match)

private:
    struct Statement;
    Status prepare();

    QSqlDatabase m_db;
    QString m_sql;
    std::unique_ptr<Statement> m_statement;
    int m_next = 1;
    qint64 m_rows = 0;
    int m_changes = 0;
};

} // namespace kasp::storage
