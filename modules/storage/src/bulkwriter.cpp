#include "kasp/storage/bulkwriter.h"

#include "kasp/storage/storageerror.h"
#include "sqlcipher/sqlcipherdriver_p.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>
#include <sqlite3.h>

namespace kasp::storage {

struct BulkWriter::Statement
{
    QPointer<detail::SqlCipherDriver> driver;
    sqlite3 *db = nullptr;
    sqlite3_stmt *stmt = nullptr;
    QString sql;
    ~Statement()
    {
        // Back to the connection it came from while that is still open, for the next writer.
        if (!stmt)
            return;
        if (driver && driver->connection() == db)
            driver->keepIdleStatement(sql, stmt);
        else
            sqlite3_finalize(stmt);
    }
};

namespace {
Error sqliteFailure(sqlite3 *db, int rc, const QString &context)
{
    const int extended = db ? sqlite3_extended_errcode(db) : rc;
    QSqlError error(QString(), QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)),
                    QSqlError::StatementError, QString::number(extended));
    return storageError(error, context);
}
} // namespace

BulkWriter::BulkWriter(QSqlDatabase db, const QString &table, const QStringList &columns)
    : m_db(std::move(db)),
      m_sql(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                .arg(table, columns.join(QLatin1String(", ")),
                     QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(','))))
{
}

BulkWriter::BulkWriter(QSqlDatabase db, QString sql) : m_db(std::move(db)), m_sql(std::move(sql)) {}

BulkWriter::~BulkWriter() = default;

Status BulkWriter::prepare()
{
    auto *driver = qobject_cast<detail::SqlCipherDriver *>(m_db.driver());
    if (!driver || !driver->connection())
        return Error{QStringLiteral("storage.bulk_driver"),
                     QStringLiteral("BulkWriter needs an open QSQLCIPHER connection")};
    m_statement = std::make_unique<Statement>();
    m_statement->driver = driver;
    m_statement->db = driver->connection();
    m_statement->sql = m_sql;
    if ((m_statement->stmt = driver->takeIdleStatement(m_sql)))
        return {};
    const QByteArray sql = m_sql.toUtf8();
    const int rc =
        sqlite3_prepare_v2(m_statement->db, sql.constData(), int(sql.size()), &m_statement->stmt, nullptr);
    if (rc != SQLITE_OK) {
        Error error = sqliteFailure(m_statement->db, rc, m_sql.left(50));
        m_statement.reset();
        return error;
    }
    return {};
}

void BulkWriter::text(QStringView value)
{
    if (!m_statement && !prepare().ok())
        return; // insert() reports it
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_statement->stmt, m_next++, utf8.isNull() ? "" : utf8.constData(), int(utf8.size()),
                      SQLITE_TRANSIENT);
}

void BulkWriter::integer(qint64 value)
{
    if (!m_statement && !prepare().ok())
        return;
    sqlite3_bind_int64(m_statement->stmt, m_next++, value);
}

void BulkWriter::null()
{
    if (!m_statement && !prepare().ok())
        return;
    sqlite3_bind_null(m_statement->stmt, m_next++);
}

Status BulkWriter::insert()
{
    if (!m_statement) {
        if (auto s = prepare(); !s.ok())
            return s;
    }
    m_next = 1;
    const int rc = sqlite3_step(m_statement->stmt);
    sqlite3_reset(m_statement->stmt);
    if (rc != SQLITE_DONE)
        return sqliteFailure(m_statement->db, rc, m_sql.left(50));
    m_changes = sqlite3_changes(m_statement->db);
    ++m_rows;
    return {};
}

} // namespace kasp::storage
