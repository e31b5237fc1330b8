#pragma once
// The voucher from the Sales Window: e-mailed to the guest (made here, delivered on a worker
// thread so a slow mail server never freezes the window) or saved as a PDF; and the form for the
// mail server it goes through.
#include "kasp/booking/vouchermailer.h"
#include <QObject>

class QWidget;

namespace kasp::booking {
class BookingService;
}
namespace kasp::session {
class Settings;
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
    void editBookingRules();
    bool busy() const { return m_sending > 0; }

signals:
    void message(const QString &text);
    void sent(const kasp::Id &bookingId); // the e-mail touch is recorded

private:
    booking::VoucherMailer mailer() const;

    booking::BookingService &m_booking;
    session::Settings &m_settings;
    QWidget *m_window;
    int m_sending = 0;
};

} // namespace kasp::app
