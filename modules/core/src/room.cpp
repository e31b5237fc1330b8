#include "kasp/core/room.h"

#include <QCoreApplication>

namespace kasp {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("kasp", text); // free functions: lupdate's context "kasp"
}
Error invalid(const char *code, const QString &message)
{
    return Error{QLatin1String(code), message};
}
} // namespace

Status validateBuilding(const Building &b)
{
    if (b.name.trimmed().isEmpty())
        return invalid("stock.no_name", tr("Name the building, e.g. «Корпус 1»"));
    return {};
}

Status validateCategory(const RoomCategory &c)
{
    if (c.name.trimmed().isEmpty() || c.code.trimmed().isEmpty())
        return invalid("stock.no_name", tr("A room category needs a name and a short code"));
    if (c.beds < 1 || c.beds > 20 || c.extraBeds < 0 || c.extraBeds > 10)
        return invalid("stock.bad_beds",
                       tr("«%1»: 1 to 20 main places and up to 10 extra beds").arg(c.name.trimmed()));
    if (c.pricePerBedNight < Money())
        return invalid("stock.negative_price", tr("«%1»: a price below zero").arg(c.name.trimmed()));
    if (c.pricePerBedNight > Money::fromRubles(10'000'000)) // the server's limit for a bed-night
        return invalid("stock.price_too_high",
                       tr("«%1»: a bed-night above 10 000 000 ₽").arg(c.name.trimmed()));
    return {};
}

Status validateRoom(const Room &r)
{
    if (r.number.trimmed().isEmpty())
        return invalid("stock.no_number", tr("A room needs a number"));
    if (r.buildingId.isNull())
        return invalid("stock.no_building", tr("Room %1: choose its building").arg(r.number));
    if (r.categoryId.isNull())
        return invalid("stock.no_category", tr("Room %1: choose its category").arg(r.number));
    if (r.floor < -5 || r.floor > 200)
        return invalid("stock.bad_floor", tr("Room %1: the floor is -5 to 200").arg(r.number));
    if (r.beds < 1 || r.beds > 20)
        return invalid("stock.bad_beds", tr("Room %1: 1 to 20 places").arg(r.number));
    return {};
}

} // namespace kasp
