// Stay: nights as [check-in, check-out); a check-out on the morning of a check-in does not clash.
#include "kasp/core/stay.h"
#include "kasp/testsupport/testenv.h"

#include <QTest>

using kasp::Stay;

namespace {
QDate d(int month, int day, int year = 2025)
{
    return QDate(year, month, day);
}

Stay stay(QDate in, QDate out)
{
    const auto result = Stay::make(in, out);
    if (!result.ok())
        qFatal("bad test stay");
    return *result;
}
} // namespace

class TestStay : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { kasp::test::initTestEnvironment(); }

    void make_data();
    void make();
    void defaultIsInvalid();
    void containsNight_data();
    void containsNight();
    void overlaps_data();
    void overlaps();
};

void TestStay::make_data()
{
    QTest::addColumn<QDate>("checkIn");
    QTest::addColumn<QDate>("checkOut");
    QTest::addColumn<int>("nights");        // expected when errorCode is empty
    QTest::addColumn<QString>("errorCode"); // empty: must succeed

    QTest::newRow("one night") << d(6, 1) << d(6, 2) << 1 << QString();
    QTest::newRow("ten-day course") << d(6, 1) << d(6, 11) << 10 << QString();
    QTest::newRow("over month end") << d(6, 25) << d(7, 16) << 21 << QString();
    QTest::newRow("new year") << d(12, 28) << QDate(2026, 1, 8) << 11 << QString();
    QTest::newRow("leap February") << QDate(2024, 2, 28) << QDate(2024, 3, 1) << 2 << QString();
    QTest::newRow("365 nights") << d(1, 1) << QDate(2026, 1, 1) << 365 << QString();
    QTest::newRow("366 nights") << QDate(2024, 1, 1) << QDate(2025, 1, 1) << 0
                                << QStringLiteral("stay.too_long");
    QTest::newRow("two years") << d(1, 1) << QDate(2027, 1, 1) << 0 << QStringLiteral("stay.too_long");
    QTest::newRow("same day") << d(6, 1) << d(6, 1) << 0 << QStringLiteral("stay.empty");
    QTest::newRow("backwards") << d(6, 10) << d(6, 1) << 0 << QStringLiteral("stay.empty");
    QTest::newRow("null check-in") << QDate() << d(6, 1) << 0 << QStringLiteral("stay.invalid_date");
    QTest::newRow("null check-out") << d(6, 1) << QDate() << 0 << QStringLiteral("stay.invalid_date");
    QTest::newRow("invalid date") << QDate(2025, 2, 30) << d(3, 5) << 0
                                  << QStringLiteral("stay.invalid_date");
}

void TestStay::make()
{
    QFETCH(QDate, checkIn);
    QFETCH(QDate, checkOut);
    QFETCH(int, nights);
    QFETCH(QString, errorCode);

    const kasp::Result<Stay> result = Stay::make(checkIn, checkOut);
    if (errorCode.isEmpty()) {
        QVERIFY(result.ok());
        QVERIFY(result->isValid());
        QCOMPARE(result->checkIn(), checkIn);
        QCOMPARE(result->checkOut(), checkOut);
        QCOMPARE(result->nights(), nights);
    } else {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, errorCode);
        QVERIFY(!result.error().message.isEmpty());
    }
}

void TestStay::defaultIsInvalid()
{
    QVERIFY(!Stay().isValid());
    QCOMPARE(Stay(), Stay());
    QVERIFY(!(stay(d(6, 1), d(6, 2)) == Stay()));
    QCOMPARE(stay(d(6, 1), d(6, 2)), stay(d(6, 1), d(6, 2)));
}

void TestStay::containsNight_data()
{
    QTest::addColumn<QDate>("night");
    QTest::addColumn<bool>("expected");
    // The stay is June 10 -> June 14: nights of the 10th, 11th, 12th and 13th.
    QTest::newRow("day before") << d(6, 9) << false;
    QTest::newRow("check-in night") << d(6, 10) << true;
    QTest::newRow("middle") << d(6, 12) << true;
    QTest::newRow("last night") << d(6, 13) << true;
    QTest::newRow("check-out day") << d(6, 14) << false;
    QTest::newRow("later") << d(7, 1) << false;
}

void TestStay::containsNight()
{
    QFETCH(QDate, night);
    QFETCH(bool, expected);
    QCOMPARE(stay(d(6, 10), d(6, 14)).containsNight(night), expected);
}

void TestStay::overlaps_data()
{
    QTest::addColumn<QDate>("otherIn");
    QTest::addColumn<QDate>("otherOut");
    QTest::addColumn<bool>("expected");
    // Against June 10 -> June 14.
    QTest::newRow("well before") << d(6, 1) << d(6, 5) << false;
    QTest::newRow("checks out on our check-in morning") << d(6, 5) << d(6, 10) << false;
    QTest::newRow("checks in on our check-out day") << d(6, 14) << d(6, 20) << false;
    QTest::newRow("shares our first night") << d(6, 5) << d(6, 11) << true;
    QTest::newRow("shares our last night") << d(6, 13) << d(6, 20) << true;
    QTest::newRow("inside") << d(6, 11) << d(6, 12) << true;
    QTest::newRow("around") << d(6, 1) << d(6, 30) << true;
    QTest::newRow("identical") << d(6, 10) << d(6, 14) << true;
    QTest::newRow("well after") << d(7, 1) << d(7, 5) << false;
}

void TestStay::overlaps()
{
    QFETCH(QDate, otherIn);
    QFETCH(QDate, otherOut);
    QFETCH(bool, expected);
    const Stay ours = stay(d(6, 10), d(6, 14));
    const Stay other = stay(otherIn, otherOut);
    QCOMPARE(ours.overlaps(other), expected);
    QCOMPARE(other.overlaps(ours), expected); // symmetric

    // Overlap means a shared night, checked night by night.
    bool shared = false;
    for (QDate night = otherIn; night < otherOut; night = night.addDays(1))
        shared = shared || ours.containsNight(night);
    QCOMPARE(shared, expected);
}

QTEST_GUILESS_MAIN(TestStay)
#include "tst_stay.moc"
