#pragma once
// Online prepayment from the Sales Window: the booking menu's "payment link" asks the provider
// (YooKassa) for a link, copies it for the consultant to send (messenger, SMS, e-mail), and a
// minute timer watches open links; a paid one is recorded by itself and the voucher goes out.
// The shop's secret key is read from the keychain once configured (Tools → Online payment…).
#include "kasp/core/id.h"
#include "kasp/core/money.h"
#include <memory>
#include <QObject>
#include <QSet>

class QTimer;
class QWidget;

namespace kasp::booking {
class BookingService;
class PaymentLinks;
} // namespace kasp::booking
namespace kasp::credentials {
class CredentialStore;
}
namespace kasp::payments {
class PaymentProvider;
}
namespace kasp::session {
class Settings;
}

namespace kasp::app {

class AppContext;

class PaymentLinkActions : public QObject
{
    Q_OBJECT
public:
    // The signed-in user's context: their booking service, settings, database and clock.
    PaymentLinkActions(const AppContext &context, QWidget *window);
    ~PaymentLinkActions() override;

    // Reads the secret from the keychain and starts watching links (when a shop is configured).
    void start();
    bool ready() const { return m_links != nullptr; }
    booking::PaymentLinks *links() const { return m_links.get(); }
    void editSettings();

public slots:
    void requestLink(const kasp::Id &bookingId);

signals:
    void message(const QString &text);
    void paid(const kasp::Id &bookingId); // recorded: the voucher may go out
    void linkReady(const QString &url);   // also copied to the clipboard

private:
    void connectProvider(const QString &secret);

    const AppContext &m_context;
    booking::BookingService &m_booking;
    session::Settings &m_settings;
    QWidget *m_window;
    credentials::CredentialStore *m_keychain;
    QTimer *m_poll;
    std::unique_ptr<payments::PaymentProvider> m_provider;
    std::unique_ptr<booking::PaymentLinks> m_links;
    QSet<Id> m_asked; // bookings whose link a person is waiting for
    bool m_restartAfterWrite = false;
};

} // namespace kasp::app
