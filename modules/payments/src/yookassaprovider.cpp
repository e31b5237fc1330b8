#include "kasp/payments/yookassaprovider.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

namespace kasp::payments {

namespace {

std::optional<ProviderPayment::State> stateFromKey(const QString &key)
{
    if (key == QLatin1String("pending"))
        return ProviderPayment::State::Pending;
    if (key == QLatin1String("waiting_for_capture"))
        return ProviderPayment::State::WaitingForCapture;
    if (key == QLatin1String("succeeded"))
        return ProviderPayment::State::Succeeded;
    if (key == QLatin1String("canceled"))
        return ProviderPayment::State::Canceled;
    return std::nullopt;
}

std::optional<Money> moneyFromText(const QString &text)
{
    // "12040.50": rubles and two decimals, as the API writes them.
    const QStringList parts = text.split(QLatin1Char('.'));
    bool okRub = false, okKop = true;
    const qint64 rubles = parts.value(0).toLongLong(&okRub);
    qint64 kopecks = 0;
    if (parts.size() == 2) {
        const QString k = parts[1].leftJustified(2, QLatin1Char('0'));
        kopecks = k.size() == 2 ? k.toLongLong(&okKop) : -1;
    }
    if (!okRub || !okKop || parts.size() > 2 || kopecks < 0 || rubles < 0)
        return std::nullopt;
    return Money::fromKopecks(rubles * 100 + kopecks);
}

} // namespace

YooKassaProvider::YooKassaProvider(YooKassaAccount account) : m_account(std::move(account)) {}

QString YooKassaProvider::amountText(Money amount)
{
    return QStringLiteral("%1.%2")
        .arg(amount.kopecks() / 100)
        .arg(amount.kopecks() % 100, 2, 10, QLatin1Char('0'));
}

Result<ProviderPayment> YooKassaProvider::parsePayment(int httpStatus, const QByteArray &body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    if (httpStatus == 401)
        return Error{
            QStringLiteral("payment.provider_auth"),
            QCoreApplication::translate(
                "kasp::payments::YooKassaProvider",
                "The payment service refused the shop's credentials: check the shop id and the secret key.")};
    if (httpStatus >= 400 && httpStatus < 500)
        return Error{QStringLiteral("payment.provider_refused"),
                     QCoreApplication::translate("kasp::payments::YooKassaProvider",
                                                 "The payment service refused the payment: %1")
                         .arg(o.value(QStringLiteral("description")).toString(QString::number(httpStatus)))};
    if (httpStatus == 0 || httpStatus >= 500)
        return Error{
            QStringLiteral("payment.provider_unavailable"),
            QCoreApplication::translate("kasp::payments::YooKassaProvider",
                                        "The payment service does not answer; try again in a minute.")};
    ProviderPayment p;
    p.id = o.value(QStringLiteral("id")).toString();
    const auto state = stateFromKey(o.value(QStringLiteral("status")).toString());
    const auto amount =
        moneyFromText(o.value(QStringLiteral("amount")).toObject().value(QStringLiteral("value")).toString());
    if (p.id.isEmpty() || !state || !amount)
        return Error{QStringLiteral("payment.provider_reply"),
                     QCoreApplication::translate("kasp::payments::YooKassaProvider",
                                                 "The payment service answered something unexpected.")};
    p.state = *state;
    p.amount = *amount;
    p.confirmationUrl = o.value(QStringLiteral("confirmation"))
                            .toObject()
                            .value(QStringLiteral("confirmation_url"))
                            .toString();
    p.cancellationReason =
        o.value(QStringLiteral("cancellation_details")).toObject().value(QStringLiteral("reason")).toString();
    return p;
}

void YooKassaProvider::send(QNetworkRequest request, const QByteArray &body, bool post, Done done)
{
    const QByteArray credentials =
        (m_account.shopId + QLatin1Char(':') + m_account.secretKey).toUtf8().toBase64();
    request.setRawHeader("Authorization", "Basic " + credentials);
    request.setTransferTimeout(m_account.timeoutMs);
    QNetworkReply *reply = post ? m_network.post(request, body) : m_network.get(request);
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        done(parsePayment(status, reply->readAll()));
    });
}

void YooKassaProvider::createPayment(const PaymentRequest &r, Done done)
{
    QUrl url = m_account.baseUrl;
    url.setPath(QStringLiteral("/v3/payments"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("Idempotence-Key", r.idempotenceKey.toUtf8());
    const QJsonObject body{
        {QStringLiteral("amount"), QJsonObject{{QStringLiteral("value"), amountText(r.amount)},
                                               {QStringLiteral("currency"), QStringLiteral("RUB")}}},
        {QStringLiteral("capture"), true},
        {QStringLiteral("confirmation"), QJsonObject{{QStringLiteral("type"), QStringLiteral("redirect")},
                                                     {QStringLiteral("return_url"), r.returnUrl}}},
        {QStringLiteral("description"), r.description.left(128)}, // the API's limit
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("booking_id"), idToString(r.bookingId)}}}};
    send(request, QJsonDocument(body).toJson(QJsonDocument::Compact), true, std::move(done));
}

void YooKassaProvider::fetchPayment(const QString &paymentId, Done done)
{
    QUrl url = m_account.baseUrl;
    url.setPath(QStringLiteral("/v3/payments/") + QString::fromLatin1(QUrl::toPercentEncoding(paymentId)));
    send(QNetworkRequest(url), {}, false, std::move(done));
}

} // namespace kasp::payments
