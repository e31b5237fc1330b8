#include "kasp/storage/bookingrepository.h"

#include "kasp/core/mutation.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/sqlhelpers.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace kasp::storage {

namespace {

const QString kColumns =
    QStringLiteral("id, guest_id, room_id, check_in, check_out, adults, children, total, prepaid, "
                   "status, created_by, created_at, hold_until, cancel_reason");

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
    return b;
}

} // namespace

Status BookingRepository::create(const Booking &booking)
{
    if (auto valid = validateBooking(booking); !valid.ok())
        return valid;
    return applyMutation(
        m_db, Mutation{QStringLiteral("booking.create"), toJson(booking)}, m_clock.now(), [&]() -> Status {
            QSqlQuery q(m_db);
            // Inside the write transaction, so no other local writer can slip in between check and insert.
            if (auto s = sql::prepare(
                    q, QStringLiteral("SELECT id FROM bookings WHERE room_id = ? AND status <> 'cancelled' "
                                      "AND check_in < ? AND check_out > ? LIMIT 1"));
                !s.ok())
                return s;
            q.addBindValue(sql::fromId(booking.roomId));
            q.addBindValue(sql::fromDate(booking.stay.checkOut()));
            q.addBindValue(sql::fromDate(booking.stay.checkIn()));
            if (auto s = sql::exec(q, QStringLiteral("booking overlap")); !s.ok())
                return s;
            if (q.next()) {
                return Error{QStringLiteral("booking.overlap"),
                             QCoreApplication::translate("kasp::storage",
                                                         "The room is already booked for some of these "
                                                         "nights. Choose other dates or another room.")};
            }
            if (auto s = sql::prepare(
                    q, QStringLiteral("INSERT INTO bookings (%1) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                           .arg(kColumns));
                !s.ok())
                return s;
            for (const QVariant &v : QVariantList{
                     sql::fromId(booking.id), sql::fromId(booking.guestId), sql::fromId(booking.roomId),
                     sql::fromDate(booking.stay.checkIn()), sql::fromDate(booking.stay.checkOut()),
                     booking.adults, booking.children, booking.total.kopecks(), booking.prepaid.kopecks(),
                     bookingStatusKey(booking.status), sql::fromId(booking.createdBy),
                     sql::fromInstant(booking.createdAt.isValid() ? booking.createdAt : m_clock.now()),
                     sql::fromInstant(booking.holdUntil), sql::text(booking.cancelReason)})
                q.addBindValue(v);
            return sql::exec(q, QStringLiteral("booking create"));
        });
}

Status BookingRepository::setStatus(const Id &bookingId, BookingStatus status)
{
    const QJsonObject args{{QStringLiteral("id"), idToString(bookingId)},
                           {QStringLiteral("status"), bookingStatusKey(status)}};
    return applyMutation(
        m_db, Mutation{QStringLiteral("booking.set_status"), args}, m_clock.now(), [&]() -> Status {
            QSqlQuery q(m_db);
            if (auto s = sql::prepare(q, QStringLiteral("SELECT status FROM bookings WHERE id = ?")); !s.ok())
                return s;
            q.addBindValue(sql::fromId(bookingId));
            if (auto s = sql::exec(q, QStringLiteral("booking status")); !s.ok())
                return s;
            if (!q.next())
                return Error{QStringLiteral("booking.not_found"),
                             QStringLiteral("booking %1").arg(idToString(bookingId))};
            const auto from = bookingStatusFromKey(q.value(0).toString()).value_or(BookingStatus::Hold);
            if (!canChangeStatus(from, status)) {
                return Error{
                    QStringLiteral("booking.bad_transition"),
                    QCoreApplication::translate("kasp::storage", "A booking cannot go from %1 to %2.")
                        .arg(bookingStatusKey(from), bookingStatusKey(status))};
            }
            if (auto s = sql::prepare(q, QStringLiteral("UPDATE bookings SET status = ? WHERE id = ?"));
                !s.ok())
                return s;
            q.addBindValue(bookingStatusKey(status));
            q.addBindValue(sql::fromId(bookingId));
            return sql::exec(q, QStringLiteral("booking status"));
        });
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
    return out;
}

} // namespace kasp::storage
