#pragma once
// The voucher of a booking: made as a PDF from what the base knows (guest, room, dates, programme,
// paid and due), and e-mailed to the guest over SMTP; a sent voucher is an e-mail touch on the
// guest's timeline. send() blocks on the network: call it off the GUI thread.
#include "kasp/core/clock.h"
#include "kasp/documents/voucher.h"
#include "kasp/mail/smtpsender.h"
#include <QSqlDatabase>

namespace kasp::booking {

struct SanatoriumInfo
{
    QString name; // "Санаторий «Родник»"
    QString contacts; // "Кисловодск, ул. Курортная, 1 · +7 879 000-00-00 · sales@rodnik.example"
    QString salesAddress; // the From: address
    QImage logo;
};

class VoucherMailer
{
public:
    VoucherMailer(QSqlDatabase db, const Clock &clock, Id userId, SanatoriumInfo info);

    Result<documents::VoucherData> voucher(const Id &bookingId) const;
    // Vouchers go out once the prepayment is in ("voucher.not_prepaid" before).
    Result<mail::MailMessage> message(const Id &bookingId) const;
    // Sends, then records the e-mail touch. Uses its own database connection when called from a
    // worker thread: pass the connection that thread may use.
    Status send(const Id &bookingId, const mail::SmtpServer &server);
    // For senders that deliver on another thread: the e-mail touch once the server took it.
    Status recordSent(const Id &bookingId, const mail::MailMessage &message);

private:
    QSqlDatabase m_db;
    const Clock &m_clock;
    Id m_userId;
    SanatoriumInfo m_info;
};

} // namespace kasp::booking
