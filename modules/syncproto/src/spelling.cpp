#include "kasp/syncproto/spelling.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <QRegularExpression>

namespace kasp::sync {

namespace {

// Protocol 1's names. Accepted from desks until protocol 1 is retired (docs/SYNC.md); the server's
// migration 7 respells the records stored before it by this table.
constexpr Respelling kRespellings[] = {
    {EntityKind::User, "display_name", "displayName", true},
    {EntityKind::RoomCategory, "extra_beds", "extraBeds", true},
    {EntityKind::RoomCategory, "price_per_bed_night", "pricePerBedNight", true},
    {EntityKind::Room, "building_id", "buildingId", true},
    {EntityKind::Room, "category_id", "categoryId", true},
    {EntityKind::RoomClosure, "room_id", "roomId", true},
    {EntityKind::RoomClosure, "first_night", "firstNight", true},
    {EntityKind::RoomClosure, "end_night", "endNight", true},
    {EntityKind::Deal, "lost_reason", "lostReason", false},
};

std::optional<EntityKind> kindOfMutation(const QString &mutationName)
{
    const qsizetype dot = mutationName.indexOf(QLatin1Char('.'));
    return dot > 0 ? entityKindFromKey(mutationName.left(dot)) : std::nullopt;
}

// Renames `from` to `to` for the kind's rows (records only, or arguments too). A value already
// under `to` is replaced: the `from` name is what the writer meant.
QJsonObject respell(EntityKind kind, QJsonObject json, bool toCurrent, bool argsToo)
{
    for (const Respelling &r : kRespellings) {
        if (r.kind != kind || (!r.recordField && !argsToo))
            continue;
        const QString from = QLatin1String(toCurrent ? r.protocol1 : r.current);
        const QString to = QLatin1String(toCurrent ? r.current : r.protocol1);
        const auto it = json.constFind(from);
        if (it == json.constEnd())
            continue;
        const QJsonValue value = it.value();
        json.remove(from);
        json.insert(to, value);
    }
    return json;
}

} // namespace

std::span<const Respelling> protocol1Respellings()
{
    return kRespellings;
}

bool hasProtocol1Names(EntityKind kind)
{
    return std::any_of(std::begin(kRespellings), std::end(kRespellings),
                       [kind](const Respelling &r) { return r.kind == kind && r.recordField; });
}

QJsonObject argsFromProtocol1(const QString &mutationName, QJsonObject args)
{
    const auto kind = kindOfMutation(mutationName);
    return kind ? respell(*kind, std::move(args), true, true) : args;
}

QJsonObject recordFromProtocol1(EntityKind kind, QJsonObject record)
{
    return respell(kind, std::move(record), true, false);
}

QJsonObject recordForProtocol1(EntityKind kind, QJsonObject record)
{
    return respell(kind, std::move(record), false, false);
}

QString messageForProtocol1(const QString &mutationName, const QString &message)
{
    const auto kind = kindOfMutation(mutationName);
    if (!kind)
        return message;
    QString out = message;
    for (const Respelling &r : kRespellings) {
        if (r.kind != *kind)
            continue;
        // Whole names only: "roomId" in "bookingRoomId" is another field.
        static const QString pattern = QStringLiteral("(?<![A-Za-z0-9_])%1(?![A-Za-z0-9_])");
        out.replace(QRegularExpression(pattern.arg(QLatin1String(r.current))), QLatin1String(r.protocol1));
    }
    return out;
}

} // namespace kasp::sync
