#pragma once
// YooKassa's payments API (https://yookassa.ru/developers/api): POST /v3/payments with HTTP Basic
// auth (shop id : secret key) and an Idempotence-Key header, amounts as decimal strings in RUB,
// a redirect confirmation whose confirmation_url goes to the guest; GET /v3/payments/{id} for the
// state (pending, waiting_for_capture, succeeded, canceled). The base URL is configurable so tests
// run against a local server that implements the same API.
#include "kasp/payments/paymentprovider.h"
#include <QNetworkAccessManager>
#include <QUrl>

namespace kasp::payments {

struct YooKassaAccount
{
    QUrl baseUrl = QUrl(QStringLiteral("https://api.yookassa.ru"));
    QString shopId;
    QString secretKey;
    int timeoutMs = 20'000;
};

class YooKassaProvider : public PaymentProvider
{
public:
    explicit YooKassaProvider(YooKassaAccount account);
    void createPayment(const PaymentRequest &request, Done done) override;
    void fetchPayment(const QString &paymentId, Done done) override;

    // Errors: "payment.provider_auth" (401), "payment.provider_refused" (4xx with the provider's
    // description), "payment.provider_unavailable" (no answer, 5xx), "payment.provider_reply"
    // (an answer that is not a payment).
    static Result<ProviderPayment> parsePayment(int httpStatus, const QByteArray &body);
    static QString amountText(Money amount); // 12040.5 RUB -> "12040.50"

private:
    void send(QNetworkRequest request, const QByteArray &body, bool post, Done done);

    YooKassaAccount m_account;
    QNetworkAccessManager m_network;
};

} // namespace kasp::payments
