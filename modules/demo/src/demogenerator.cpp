#include "kasp/demo/demogenerator.h"

#include "democontext.h"
#include "kasp/storage/migrations.h"
#include "kasp/storage/storageerror.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlError>

Q_LOGGING_CATEGORY(lcDemo, "kasp.demo")

namespace kasp::demo {

namespace {

constexpr int kRowsPerCommit = 50000;
// Shared by every BulkInsert of a run: the rows written since the last commit.
int g_rowsSinceCommit = 0;

const char *const kDataTables[] = {"tariffs",         "child_rules",  "discounts", "tasks",
                                   "deals",           "touches",      "bookings",  "guest_tags",
                                   "guest_emails",    "guest_phones", "guests",    "rooms",
                                   "room_categories", "buildings",    "users",
                                   "desk_sign_in"};

QString indexName(const QString &sql)
{
    static const QRegularExpression name(QStringLiteral("^(?:CREATE|DROP) INDEX (\\w+)"));
    return name.match(sql).captured(1);
}

// The indexes the latest schema has: every CREATE INDEX of the migrations, less those a later
// migration dropped.
QStringList secondaryIndexStatements()
{
    QStringList out;
    for (const auto &migration : storage::allMigrations())
        for (const QString &sql : migration.statements) {
            if (sql.startsWith(QLatin1String("CREATE INDEX")))
                out.append(sql);
            else if (sql.startsWith(QLatin1String("DROP INDEX")))
                out.removeIf([&](const QString &created) { return indexName(created) == indexName(sql); });
        }
    return out;
}

Status execAll(QSqlDatabase db, const QStringList &statements)
{
    QSqlQuery q(db);
    for (const QString &sql : statements)
        if (!q.exec(sql))
            return storage::storageError(q.lastError(), sql.left(50));
    return {};
}

void removeDemoRows(QSqlDatabase db)
{
    db.rollback();
    db.transaction();
    QSqlQuery q(db);
    for (const char *table : kDataTables)
        q.exec(QStringLiteral("DELETE FROM ") + QLatin1String(table));
    db.commit();
}

} // namespace

Id DemoRandom::id()
{
    // Time-ordered like newId(), one "millisecond" per id from a fixed epoch: deterministic, and
    // every insert appends to the end of its primary-key index.
    constexpr qint64 kEpochMs = 1600000000000LL; // September 2020, before any demo record
    return uuidV7(kEpochMs + m_sequence++, m_rng.generate64(), m_rng.generate64());
}

BulkInsert::BulkInsert(QSqlDatabase db, const QString &table, const QStringList &columns)
    : m_db(db), m_writer(db, table, columns)
{
}

void BulkInsert::bind(const QVariant &value)
{
    if (value.isNull())
        m_writer.null();
    else if (value.typeId() == QMetaType::QString)
        m_writer.text(value.toString());
    else
        m_writer.integer(value.toLongLong());
}

Status BulkInsert::insertRow()
{
    if (auto s = m_writer.insert(); !s.ok())
        return s;
    return rowsWritten(m_db, 1);
}

Status rowsWritten(QSqlDatabase db, int rows)
{
    g_rowsSinceCommit += rows;
    if (g_rowsSinceCommit >= kRowsPerCommit) {
        g_rowsSinceCommit = 0;
        if (!db.commit() || !db.transaction())
            return storage::storageError(db.lastError(), QStringLiteral("demo commit"));
    }
    return {};
}

Result<DemoSummary> generateDemo(QSqlDatabase db, const DemoOptions &options, const DemoProgress &progress)
{
    DemoContext ctx{options, DemoRandom(options.seed), db, {}, {}, {}, {}, {}, {}, progress};
    // The caller's clock says what today is (tests and benchmarks fix it): never the system's here.
    if (!ctx.options.today.isValid())
        return Error{QStringLiteral("demo.today"), QStringLiteral("The demo data set needs its today")};
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT (SELECT count(*) FROM guests) + (SELECT count(*) FROM users)")) ||
            !q.next())
            return storage::storageError(q.lastError(), QStringLiteral("demo"));
        if (q.value(0).toLongLong() > 0)
            return Error{QStringLiteral("demo.not_empty"),
                         QStringLiteral(
                             "The database already holds data; demo data goes into an empty database only.")};
    }
    const QStringList indexes = secondaryIndexStatements();
    if (options.bulkIndexes) {
        QStringList drops;
        for (const QString &sql : indexes)
            drops.append(QStringLiteral("DROP INDEX IF EXISTS ") + indexName(sql));
        if (auto s = execAll(db, drops); !s.ok())
            return s.error();
    }

    // A new file being filled: durability per commit buys nothing here (a crash means "generate
    // again"), and a large page cache keeps the B-trees in memory.
    // Large sets also leave WAL for a memory rollback journal: WAL writes every page twice (log,
    // then checkpoint), gigabytes here; new pages need no journal at all.
    execAll(db, {QStringLiteral("PRAGMA synchronous=OFF"), QStringLiteral("PRAGMA cache_size=-262144")});
    if (options.bulkIndexes)
        execAll(db, {QStringLiteral("PRAGMA journal_mode=MEMORY")});
    const auto restorePragmas = qScopeGuard([&] {
        execAll(db, {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=FULL"),
                     QStringLiteral("PRAGMA cache_size=-16000")});
    });
    g_rowsSinceCommit = 0;
    if (!db.transaction())
        return storage::storageError(db.lastError(), QStringLiteral("demo begin"));
    const auto steps = {&generateUsers, &generateRoomStock, &generateGuests, &generateStays};
    for (auto step : steps) {
        if (step == &generateGuests && options.priceList) // after the stock, before the heavy part
            if (auto s = generatePriceList(ctx); !s.ok()) {
                removeDemoRows(db);
                return s.error();
            }
        if (auto s = step(ctx); !s.ok()) {
            qCWarning(lcDemo) << "demo generation stopped:" << s.error().code << s.error().message;
            removeDemoRows(db);
            if (options.bulkIndexes)
                execAll(db, indexes);
            return s.error();
        }
    }
    if (!db.commit())
        return storage::storageError(db.lastError(), QStringLiteral("demo commit"));
    if (options.bulkIndexes) {
        ctx.report(96, QStringLiteral("indexes"));
        // Index builds are external sorts: let SQLite use a second core and more memory for them.
        execAll(db, {QStringLiteral("PRAGMA threads=2"), QStringLiteral("PRAGMA cache_size=-1048576")});
        if (auto s = execAll(db, indexes); !s.ok())
            return s.error();
    }
    // No ANALYZE: on 20M rows it reads the whole file again, and every query here has one obvious index.
    ctx.report(100, QStringLiteral("done"));
    return ctx.summary;
}

} // namespace kasp::demo
