#pragma once
// The voucher from the Sales Window: e-mailed to the guest (made here, delivered on a worker
// thread so a slow mail server never freezes the window) or saved as a PDF; and the form for the
// mail server it goes through.
#include "kasp/booking/vouchermailer.h"
#include "kasp/booking/voucherqueue.h"
#include "kasp/mail/smtpsender.h"
#include "kasp/session/settings.h"
#include <optional>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

class QWidget;

namespace kasp::booking {
class BookingService;
}
namespace kasp::credentials {
class CredentialStore;
}

namespace kasp::app {

class AppContext;

class VoucherActions : public QObject
{
    Q_OBJECT
public:
    // The signed-in user's context: their booking service, settings, database and clock.
    VoucherActions(const AppContext &context, QWidget *window);

    // email: queued on this desk and sent now; a voucher the server does not take is tried again
    // (booking::VoucherQueue) until it goes, and at once when the mail settings change.
    void handle(const kasp::Id &bookingId, bool email);
    // Tries the queued vouchers whose time has come (every few seconds by itself).
    void retryDue();
    void setRetryCheckInterval(int ms) { m_retry.setInterval(ms); }
    void editMailSettings(); // read-only for a role that sends no vouchers (the director)
    // The desk's mail server and the mailbox's password (kept in the keychain; empty: unchanged).
    // "auth.read_only" for a role that sends no vouchers: nothing is changed.
    Status saveMailSettings(const session::Settings::Mail &mail, const QString &password);
    // Hold time and prepayment percent (this desktop's settings, applied at once).
    void editBookingRules(); // read-only unless setChangesBookingRules(true)
    // Whether the signed-in user sets the department's booking rules (the head of sales).
    void setChangesBookingRules(bool changes) { m_changesBookingRules = changes; }
    bool busy() const { return m_sending > 0; }

signals:
    void message(const QString &text);
    void sent(const kasp::Id &bookingId);                           // the e-mail touch is recorded
    void notSent(const kasp::Id &bookingId, const QString &reason); // queued, in the user's words

private:
    booking::VoucherMailer mailer() const;
    booking::VoucherQueue queue() const;
    // One attempt for a queued voucher: built from the base as it is now, then delivered.
    void attempt(const kasp::Id &bookingId);
    void failed(const kasp::Id &bookingId, const kasp::Error &error);
    // Hands the message to a worker thread; the touch is written back here when it went out.
    void deliver(const kasp::Id &bookingId, const mail::MailMessage &message, const mail::SmtpServer &server);

    struct Waiting
    {
        kasp::Id bookingId;
        mail::MailMessage message;
        mail::SmtpServer server;
    };

    const AppContext &m_context;
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
    QSet<kasp::Id> m_inFlight; // being delivered or waiting for the keychain
    QTimer m_retry;
};

} // namespace kasp::app
