#pragma once
// How the replica stores each replicated kind: the kind's description (syncproto kinds.h) names
// its table and, for each wire field, its column and type. ReplicaStore writes, loads and updates
// every such record through it (pulled pages and the desk's own write path alike). Internal to
// modules/storage.
#include "kasp/syncproto/kinds.h"

#include <QJsonValue>
#include <QVariant>

namespace kasp::storage::replica {

// A wire field and its column. Instants travel as ISO text and live as UTC milliseconds.
using Column = sync::FieldSpec;
using TableSpec = sync::KindSpec;

// The kind's description; nullptr for guests (GuestRowWriter owns their tables).
const TableSpec *specOf(sync::EntityKind kind);
QVariant toColumn(const Column &c, const QJsonValue &v);
QJsonValue fromColumn(const Column &c, const QVariant &v);

} // namespace kasp::storage::replica
