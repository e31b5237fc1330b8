#include "sqlcipherdriver_p.h"

#include <cmath>
#include <limits>
#include <QDateTime>
#include <QSqlField>
#include <QSqlRecord>
#include <sqlite3.h>

namespace kasp::storage::detail {

namespace {

// Large enough that keeping the allocation between executions is no longer worth it.
constexpr qsizetype kMaxRetainedCache = 4096;

} // namespace

SqlCipherResult::SqlCipherResult(const SqlCipherDriver *driver) : QSqlResult(driver), m_driver(driver)
{
    driver->attachResult(this);
}

SqlCipherResult::~SqlCipherResult()
{
    releaseStatement();
    if (m_driver)
        m_driver->detachResult(this);
}

QVariant SqlCipherResult::handle() const
{
    return QVariant::fromValue(m_stmt);
}

void SqlCipherResult::releaseStatement()
{
    if (!m_stmt)
        return;
    // Back to the connection's idle statements while it is open; a statement of another (closed)
    // connection, or a text that was never cached, is finalized.
    if (m_driver && m_db && m_driver->connection() == m_db && !m_stmtSql.isEmpty())
        m_driver->keepIdleStatement(m_stmtSql, m_stmt);
    else
        sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
    m_stmtSql.clear();
}

void SqlCipherResult::finalizeStatement()
{
    resetCursor();
    releaseStatement();
    m_db = nullptr;
    m_columnCount = 0;
    m_columnTypes.clear();
    m_typeDeclared.clear();
    m_boundValues.clear();
    m_convertedTexts.clear();
    m_parameterSlots.clear();
    m_parameterSlotsFor = -1;
}

void SqlCipherResult::fail(const QString &text, QSqlError::ErrorType type, int rc)
{
    const QSqlError error = sqliteError(m_db, rc, text, type);
    setLastError(error);
    m_hasError = true;
    const int primary = error.nativeErrorCode().toInt() & 0xff;
    if (m_driver && (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB))
        emit m_driver->damageFound(error.databaseText() + QLatin1String(" [") + error.nativeErrorCode() +
                                   QLatin1String("] ") + m_stmtSql.left(120));
}

void SqlCipherResult::failWithoutSqlite(const QString &text, QSqlError::ErrorType type)
{
    setLastError(QSqlError(text, QString(), type));
    m_hasError = true;
}

void SqlCipherResult::clearError()
{
    // QSqlError allocates; skip the reset on the hot path when nothing failed.
    if (m_hasError) {
        setLastError(QSqlError());
        m_hasError = false;
    }
}

// --- preparing ---------------------------------------------------------------------------------

bool SqlCipherResult::prepare(const QString &query)
{
    clearError();
    return prepareStatement(query);
}

bool SqlCipherResult::prepareStatement(const QString &query)
{
    finalizeStatement();
    if (!m_driver || !m_driver->connection()) {
        failWithoutSqlite(tr("The database is not open"), QSqlError::ConnectionError);
        return false;
    }
    m_db = m_driver->connection();
    if (sqlite3_stmt *idle = m_driver->takeIdleStatement(query)) {
        m_stmt = idle; // checked to be one statement when it was first prepared
        m_stmtSql = query;
        refreshColumnTypes(false);
        return true;
    }

    const QChar *begin = query.constData();
    const QChar *end = begin + query.size();
    const void *tail = nullptr;
    const int rc =
        sqlite3_prepare16_v2(m_db, begin, int(query.size() * qsizetype(sizeof(QChar))), &m_stmt, &tail);
    if (rc != SQLITE_OK) {
        fail(tr("Unable to prepare statement"), QSqlError::StatementError, rc);
        m_stmt = nullptr;
        return false;
    }
    if (!m_stmt) {
        failWithoutSqlite(tr("The query is empty"), QSqlError::StatementError);
        return false;
    }
    if (tail && !hasOnlyBlankTail(static_cast<const QChar *>(tail), end)) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
        failWithoutSqlite(tr("Only one SQL statement per query is supported"), QSqlError::StatementError);
        return false;
    }
    m_stmtSql = query;
    refreshColumnTypes(false);
    return true;
}

bool SqlCipherResult::hasOnlyBlankTail(const QChar *tail, const QChar *end) const
{
    const QChar *p = tail;
    while (p < end && (p->isSpace() || *p == u';'))
        ++p;
    if (p == end)
        return true;
    // Comments may follow the statement; sqlite knows whether anything executable remains.
    sqlite3_stmt *next = nullptr;
    const int rc = sqlite3_prepare16_v2(m_db, p, int((end - p) * qsizetype(sizeof(QChar))), &next, nullptr);
    if (next)
        sqlite3_finalize(next);
    return rc == SQLITE_OK && !next;
}

void SqlCipherResult::refreshColumnTypes(bool fromCurrentRow)
{
    if (!fromCurrentRow) {
        m_columnCount = sqlite3_column_count(m_stmt);
        m_columnTypes.assign(size_t(m_columnCount), QMetaType());
        m_typeDeclared.assign(size_t(m_columnCount), false);
        for (int i = 0; i < m_columnCount; ++i) {
            m_columnTypes[size_t(i)] = metaTypeForDeclaredType(sqlite3_column_decltype(m_stmt, i));
            m_typeDeclared[size_t(i)] = m_columnTypes[size_t(i)].isValid();
        }
        return;
    }
    // Expressions declare nothing: take the storage class of the first non-null value seen.
    for (int i = 0; i < m_columnCount; ++i) {
        if (!m_typeDeclared[size_t(i)] && !m_columnTypes[size_t(i)].isValid())
            m_columnTypes[size_t(i)] = metaTypeForStorageClass(sqlite3_column_type(m_stmt, i));
    }
}

// --- executing ---------------------------------------------------------------------------------

bool SqlCipherResult::reset(const QString &query)
{
    clearError();
    if (!prepareStatement(query))
        return false;
    return run();
}

bool SqlCipherResult::exec()
{
    clearError();
    if (!m_stmt) {
        failWithoutSqlite(m_driver && m_driver->connection() ? tr("No statement has been prepared")
                                                             : tr("The database is not open"),
                          QSqlError::StatementError);
        return false;
    }
    // The prepared statement is reused: reset and rebind, no re-parse.
    resetCursor();
    if (!bindParameters())
        return false;
    return run();
}

bool SqlCipherResult::run()
{
    m_scrollable = !isForwardOnly();
    const int changesBefore = sqlite3_total_changes(m_db);
    const int rc = sqlite3_step(m_stmt);
    // A schema change makes sqlite recompile the statement, possibly with other columns.
    if (sqlite3_column_count(m_stmt) != m_columnCount)
        refreshColumnTypes(false);
    if (rc == SQLITE_ROW) {
        // The first row is kept in the statement and handed out by the first fetch.
        m_pendingRow = true;
        m_done = false;
        refreshColumnTypes(true);
        setSelect(true);
    } else if (rc == SQLITE_DONE) {
        m_done = true;
        setSelect(m_columnCount > 0);
        sqlite3_reset(m_stmt);
    } else {
        fail(tr("Unable to execute statement"), QSqlError::StatementError, rc);
        sqlite3_reset(m_stmt);
        return false;
    }
    // Both are per connection in sqlite; taken now, they describe this statement (an INSERT OR
    // IGNORE that inserted nothing has no id, DDL after an UPDATE affected no rows).
    const bool changed = sqlite3_total_changes(m_db) != changesBefore;
    m_rowsAffected = isSelect() ? -1 : (changed ? sqlite3_changes(m_db) : 0);
    m_lastInsertId = changed ? sqlite3_last_insert_rowid(m_db) : 0;
    setActive(true);
    return true;
}

// --- fetching ----------------------------------------------------------------------------------

void SqlCipherResult::resetCursor()
{
    if (m_stmt)
        sqlite3_reset(m_stmt);
    m_pendingRow = false;
    m_done = true;
    if (m_cache.capacity() > kMaxRetainedCache)
        m_cache = {};
    else
        m_cache.clear();
    m_cachedRows = 0;
    m_rowSnapshot.clear();
    m_useSnapshot = false;
    m_rowsAffected = -1;
    m_lastInsertId = 0;
    setAt(QSql::BeforeFirstRow);
    setActive(false);
    setSelect(false);
}

bool SqlCipherResult::stepRow()
{
    if (m_pendingRow) {
        m_pendingRow = false;
        return true;
    }
    if (m_done)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    m_done = true;
    if (rc != SQLITE_DONE)
        fail(tr("Unable to fetch row"), QSqlError::StatementError, rc);
    // Release the read lock now rather than when the query object goes away.
    sqlite3_reset(m_stmt);
    return false;
}

bool SqlCipherResult::cacheNextRow()
{
    if (!stepRow())
        return false;
    for (int i = 0; i < m_columnCount; ++i)
        m_cache.append(columnValue(i));
    ++m_cachedRows;
    return true;
}

QVariant SqlCipherResult::columnValue(int column) const
{
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER:
        return QVariant(qlonglong(sqlite3_column_int64(m_stmt, column)));
    case SQLITE_FLOAT: {
        const double value = sqlite3_column_double(m_stmt, column);
        switch (numericalPrecisionPolicy()) {
        case QSql::LowPrecisionInt32:
            return QVariant(truncateToInt<int>(value));
        case QSql::LowPrecisionInt64:
            return QVariant(qlonglong(truncateToInt<qint64>(value)));
        default:
            return QVariant(value);
        }
    }
    case SQLITE_TEXT: {
        // UTF-8 is the database encoding: no conversion inside sqlite, one decode here.
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
        const int bytes = sqlite3_column_bytes(m_stmt, column);
        return QVariant(QString::fromUtf8(text ? text : "", bytes));
    }
    case SQLITE_BLOB: {
        const auto *blob = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
        const int bytes = sqlite3_column_bytes(m_stmt, column);
        return QVariant(QByteArray(blob ? blob : "", bytes)); // empty, not null, for a zero-length blob
    }
    default:
        return QVariant(m_columnTypes[size_t(column)]); // typed null when the type is known
    }
}

void SqlCipherResult::snapshotCurrentRow()
{
    m_rowSnapshot.clear();
    for (int i = 0; i < m_columnCount; ++i)
        m_rowSnapshot.append(columnValue(i));
}

bool SqlCipherResult::fetch(int index)
{
    if (!isActive() || !isSelect() || index < 0)
        return false;
    if (m_scrollable) {
        while (m_cachedRows <= index && cacheNextRow()) {
        }
        if (index >= m_cachedRows)
            return false;
        setAt(index);
        return true;
    }
    if (m_useSnapshot)
        return index == at();
    if (at() == QSql::AfterLastRow || index < at())
        return false;
    while (at() < index) {
        if (!stepRow()) {
            setAt(QSql::AfterLastRow);
            return false;
        }
        setAt(at() + 1);
    }
    return true;
}

bool SqlCipherResult::fetchNext()
{
    if (m_scrollable)
        return fetch(at() + 1);
    if (!isActive() || !isSelect() || m_useSnapshot || at() == QSql::AfterLastRow)
        return false;
    if (!stepRow())
        return false;
    setAt(at() + 1);
    return true;
}

bool SqlCipherResult::fetchPrevious()
{
    return m_scrollable && fetch(at() - 1);
}

bool SqlCipherResult::fetchFirst()
{
    return fetch(0);
}

bool SqlCipherResult::fetchLast()
{
    if (!isActive() || !isSelect())
        return false;
    if (m_scrollable) {
        while (cacheNextRow()) {
        }
        if (m_cachedRows == 0)
            return false;
        setAt(m_cachedRows - 1);
        return true;
    }
    if (m_useSnapshot)
        return at() >= 0;
    if (at() == QSql::AfterLastRow)
        return false;
    // Forward-only: once sqlite says DONE the last row is gone, so each row is copied before
    // stepping past it. Rare enough that the copying does not matter.
    int row = at();
    for (;;) {
        if (row >= 0)
            snapshotCurrentRow();
        if (!stepRow())
            break;
        ++row;
    }
    if (row < 0)
        return false;
    m_useSnapshot = true;
    setAt(row);
    return true;
}

bool SqlCipherResult::checkField(int field) const
{
    if (field >= 0 && field < m_columnCount)
        return true;
    qCWarning(lcSqlCipher) << "column index out of range:" << field << "of" << m_columnCount;
    return false;
}

QVariant SqlCipherResult::data(int field)
{
    if (!checkField(field) || at() < 0)
        return {};
    if (m_scrollable)
        return at() < m_cachedRows ? m_cache.at(qsizetype(at()) * m_columnCount + field) : QVariant();
    if (m_useSnapshot)
        return m_rowSnapshot.value(field);
    return m_done ? QVariant() : columnValue(field);
}

bool SqlCipherResult::isNull(int field)
{
    if (!checkField(field) || at() < 0)
        return true;
    if (m_scrollable)
        return at() >= m_cachedRows || m_cache.at(qsizetype(at()) * m_columnCount + field).isNull();
    if (m_useSnapshot)
        return m_rowSnapshot.value(field).isNull();
    return m_done || sqlite3_column_type(m_stmt, field) == SQLITE_NULL;
}

// --- metadata ----------------------------------------------------------------------------------

int SqlCipherResult::size()
{
    return -1; // sqlite cannot tell without stepping through every row
}

int SqlCipherResult::numRowsAffected()
{
    return m_rowsAffected;
}

QVariant SqlCipherResult::lastInsertId() const
{
    if (!isActive() || isSelect() || m_lastInsertId == 0)
        return {};
    return QVariant(qlonglong(m_lastInsertId));
}

QSqlRecord SqlCipherResult::record() const
{
    QSqlRecord record;
    if (!m_stmt)
        return record;
    for (int i = 0; i < m_columnCount; ++i) {
        const char *table = sqlite3_column_table_name(m_stmt, i);
        record.append(QSqlField(QString::fromUtf8(sqlite3_column_name(m_stmt, i)), m_columnTypes[size_t(i)],
                                table ? QString::fromUtf8(table) : QString()));
    }
    return record;
}

void SqlCipherResult::detachFromResultSet()
{
    // QSqlQuery::finish(): keep the prepared statement, drop the rows and the read lock.
    resetCursor();
}

} // namespace kasp::storage::detail
