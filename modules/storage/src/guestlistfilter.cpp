// The Гости list's filters (issue 21): my guests, a tag, birthdays in a month, the last stay in a
// period, a segment, and the search text, all at once. setFilter asks the base once which guests
// pass (their rowids into a temporary table; each part has an index: guests' manager and birth
// month, guest_tags by tag, guest_stays by its dates, the name and phone indexes of the search), so
// a page of the list costs what an unfiltered one does.
#include "guestlistshown.h"
#include "kasp/core/guestsegment.h"
#include "kasp/core/searchtext.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/storage/sqlhelpers.h"
#include "kasp/storage/storageerror.h"

#include <atomic>
#include <QSqlError>

namespace kasp::storage {

namespace {

const QString kTop = QString::fromUcs4(U"\U0010FFFF");
std::atomic<int> g_shownTables{0};

// 'prepaid', 'paid', 'checked_in': the statuses the card counts as bought.
QString boughtStatuses()
{
    QStringList keys;
    for (auto status : {BookingStatus::Hold, BookingStatus::Confirmed, BookingStatus::Prepaid,
                        BookingStatus::Paid, BookingStatus::Cancelled, BookingStatus::CheckedIn})
        if (isBought(status))
            keys.append(QLatin1Char('\'') + bookingStatusKey(status) + QLatin1Char('\''));
    return keys.join(QLatin1String(", "));
}

// Each part selects the rowids of the guests that pass it off its own index (the rowid is in every
// index of guests: no row is read, as "a AND b" would read each row the first index finds); the
// parts meet by INTERSECT.
struct Conditions
{
    QStringList sql;
    QVariantList values;
    void add(const QString &condition, const QVariantList &bound = {})
    {
        sql.append(condition);
        values.append(bound);
    }
};

Conditions conditionsOf(const GuestListFilter &f)
{
    Conditions c;
    const QString today = f.today.toString(Qt::ISODate);
    if (const QString text = f.text.trimmed(); !text.isEmpty()) {
        const SearchText kind = classifySearch(text);
        if (!kind.phoneDigits.isEmpty() && kind.namePrefix.isEmpty()) {
            // A phone's last digits, as the search box reads them: the reversed-digits index.
            QString reversed = kind.phoneDigits;
            std::reverse(reversed.begin(), reversed.end());
            c.add(QStringLiteral(
                      "g.id IN (SELECT guest_id FROM guest_phones WHERE e164_rev >= ? AND e164_rev < ?)"),
                  {reversed, reversed + kTop});
        } else {
            Guest probe;
            probe.lastName = text;
            const QString prefix = probe.searchName();
            c.add(QStringLiteral("g.search_name >= ? AND g.search_name < ?"), {prefix, prefix + kTop});
        }
    }
    if (!f.managerId.isNull())
        c.add(QStringLiteral("g.manager_id = ?"), {idToString(f.managerId)});
    if (!f.tag.isEmpty())
        c.add(QStringLiteral("g.id IN (SELECT guest_id FROM guest_tags WHERE tag = ?)"), {f.tag});
    if (f.birthMonth >= 1 && f.birthMonth <= 12)
        c.add(QStringLiteral("substr(g.birth_date, 6, 2) = ?"),
              {QStringLiteral("%1").arg(f.birthMonth, 2, 10, QLatin1Char('0'))});
    if (f.lastStaySet()) {
        // The latest stay that took place: the latest bought check-in when it has come (guest_stays
        // keeps it), else, for a guest with a bought stay ahead, the latest one up to today.
        const QString from =
            f.lastStayFrom.isValid() ? f.lastStayFrom.toString(Qt::ISODate) : QStringLiteral("0000");
        const QDate toDay = f.lastStayTo.isValid() ? std::min(f.lastStayTo, f.today) : f.today;
        const QString to = toDay.toString(Qt::ISODate);
        c.add(QStringLiteral(
                  "g.id IN (SELECT guest_id FROM guest_stays WHERE last_bought_in >= ? AND "
                  "last_bought_in <= ? UNION ALL SELECT s.guest_id FROM guest_stays s WHERE "
                  "s.last_bought_in > ? AND (SELECT max(b.check_in) FROM bookings b WHERE "
                  "b.guest_id = s.guest_id AND b.status IN (%1) AND b.check_in <= ?) BETWEEN ? AND ?)")
                  .arg(boughtStatuses()),
              {from, to, today, today, from, to});
    }
    switch (f.segment) {
    case GuestListFilter::Segment::Any:
        break;
    case GuestListFilter::Segment::StayedBefore:
        c.add(QStringLiteral("g.id IN (SELECT guest_id FROM guest_stays WHERE first_bought_out <= ?)"),
              {today});
        break;
    case GuestListFilter::Segment::StayAhead:
        c.add(QStringLiteral("g.id IN (SELECT guest_id FROM guest_stays WHERE last_live_in > ?)"), {today});
        break;
    case GuestListFilter::Segment::NeverStayed:
        c.add(QStringLiteral("g.id NOT IN (SELECT guest_id FROM guest_stays WHERE first_bought_in <= ?)"),
              {today});
        break;
    }
    return c;
}

Status run(QSqlDatabase db, const QString &text, const QVariantList &values, const QString &context)
{
    QSqlQuery q(db);
    if (auto s = sql::prepare(q, text); !s.ok())
        return s;
    for (const QVariant &v : values)
        q.addBindValue(v);
    return sql::exec(q, context);
}

GuestListRow readRow(const QSqlQuery &q)
{
    const QString phone = q.value(6).toString();
    return GuestListRow{
        sql::toId(q.value(0)),
        listedName(q.value(1).toString(), q.value(2).toString(), q.value(3).toString(), phone),
        phone,
        sql::toDate(q.value(4)),
        sql::toId(q.value(5)),
        sql::toInstant(q.value(7)),
        GuestListKey{q.value(8).toString(), q.value(9).toLongLong(), q.value(10).toLongLong()}};
}

} // namespace

GuestList::Shown::~Shown()
{
    if (!db.isOpen())
        return;
    QSqlQuery q(db);
    if (!order.isEmpty())
        q.exec(QStringLiteral("DROP TABLE IF EXISTS temp.%1").arg(order));
    if (!set.isEmpty())
        q.exec(QStringLiteral("DROP TABLE IF EXISTS temp.%1").arg(set));
}

GuestListFilter GuestList::filter() const
{
    return m_shown ? m_shown->filter : GuestListFilter{};
}

Result<QStringList> GuestList::tags() const
{
    QStringList out;
    QSqlQuery q(m_db);
    if (auto s = sql::prepare(q, QStringLiteral("SELECT min(tag) FROM guest_tags WHERE tag > ?")); !s.ok())
        return s.error();
    QString after = QStringLiteral("");
    for (;;) {
        q.bindValue(0, after);
        if (auto s = sql::exec(q, QStringLiteral("guest tags")); !s.ok())
            return s.error();
        if (!q.next() || q.value(0).isNull())
            break;
        after = q.value(0).toString();
        out.append(after);
    }
    return out;
}

Status GuestList::setFilter(const GuestListFilter &filter, qint64 positionalLimit)
{
    m_shown.reset(); // its tables go now (unless an export still reads them)
    if (filter.isEmpty())
        return {};
    auto shown = std::make_shared<Shown>();
    shown->db = m_db;
    shown->filter = filter;
    const int n = ++g_shownTables;
    shown->set = QStringLiteral("guest_list_set_%1").arg(n);
    const Conditions c = conditionsOf(filter);
    if (auto s = run(m_db, QStringLiteral("CREATE TEMP TABLE %1 (id INTEGER PRIMARY KEY)").arg(shown->set),
                     {}, QStringLiteral("guest list filter"));
        !s.ok())
        return s;
    if (auto s = run(
            m_db,
            QStringLiteral("INSERT INTO temp.%1 (id) SELECT g.rowid FROM guests g WHERE %2")
                .arg(shown->set, c.sql.join(QLatin1String(" INTERSECT SELECT g.rowid FROM guests g WHERE "))),
            c.values, QStringLiteral("guest list filter"));
        !s.ok())
        return s;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM temp.%1").arg(shown->set)) || !q.next())
        return storageError(q.lastError(), QStringLiteral("guest list filter count"));
    shown->count = q.value(0).toLongLong();
    q.finish();
    if (shown->count <= positionalLimit) {
        // Few enough to keep in order: a page is then a range of positions, however sparse the
        // guests are along the name index. CROSS JOIN keeps the set as the outer loop (a sort of
        // its rows): left to itself SQLite walks the whole name index to save the sort.
        shown->order = QStringLiteral("guest_list_order_%1").arg(n);
        if (auto s =
                run(m_db,
                    QStringLiteral("CREATE TEMP TABLE %1 (pos INTEGER PRIMARY KEY, gid INTEGER NOT NULL)")
                        .arg(shown->order),
                    {}, QStringLiteral("guest list filter"));
            !s.ok())
            return s;
        if (auto s =
                run(m_db,
                    QStringLiteral("INSERT INTO temp.%1 (gid) SELECT g.rowid FROM temp.%2 s "
                                   "CROSS JOIN guests g ON g.rowid = s.id ORDER BY g.search_name, g.rowid")
                        .arg(shown->order, shown->set),
                    {}, QStringLiteral("guest list filter order"));
            !s.ok())
            return s;
        shown->mode = Shown::Mode::Positional;
    }
    m_shown = std::move(shown);
    return {};
}

QString GuestList::walkCondition() const
{
    if (!m_shown)
        return {};
    return QStringLiteral(" AND rowid IN (SELECT id FROM temp.%1)").arg(m_shown->set);
}

Result<QList<GuestListRow>> GuestList::positionalRows(const std::optional<GuestListKey> &from,
                                                      int limit) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(
            q, QStringLiteral(
                   "SELECT g.id, g.last_name, g.first_name, g.middle_name, g.birth_date, g.manager_id, "
                   "g.main_phone, g.created_at, g.search_name, g.rowid, o.pos FROM temp.%1 o "
                   "JOIN guests g ON g.rowid = o.gid WHERE o.pos >= ? ORDER BY o.pos LIMIT ?")
                   .arg(m_shown->order));
        !s.ok())
        return s.error();
    q.addBindValue(from ? std::max<qint64>(from->position, 1) : 1);
    q.addBindValue(limit);
    if (auto s = sql::exec(q, QStringLiteral("guest list page")); !s.ok())
        return s.error();
    QList<GuestListRow> rows;
    rows.reserve(limit);
    while (q.next())
        rows.append(readRow(q));
    if (auto s = sql::fetched(q, QStringLiteral("guest list")); !s.ok())
        return s.error();
    return rows;
}

Result<GuestKeyScan> GuestList::positionalKeys(const std::optional<GuestListKey> &after, qint64 position,
                                               int rows, int pageSize) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(q, QStringLiteral("SELECT g.search_name, g.rowid, o.pos FROM temp.%1 o "
                                                "JOIN guests g ON g.rowid = o.gid WHERE o.pos > ? "
                                                "ORDER BY o.pos LIMIT ?")
                                     .arg(m_shown->order));
        !s.ok())
        return s.error();
    q.addBindValue(after ? after->position : 0);
    q.addBindValue(rows);
    if (auto s = sql::exec(q, QStringLiteral("guest list keys")); !s.ok())
        return s.error();
    GuestKeyScan scan;
    GuestListKey key;
    while (q.next()) {
        key = GuestListKey{q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong()};
        if ((position + scan.rowsRead) % pageSize == 0)
            scan.pageStarts.append(key);
        ++scan.rowsRead;
    }
    if (auto s = sql::fetched(q, QStringLiteral("guest list")); !s.ok())
        return s.error();
    if (scan.rowsRead == rows)
        scan.last = key;
    return scan;
}

} // namespace kasp::storage
