#pragma once
// A local stand-in for YooKassa (a paid outside service), speaking the parts of its published v3
// payments API the client uses: Basic auth (shop 506751, secret "test_secret"), Idempotence-Key
// (the same key returns the same payment), amounts as "12040.00" RUB, a redirect confirmation, and
// the states a guest's actions lead to. Header-only, for the tests that link Qt6::HttpServer.
#include <QHash>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUuid>

namespace kasp::test {

// The local stand-in for the paid service, speaking its published API.
class YooKassaStandIn
{
public:
    YooKassaStandIn()
    {
        m_server.route(QStringLiteral("/v3/payments"), QHttpServerRequest::Method::Post,
                       [this](const QHttpServerRequest &r) { return create(r); });
        m_server.route(QStringLiteral("/v3/payments/<arg>"), QHttpServerRequest::Method::Get,
                       [this](const QString &id, const QHttpServerRequest &r) { return get(id, r); });
        port = m_server.listen(QHostAddress::LocalHost, 0);
    }
    void guestPays(const QString &id)
    {
        m_payments[id].insert(QStringLiteral("status"), QStringLiteral("succeeded"));
        m_payments[id].insert(QStringLiteral("paid"), true);
    }
    void guestCancels(const QString &id)
    {
        m_payments[id].insert(QStringLiteral("status"), QStringLiteral("canceled"));
        m_payments[id].insert(
            QStringLiteral("cancellation_details"),
            QJsonObject{{QStringLiteral("party"), QStringLiteral("yoo_money")},
                        {QStringLiteral("reason"), QStringLiteral("expired_on_confirmation")}});
    }
    QStringList ids() const { return m_payments.keys(); }
    int created() const { return int(m_payments.size()); }
    QJsonObject lastBody;
    quint16 port = 0;

private:
    static QHttpServerResponse error(QHttpServerResponse::StatusCode code, const char *type, const char *text)
    {
        return QHttpServerResponse(QJsonObject{{QStringLiteral("type"), QStringLiteral("error")},
                                               {QStringLiteral("code"), QLatin1String(type)},
                                               {QStringLiteral("description"), QLatin1String(text)}},
                                   code);
    }
    bool authorised(const QHttpServerRequest &r) const
    {
        return r.value("Authorization") == "Basic " + QByteArray("506751:test_secret").toBase64();
    }
    QHttpServerResponse create(const QHttpServerRequest &r)
    {
        if (!authorised(r))
            return error(QHttpServerResponse::StatusCode::Unauthorized, "invalid_credentials", "Login fails");
        const QByteArray key = r.value("Idempotence-Key");
        if (key.isEmpty())
            return error(QHttpServerResponse::StatusCode::BadRequest, "invalid_request",
                         "Idempotence key not specified");
        if (m_byKey.contains(key))
            return QHttpServerResponse(m_payments.value(m_byKey.value(key)));
        const QJsonObject body = QJsonDocument::fromJson(r.body()).object();
        lastBody = body;
        const QJsonObject amount = body.value(QStringLiteral("amount")).toObject();
        static const QRegularExpression money(QStringLiteral("^\\d+\\.\\d{2}$"));
        if (!money.match(amount.value(QStringLiteral("value")).toString()).hasMatch() ||
            amount.value(QStringLiteral("currency")).toString() != QLatin1String("RUB"))
            return error(QHttpServerResponse::StatusCode::BadRequest, "invalid_request", "Invalid amount");
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QJsonObject payment{
            {QStringLiteral("id"), id},
            {QStringLiteral("status"), QStringLiteral("pending")},
            {QStringLiteral("paid"), false},
            {QStringLiteral("amount"), amount},
            {QStringLiteral("confirmation"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("redirect")},
                         {QStringLiteral("confirmation_url"),
                          QStringLiteral("http://127.0.0.1:%1/pay/%2").arg(port).arg(id)}}},
            {QStringLiteral("description"), body.value(QStringLiteral("description"))},
            {QStringLiteral("metadata"), body.value(QStringLiteral("metadata"))}};
        m_payments.insert(id, payment);
        m_byKey.insert(key, id);
        return QHttpServerResponse(payment);
    }
    QHttpServerResponse get(const QString &id, const QHttpServerRequest &r)
    {
        if (!authorised(r))
            return error(QHttpServerResponse::StatusCode::Unauthorized, "invalid_credentials", "Login fails");
        if (!m_payments.contains(id))
            return error(QHttpServerResponse::StatusCode::NotFound, "not_found", "Payment not found");
        return QHttpServerResponse(m_payments.value(id));
    }

    QHttpServer m_server;
    QHash<QString, QJsonObject> m_payments;
    QHash<QByteArray, QString> m_byKey;
};

} // namespace kasp::test
