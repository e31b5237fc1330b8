#pragma once
// Damage done to a real database file, as a bad sector or a torn copy does it (header-only).
#include <QFile>
#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace kasp::test {

inline constexpr qint64 kPageSize = 4096; // set on every open (docs/ARCHITECTURE.md)

// The file's pages now (PRAGMA page_count); 0 when it cannot be read.
inline qint64 pageCount(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("PRAGMA page_count")) && q.next() ? q.value(0).toLongLong() : 0;
}

// Inverts `bytes` bytes in the middle of each page (1-based) of a closed database: the page then
// fails SQLCipher's HMAC. False when the file cannot be written or a page is beyond its end.
inline bool flipBytesInPages(const QString &path, const QList<qint64> &pages, int bytes = 16)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite))
        return false;
    for (qint64 page : pages) {
        const qint64 at = (page - 1) * kPageSize + kPageSize / 2;
        if (page < 1 || at + bytes > f.size() || !f.seek(at))
            return false;
        QByteArray chunk = f.read(bytes);
        for (char &c : chunk)
            c = char(~c);
        if (!f.seek(at) || f.write(chunk) != bytes)
            return false;
    }
    return true;
}

// A table no part of KASP reads, `megabytes` of random blobs, checkpointed into the file: pages
// that only a check of every page meets (damage there is found by the page check alone), and bulk
// that makes the check take a while. Its pages, first and last; {0, 0} on error.
inline QPair<qint64, qint64> addFiller(const QSqlDatabase &db, int megabytes)
{
    const qint64 first = pageCount(db) + 1;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS test_filler (bytes BLOB)")) ||
        !q.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
                               "INSERT INTO test_filler SELECT randomblob(3000) FROM n")
                    .arg(megabytes * 1024 * 1024 / 3000)) ||
        !q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")))
        return {0, 0};
    return {first, pageCount(db)};
}

// `count` pages spread evenly over [first, last].
inline QList<qint64> spreadPages(qint64 first, qint64 last, int count)
{
    QList<qint64> pages;
    for (int i = 0; i < count; ++i)
        pages.append(first + (last - first) * (2 * i + 1) / (2 * count));
    return pages;
}

} // namespace kasp::test
