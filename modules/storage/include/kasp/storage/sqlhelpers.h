#pragma once
// Conversions between domain values and the portable column types, and a transaction guard.
#include "kasp/core/id.h"
#include "kasp/core/result.h"
#include <QDate>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace kasp::storage::sql {

// Qt binds a null QString as SQL NULL (QSQLITE and QPSQL alike); NOT NULL text columns get ''.
inline QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}
QVariant fromId(const Id &id); // TEXT, NULL for a null id
Id toId(const QVariant &value);
QVariant fromInstant(const QDateTime &at); // INTEGER UTC ms, NULL if invalid
QDateTime toInstant(const QVariant &value);
QVariant fromDate(const QDate &date); // TEXT yyyy-MM-dd, NULL if invalid
QDate toDate(const QVariant &value);

// Prepares once; on failure returns the error instead of silently executing nothing.
Status prepare(QSqlQuery &query, const QString &sql);
Status exec(QSqlQuery &query, const QString &context);
// After the rows: next() returns false both at the end and when a row cannot be read (a page of
// a damaged file fails its HMAC: SQLITE_CORRUPT). This tells the two apart, so that a damaged
// file is an error and never fewer rows. Every read ends with it, a loop or a single row.
Status fetched(const QSqlQuery &query, const QString &context);

// A prepared query the connection keeps for this text, for the statements a write runs again and
// again (a kind's INSERT and UPDATE, the outbox). QSqlQuery::prepare() costs ~20,000 instructions
// of placeholder parsing in Qt before SQLite sees the text; a kept query is only rebound. It lives
// until the connection closes, so: fixed texts only (never an IN list built per call), rows read
// or finish()ed before the same text is asked for again, and forward-only.
Result<QSqlQuery *> keptQuery(QSqlDatabase db, const QString &text);
// The kept query for `text` run with `values` bound in order; the query, for its rows or counts.
Result<QSqlQuery *> runKept(QSqlDatabase db, const QString &text, const QVariantList &values,
                            const QString &context);

// Opens a transaction and rolls it back unless commit() succeeded: an early return on an error
// can never leave half a mutation behind.
// Nests: a WriteTransaction opened while another one is open on the same connection joins it, so
// a use case can write several mutations (a booking and its touch) that commit together. An inner
// failure returns its error and the outer one rolls everything back.
class WriteTransaction
{
public:
    explicit WriteTransaction(QSqlDatabase db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    Status begin();
    Status commit();
    QSqlDatabase &db() { return m_db; }

private:
    QSqlDatabase m_db;
    bool m_active = false;
    bool m_nested = false;
};

} // namespace kasp::storage::sql
