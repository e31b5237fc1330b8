// The YooKassa client against a local server that implements the parts of YooKassa's v3 payments
// API the client uses (Basic auth, Idempotence-Key, amounts as "12040.00" RUB, redirect
// confirmation, states): a payment link, the same key never makes a second payment, the state
// once the guest paid, an answer lost after the payment was made (dropped, 500, stalled) is asked
// again with the same key and still makes one payment, wrong credentials and a silent service are
// clear errors, malformed answers are refused.
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

    // The payment is created but its answer is lost on the way back. The client never reports a
    // payment it did not get: either its HTTP layer sends the same request again by itself (Qt does
    // once for a connection closed before any answer) or it says the service did not answer
    // (payment.provider_unavailable) and the caller asks again with the same request, as
    // booking::PaymentLinks::poll does. Every attempt carries the same Idempotence-Key, and the
    // service ends with one payment, the one the client finally reports.
    void aLostAnswerIsAskedAgainWithTheSameKey_data()
    {
        QTest::addColumn<test::YooKassaStandIn::Loss>("loss");
        QTest::addColumn<int>("lostAnswers");
        QTest::newRow("connection dropped once") << test::YooKassaStandIn::Loss::Dropped << 1;
        QTest::newRow("connection dropped 4 times") << test::YooKassaStandIn::Loss::Dropped << 4;
        QTest::newRow("500") << test::YooKassaStandIn::Loss::ServerError << 1;
        QTest::newRow("stalled past the timeout") << test::YooKassaStandIn::Loss::Stalled << 1;
    }
    void aLostAnswerIsAskedAgainWithTheSameKey()
    {
        QFETCH(test::YooKassaStandIn::Loss, loss);
        QFETCH(int, lostAnswers);
        test::YooKassaStandIn service;
        YooKassaProvider provider({QUrl(QStringLiteral("http://127.0.0.1:%1").arg(service.port)),
                                   QStringLiteral("506751"), QStringLiteral("test_secret"), 1'500});
        const PaymentRequest request{newId(), Money::fromRubles(4200), QStringLiteral("Предоплата"),
                                     QStringLiteral("https://x"), QStringLiteral("key-lost")};
        service.loseReplies(loss, lostAnswers);
        Result<ProviderPayment> answer = Error{QStringLiteral("test.not_asked"), {}};
        int calls = 0;
        while (!answer.ok() && calls < lostAnswers + 1) {
            ++calls;
            QElapsedTimer took;
            took.start();
            answer = wait(provider, [&](auto done) { provider.createPayment(request, done); });
            QVERIFY2(took.elapsed() < 10'000, "the client's timeout did not end a silent call");
            if (!answer.ok())
                QCOMPARE(answer.error().code, QStringLiteral("payment.provider_unavailable"));
        }
        QVERIFY2(answer.ok(), qPrintable(answer.ok() ? QString() : answer.error().message));
        QCOMPARE(service.lostReplies, lostAnswers);
        // One attempt per lost answer and one that got through: none reported a payment unseen.
        QCOMPARE(service.attempts.size(), lostAnswers + 1);
        for (const auto &attempt : std::as_const(service.attempts))
            QCOMPARE(attempt.key, QByteArray("key-lost"));
        QCOMPARE(service.created(), 1);
        QCOMPARE(answer.value().id, service.ids().first());
        QVERIFY(answer.value().confirmationUrl.contains(answer.value().id));
        qInfo("%d call(s) of createPayment, %d request(s) at the service", calls,
              int(service.attempts.size()));
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
