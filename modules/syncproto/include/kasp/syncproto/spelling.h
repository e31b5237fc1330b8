#pragma once
// One spelling on the wire: camelCase. Protocol 1 (wire.h) spelled the fields of the records that
// have no core codec (users, the room stock, closures) and deal.move's reason in snake_case. This
// is the one table of those old names; kasp-sync reads a protocol-1 desk's pushes through it and
// answers that desk in its spelling, the desk reads its outbox entries queued before the upgrade
// through it, and the server's migration respells stored records by it. Nothing else names them.
//
// Kind keys ("room_category") and keys that are values (a meal plan's "half_board", a role's
// "head_of_sales") are identifiers, not fields: they are not respelled.
#include "kasp/syncproto/entitykind.h"
#include <QJsonObject>
#include <QString>
#include <span>

namespace kasp::sync {

struct Respelling
{
    EntityKind kind;
    const char *protocol1; // the name protocol-1 desks send and read
    const char *current;   // the name on the wire since protocol 2
    // A field of the kind's records (pulled records are respelled back for protocol 1); otherwise
    // a mutation's argument only (deal.move's "lost_reason": deal records always said lostReason).
    bool recordField;
};

std::span<const Respelling> protocol1Respellings();

// Whether any name of the kind is respelled (pulls parse only such records for protocol 1).
bool hasProtocol1Names(EntityKind kind);

// A mutation's arguments as a protocol-1 desk wrote them, in today's spelling. The kind is the
// name's part before the dot; an unknown name's arguments come back as they are (planMutation
// refuses it). An old name wins over a current one sent beside it: it is what that desk meant.
QJsonObject argsFromProtocol1(const QString &mutationName, QJsonObject args);
// A record stored before protocol 2 (PostgreSQL written by an older kasp-sync), in today's spelling.
QJsonObject recordFromProtocol1(EntityKind kind, QJsonObject record);
// A record as a protocol-1 desk reads it.
QJsonObject recordForProtocol1(EntityKind kind, QJsonObject record);
// A refusal's message names fields ("endNight", "roomId: expected a UUID"): for a protocol-1 desk,
// in its spelling.
QString messageForProtocol1(const QString &mutationName, const QString &message);

} // namespace kasp::sync
