#pragma once
// Ids are UUIDs made where the record is born (often a desktop, offline), so they never collide
// when replicas meet on the server.
#include <QString>
#include <QUuid>

namespace kasp {

using Id = QUuid;

inline Id newId() { return QUuid::createUuid(); }
inline QString idToString(const Id &id) { return id.isNull() ? QString() : id.toString(QUuid::WithoutBraces); }
inline Id idFromString(const QString &text) { return QUuid::fromString(text); }

} // namespace kasp
