#pragma once
// Online prepayment: a payment link from the provider for a booking's prepayment (or the rest),
// kept in payment_links, and watched: when the provider says the guest paid, the payment is
// recorded once (BookingService::recordPayment, method online, the provider's id as reference),
// which makes the booking prepaid and lets the voucher go out. Everything is asynchronous; the
// Sales Window never waits on the provider.
#include "kasp/booking/bookingservice.h"
#include "kasp/payments/paymentprovider.h"
#include <QObject>
#include <QSet>

namespace kasp::booking {

class PaymentLinks : public QObject
{
    Q_OBJECT
public:
    PaymentLinks(BookingService &booking, payments::PaymentProvider &provider, QString returnUrl,
                 QObject *parent = nullptr);

    // Checked first as a payment (the prepayment minimum, never above what is due), then asked of
    // the provider: linkReady or failed.
    void requestLink(const Id &bookingId, Money amount);
    // Asks again about links not answered yet (same idempotence key: never a second payment) and
    // about links the guest may have paid; each answer is handled once.
    void poll();
    int inFlight() const { return int(m_inFlight.size()); }

signals:
    void linkReady(const kasp::Id &bookingId, const QString &url, kasp::Money amount);
    void failed(const kasp::Id &bookingId, const QString &message);
    void paid(const kasp::Id &bookingId, kasp::Money amount);

private:
    void ask(const QString &key, const Id &bookingId, Money amount);
    void check(const QString &key, const QString &providerId, const Id &bookingId, Money amount);
    void settle(const QString &key, const Id &bookingId, Money amount,
                const payments::ProviderPayment &payment);

    BookingService &m_booking;
    payments::PaymentProvider &m_provider;
    QString m_returnUrl;
    QSet<QString> m_inFlight; // keys with a call under way: a poll does not ask twice
};

} // namespace kasp::booking
