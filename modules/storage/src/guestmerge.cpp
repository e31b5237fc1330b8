// GuestRepository::merge: two cards of one person become one (issue 5, duplicates).
#include "kasp/core/mutation.h"
#include "kasp/storage/guestrepository.h"

#include "kasp/storage/outbox.h"
#include "kasp/storage/sqlhelpers.h"
#include "replicatables.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace kasp::storage {

Status GuestRepository::moveHistoryReplica(const Id &from, const Id &to)
{
    QSqlQuery q(m_db);
    // Every kind of the guest's history (syncproto's list; the server moves the same kinds).
    for (sync::EntityKind kind : sync::guestHistoryKinds()) {
        if (auto s = sql::prepare(q, QStringLiteral("UPDATE %1 SET guest_id = ? WHERE guest_id = ?")
                                         .arg(QLatin1String(replica::specOf(kind)->table)));
            !s.ok())
            return s;
        q.addBindValue(sql::fromId(to));
        q.addBindValue(sql::fromId(from));
        if (auto s = sql::exec(q, QStringLiteral("guest history move")); !s.ok())
            return s;
    }
    return removeReplica(from);
}

Status GuestRepository::merge(const Guest &merged, const Id &mergedId)
{
    if (merged.id == mergedId)
        return Error{QStringLiteral("guest.merge_self"),
                     QCoreApplication::translate("kasp::storage", "A card cannot be merged with itself.")};
    auto before = byId(merged.id);
    if (!before.ok())
        return before.error();
    auto other = byId(mergedId);
    if (!other.ok())
        return other.error();
    if (!before.value() || !other.value())
        return Error{QStringLiteral("guest.not_found"),
                     QCoreApplication::translate("kasp::storage",
                                                 "One of the two cards no longer exists (merged or deleted "
                                                 "on another computer?). Search for the guest again.")};
    if (auto s = validateGuest(merged, m_clock.today()); !s.ok())
        return s;

    // Like guest.update, the mutation names only the survivor's changed fields.
    const QJsonObject old = toJson(*before.value());
    const QJsonObject now = toJson(merged);
    QJsonObject args{{QStringLiteral("id"), idToString(merged.id)},
                     {QStringLiteral("mergedId"), idToString(mergedId)}};
    for (auto it = now.begin(); it != now.end(); ++it) {
        const bool stamp = it.key() == QLatin1String("updatedAt") || it.key() == QLatin1String("createdAt");
        if (!stamp && old.value(it.key()) != it.value())
            args.insert(it.key(), it.value());
    }
    Guest written = merged;
    written.updatedAt = m_clock.now();
    return applyMutation(m_db, Mutation{QStringLiteral("guest.merge"), args}, m_clock.now(), [&]() -> Status {
        if (auto s = writeRows(written, true); !s.ok())
            return s;
        return moveHistoryReplica(mergedId, merged.id);
    });
}

} // namespace kasp::storage
