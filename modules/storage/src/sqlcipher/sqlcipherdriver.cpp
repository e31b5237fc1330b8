#include "kasp/storage/sqlcipherdriver.h"

#include "sqlcipherdriver_p.h"

#include "kasp/storage/sqlhelpers.h"
#include "kasp/storage/storageerror.h"

#include <algorithm>
#include <mutex>
#include <QDate>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlDriverCreator>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlRecord>
#include <QStringList>
#include <QTime>
#include <sqlite3.h>

namespace kasp::storage {

void registerSqlCipherDriver()
{
    static std::once_flag once;
    std::call_once(once, [] {
        QSqlDatabase::registerSqlDriver(QString::fromLatin1(kSqlCipherDriverName),
                                        new QSqlDriverCreator<detail::SqlCipherDriver>);
    });
}

} // namespace kasp::storage

namespace kasp::storage::detail {

Q_LOGGING_CATEGORY(lcSqlCipher, "kasp.storage.sqlcipher")

namespace {

constexpr int kDefaultBusyTimeoutMs = 5000;

// The key must not linger in freed heap memory; a volatile store keeps the compiler from
// dropping the wipe as a dead write.
void wipe(QByteArray &bytes)
{
    volatile char *p = bytes.data();
    for (qsizetype i = 0; i < bytes.size(); ++i)
        p[i] = 0;
}

struct OpenOptions
{
    bool readOnly = false;
    int busyTimeoutMs = kDefaultBusyTimeoutMs;
};

OpenOptions parseOptions(const QString &connOpts)
{
    static const QString busyPrefix = QStringLiteral("KASP_BUSY_TIMEOUT=");
    OpenOptions options;
    const QStringList parts = connOpts.split(u';', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QString option = part.trimmed();
        if (option.isEmpty())
            continue;
        if (option == QLatin1String("KASP_OPEN_READONLY")) {
            options.readOnly = true;
        } else if (option.startsWith(busyPrefix)) {
            bool ok = false;
            const int ms = option.mid(busyPrefix.size()).trimmed().toInt(&ok);
            if (ok && ms >= 0)
                options.busyTimeoutMs = ms;
            else
                qCWarning(lcSqlCipher) << "ignoring invalid busy timeout" << option;
        } else {
            qCWarning(lcSqlCipher) << "ignoring unknown connect option" << option;
        }
    }
    return options;
}

QString unquoteDefault(const QString &expr)
{
    // table_info reports the default as SQL text; string literals come back quoted.
    if (expr.size() >= 2 && expr.startsWith(u'\'') && expr.endsWith(u'\''))
        return expr.mid(1, expr.size() - 2).replace(QStringLiteral("''"), QStringLiteral("'"));
    return expr;
}

} // namespace

QSqlError sqliteError(sqlite3 *db, int rc, const QString &driverText, QSqlError::ErrorType type)
{
    int code = db ? sqlite3_extended_errcode(db) : SQLITE_OK;
    const char *message = nullptr;
    if (code != SQLITE_OK) {
        message = sqlite3_errmsg(db);
    } else {
        // Some calls (sqlite3_key, a failed open without a handle) return a code but leave no
        // message on the connection.
        code = rc;
        message = sqlite3_errstr(rc);
    }
    return QSqlError(driverText, QString::fromUtf8(message), type, QString::number(code));
}

QMetaType metaTypeForDeclaredType(const char *declType)
{
    if (!declType || !*declType)
        return {};
    const QByteArray type = QByteArray(declType).toUpper();
    // The order follows SQLite's column affinity rules (datatype3.html, section 3.1).
    if (type.contains("INT"))
        return QMetaType::fromType<qlonglong>();
    if (type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT"))
        return QMetaType::fromType<QString>();
    if (type.contains("BLOB"))
        return QMetaType::fromType<QByteArray>();
    if (type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB"))
        return QMetaType::fromType<double>();
    // NUMERIC affinity: what the value is stored as depends on what the app writes.
    if (type.contains("BOOL"))
        return QMetaType::fromType<qlonglong>();
    if (type.contains("NUMERIC") || type.contains("DECIMAL"))
        return QMetaType::fromType<double>();
    return QMetaType::fromType<QString>(); // DATE, DATETIME, JSON...: written as text
}

QMetaType metaTypeForStorageClass(int storageClass)
{
    switch (storageClass) {
    case SQLITE_INTEGER:
        return QMetaType::fromType<qlonglong>();
    case SQLITE_FLOAT:
        return QMetaType::fromType<double>();
    case SQLITE_TEXT:
        return QMetaType::fromType<QString>();
    case SQLITE_BLOB:
        return QMetaType::fromType<QByteArray>();
    default:
        return {};
    }
}

bool isSqlNull(const QVariant &value)
{
    if (value.isNull())
        return true;
    switch (value.typeId()) {
    case QMetaType::QString:
        return static_cast<const QString *>(value.constData())->isNull();
    case QMetaType::QByteArray:
        return static_cast<const QByteArray *>(value.constData())->isNull();
    case QMetaType::QDate:
        return !static_cast<const QDate *>(value.constData())->isValid();
    case QMetaType::QTime:
        return !static_cast<const QTime *>(value.constData())->isValid();
    case QMetaType::QDateTime:
        return !static_cast<const QDateTime *>(value.constData())->isValid();
    default:
        return false;
    }
}

SqlCipherDriver::SqlCipherDriver(QObject *parent) : QSqlDriver(parent) {}

SqlCipherDriver::~SqlCipherDriver()
{
    close();
}

bool SqlCipherDriver::hasFeature(DriverFeature feature) const
{
    switch (feature) {
    case Transactions:
    case BLOB:
    case Unicode:
    case PreparedQueries:
    case NamedPlaceholders:
    case PositionalPlaceholders:
    case LastInsertId:
    case LowPrecisionNumbers:
    case FinishQuery:
        return true;
    case QuerySize:
    case BatchOperations:
    case SimpleLocking:
    case EventNotifications:
    case MultipleResultSets:
    case CancelQuery:
        return false;
    }
    return false;
}

bool SqlCipherDriver::open(const QString &db, const QString &user, const QString &password,
                           const QString &host, int port, const QString &connOpts)
{
    Q_UNUSED(user)
    Q_UNUSED(host)
    Q_UNUSED(port)
    if (isOpen())
        close();
    setLastError(QSqlError()); // a retry with the right key must not report the old failure

    const OpenOptions options = parseOptions(connOpts);
    const int flags = options.readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    sqlite3 *handle = nullptr;
    int rc = sqlite3_open_v2(db.toUtf8().constData(), &handle, flags, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_extended_result_codes(handle, 1);
        sqlite3_busy_timeout(handle, options.busyTimeoutMs);
    }
    if (rc == SQLITE_OK && !password.isEmpty()) {
        // Handed over as bytes, never spliced into a PRAGMA: quotes in a passphrase stay data.
        QByteArray key = password.toUtf8();
        rc = sqlite3_key(handle, key.constData(), int(key.size()));
        wipe(key);
        // KASP databases use 4 KiB pages (SQLCipher 3 defaults to 1 KiB): shallower B-trees and a
        // quarter of the per-page HMAC work at a million guests. The page size lives in the
        // encrypted header, so every open must state it; SQLCipher 4 uses 4 KiB by default.
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(handle, "PRAGMA cipher_page_size = 4096", nullptr, nullptr, nullptr);
    }
    if (rc == SQLITE_OK) {
        // SQLCipher only decrypts on first read: do it now so a wrong key or a file that is not a
        // database fails here rather than at the first query.
        rc = sqlite3_exec(handle, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    }
    if (rc != SQLITE_OK) {
        setLastError(sqliteError(handle, rc, tr("Error opening database"), QSqlError::ConnectionError));
        sqlite3_close_v2(handle); // accepts nullptr
        setOpenError(true);
        return false;
    }

    m_db = handle;
    setOpen(true);
    setOpenError(false);
    return true;
}

void SqlCipherDriver::close()
{
    if (m_db) {
        m_keptQueries.clear(); // their results detach themselves
        for (SqlCipherResult *result : m_results)
            result->finalizeStatement();
        finalizeIdleStatements();
        const int rc = sqlite3_close_v2(m_db);
        if (rc != SQLITE_OK)
            qCWarning(lcSqlCipher) << "sqlite3_close_v2 failed:" << sqlite3_errstr(rc);
        m_db = nullptr;
    }
    setOpen(false);
    setOpenError(false);
}

QSqlResult *SqlCipherDriver::createResult() const
{
    return new SqlCipherResult(this);
}

namespace {
// Enough for every statement the desk runs over and over; texts built per call (IN lists of a
// varying length) push the oldest out instead of growing the cache.
constexpr qsizetype kMaxIdleStatements = 200;
} // namespace

sqlite3_stmt *SqlCipherDriver::takeIdleStatement(const QString &sql) const
{
    auto it = m_idleStatements.find(sql);
    if (it == m_idleStatements.end())
        return nullptr;
    sqlite3_stmt *stmt = it.value();
    m_idleStatements.erase(it);
    return stmt;
}

void SqlCipherDriver::keepIdleStatement(const QString &sql, sqlite3_stmt *stmt) const
{
    // Reset releases the statement's read lock; cleared bindings drop pointers into the closed
    // query's strings (bound SQLITE_STATIC).
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (m_idleStatements.contains(sql)) { // two queries had the same text open at once
        sqlite3_finalize(stmt);
        return;
    }
    if (m_idleStatements.size() >= kMaxIdleStatements) {
        auto oldest = m_idleStatements.begin(); // any one: the hash keeps no order, none is needed
        sqlite3_finalize(oldest.value());
        m_idleStatements.erase(oldest);
    }
    m_idleStatements.insert(sql, stmt);
}

QSqlQuery *SqlCipherDriver::keptQuery(const QString &text, QSqlError *failure)
{
    if (auto it = m_keptQueries.find(text); it != m_keptQueries.end())
        return it->second.get();
    auto query = std::make_unique<QSqlQuery>(createResult());
    query->setForwardOnly(true);
    if (!query->prepare(text)) {
        *failure = query->lastError();
        return nullptr;
    }
    return m_keptQueries.emplace(text, std::move(query)).first->second.get();
}

void SqlCipherDriver::finalizeIdleStatements()
{
    for (sqlite3_stmt *stmt : std::as_const(m_idleStatements))
        sqlite3_finalize(stmt);
    m_idleStatements.clear();
}

void SqlCipherDriver::attachResult(SqlCipherResult *result) const
{
    m_results.push_back(result);
}

void SqlCipherDriver::detachResult(SqlCipherResult *result) const
{
    m_results.erase(std::remove(m_results.begin(), m_results.end(), result), m_results.end());
}

bool SqlCipherDriver::execTransactionStatement(const char *sql, const QString &failureText)
{
    if (!m_db) {
        setLastError(QSqlError(failureText, tr("The database is not open"), QSqlError::TransactionError));
        return false;
    }
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        setLastError(sqliteError(m_db, rc, failureText, QSqlError::TransactionError));
        return false;
    }
    return true;
}

bool SqlCipherDriver::beginTransaction()
{
    return execTransactionStatement("BEGIN", tr("Unable to begin transaction"));
}

bool SqlCipherDriver::commitTransaction()
{
    return execTransactionStatement("COMMIT", tr("Unable to commit transaction"));
}

bool SqlCipherDriver::rollbackTransaction()
{
    return execTransactionStatement("ROLLBACK", tr("Unable to roll back transaction"));
}

QStringList SqlCipherDriver::selectNames(const char *sql) const
{
    QStringList names;
    if (!m_db)
        return names;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
        qCWarning(lcSqlCipher) << "catalog query failed:" << sqlite3_errmsg(m_db);
        return names;
    }
    while (sqlite3_step(stmt) == SQLITE_ROW)
        names.append(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0))));
    sqlite3_finalize(stmt);
    return names;
}

QStringList SqlCipherDriver::tables(QSql::TableType type) const
{
    QStringList result;
    if (type & QSql::Tables) {
        result += selectNames("SELECT name FROM sqlite_master WHERE type = 'table'"
                              " AND substr(name, 1, 7) <> 'sqlite_' ORDER BY name");
    }
    if (type & QSql::Views)
        result += selectNames("SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name");
    if ((type & QSql::SystemTables) && m_db) {
        // sqlite_master describes itself nowhere, so it is listed by hand.
        result += QStringLiteral("sqlite_master");
        result += selectNames("SELECT name FROM sqlite_master WHERE type = 'table'"
                              " AND substr(name, 1, 7) = 'sqlite_' ORDER BY name");
    }
    return result;
}

std::vector<SqlCipherDriver::ColumnInfo> SqlCipherDriver::tableInfo(const QString &tableName) const
{
    std::vector<ColumnInfo> columns;
    if (!m_db || tableName.isEmpty())
        return columns;

    QString pragma;
    const qsizetype dot = isIdentifierEscaped(tableName, TableName) ? -1 : tableName.indexOf(u'.');
    if (dot > 0) {
        pragma = QStringLiteral("PRAGMA %1.table_info(%2)")
                     .arg(escapeIdentifier(tableName.left(dot), FieldName),
                          escapeIdentifier(tableName.mid(dot + 1), FieldName));
    } else {
        pragma = QStringLiteral("PRAGMA table_info(%1)").arg(escapeIdentifier(tableName, FieldName));
    }

    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, pragma.toUtf8().constData(), -1, &stmt, nullptr) != SQLITE_OK) {
        qCWarning(lcSqlCipher) << "table_info failed:" << sqlite3_errmsg(m_db);
        return columns;
    }
    auto text = [stmt](int column) {
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, column)));
    };
    // Columns of table_info: cid, name, type, notnull, dflt_value, pk.
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        ColumnInfo column;
        column.name = text(1);
        column.declaredType = text(2);
        column.notNull = sqlite3_column_int(stmt, 3) != 0;
        column.hasDefault = sqlite3_column_type(stmt, 4) != SQLITE_NULL;
        if (column.hasDefault)
            column.defaultValue = unquoteDefault(text(4));
        column.primaryKeyPosition = sqlite3_column_int(stmt, 5);
        columns.push_back(std::move(column));
    }
    sqlite3_finalize(stmt);
    return columns;
}

QSqlRecord SqlCipherDriver::record(const QString &tableName) const
{
    QSqlRecord record;
    const std::vector<ColumnInfo> columns = tableInfo(tableName);
    const auto keyColumns = std::count_if(columns.begin(), columns.end(),
                                          [](const ColumnInfo &c) { return c.primaryKeyPosition > 0; });
    const QString table = stripDelimiters(tableName, TableName);
    for (const ColumnInfo &column : columns) {
        QSqlField field(column.name, metaTypeForDeclaredType(column.declaredType.toUtf8().constData()),
                        table);
        field.setRequiredStatus(column.notNull ? QSqlField::Required : QSqlField::Optional);
        if (column.hasDefault)
            field.setDefaultValue(column.defaultValue);
        // Only a lone "INTEGER PRIMARY KEY" aliases the rowid and is filled in by SQLite.
        const bool rowidAlias =
            keyColumns == 1 && column.primaryKeyPosition == 1 &&
            column.declaredType.compare(QLatin1String("INTEGER"), Qt::CaseInsensitive) == 0;
        field.setAutoValue(rowidAlias);
        record.append(field);
    }
    return record;
}

QSqlIndex SqlCipherDriver::primaryIndex(const QString &tableName) const
{
    std::vector<ColumnInfo> columns = tableInfo(tableName);
    columns.erase(std::remove_if(columns.begin(), columns.end(),
                                 [](const ColumnInfo &c) { return c.primaryKeyPosition == 0; }),
                  columns.end());
    std::sort(columns.begin(), columns.end(), [](const ColumnInfo &a, const ColumnInfo &b) {
        return a.primaryKeyPosition < b.primaryKeyPosition;
    });
    const QString table = stripDelimiters(tableName, TableName);
    QSqlIndex index(table, QStringLiteral("PRIMARY"));
    for (const ColumnInfo &column : columns)
        index.append(
            QSqlField(column.name, metaTypeForDeclaredType(column.declaredType.toUtf8().constData()), table));
    return index;
}

QString SqlCipherDriver::escapeIdentifier(const QString &identifier, IdentifierType type) const
{
    if (identifier.isEmpty() || isIdentifierEscaped(identifier, type))
        return identifier;
    auto quote = [](QStringView part) {
        QString quoted = part.toString();
        quoted.replace(u'"', QStringLiteral("\"\""));
        return QLatin1Char('"') + quoted + QLatin1Char('"');
    };
    if (type == TableName && identifier.contains(u'.')) {
        // "schema.table" names two identifiers.
        QStringList parts;
        for (const QStringView part : QStringView(identifier).split(u'.'))
            parts.append(quote(part));
        return parts.join(u'.');
    }
    return quote(identifier);
}

QString SqlCipherDriver::formatValue(const QSqlField &field, bool trimStrings) const
{
    // The base class formats blobs as a quoted hex string, which SQLite would store as text.
    if (!field.isNull() && field.metaType().id() == QMetaType::QByteArray)
        return QStringLiteral("X'%1'").arg(QString::fromLatin1(field.value().toByteArray().toHex()));
    return QSqlDriver::formatValue(field, trimStrings);
}

QVariant SqlCipherDriver::handle() const
{
    return QVariant::fromValue(m_db);
}

} // namespace kasp::storage::detail

namespace kasp::storage::sql {

Result<QSqlQuery *> keptQuery(QSqlDatabase db, const QString &text)
{
    auto *driver = qobject_cast<detail::SqlCipherDriver *>(db.driver());
    if (!driver || !driver->isOpen())
        return Error{QStringLiteral("storage.failed"), QStringLiteral("kept query on a closed connection")};
    QSqlError failure;
    if (QSqlQuery *query = driver->keptQuery(text, &failure))
        return query;
    return storageError(failure, text.left(60));
}

} // namespace kasp::storage::sql
