#pragma once
// The replica's description of each replicated kind other than guests: its table, and for each
// wire field its column and type. ReplicaStore writes, loads and updates every such record through
// it (pulled pages and the desk's own write path alike). Internal to modules/storage; the seed of
// issue 19's "one description per record kind".
#include "kasp/syncproto/entitykind.h"

#include <initializer_list>
#include <QJsonValue>
#include <QVariant>

namespace kasp::storage::replica {

// How a wire field maps to a column. Instants travel as ISO text and live as UTC milliseconds.
struct Column
{
    const char *field;
    const char *column;
    enum Type { Text, IdRef, Int, Bool, Instant, Date, Json } type; // Json: an object as compact text
    bool notNull = false; // NOT NULL instants get 0 rather than NULL
};

struct TableSpec
{
    sync::EntityKind kind;
    const char *table;
    std::initializer_list<Column> columns; // the first is the id
};

// The kind's table; nullptr for guests (GuestRepository owns their child tables).
const TableSpec *specOf(sync::EntityKind kind);
QVariant toColumn(const Column &c, const QJsonValue &v);
QJsonValue fromColumn(const Column &c, const QVariant &v);

} // namespace kasp::storage::replica
