#pragma once
// Who writes through a database connection: the signed-in user, set by the app once the sign-in
// is done. Every local mutation (writeMutation, a guest merge) is checked against the sync
// protocol's access rules for that user before anything is written, the same rules kasp-sync
// applies on push, so a desk without a server or offline takes no write the server would refuse.
// A connection with no writer set (tools, the demo generator, tests of the storage itself) is not
// checked: the app always sets one.
#include "kasp/core/result.h"
#include "kasp/core/user.h"
#include "kasp/syncproto/mutationplan.h"

#include <optional>
#include <QJsonObject>
#include <QSqlDatabase>

namespace kasp::storage {

struct SessionWriter
{
    Id userId;
    Role role = Role::Consultant;
};

// Sets the writer of this connection (by its connection name) and returns a ticket for
// clearing it. Clearing with an older ticket does nothing: at a shift change the new session is
// made before the old one goes, and the old one's clearing must not undo the new writer.
quint64 setSessionWriter(const QSqlDatabase &db, SessionWriter writer);
void clearSessionWriter(const QSqlDatabase &db, quint64 ticket);
std::optional<SessionWriter> sessionWriter(const QSqlDatabase &db);

// The access rules for the connection's writer. Errors "auth.read_only" / "auth.forbidden" with
// a message for the user (translated).
Status authorizeWrite(const QSqlDatabase &db, const sync::MutationPlan &plan);
// The same rules for a change of a stored record (`current`, as it is before the change): a
// consultant does not change a colleague's task ("auth.forbidden"), as kasp-sync refuses it.
Status authorizeChange(const QSqlDatabase &db, sync::EntityKind kind,
                       const std::optional<QJsonObject> &current);
// Whether the writer may send the named mutation ("touch.add"), for a service that asks before a
// write of its own begins (a voucher e-mailed, a payment link asked for). The same messages.
Status authorizeWrite(const QSqlDatabase &db, const QString &mutationName);

} // namespace kasp::storage
