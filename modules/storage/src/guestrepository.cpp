#include "kasp/storage/guestrepository.h"

#include "kasp/storage/guestrows.h"

#include "kasp/core/mutation.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/recordwriter.h"
#include "kasp/storage/sqlhelpers.h"
#include "kasp/storage/storageerror.h"
#include "replicatables.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlError>

namespace kasp::storage {

Status GuestRepository::create(const Guest &guest)
{
    Guest g = guest;
    if (!g.createdAt.isValid())
        g.createdAt = m_clock.now();
    if (!g.updatedAt.isValid())
        g.updatedAt = g.createdAt;
    return write(m_db, Mutation{QStringLiteral("guest.create"), toJson(g)}, m_clock.now());
}

Status GuestRepository::update(const Guest &guest)
{
    // The mutation names only the fields that changed: the server merges it per field, so two
    // desktops editing different fields of one guest both keep their change.
    QJsonObject args = toJson(guest);
    auto before = byId(guest.id);
    if (!before.ok())
        return before.error();
    if (!before.value())
        return Error{QStringLiteral("guest.not_found"),
                     QStringLiteral("guest %1 does not exist").arg(idToString(guest.id))};
    {
        const QJsonObject old = toJson(*before.value());
        QJsonObject patch{{QStringLiteral("id"), args.value(QStringLiteral("id"))}};
        for (auto it = args.begin(); it != args.end(); ++it) {
            const bool stamp =
                it.key() == QLatin1String("updatedAt") || it.key() == QLatin1String("createdAt");
            if (!stamp && old.value(it.key()) != it.value())
                patch.insert(it.key(), it.value());
        }
        if (patch.size() == 1)
            return {}; // nothing changed: no write, no mutation
        args = patch;
    }
    return write(m_db, Mutation{QStringLiteral("guest.update"), args}, m_clock.now());
}

Status GuestRepository::remove(const Id &id)
{
    // Any record of the guest's history (every kind that moves with a merge, syncproto's one list)
    // keeps the card: a card with history is merged, not deleted.
    QStringList checks;
    for (sync::EntityKind kind : sync::guestHistoryKinds())
        checks << QStringLiteral("EXISTS (SELECT 1 FROM %1 WHERE guest_id = ?)")
                      .arg(QLatin1String(replica::specOf(kind)->table));
    QSqlQuery q(m_db);
    if (auto s = sql::prepare(q, QStringLiteral("SELECT ") + checks.join(QStringLiteral(" + "))); !s.ok())
        return s;
    for (qsizetype i = 0; i < checks.size(); ++i)
        q.addBindValue(sql::fromId(id));
    if (auto s = sql::exec(q, QStringLiteral("guest references")); !s.ok())
        return s;
    if (q.next() && q.value(0).toLongLong() > 0)
        return Error{QStringLiteral("guest.in_use"),
                     QCoreApplication::translate(
                         "kasp::storage", "This guest has a history (calls, bookings, deals, tasks, payments "
                                          "or consents): merge the card with the right one instead of "
                                          "deleting it.")};
    if (auto found = byId(id); !found.ok() || !found.value())
        return Error{QStringLiteral("guest.not_found"),
                     QStringLiteral("guest %1 does not exist").arg(idToString(id))};
    return write(m_db, Mutation{QStringLiteral("guest.delete"), {{QStringLiteral("id"), idToString(id)}}},
                 m_clock.now());
}

Status GuestRepository::removeReplica(const Id &id)
{
    return GuestRowWriter(m_db).remove(id);
}

Status GuestRepository::storeReplica(const Guest &guest)
{
    if (auto s = removeReplica(guest.id); !s.ok())
        return s;
    return writeRows(guest, false);
}

Status GuestRepository::storeLocal(const Guest &guest, bool exists)
{
    return writeRows(guest, exists);
}

Status GuestRepository::writeRows(const Guest &guest, bool replace)
{
    GuestRowWriter rows(m_db);
    return replace ? rows.update(guest, m_clock.now()) : rows.insert(guest, m_clock.now());
}

Result<std::optional<Guest>> GuestRepository::byId(const Id &id) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(q, QStringLiteral("SELECT %1 FROM guests WHERE id = ?").arg(guestColumnsSql()));
        !s.ok())
        return s.error();
    q.addBindValue(sql::fromId(id));
    if (auto s = sql::exec(q, QStringLiteral("guest by id")); !s.ok())
        return s.error();
    if (!q.next())
        return std::optional<Guest>();
    Guest guest;
    readGuestRow(q, guest); // the columns GuestRowWriter writes

    const auto children = [&](const QString &sqlText, auto &&read) -> Status {
        if (auto s = sql::prepare(q, sqlText); !s.ok())
            return s;
        q.addBindValue(sql::fromId(id));
        if (auto s = sql::exec(q, QStringLiteral("guest children")); !s.ok())
            return s;
        while (q.next())
            read();
        if (auto s = sql::fetched(q, QStringLiteral("guests")); !s.ok())
            return s.error();
        return {};
    };
    if (auto s = children(
            QStringLiteral("SELECT e164, ext FROM guest_phones WHERE guest_id=? ORDER BY position"),
            [&] {
                if (auto phone = Phone::fromE164(q.value(0).toString(), q.value(1).toString()); phone.ok())
                    guest.phones.append(phone.value());
            });
        !s.ok())
        return s.error();
    if (auto s = children(QStringLiteral("SELECT email FROM guest_emails WHERE guest_id=? ORDER BY position"),
                          [&] { guest.emails.append(q.value(0).toString()); });
        !s.ok())
        return s.error();
    if (auto s = children(QStringLiteral("SELECT tag FROM guest_tags WHERE guest_id=? ORDER BY tag"),
                          [&] { guest.tags.append(q.value(0).toString()); });
        !s.ok())
        return s.error();
    return std::optional<Guest>(std::move(guest));
}

Result<QList<Id>> GuestRepository::idsByPhone(const QString &e164) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(q, QStringLiteral("SELECT DISTINCT guest_id FROM guest_phones WHERE e164 = ?"));
        !s.ok())
        return s.error();
    q.addBindValue(e164);
    if (auto s = sql::exec(q, QStringLiteral("guest by phone")); !s.ok())
        return s.error();
    QList<Id> ids;
    while (q.next())
        ids.append(sql::toId(q.value(0)));
    if (auto s = sql::fetched(q, QStringLiteral("guests")); !s.ok())
        return s.error();
    return ids;
}

Result<qint64> GuestRepository::count() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM guests")) || !q.next())
        return storageError(q.lastError(), QStringLiteral("guest count"));
    return q.value(0).toLongLong();
}

} // namespace kasp::storage
