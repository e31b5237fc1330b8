#pragma once
// Private to kasp_storage: the classes behind the QSQLCIPHER driver. sqlite3 types are only
// forward-declared so this header stays cheap; the .cpp files include <sqlite3.h> themselves.
#include <cmath>
#include <limits>
#include <memory>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QLoggingCategory>
#include <QMetaType>
#include <QPointer>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlResult>
#include <QString>
#include <QVariant>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

// handle() returns these, like Qt's QSQLITE does, so callers can reach the C API if they must.
Q_DECLARE_OPAQUE_POINTER(sqlite3 *)
Q_DECLARE_METATYPE(sqlite3 *)
Q_DECLARE_OPAQUE_POINTER(sqlite3_stmt *)
Q_DECLARE_METATYPE(sqlite3_stmt *)

namespace kasp::storage::detail {

Q_DECLARE_LOGGING_CATEGORY(lcSqlCipher)

// A QSqlError carrying sqlite3_errmsg() as database text and the extended result code as the
// native code, so callers can tell SQLITE_NOTADB (26) from SQLITE_CONSTRAINT_UNIQUE (2067).
QSqlError sqliteError(sqlite3 *db, int rc, const QString &driverText, QSqlError::ErrorType type);

// Maps a declared column type to the QMetaType its values are returned as, following SQLite's
// affinity rules. Invalid QMetaType when nothing is declared (expressions).
QMetaType metaTypeForDeclaredType(const char *declType);
// The QMetaType for a value's storage class (SQLITE_INTEGER...); invalid for SQLITE_NULL.
QMetaType metaTypeForStorageClass(int storageClass);

// Qt SQL binds null strings, null byte arrays and invalid dates as NULL, not only null variants.
bool isSqlNull(const QVariant &value);

// LowPrecisionInt32/Int64 drop the fraction; out-of-range values saturate instead of being UB.
template <typename Int> Int truncateToInt(double value)
{
    constexpr double limit = double(std::numeric_limits<Int>::max()) + 1.0; // 2^31 or 2^63, exact
    if (std::isnan(value))
        return 0;
    if (value >= limit)
        return std::numeric_limits<Int>::max();
    if (value < -limit)
        return std::numeric_limits<Int>::min();
    return Int(value);
}

class SqlCipherResult;

class SqlCipherDriver final : public QSqlDriver
{
    Q_OBJECT

public:
    explicit SqlCipherDriver(QObject *parent = nullptr);
    ~SqlCipherDriver() override;

    bool hasFeature(DriverFeature feature) const override;
    bool open(const QString &db, const QString &user, const QString &password, const QString &host, int port,
              const QString &connOpts) override;
    void close() override;
    QSqlResult *createResult() const override;

    bool beginTransaction() override;
    bool commitTransaction() override;
    bool rollbackTransaction() override;

    QStringList tables(QSql::TableType type) const override;
    QSqlIndex primaryIndex(const QString &tableName) const override;
    QSqlRecord record(const QString &tableName) const override;
    QString escapeIdentifier(const QString &identifier, IdentifierType type) const override;
    QString formatValue(const QSqlField &field, bool trimStrings = false) const override;
    QVariant handle() const override;

    sqlite3 *connection() const { return m_db; }
    // sql::keptQuery: a query prepared once for this text, kept until close(); nullptr (and the
    // reason in lastError) when the text does not prepare.
    QSqlQuery *keptQuery(const QString &text, QSqlError *failure);
    // Statements of queries (and BulkWriters) that were closed, by their SQL text: a new query with the same
    // text takes one (reset, bindings cleared) instead of parsing the SQL again. Repositories make a
    // QSqlQuery per call, so without this every write parsed its statements afresh (a quarter of
    // an import's instructions). Bounded; finalized when the connection closes.
    sqlite3_stmt *takeIdleStatement(const QString &sql) const;
    void keepIdleStatement(const QString &sql, sqlite3_stmt *stmt) const;

signals:
    // SQLite refused a page of this connection's file (SQLITE_CORRUPT, SQLITE_NOTADB after open):
    // sent whatever the caller then does with the error, so that a damaged file reaches the user
    // even through a read that stops early and looks like fewer rows (storage/damagecheck.h).
    void damageFound(const QString &detail) const;

private:
    friend class SqlCipherResult;

    struct ColumnInfo
    {
        QString name;
        QString declaredType;
        QString defaultValue;
        bool hasDefault = false;
        bool notNull = false;
        int primaryKeyPosition = 0; // 1-based position in the primary key, 0 if not part of it
    };

    // Results register themselves so close() can finalize their statements first: otherwise
    // sqlite3_close_v2() would leave a zombie connection holding the file open.
    void attachResult(SqlCipherResult *result) const;
    void detachResult(SqlCipherResult *result) const;

    void finalizeIdleStatements();

    bool execTransactionStatement(const char *sql, const QString &failureText);
    QStringList selectNames(const char *sql) const;
    std::vector<ColumnInfo> tableInfo(const QString &tableName) const;

    sqlite3 *m_db = nullptr;
    mutable std::vector<SqlCipherResult *> m_results;
    mutable QHash<QString, sqlite3_stmt *> m_idleStatements;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_keptQueries;
};

class SqlCipherResult final : public QSqlResult
{
    Q_DECLARE_TR_FUNCTIONS(SqlCipherResult)

public:
    explicit SqlCipherResult(const SqlCipherDriver *driver);
    ~SqlCipherResult() override;

    QVariant handle() const override;

    // Called by the driver before it closes the connection.
    void finalizeStatement();

protected:
    bool prepare(const QString &query) override;
    bool exec() override;
    bool reset(const QString &query) override;

    QVariant data(int field) override;
    bool isNull(int field) override;
    bool fetch(int index) override;
    bool fetchNext() override;
    bool fetchPrevious() override;
    bool fetchFirst() override;
    bool fetchLast() override;

    int size() override;
    int numRowsAffected() override;
    QVariant lastInsertId() const override;
    QSqlRecord record() const override;
    void detachFromResultSet() override;

private:
    bool prepareStatement(const QString &query);
    void releaseStatement();
    bool hasOnlyBlankTail(const QChar *tail, const QChar *end) const;
    bool bindParameters();
    bool resolveParameterSlots(int parameterCount, qsizetype valueCount);
    bool bindOne(int parameter, const QVariant &value);
    bool run();

    void resetCursor();
    void refreshColumnTypes(bool fromCurrentRow);
    bool stepRow();
    bool cacheNextRow();
    QVariant columnValue(int column) const;
    void snapshotCurrentRow();
    bool checkField(int field) const;

    void fail(const QString &text, QSqlError::ErrorType type, int rc);
    void failWithoutSqlite(const QString &text, QSqlError::ErrorType type);
    void clearError();

    QPointer<const SqlCipherDriver> m_driver;
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_stmtSql; // the text m_stmt was made from: where it goes back to when this query closes

    int m_columnCount = 0;
    std::vector<QMetaType> m_columnTypes;
    std::vector<bool> m_typeDeclared;

    // Binding: the bound values and converted texts stay alive until the next exec(), so sqlite
    // can use them without copying (SQLITE_STATIC).
    QList<QVariant> m_boundValues;
    QList<QString> m_convertedTexts;
    std::vector<int> m_parameterSlots; // sqlite parameter i+1 -> index into m_boundValues
    qsizetype m_parameterSlotsFor = -1;

    // Cursor. Scrollable queries cache every fetched row (row-major); forward-only queries read
    // the current row straight from the statement.
    bool m_scrollable = false;
    bool m_pendingRow = false; // exec() stepped onto the first row, not yet handed out
    bool m_done = true;        // the statement returned SQLITE_DONE or failed
    QList<QVariant> m_cache;
    int m_cachedRows = 0;
    QList<QVariant> m_rowSnapshot; // forward-only fetchLast(): the last row, kept after DONE
    bool m_useSnapshot = false;

    int m_rowsAffected = -1;
    qint64 m_lastInsertId = 0;
    bool m_hasError = false;
};

} // namespace kasp::storage::detail
