#pragma once
#include "kasp/core/booking.h"
#include "kasp/core/clock.h"
#include "kasp/core/result.h"
#include <functional>
#include <QSqlDatabase>

namespace kasp::storage {

// A booking as the grid shows it: with the guest's name for the bar's label.
struct BookingView
{
    Booking booking;
    QString guestName; // "Иванова Мария"
};

class BookingRepository
{
public:
    BookingRepository(QSqlDatabase db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}
    // Refuses a booking whose nights clash with another live booking of the room
    // ("booking.overlap"): first writer wins, nothing is written. Mutation booking.create.
    Status create(const Booking &booking);
    Status setStatus(const Id &bookingId, BookingStatus status); // mutation booking.set_status
    // The paid sum and the status it leads to (applyPayment), as one booking.set_status.
    Status setPaid(const Id &bookingId, Money prepaid, BookingStatus status);
    // Cancels with a reason (required: the funnel counts why). Mutation booking.set_status.
    Status cancel(const Id &bookingId, const QString &reason);
    // Another room and/or other nights, at a new total; refuses overlaps like create().
    // Mutation booking.move.
    Status move(const Id &bookingId, const Id &roomId, const Stay &stay, Money total);
    Result<QList<Booking>> forGuest(const Id &guestId) const; // newest stay first
    Result<Booking> byId(const Id &bookingId) const;
    Result<QList<Booking>> holdsOf(const Id &userId) const; // live holds this user created
    // Live bookings with a night in [from, to), with guest names: what the grid paints.
    Result<QList<BookingView>> inWindow(QDate from, QDate to) const;
    // Only what availability needs: the room and nights of each live booking in [from, to), and
    // of each out-of-service period. Feeds `sink(roomId, stay)`.
    Status busyNights(QDate from, QDate to, const std::function<void(const Id &, const Stay &)> &sink) const;

private:
    Status checkFree(const Id &roomId, const Stay &stay, const Id &except) const;

    QSqlDatabase m_db;
    const Clock &m_clock;
};

} // namespace kasp::storage
