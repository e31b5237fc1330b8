#include "replicatables.h"

#include "kasp/core/isotime.h"
#include "kasp/storage/sqlhelpers.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace kasp::storage::replica {

using sync::EntityKind;

const TableSpec *specOf(EntityKind kind)
{
    const TableSpec &spec = sync::kindSpec(kind);
    return spec.fields.size() ? &spec : nullptr; // guests: GuestRowWriter owns their rows
}

QVariant toColumn(const Column &c, const QJsonValue &v)
{
    switch (c.type) {
    case Column::Text:
        return sql::text(v.toString());
    case Column::Id:
        return sql::fromId(idFromString(v.toString()));
    case Column::Int:
        return static_cast<qint64>(v.toDouble());
    case Column::Bool:
        return v.toBool(true) ? 1 : 0;
    case Column::Date:
        return v.toString();
    case Column::Json:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    case Column::Instant: {
        QDateTime at = parseIsoInstant(v.toString());
        if (!at.isValid()) // what Qt reads beyond the wire's shape (a time without a zone)
            at = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
        const QVariant ms = sql::fromInstant(at);
        return ms.isNull() && (c.flags & Column::NotNull) ? QVariant(qint64(0)) : ms;
    }
    }
    return {};
}

QJsonValue fromColumn(const Column &c, const QVariant &v)
{
    switch (c.type) {
    case Column::Text:
    case Column::Date:
        return v.toString();
    case Column::Id:
        return idToString(sql::toId(v));
    case Column::Int:
        return v.toLongLong();
    case Column::Bool:
        return v.toLongLong() != 0;
    case Column::Json:
        return QJsonDocument::fromJson(v.toString().toUtf8()).object();
    case Column::Instant:
        return v.isNull() ? QString() : isoInstant(sql::toInstant(v));
    }
    return {};
}

} // namespace kasp::storage::replica
