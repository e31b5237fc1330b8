// The YooKassa client against a local server that implements the parts of YooKassa's v3 payments
// API the client uses (Basic auth, Idempotence-Key, amounts as "12040.00" RUB, redirect
// confirmation, states): a payment link, the same key never makes a second payment, the state
// once the guest paid, wrong credentials and a silent service are clear errors, malformed
// answers are refused.
#include "kasp/payments/yookassaprovider.h"
#include "yookassastandin.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpServer>
#include <QtTest>

using namespace kasp;
using namespace kasp::payments;

namespace {

Result<ProviderPayment> wait(PaymentProvider &provider,
                             const std::function<void(PaymentProvider::Done)> &call)
{
    std::optional<Result<ProviderPayment>> out;
    call([&](Result<ProviderPayment> r) { out = std::move(r); });
    QElapsedTimer timer;
    timer.start();
    while (!out && timer.elapsed() < 15'000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    Q_UNUSED(provider);
    return out ? *out : Result<ProviderPayment>(Error{QStringLiteral("test.timeout"), {}});
}

} // namespace

class TestYooKassa : public QObject
{
    Q_OBJECT
private slots:
    void aPaymentLinkAndItsState()
    {
        test::YooKassaStandIn service;
        QVERIFY(service.port);
        YooKassaProvider provider({QUrl(QStringLiteral("http://127.0.0.1:%1").arg(service.port)),
                                   QStringLiteral("506751"), QStringLiteral("test_secret"), 10'000});
        const PaymentRequest request{
            newId(), Money::fromKopecks(1'204'050), QStringLiteral("Предоплата, бронь 01A2"),
            QStringLiteral("https://sanatorium.example/thanks"), QStringLiteral("key-1")};
        auto created = wait(provider, [&](auto done) { provider.createPayment(request, done); });
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        QCOMPARE(created.value().state, ProviderPayment::State::Pending);
        QCOMPARE(created.value().amount, request.amount);
        QVERIFY(created.value().confirmationUrl.contains(created.value().id));
        // What went over the wire is what the API asks for.
        QCOMPARE(service.lastBody.value(QStringLiteral("amount"))
                     .toObject()
                     .value(QStringLiteral("value"))
                     .toString(),
                 QStringLiteral("12040.50"));
        QCOMPARE(service.lastBody.value(QStringLiteral("capture")).toBool(), true);
        QCOMPARE(service.lastBody.value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("booking_id"))
                     .toString(),
                 idToString(request.bookingId));

        // A retry with the same key (a lost answer) gets the same payment, not a second charge.
        auto again = wait(provider, [&](auto done) { provider.createPayment(request, done); });
        QCOMPARE(again.value().id, created.value().id);
        QCOMPARE(service.created(), 1);

        auto pending = wait(provider, [&](auto done) { provider.fetchPayment(created.value().id, done); });
        QCOMPARE(pending.value().state, ProviderPayment::State::Pending);
        service.guestPays(created.value().id);
        auto paid = wait(provider, [&](auto done) { provider.fetchPayment(created.value().id, done); });
        QCOMPARE(paid.value().state, ProviderPayment::State::Succeeded);

        auto unknown =
            wait(provider, [&](auto done) { provider.fetchPayment(QStringLiteral("nope"), done); });
        QCOMPARE(unknown.error().code, QStringLiteral("payment.provider_refused"));
    }

    void wrongCredentialsAndASilentService()
    {
        test::YooKassaStandIn service;
        YooKassaProvider wrong({QUrl(QStringLiteral("http://127.0.0.1:%1").arg(service.port)),
                                QStringLiteral("506751"), QStringLiteral("stolen"), 10'000});
        const PaymentRequest request{newId(), Money::fromRubles(100), QStringLiteral("x"),
                                     QStringLiteral("https://x"), QStringLiteral("key-2")};
        auto refused = wait(wrong, [&](auto done) { wrong.createPayment(request, done); });
        QCOMPARE(refused.error().code, QStringLiteral("payment.provider_auth"));
        QCOMPARE(service.created(), 0);

        QTcpServer closed;
        closed.listen(QHostAddress::LocalHost, 0);
        const quint16 port = closed.serverPort();
        closed.close(); // nobody listens there now
        YooKassaProvider silent({QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)),
                                 QStringLiteral("506751"), QStringLiteral("test_secret"), 3'000});
        auto down = wait(silent, [&](auto done) { silent.createPayment(request, done); });
        QCOMPARE(down.error().code, QStringLiteral("payment.provider_unavailable"));
    }

    void malformedRepliesAreRefused()
    {
        QCOMPARE(YooKassaProvider::amountText(Money::fromKopecks(5)), QStringLiteral("0.05"));
        QCOMPARE(YooKassaProvider::amountText(Money::fromRubles(12040)), QStringLiteral("12040.00"));
        QCOMPARE(YooKassaProvider::parsePayment(200, "{}").error().code,
                 QStringLiteral("payment.provider_reply"));
        QCOMPARE(YooKassaProvider::parsePayment(200, "not json").error().code,
                 QStringLiteral("payment.provider_reply"));
        QCOMPARE(
            YooKassaProvider::parsePayment(200, R"({"id":"1","status":"pending","amount":{"value":"1.2.3"}})")
                .error()
                .code,
            QStringLiteral("payment.provider_reply"));
        QCOMPARE(YooKassaProvider::parsePayment(
                     200, R"({"id":"1","status":"teleported","amount":{"value":"1.00"}})")
                     .error()
                     .code,
                 QStringLiteral("payment.provider_reply"));
        QCOMPARE(YooKassaProvider::parsePayment(503, "").error().code,
                 QStringLiteral("payment.provider_unavailable"));
        auto ok = YooKassaProvider::parsePayment(
            200,
            R"({"id":"2","status":"canceled","amount":{"value":"10.5"},"cancellation_details":{"reason":"expired_on_confirmation"}})");
        QVERIFY(ok.ok());
        QCOMPARE(ok.value().amount, Money::fromKopecks(1050));
        QCOMPARE(ok.value().cancellationReason, QStringLiteral("expired_on_confirmation"));
    }
};

QTEST_GUILESS_MAIN(TestYooKassa)
#include "tst_yookassa.moc"
