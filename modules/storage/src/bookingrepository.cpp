#include "kasp/storage/bookingrepository.h"

#include "kasp/core/mutation.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/recordwriter.h"
#include "kasp/storage/sqlhelpers.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace kasp::storage {

namespace {

const QString kColumns =
    QStringLiteral("id, guest_id, room_id, check_in, check_out, adults, children, total, prepaid, "
                   "status, created_by, created_at, hold_until, cancel_reason, meals, treatment");

Booking readBooking(const QSqlQuery &q)
{
    Booking b;
    b.id = sql::toId(q.value(0));
    b.guestId = sql::toId(q.value(1));
    b.roomId = sql::toId(q.value(2));
    if (auto stay = Stay::make(sql::toDate(q.value(3)), sql::toDate(q.value(4))); stay.ok())
        b.stay = stay.value();
    b.adults = q.value(5).toInt();
    b.children = q.value(6).toInt();
    b.total = Money::fromKopecks(q.value(7).toLongLong());
    b.prepaid = Money::fromKopecks(q.value(8).toLongLong());
    b.status = bookingStatusFromKey(q.value(9).toString()).value_or(BookingStatus::Hold);
    b.createdBy = sql::toId(q.value(10));
    b.createdAt = sql::toInstant(q.value(11));
    b.holdUntil = sql::toInstant(q.value(12));
    b.cancelReason = q.value(13).toString();
    b.meals = mealPlanFromKey(q.value(14).toString()).value_or(MealPlan::FullBoard);
    b.treatment = treatmentProfileFromKey(q.value(15).toString()).value_or(TreatmentProfile::General);
    return b;
}

} // namespace

Status BookingRepository::create(const Booking &booking)
{
    if (auto valid = validateBooking(booking); !valid.ok())
        return valid;
    Booking b = booking;
    if (!b.createdAt.isValid())
        b.createdAt = m_clock.now();
    // One transaction, so no other local writer can slip in between the check and the write.
    sql::WriteTransaction tx(m_db);
    if (auto s = tx.begin(); !s.ok())
        return s;
    if (auto s = checkFree(b.roomId, b.stay, Id()); !s.ok())
        return s;
    if (auto s = write(m_db, Mutation{QStringLiteral("booking.create"), toJson(b)}, m_clock.now()); !s.ok())
        return s;
    return tx.commit();
}

Status BookingRepository::checkFree(const Id &roomId, const Stay &stay, const Id &except) const
{
    QSqlQuery q(m_db);
    if (auto s = sql::prepare(
            q, QStringLiteral("SELECT id FROM bookings WHERE room_id = ? AND status <> 'cancelled' "
                              "AND check_in < ? AND check_out > ? AND id <> ? LIMIT 1"));
        !s.ok())
        return s;
    q.addBindValue(sql::fromId(roomId));
    q.addBindValue(sql::fromDate(stay.checkOut()));
    q.addBindValue(sql::fromDate(stay.checkIn()));
    q.addBindValue(sql::text(idToString(except)));
    if (auto s = sql::exec(q, QStringLiteral("booking overlap")); !s.ok())
        return s;
    if (q.next())
        return Error{QStringLiteral("booking.overlap"),
                     QCoreApplication::translate("kasp::storage",
                                                 "The room is already booked for some of these "
                                                 "nights. Choose other dates or another room.")};
    QSqlQuery closed(m_db);
    if (auto s = sql::prepare(closed, QStringLiteral("SELECT reason FROM room_closures WHERE room_id = ? "
                                                     "AND first_night < ? AND end_night > ? LIMIT 1"));
        !s.ok())
        return s;
    closed.addBindValue(sql::fromId(roomId));
    closed.addBindValue(sql::fromDate(stay.checkOut()));
    closed.addBindValue(sql::fromDate(stay.checkIn()));
    if (auto s = sql::exec(closed, QStringLiteral("room closure")); !s.ok())
        return s;
    if (closed.next())
        return Error{QStringLiteral("booking.room_closed"),
                     QCoreApplication::translate("kasp::storage",
                                                 "The room is out of service on some of these "
                                                 "nights (%1). Choose another room.")
                         .arg(closed.value(0).toString())};
    return {};
}

Status BookingRepository::setPaid(const Id &bookingId, Money prepaid, BookingStatus status)
{
    const QJsonObject args{{QStringLiteral("id"), idToString(bookingId)},
                           {QStringLiteral("status"), bookingStatusKey(status)},
                           {QStringLiteral("prepaid"), prepaid.kopecks()}};
    return write(m_db, Mutation{QStringLiteral("booking.set_status"), args}, m_clock.now());
}

Status BookingRepository::cancel(const Id &bookingId, const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return Error{QStringLiteral("booking.no_cancel_reason"),
                     QCoreApplication::translate("kasp::storage", "Say why the booking is cancelled.")};
    const QJsonObject args{{QStringLiteral("id"), idToString(bookingId)},
                           {QStringLiteral("status"), bookingStatusKey(BookingStatus::Cancelled)},
                           {QStringLiteral("cancelReason"), reason.trimmed()}};
    return write(m_db, Mutation{QStringLiteral("booking.set_status"), args}, m_clock.now());
}

Status BookingRepository::move(const Id &bookingId, const Id &roomId, const Stay &stay, Money total)
{
    if (!stay.isValid())
        return Error{QStringLiteral("booking.bad_stay"),
                     QCoreApplication::translate("kasp::storage", "Check-out must come after check-in.")};
    const QJsonObject args{{QStringLiteral("id"), idToString(bookingId)},
                           {QStringLiteral("roomId"), idToString(roomId)},
                           {QStringLiteral("checkIn"), stay.checkIn().toString(Qt::ISODate)},
                           {QStringLiteral("checkOut"), stay.checkOut().toString(Qt::ISODate)},
                           {QStringLiteral("total"), total.kopecks()}};
    // The status rules are the write path's (a cancelled booking is not moved); the nights free
    // here are this desk's own check before the server's.
    sql::WriteTransaction tx(m_db);
    if (auto s = tx.begin(); !s.ok())
        return s;
    if (auto s = checkFree(roomId, stay, bookingId); !s.ok())
        return s;
    if (auto s = write(m_db, Mutation{QStringLiteral("booking.move"), args}, m_clock.now()); !s.ok())
        return s;
    return tx.commit();
}

Result<Booking> BookingRepository::byId(const Id &bookingId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(q, QStringLiteral("SELECT %1 FROM bookings WHERE id = ?").arg(kColumns));
        !s.ok())
        return s.error();
    q.addBindValue(sql::fromId(bookingId));
    if (auto s = sql::exec(q, QStringLiteral("booking")); !s.ok())
        return s.error();
    if (!q.next())
        return Error{QStringLiteral("booking.not_found"),
                     QCoreApplication::translate("kasp::storage", "The booking no longer exists.")};
    return readBooking(q);
}

Result<QList<Booking>> BookingRepository::holdsOf(const Id &userId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(
            q,
            QStringLiteral("SELECT %1 FROM bookings WHERE status = 'hold' AND created_by = ?").arg(kColumns));
        !s.ok())
        return s.error();
    q.addBindValue(sql::fromId(userId));
    if (auto s = sql::exec(q, QStringLiteral("holds")); !s.ok())
        return s.error();
    QList<Booking> out;
    while (q.next())
        out.append(readBooking(q));
    if (auto s = sql::fetched(q, QStringLiteral("bookings")); !s.ok())
        return s.error();
    return out;
}

Result<QList<BookingView>> BookingRepository::inWindow(QDate from, QDate to) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // check_out > from is the selective side for a window near today (the index bookings_check_out);
    // check_in < to trims the future.
    if (auto s = sql::prepare(
            q,
            QStringLiteral("SELECT %1, g.last_name, g.first_name FROM bookings b "
                           "LEFT JOIN guests g ON g.id = b.guest_id "
                           "WHERE b.check_out > ? AND b.check_in < ? AND b.status <> 'cancelled'")
                .arg(QStringLiteral("b.id, b.guest_id, b.room_id, b.check_in, b.check_out, b.adults, "
                                    "b.children, b.total, b.prepaid, b.status, b.created_by, b.created_at, "
                                    "b.hold_until, b.cancel_reason, b.meals, b.treatment")));
        !s.ok())
        return s.error();
    q.addBindValue(sql::fromDate(from));
    q.addBindValue(sql::fromDate(to));
    if (auto s = sql::exec(q, QStringLiteral("bookings in window")); !s.ok())
        return s.error();
    QList<BookingView> out;
    while (q.next()) {
        BookingView v{readBooking(q), {}};
        v.guestName = QStringLiteral("%1 %2").arg(q.value(16).toString(), q.value(17).toString()).trimmed();
        out.append(std::move(v));
    }
    if (auto s = sql::fetched(q, QStringLiteral("bookings")); !s.ok())
        return s.error();
    return out;
}

Status BookingRepository::busyNights(QDate from, QDate to,
                                     const std::function<void(const Id &, const Stay &)> &sink) const
{
    for (const QString &sqlText :
         {QStringLiteral("SELECT room_id, check_in, check_out FROM bookings "
                         "WHERE check_out > ? AND check_in < ? AND status <> 'cancelled'"),
          QStringLiteral("SELECT room_id, first_night, end_night FROM room_closures "
                         "WHERE end_night > ? AND first_night < ?")}) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (auto s = sql::prepare(q, sqlText); !s.ok())
            return s;
        q.addBindValue(sql::fromDate(from));
        q.addBindValue(sql::fromDate(to));
        if (auto s = sql::exec(q, QStringLiteral("busy nights")); !s.ok())
            return s;
        while (q.next()) {
            auto stay = Stay::make(sql::toDate(q.value(1)), sql::toDate(q.value(2)));
            if (stay.ok())
                sink(sql::toId(q.value(0)), stay.value());
        }
        if (auto s = sql::fetched(q, QStringLiteral("bookings")); !s.ok())
            return s.error();
    }
    return {};
}

Status BookingRepository::setStatus(const Id &bookingId, BookingStatus status)
{
    const QJsonObject args{{QStringLiteral("id"), idToString(bookingId)},
                           {QStringLiteral("status"), bookingStatusKey(status)}};
    return write(m_db, Mutation{QStringLiteral("booking.set_status"), args}, m_clock.now());
}

Result<QList<Booking>> BookingRepository::forGuest(const Id &guestId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(
            q, QStringLiteral("SELECT %1 FROM bookings WHERE guest_id = ? ORDER BY check_in DESC")
                   .arg(kColumns));
        !s.ok())
        return s.error();
    q.addBindValue(sql::fromId(guestId));
    if (auto s = sql::exec(q, QStringLiteral("bookings of guest")); !s.ok())
        return s.error();
    QList<Booking> out;
    while (q.next())
        out.append(readBooking(q));
    if (auto s = sql::fetched(q, QStringLiteral("bookings")); !s.ok())
        return s.error();
    return out;
}

} // namespace kasp::storage
