#include "kasp/storage/replicastore.h"

#include "replicatables.h"

#include "kasp/core/mutation.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/storage/guestrows.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/sqlhelpers.h"
#include "kasp/syncproto/entitymerge.h"
#include "kasp/syncproto/mutationplan.h"

#include <functional>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>

namespace kasp::storage {

using sync::EntityKind;
using namespace replica;

namespace {

// Replica writes keep the records' own times; the clock only fills gaps in malformed records.
const SystemClock kClock;

// Replicated rows are written as the server has them: it checked the references, and a page (or
// a roll-back) may write a record before what it refers to, or remove one that something still
// refers to. Foreign keys can only be switched outside a transaction; `body` runs inside one,
// committed when it succeeds.
Status withoutForeignKeys(QSqlDatabase db, const std::function<Status()> &body)
{
    QSqlQuery pragma(db);
    pragma.exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
    Status result = [&]() -> Status {
        sql::WriteTransaction tx(db);
        if (auto s = tx.begin(); !s.ok())
            return s;
        if (auto s = body(); !s.ok())
            return s;
        return tx.commit();
    }();
    pragma.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    return result;
}

} // namespace

Result<std::optional<QJsonObject>> ReplicaStore::load(EntityKind kind, const QString &id) const
{
    if (kind == EntityKind::Guest) {
        auto guest = GuestRepository(m_db, kClock).byId(idFromString(id));
        if (!guest.ok())
            return guest.error();
        if (!guest.value())
            return std::optional<QJsonObject>{};
        return std::optional<QJsonObject>{toJson(*guest.value())};
    }
    const TableSpec *spec = specOf(kind);
    QStringList columns;
    for (const Column &c : spec->fields)
        columns.append(QLatin1String(c.column));
    auto found = sql::runKept(m_db,
                              QStringLiteral("SELECT %1 FROM %2 WHERE id = ?")
                                  .arg(columns.join(QLatin1String(", ")), QLatin1String(spec->table)),
                              {id}, QStringLiteral("replica load"));
    if (!found.ok())
        return found.error();
    QSqlQuery &q = *found.value();
    if (!q.next())
        return std::optional<QJsonObject>{};
    QJsonObject out;
    int i = 0;
    for (const Column &c : spec->fields)
        out.insert(QLatin1String(c.field), fromColumn(c, q.value(i++)));
    q.finish();
    auto canonical = sync::canonicalEntity(kind, out);
    if (!canonical.ok())
        return canonical.error();
    return std::optional<QJsonObject>{canonical.value()};
}

Result<QList<QJsonObject>> ReplicaStore::select(EntityKind kind, const QString &where,
                                                const QVariantList &values) const
{
    const TableSpec *spec = specOf(kind);
    if (!spec)
        return Error{QStringLiteral("storage.failed"), QStringLiteral("no table description for guests")};
    QStringList columns;
    for (const Column &c : spec->fields)
        columns.append(QLatin1String(c.column));
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto s =
            sql::prepare(q, QStringLiteral("SELECT %1 FROM %2 WHERE %3")
                                .arg(columns.join(QLatin1String(", ")), QLatin1String(spec->table), where));
        !s.ok())
        return s.error();
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values[i]);
    if (auto s = sql::exec(q, QStringLiteral("replica select")); !s.ok())
        return s.error();
    QList<QJsonObject> records;
    while (q.next()) {
        QJsonObject out;
        int i = 0;
        for (const Column &c : spec->fields)
            out.insert(QLatin1String(c.field), fromColumn(c, q.value(i++)));
        records.append(std::move(out));
    }
    if (auto s = sql::fetched(q, QStringLiteral("replica")); !s.ok())
        return s.error();
    return records;
}

Result<bool> ReplicaStore::exists(EntityKind kind, const QString &id) const
{
    const TableSpec *spec = specOf(kind);
    auto q = sql::runKept(
        m_db,
        QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(QLatin1String(spec ? spec->table : "guests")),
        {id}, QStringLiteral("replica exists"));
    if (!q.ok())
        return q.error();
    const bool found = q.value()->next();
    q.value()->finish();
    return found;
}

Status ReplicaStore::store(EntityKind kind, const QJsonObject &record)
{
    if (kind == EntityKind::Guest) {
        auto guest = guestFromJson(record);
        if (!guest.ok())
            return guest.error();
        return GuestRepository(m_db, kClock).storeReplica(guest.value());
    }
    const TableSpec *spec = specOf(kind);
    QStringList columns, marks;
    for (const Column &c : spec->fields) {
        columns.append(QLatin1String(c.column));
        marks.append(QStringLiteral("?"));
    }
    QVariantList values;
    values.reserve(qsizetype(spec->fields.size()));
    for (const Column &c : spec->fields)
        values.append(toColumn(c, record.value(QLatin1String(c.field))));
    auto q = sql::runKept(m_db,
                          QStringLiteral("INSERT OR REPLACE INTO %1 (%2) VALUES (%3)")
                              .arg(QLatin1String(spec->table), columns.join(QLatin1String(", ")),
                                   marks.join(QLatin1String(","))),
                          values, QStringLiteral("replica store"));
    return q.ok() ? Status() : Status(q.error());
}

Status ReplicaStore::storeLocal(EntityKind kind, const QJsonObject &record, bool exists)
{
    if (kind == EntityKind::Guest) {
        auto guest = guestFromJson(record);
        if (!guest.ok())
            return guest.error();
        return GuestRepository(m_db, kClock).storeLocal(guest.value(), exists);
    }
    if (!exists)
        return store(kind, record);
    const TableSpec *spec = specOf(kind);
    QStringList sets;
    for (const Column &c : spec->fields)
        if (QLatin1String(c.column) != QLatin1String("id"))
            sets.append(QStringLiteral("%1 = ?").arg(QLatin1String(c.column)));
    QVariantList values;
    for (const Column &c : spec->fields)
        if (QLatin1String(c.column) != QLatin1String("id"))
            values.append(toColumn(c, record.value(QLatin1String(c.field))));
    values.append(toColumn(spec->fields.begin()[0], record.value(QStringLiteral("id"))));
    auto q = sql::runKept(m_db,
                          QStringLiteral("UPDATE %1 SET %2 WHERE id = ?")
                              .arg(QLatin1String(spec->table), sets.join(QLatin1String(", "))),
                          values, QStringLiteral("replica update"));
    return q.ok() ? Status() : Status(q.error());
}

Status ReplicaStore::remove(EntityKind kind, const QString &id)
{
    if (kind == EntityKind::Guest) {
        return GuestRepository(m_db, kClock).removeReplica(idFromString(id));
    }
    QSqlQuery q(m_db);
    if (auto s = sql::prepare(
            q, QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(QLatin1String(specOf(kind)->table)));
        !s.ok())
        return s;
    q.addBindValue(id);
    return sql::exec(q, QStringLiteral("replica remove"));
}

QSqlQuery &ReplicaStore::statement(const QString &sqlText)
{
    auto it = m_statements.find(sqlText);
    if (it == m_statements.end()) {
        auto q = std::make_unique<QSqlQuery>(m_db);
        q->setForwardOnly(true);
        q->prepare(sqlText); // a failure shows in exec()'s error
        it = m_statements.emplace(sqlText, std::move(q)).first;
    }
    return *it->second;
}

Status ReplicaStore::storeGuests(const QList<const sync::Record *> &records)
{
    QList<Guest> guests;
    guests.reserve(records.size());
    for (const sync::Record *r : records) {
        auto guest = guestFromJson(r->data);
        if (!guest.ok())
            return guest.error();
        guests.append(std::move(guest).value());
    }
    // Old versions out, in chunks that stay under SQLite's 999 bound parameters.
    constexpr qsizetype kChunk = 400;
    for (qsizetype from = 0; from < guests.size(); from += kChunk) {
        const qsizetype n = std::min(kChunk, guests.size() - from);
        QStringList marks(n, QStringLiteral("?"));
        for (const char *sqlText :
             {"DELETE FROM guest_phones WHERE guest_id IN (%1)",
              "DELETE FROM guest_emails WHERE guest_id IN (%1)",
              "DELETE FROM guest_tags WHERE guest_id IN (%1)", "DELETE FROM guests WHERE id IN (%1)"}) {
            QSqlQuery &q = statement(QLatin1String(sqlText).arg(marks.join(QLatin1Char(','))));
            for (qsizetype i = 0; i < n; ++i)
                q.bindValue(static_cast<int>(i), sql::fromId(guests[from + i].id));
            if (auto s = sql::exec(q, QStringLiteral("replica guests")); !s.ok())
                return s;
        }
    }
    GuestRowWriter rows(m_db);
    const QDateTime now = kClock.now();
    for (const Guest &g : guests)
        if (auto s = rows.insert(g, now); !s.ok())
            return s;
    return {};
}

namespace {
// One meta value; a null QVariant when the key is not there, an error when it cannot be read.
Result<QVariant> metaValue(const QSqlDatabase &db, const QString &key)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(q, QStringLiteral("SELECT value FROM meta WHERE key = ?")); !s.ok())
        return s.error();
    q.addBindValue(key);
    if (auto s = sql::exec(q, key); !s.ok())
        return s.error();
    const QVariant value = q.next() ? q.value(0) : QVariant();
    if (auto s = sql::fetched(q, key); !s.ok())
        return s.error();
    return value;
}
} // namespace

Result<bool> ReplicaStore::inSnapshot() const
{
    auto at = cursor();
    if (!at.ok())
        return at.error();
    if (at.value() == 0)
        return true;
    auto snapshot = metaValue(m_db, QStringLiteral("sync_snapshot"));
    if (!snapshot.ok())
        return snapshot.error();
    return !snapshot.value().isNull();
}

Status ReplicaStore::resetForResync()
{
    return withoutForeignKeys(m_db, [&]() -> Status {
        QSqlQuery q(m_db);
        // Every described kind's table but the pairs (below), and the guests' own tables.
        QStringList tables{QStringLiteral("guest_phones"), QStringLiteral("guest_emails"),
                           QStringLiteral("guest_tags")};
        for (const sync::KindSpec &spec : sync::kindSpecs())
            if (spec.kind != EntityKind::GuestDistinct)
                tables.append(QLatin1String(spec.table));
        for (const QString &table : tables) {
            if (!q.exec(QStringLiteral("DELETE FROM %1").arg(table)))
                return Error{QStringLiteral("storage.failed"), q.lastError().text()};
        }
        // Pairs marked before schema 9 never left this desk: they stay.
        if (!q.exec(QStringLiteral("DELETE FROM guest_distinct_pairs WHERE id IS NOT NULL")))
            return Error{QStringLiteral("storage.failed"), q.lastError().text()};
        if (!q.exec(QStringLiteral("DELETE FROM meta WHERE key = 'sync_cursor'")))
            return Error{QStringLiteral("storage.failed"), q.lastError().text()};
        return {};
    });
}

Status ReplicaStore::settlePush(const QList<std::pair<EntityKind, QString>> &refusedCreates,
                                qint64 lastMutationId)
{
    if (refusedCreates.isEmpty())
        return Outbox(m_db).acknowledgeUpTo(lastMutationId);
    // As for a pulled deletion: a refused record goes even when a local row still refers to it
    // (the server refused those too, or will).
    return withoutForeignKeys(m_db, [&]() -> Status {
        for (const auto &[kind, id] : refusedCreates)
            if (auto s = remove(kind, id); !s.ok())
                return s;
        if (auto s = Outbox(m_db).acknowledgeUpTo(lastMutationId); !s.ok())
            return s;
        return {};
    });
}

Result<qint64> ReplicaStore::cursor() const
{
    auto value = metaValue(m_db, QStringLiteral("sync_cursor"));
    if (!value.ok())
        return value.error();
    return value.value().isNull() ? 0 : value.value().toLongLong();
}

Status ReplicaStore::applyPage(const sync::PullResponse &page)
{
    // A page may carry a booking before its guest's newer version.
    return withoutForeignKeys(m_db, [&]() -> Status {
        QSet<QString> touched;
        QList<const sync::Record *> guests;
        for (const sync::Record &r : page.records) {
            touched.insert(r.id);
            if (r.kind == EntityKind::Guest && !r.deleted) {
                guests.append(&r); // each id appears once per page, so the order between kinds is free
                continue;
            }
            if (auto s = r.deleted ? remove(r.kind, r.id) : store(r.kind, r.data); !s.ok())
                return s;
        }
        if (auto s = storeGuests(guests); !s.ok())
            return s;
        Outbox outbox(m_db);
        if (auto s = outbox.acknowledgeUpTo(page.lastMutationId); !s.ok())
            return s;
        // Pending local changes win over the page until the server has seen them.
        auto pending = outbox.pending(std::numeric_limits<int>::max());
        if (!pending.ok())
            return pending.error();
        for (const OutboxEntry &e : pending.value()) {
            auto plan = sync::planMutation(Mutation{e.name, e.args});
            if (!plan.ok())
                continue;
            // A pending merge holds whatever the page brought for the merged card (its history
            // moves on, a newer copy of the card goes again): cheap, by index, so always redone.
            if (plan.value().op == sync::MutationPlan::Op::Merge && touched.contains(plan.value().mergedId)) {
                // The page brought the merged card again (changed elsewhere): what it gained goes
                // into the survivor, as the server will do (foldMergedGuest).
                auto gone = load(EntityKind::Guest, plan.value().mergedId);
                auto keep = load(EntityKind::Guest, plan.value().id);
                if (!gone.ok() || !keep.ok())
                    return !gone.ok() ? gone.error() : keep.error();
                if (gone.value() && keep.value()) {
                    auto folded = sync::foldMergedGuest(*keep.value(), *gone.value());
                    if (folded.ok())
                        if (auto s = store(EntityKind::Guest, folded.value()); !s.ok())
                            return s;
                }
            }
            if (plan.value().op == sync::MutationPlan::Op::Merge) {
                if (auto s = GuestRepository(m_db, kClock)
                                 .moveHistoryReplica(idFromString(plan.value().mergedId),
                                                     idFromString(plan.value().id));
                    !s.ok())
                    return s;
            }
            if (!touched.contains(plan.value().id))
                continue;
            auto current = load(plan.value().kind, plan.value().id);
            if (!current.ok())
                return current.error();
            auto merged = sync::mergeEntity(current.value(), plan.value(), e.createdAt);
            if (!merged.ok())
                continue; // the server will reject it too, and say why
            if (auto s = plan.value().op == sync::MutationPlan::Op::Delete
                             ? remove(plan.value().kind, plan.value().id)
                             : store(plan.value().kind, merged.value());
                !s.ok())
                return s;
        }
        QSqlQuery q(m_db);
        // A first sync (from cursor 0) stays a first sync until a page says "no more", across
        // token refreshes, dropped connections and restarts (PullRequest::snapshot).
        auto at = cursor();
        if (!at.ok())
            return at.error();
        const bool firstPage = at.value() == 0;
        if (firstPage && page.more &&
            !q.exec(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('sync_snapshot', '1')")))
            return Error{QStringLiteral("storage.failed"), q.lastError().text()};
        if (!page.more && !q.exec(QStringLiteral("DELETE FROM meta WHERE key = 'sync_snapshot'")))
            return Error{QStringLiteral("storage.failed"), q.lastError().text()};
        if (auto s = sql::prepare(
                q, QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('sync_cursor', ?)"));
            !s.ok())
            return s;
        q.addBindValue(QString::number(page.cursor));
        if (auto s = sql::exec(q, QStringLiteral("sync cursor")); !s.ok())
            return s;
        return {};
    });
}

} // namespace kasp::storage
