#pragma once
// The voucher from the Sales Window: e-mailed to the guest (made here, delivered on a worker
// thread so a slow mail server never freezes the window) or saved as a PDF; and the form for the
// mail server it goes through.
#include "kasp/booking/vouchermailer.h"
#include "kasp/mail/smtpsender.h"
#include <optional>
#include <QList>
#include <QObject>

class QWidget;

namespace kasp::booking {
class BookingService;
}
namespace kasp::session {
class Settings;
}
namespace kasp::credentials {
class CredentialStore;
}

namespace kasp::app {

class VoucherActions : public QObject
{
    Q_OBJECT
public:
    VoucherActions(booking::BookingService &booking, session::Settings &settings, QWidget *window);

    void handle(const kasp::Id &bookingId, bool email);
    void editMailSettings();
    // Hold time and prepayment percent (this desktop's settings, applied at once).
    void editBookingRules(); // read-only unless setChangesBookingRules(true)
    // Whether the signed-in user sets the department's booking rules (the head of sales).
    void setChangesBookingRules(bool changes) { m_changesBookingRules = changes; }
    bool busy() const { return m_sending > 0; }

signals:
    void message(const QString &text);
    void sent(const kasp::Id &bookingId); // the e-mail touch is recorded

private:
    booking::VoucherMailer mailer() const;
    // Hands the message to a worker thread; the touch is written back here when it went out.
    void deliver(const kasp::Id &bookingId, const mail::MailMessage &message, const mail::SmtpServer &server);

    struct Waiting
    {
        kasp::Id bookingId;
        mail::MailMessage message;
        mail::SmtpServer server;
    };

    booking::BookingService &m_booking;
    session::Settings &m_settings;
    bool m_changesBookingRules = false;
    QWidget *m_window;
    int m_sending = 0;
    // The mailbox's password, read from the keychain at the first voucher that needs it and kept
    // for the session; vouchers wait for the read in m_waiting.
    credentials::CredentialStore *m_keychain;
    std::optional<QString> m_password;
    bool m_reading = false; // a keychain read is under way (its failure empties m_waiting)
    QList<Waiting> m_waiting;
};

} // namespace kasp::app
