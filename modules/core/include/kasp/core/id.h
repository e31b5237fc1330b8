#pragma once
// Ids are UUIDs made where the record is born (often a desktop, offline), so they never collide
// when replicas meet on the server. They are time-ordered (the RFC 9562 version 7 layout: 48-bit
// Unix milliseconds, then random bits), so new rows land at the end of the primary-key B-trees
// instead of at random pages: inserts stay fast at millions of rows.
#include <QString>
#include <QUuid>

namespace kasp {

using Id = QUuid;

Id newId();
// A version 7 UUID for a given instant and 74 caller-supplied bits (deterministic generators).
Id uuidV7(qint64 unixMs, quint64 randomHigh, quint64 randomLow);
inline QString idToString(const Id &id)
{
    return id.isNull() ? QString() : id.toString(QUuid::WithoutBraces);
}
inline Id idFromString(const QString &text)
{
    return QUuid::fromString(text);
}

} // namespace kasp
