#include "kasp/storage/guestlist.h"

#include "guestlistshown.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/storage/sqlhelpers.h"
#include "kasp/storage/storageerror.h"

#include <QSqlError>

namespace kasp::storage {

Result<qint64> GuestList::count() const
{
    if (m_shown)
        return m_shown->count;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM guests")) || !q.next())
        return storageError(q.lastError(), QStringLiteral("guest list count"));
    return q.value(0).toLongLong();
}

Result<QList<GuestListRow>> GuestList::rowsFrom(const std::optional<GuestListKey> &from, int limit) const
{
    if (m_shown && m_shown->mode == Shown::Mode::Positional)
        return positionalRows(from, limit);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // A row value comparison: SQLite (3.15+) turns it into a range on the search_name index.
    const QString columns =
        QStringLiteral("SELECT id, last_name, first_name, middle_name, birth_date, "
                       "manager_id, main_phone, created_at, search_name, rowid FROM guests ") +
        (m_shown ? QStringLiteral("INDEXED BY guests_search_name ") : QString());
    const QString filtered = walkCondition();
    const QString order = QStringLiteral(" ORDER BY search_name, rowid LIMIT ?");
    if (auto s = sql::prepare(
            q,
            from ? columns + QStringLiteral("WHERE (search_name, rowid) >= (?, ?)") + filtered + order
                 : columns + (filtered.isEmpty() ? QString() : QStringLiteral("WHERE 1") + filtered) + order);
        !s.ok())
        return s.error();
    if (from) {
        q.addBindValue(from->searchName);
        q.addBindValue(from->rowid);
    }
    q.addBindValue(limit);
    if (auto s = sql::exec(q, QStringLiteral("guest list page")); !s.ok())
        return s.error();
    QList<GuestListRow> rows;
    rows.reserve(limit);
    while (q.next()) {
        const QString phone = q.value(6).toString();
        const QString name =
            listedName(q.value(1).toString(), q.value(2).toString(), q.value(3).toString(), phone);
        rows.append(GuestListRow{sql::toId(q.value(0)), name, phone, sql::toDate(q.value(4)),
                                 sql::toId(q.value(5)), sql::toInstant(q.value(7)),
                                 GuestListKey{q.value(8).toString(), q.value(9).toLongLong()}});
    }
    if (auto s = sql::fetched(q, QStringLiteral("guest list")); !s.ok())
        return s.error();
    return rows;
}

Result<GuestKeyScan> GuestList::scanKeys(const std::optional<GuestListKey> &after, qint64 position, int rows,
                                         int pageSize) const
{
    if (m_shown && m_shown->mode == Shown::Mode::Positional)
        return positionalKeys(after, position, rows, pageSize);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    const QString order = QStringLiteral(" ORDER BY search_name, rowid LIMIT ?");
    const QString from =
        m_shown ? QStringLiteral("SELECT search_name, rowid FROM guests INDEXED BY guests_search_name")
                : QStringLiteral("SELECT search_name, rowid FROM guests");
    const QString filtered = walkCondition();
    if (auto s = sql::prepare(
            q, after
                   ? from + QStringLiteral(" WHERE (search_name, rowid) > (?, ?)") + filtered + order
                   : from + (filtered.isEmpty() ? QString() : QStringLiteral(" WHERE 1") + filtered) + order);
        !s.ok())
        return s.error();
    if (after) {
        q.addBindValue(after->searchName);
        q.addBindValue(after->rowid);
    }
    q.addBindValue(rows);
    if (auto s = sql::exec(q, QStringLiteral("guest list keys")); !s.ok())
        return s.error();
    GuestKeyScan scan;
    GuestListKey key;
    while (q.next()) {
        key = GuestListKey{q.value(0).toString(), q.value(1).toLongLong()};
        if ((position + scan.rowsRead) % pageSize == 0)
            scan.pageStarts.append(key);
        ++scan.rowsRead;
    }
    if (auto s = sql::fetched(q, QStringLiteral("guest list")); !s.ok())
        return s.error();
    if (scan.rowsRead == rows)
        scan.last = key; // a full slice: there may be more
    return scan;
}

} // namespace kasp::storage
