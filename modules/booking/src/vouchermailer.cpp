#include "kasp/booking/vouchermailer.h"

#include "kasp/storage/bookingrepository.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/storage/roomrepository.h"
#include "kasp/storage/touchrepository.h"

#include <QCoreApplication>
#include <QLocale>

namespace kasp::booking {

namespace {

QString tr(const char *text)
{
    // Called from VoucherMailer's members only: lupdate files these strings under the class.
    return QCoreApplication::translate("kasp::booking::VoucherMailer", text);
}

} // namespace

VoucherMailer::VoucherMailer(QSqlDatabase db, const Clock &clock, Id userId, SanatoriumInfo info)
    : m_db(std::move(db)), m_clock(clock), m_userId(std::move(userId)), m_info(std::move(info))
{
}

Result<documents::VoucherData> VoucherMailer::voucher(const Id &bookingId) const
{
    auto booking = storage::BookingRepository(m_db, m_clock).byId(bookingId);
    if (!booking.ok())
        return booking.error();
    auto guest = storage::GuestRepository(m_db, m_clock).byId(booking.value().guestId);
    if (!guest.ok())
        return guest.error();
    if (!guest.value())
        return Error{QStringLiteral("guest.not_found"), tr("The guest's card no longer exists.")};
    storage::RoomRepository rooms(m_db, m_clock);
    auto allRooms = rooms.rooms();
    auto categories = rooms.categories();
    auto buildings = rooms.buildings();
    if (!allRooms.ok() || !categories.ok() || !buildings.ok())
        return !allRooms.ok() ? allRooms.error() : !categories.ok() ? categories.error() : buildings.error();

    documents::VoucherData v;
    v.sanatorium = m_info.name;
    v.contacts = m_info.contacts;
    v.logo = m_info.logo;
    v.number = bookingNumber(bookingId);
    v.guestName = guest.value()->displayName();
    v.booking = booking.value();
    v.issuedAt = m_clock.now();
    for (const Room &r : allRooms.value())
        if (r.id == booking.value().roomId) {
            v.room = r.number;
            for (const RoomCategory &c : categories.value())
                if (c.id == r.categoryId)
                    v.category = c.name;
            for (const Building &b : buildings.value())
                if (b.id == r.buildingId)
                    v.building = b.name;
        }
    return v;
}

Result<mail::MailMessage> VoucherMailer::message(const Id &bookingId) const
{
    auto v = voucher(bookingId);
    if (!v.ok())
        return v.error();
    const Booking &b = v.value().booking;
    if (b.prepaid <= Money() || !occupiesRoom(b.status))
        return Error{QStringLiteral("voucher.not_prepaid"),
                     tr("The voucher is sent once the prepayment is in.")};
    auto guest = storage::GuestRepository(m_db, m_clock).byId(b.guestId);
    mail::MailMessage m;
    m.fromAddress = m_info.salesAddress;
    m.fromName = m_info.name;
    m.date = m_clock.now(); // composed right before each attempt to send it
    if (guest.ok() && guest.value())
        m.to = guest.value()->emails;
    const QLocale ru(QLocale::Russian);
    m.subject =
        tr("Voucher No. %1: %2, %3 – %4")
            .arg(v.value().number, m_info.name, ru.toString(b.stay.checkIn(), QStringLiteral("d MMMM")),
                 ru.toString(b.stay.checkOut(), QStringLiteral("d MMMM yyyy")));
    // Addressed by first name and patronymic, as Russian letters are («Юлия Эдуардовна»); the full
    // name only when the card has no first name.
    QString addressee = v.value().guestName;
    if (guest.ok() && guest.value() && !guest.value()->firstName.trimmed().isEmpty())
        addressee =
            (guest.value()->firstName.trimmed() + QLatin1Char(' ') + guest.value()->middleName.trimmed())
                .trimmed();
    m.text =
        tr("Dear %1,\n\nthank you for the prepayment. Your voucher is attached: room %2 (%3) from %4 to %5.\n"
           "Paid %6, due on arrival %7.\n\nWe look forward to seeing you!\n%8\n%9")
            .arg(addressee, v.value().room, v.value().category,
                 ru.toString(b.stay.checkIn(), QStringLiteral("d MMMM yyyy")),
                 ru.toString(b.stay.checkOut(), QStringLiteral("d MMMM yyyy")), b.prepaid.toString(),
                 (b.total - b.prepaid).toString(), m_info.name, m_info.contacts);
    const QByteArray pdf = documents::voucherPdf(v.value());
    if (pdf.isEmpty())
        return Error{QStringLiteral("voucher.pdf_failed"), tr("The voucher's PDF could not be made.")};
    m.attachments.append(
        mail::Attachment{tr("Voucher %1.pdf").arg(v.value().number), QStringLiteral("application/pdf"), pdf});
    return m;
}

Status VoucherMailer::send(const Id &bookingId, const mail::SmtpServer &server)
{
    auto m = message(bookingId);
    if (!m.ok())
        return m.error();
    if (auto s = mail::sendMail(server, m.value()); !s.ok())
        return s;
    return recordSent(bookingId, m.value());
}

Status VoucherMailer::recordSent(const Id &bookingId, const mail::MailMessage &message)
{
    Touch touch;
    touch.id = newId();
    auto b = storage::BookingRepository(m_db, m_clock).byId(bookingId);
    touch.guestId = b.ok() ? b.value().guestId : Id();
    touch.userId = m_userId;
    touch.kind = TouchKind::Email;
    touch.at = m_clock.now();
    touch.result = tr("voucher sent");
    touch.note = tr("%1 to %2").arg(message.subject, message.to.join(QStringLiteral(", ")));
    return storage::TouchRepository(m_db, m_clock).add(touch);
}

} // namespace kasp::booking
