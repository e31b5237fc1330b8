// What a payment does to a booking: the first money must reach the prepayment minimum, the sum
// never passes the total, reaching the total makes it paid; closed bookings take no money.
#include "kasp/core/mutation.h"
#include "kasp/core/payment.h"

#include <QtTest>

using namespace kasp;

class TestPayment : public QObject
{
    Q_OBJECT
private slots:
    void effects_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<qint64>("prepaid"); // kopecks, as every amount here
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<int>("minPercent");
        QTest::addColumn<QString>("expectStatus"); // or the error code
        QTest::addColumn<qint64>("expectPrepaid");
        // Total 100,000.00 RUB in every row: 10 % is 10,000.00 RUB, 1,000,000 kopecks.
        QTest::newRow("exactly 10 % prepays a hold")
            << "hold" << 0ll << 1'000'000ll << 10 << "prepaid" << 1'000'000ll;
        QTest::newRow("exactly 10 % prepays a confirmed booking")
            << "confirmed" << 0ll << 1'000'000ll << 10 << "prepaid" << 1'000'000ll;
        QTest::newRow("a kopeck short of 10 % on a hold")
            << "hold" << 0ll << 999'999ll << 10 << "payment.below_prepayment" << 0ll;
        QTest::newRow("a kopeck short of 10 %")
            << "confirmed" << 0ll << 999'999ll << 10 << "payment.below_prepayment" << 0ll;
        QTest::newRow("a rouble short of 10 %")
            << "confirmed" << 0ll << 999'900ll << 10 << "payment.below_prepayment" << 0ll;
        QTest::newRow("15 % asked, 10 % refused")
            << "hold" << 0ll << 1'000'000ll << 15 << "payment.below_prepayment" << 0ll;
        QTest::newRow("15 % asked, a kopeck short refused")
            << "hold" << 0ll << 1'499'999ll << 15 << "payment.below_prepayment" << 0ll;
        QTest::newRow("15 % asked, exactly 15 %")
            << "hold" << 0ll << 1'500'000ll << 15 << "prepaid" << 1'500'000ll;
        QTest::newRow("all at once is paid") << "hold" << 0ll << 10'000'000ll << 10 << "paid" << 10'000'000ll;
        QTest::newRow("the rest after a prepayment")
            << "prepaid" << 1'500'000ll << 8'500'000ll << 0 << "paid" << 10'000'000ll;
        QTest::newRow("part of the rest stays prepaid")
            << "prepaid" << 1'500'000ll << 500'000ll << 0 << "prepaid" << 2'000'000ll;
        QTest::newRow("a kopeck more than due")
            << "prepaid" << 1'500'000ll << 8'500'001ll << 0 << "payment.overpaid" << 0ll;
        QTest::newRow("zero") << "hold" << 0ll << 0ll << 10 << "payment.not_positive" << 0ll;
        QTest::newRow("cancelled") << "cancelled" << 0ll << 1'000'000ll << 10 << "payment.booking_closed"
                                   << 0ll;
        QTest::newRow("checked in") << "checked_in" << 0ll << 1'000'000ll << 10 << "payment.booking_closed"
                                    << 0ll;
    }
    void effects()
    {
        QFETCH(QString, status);
        QFETCH(qint64, prepaid);
        QFETCH(qint64, amount);
        QFETCH(int, minPercent);
        QFETCH(QString, expectStatus);
        QFETCH(qint64, expectPrepaid);
        Booking b;
        b.total = Money::fromRubles(100'000);
        b.prepaid = Money::fromKopecks(prepaid);
        b.status = bookingStatusFromKey(status).value();
        auto effect = applyPayment(b, Money::fromKopecks(amount), minPercent);
        if (expectStatus.startsWith(QLatin1String("payment."))) {
            QVERIFY(!effect.ok());
            QCOMPARE(effect.error().code, expectStatus);
            QVERIFY(!effect.error().message.isEmpty());
            return;
        }
        QVERIFY2(effect.ok(), qPrintable(effect.ok() ? QString() : effect.error().message));
        QCOMPARE(bookingStatusKey(effect.value().status), expectStatus);
        QCOMPARE(effect.value().prepaid, Money::fromKopecks(expectPrepaid));
    }

    void codecRoundTripAndRefusals()
    {
        Payment p{newId(),
                  newId(),
                  newId(),
                  Money::fromRubles(12'040),
                  PaymentMethod::BankTransfer,
                  QDateTime(QDate(2027, 3, 10), QTime(10, 0), Qt::UTC),
                  newId(),
                  QStringLiteral("п/п 118")};
        auto back = paymentFromJson(toJson(p));
        QVERIFY(back.ok());
        QCOMPARE(back.value(), p);
        QJsonObject bad = toJson(p);
        bad.insert(QStringLiteral("method"), QStringLiteral("barter"));
        QCOMPARE(paymentFromJson(bad).error().code, QStringLiteral("json.bad_value"));
        bad = toJson(p);
        bad.remove(QStringLiteral("bookingId"));
        QCOMPARE(paymentFromJson(bad).error().code, QStringLiteral("json.missing_field"));
        p.amount = Money();
        QCOMPARE(validatePayment(p).error().code, QStringLiteral("payment.not_positive"));
    }
};

QTEST_APPLESS_MAIN(TestPayment)
#include "tst_payment.moc"
