#pragma once
// A local stand-in for YooKassa (a paid outside service), speaking the parts of its published v3
// payments API the client uses: Basic auth (shop 506751, secret "test_secret"), Idempotence-Key
// (the same key returns the same payment), amounts as "12040.00" RUB, a redirect confirmation, and
// the states a guest's actions lead to. Header-only, for the tests that link Qt6::HttpServer.
//
// loseReplies() makes it create the payment and then lose the answer on the way back, as a real
// network does: the connection dropped before any byte of the answer, a 500 in place of the
// payment, or no answer at all until the client's own timeout gives up. Every create request's
// Idempotence-Key and booking are kept (attempts) so a test sees what the client's retry sent.
#include <QHash>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QUuid>
#include <vector>

namespace kasp::test {

// The local stand-in for the paid service, speaking its published API.
class YooKassaStandIn
{
public:
    YooKassaStandIn()
    {
        m_server.route(QStringLiteral("/v3/payments"), QHttpServerRequest::Method::Post,
                       [this](const QHttpServerRequest &r, QHttpServerResponder &&responder) {
                           answerCreate(r, std::move(responder));
                       });
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
    // How the answer to a payment that was created gets lost.
    enum class Loss {
        Dropped,     // the connection closes before any byte of the answer
        ServerError, // a 500 with an error body instead of the payment
        Stalled,     // nothing comes back: the client's timeout has to give up
    };
    // The next `count` create requests are carried out (the payment exists, its key is taken) but
    // their answers are lost the given way.
    void loseReplies(Loss how, int count = 1)
    {
        m_loss = how;
        m_lost = count;
    }
    QStringList ids() const { return m_payments.keys(); }
    int created() const { return int(m_payments.size()); }
    // The payments made for one booking (metadata.booking_id).
    QStringList idsFor(const QString &bookingId) const
    {
        QStringList out;
        for (auto it = m_payments.cbegin(); it != m_payments.cend(); ++it)
            if (it.value().value(QStringLiteral("metadata")).toObject().value(QStringLiteral("booking_id")) ==
                bookingId)
                out.append(it.key());
        return out;
    }
    struct Attempt
    {
        QByteArray key;    // its Idempotence-Key header
        QString bookingId; // its metadata.booking_id
    };
    QList<Attempt> attempts; // every create request, in order
    QByteArrayList keysFor(const QString &bookingId) const
    {
        QByteArrayList out;
        for (const Attempt &a : attempts)
            if (a.bookingId == bookingId)
                out.append(a.key);
        return out;
    }
    QJsonObject lastBody;
    int lostReplies = 0; // answers lost so far
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
    void answerCreate(const QHttpServerRequest &r, QHttpServerResponder &&responder)
    {
        attempts.append({r.value("Idempotence-Key"), QJsonDocument::fromJson(r.body())
                                                         .object()
                                                         .value(QStringLiteral("metadata"))
                                                         .toObject()
                                                         .value(QStringLiteral("booking_id"))
                                                         .toString()});
        const QHttpServerResponse response = create(r);
        if (m_lost <= 0 || response.statusCode() != QHttpServerResponse::StatusCode::Ok) {
            responder.write(QJsonDocument::fromJson(response.data()), response.statusCode());
            return;
        }
        --m_lost;
        ++lostReplies;
        switch (m_loss) {
        case Loss::Dropped:
            responder.socket()->abort();
            return;
        case Loss::ServerError:
            responder.write(QJsonDocument(QJsonObject{
                                {QStringLiteral("type"), QStringLiteral("error")},
                                {QStringLiteral("code"), QStringLiteral("internal_server_error")},
                                {QStringLiteral("description"), QStringLiteral("Internal server error")}}),
                            QHttpServerResponder::StatusCode::InternalServerError);
            return;
        case Loss::Stalled:
            m_stalled.push_back(std::move(responder)); // never written: the connection stays silent
            return;
        }
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
    Loss m_loss = Loss::Dropped;
    int m_lost = 0;
    std::vector<QHttpServerResponder> m_stalled; // dropped before the server and its sockets
};

} // namespace kasp::test
