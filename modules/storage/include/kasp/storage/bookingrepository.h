#pragma once
#include "kasp/core/booking.h"
#include "kasp/core/clock.h"
#include "kasp/core/result.h"
#include <QSqlDatabase>

namespace kasp::storage {

class BookingRepository
{
public:
    BookingRepository(QSqlDatabase db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}
    // Refuses a booking whose nights clash with another live booking of the room
    // ("booking.overlap"): first writer wins, nothing is written. Mutation booking.create.
    Status create(const Booking &booking);
    Status setStatus(const Id &bookingId, BookingStatus status); // mutation booking.set_status
    Result<QList<Booking>> forGuest(const Id &guestId) const;    // newest stay first

private:
    QSqlDatabase m_db;
    const Clock &m_clock;
};

} // namespace kasp::storage
