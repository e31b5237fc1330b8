#include "kasp/core/stay.h"

#include <QCoreApplication>

namespace kasp {

Result<Stay> Stay::make(QDate checkIn, QDate checkOut)
{
    if (!checkIn.isValid() || !checkOut.isValid())
        return Error{QStringLiteral("stay.invalid_date"),
                     QCoreApplication::translate("kasp::Stay", "Enter valid check-in and check-out dates")};
    if (checkOut <= checkIn)
        return Error{QStringLiteral("stay.empty"),
                     QCoreApplication::translate("kasp::Stay", "Check-out must be after check-in")};
    if (checkIn.daysTo(checkOut) > kMaxNights)
        return Error{QStringLiteral("stay.too_long"),
                     QCoreApplication::translate("kasp::Stay", "A stay cannot be longer than %n night(s)",
                                                 nullptr, kMaxNights)};
    return Stay(checkIn, checkOut);
}

} // namespace kasp
