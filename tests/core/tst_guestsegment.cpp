// The four RFM segments of seeds/rfm-guest-base, and what counts as a purchase.
#include "kasp/core/guestsegment.h"
#include "kasp/testsupport/testenv.h"

#include <QtTest>

using namespace kasp;

namespace {

const QDate kToday(2026, 12, 5);

Booking bought(int year, qint64 rubles, BookingStatus status = BookingStatus::Paid)
{
    Booking b;
    b.id = newId();
    b.stay = Stay::make(QDate(year, 7, 1), QDate(year, 7, 15)).value();
    b.total = Money::fromRubles(rubles);
    b.status = status;
    b.createdAt = QDateTime(QDate(year, 3, 10), QTime(12, 0), Qt::LocalTime);
    return b;
}

} // namespace

class TestGuestSegment : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { test::initTestEnvironment(); }

    void onlyPrepaidPaidOrLivedStaysCount()
    {
        const QList<Booking> none{bought(2026, 90000, BookingStatus::Hold),
                                  bought(2026, 90000, BookingStatus::Confirmed),
                                  bought(2026, 90000, BookingStatus::Cancelled)};
        const RfmFigures f = rfmFigures(none, kToday);
        QCOMPARE(f.segment, GuestSegment::NeverBought);
        QCOMPARE(f.stays, 0);
        QCOMPARE(f.spent, Money());
        QVERIFY(!f.lastBuy.isValid());
        QCOMPARE(rfmFigures({}, kToday).segment, GuestSegment::NeverBought);

        QList<Booking> some = none;
        some << bought(2025, 80000, BookingStatus::Prepaid) << bought(2019, 70000, BookingStatus::CheckedIn);
        const RfmFigures g = rfmFigures(some, kToday);
        QCOMPARE(g.stays, 2);
        QCOMPARE(g.spent, Money::fromRubles(150000));
        QCOMPARE(g.lastBuy, QDate(2025, 3, 10));
    }

    void fourSegmentsByRecencyFrequencyAndMoney()
    {
        // Every year for three years: VIP.
        QCOMPARE(rfmFigures({bought(2026, 90000), bought(2025, 90000), bought(2024, 90000)}, kToday).segment,
                 GuestSegment::Vip);
        // The same guest who has not bought this year nor last: lost.
        QCOMPARE(rfmFigures({bought(2024, 90000), bought(2023, 90000), bought(2022, 90000)}, kToday).segment,
                 GuestSegment::Lost);
        // One large purchase is as valuable as many small ones.
        QCOMPARE(rfmFigures({bought(2025, 320000)}, kToday).segment, GuestSegment::Vip);
        QCOMPARE(rfmFigures({bought(2023, 320000)}, kToday).segment, GuestSegment::Lost);
        // One or two small ones: promising while recent, one-time when not.
        QCOMPARE(rfmFigures({bought(2025, 60000), bought(2023, 60000)}, kToday).segment,
                 GuestSegment::Promising);
        QCOMPARE(rfmFigures({bought(2024, 60000)}, kToday).segment, GuestSegment::OneTime);
    }

    void recencyIsByCalendarYearOfThePurchase()
    {
        // Bought on 1 January of last year: still recent; on 31 December the year before: not.
        Booking b = bought(2025, 60000);
        b.createdAt = QDateTime(QDate(2025, 1, 1), QTime(0, 30), Qt::LocalTime);
        QCOMPARE(rfmFigures({b}, kToday).segment, GuestSegment::Promising);
        b.createdAt = QDateTime(QDate(2024, 12, 31), QTime(23, 30), Qt::LocalTime);
        QCOMPARE(rfmFigures({b}, kToday).segment, GuestSegment::OneTime);
        // An imported stay without a purchase date is dated by its check-in.
        b.createdAt = {};
        QCOMPARE(rfmFigures({b}, kToday).lastBuy, QDate(2025, 7, 1));
        QCOMPARE(rfmFigures({b}, kToday).segment, GuestSegment::Promising);
    }

    void thresholdsCanBeTuned()
    {
        const QList<Booking> two{bought(2026, 50000), bought(2025, 50000)};
        QCOMPARE(rfmFigures(two, kToday).segment, GuestSegment::Promising);
        RfmThresholds t;
        t.manyStays = 2;
        QCOMPARE(rfmFigures(two, kToday, t).segment, GuestSegment::Vip);
        t = {};
        t.largeSum = Money::fromRubles(100000);
        QCOMPARE(rfmFigures(two, kToday, t).segment, GuestSegment::Vip);
    }

    // The card's «N заездов»: a prepaid voucher for next summer is ahead, not a stay; a stay under
    // way today is one; a hold in the past never was (issue 21).
    void staysThatTookPlaceApartFromThoseAhead()
    {
        const QList<Booking> bookings{
            bought(2025, 90000),                           // lived
            bought(2027, 90000, BookingStatus::Prepaid),   // ahead
            bought(2027, 90000, BookingStatus::Hold),      // ahead, not bought yet
            bought(2026, 90000, BookingStatus::Cancelled), // neither
            bought(2024, 90000, BookingStatus::Hold),      // never bought: not a stay
        };
        StayCounts counts = countStays(bookings, kToday);
        QCOMPARE(counts.lived, 1);
        QCOMPARE(counts.ahead, 2);
        QVERIFY(hasStayedBefore(bookings, kToday));

        // Checking in today with the prepayment in: under way, a stay; its check-out day not yet come.
        Booking today = bought(2026, 90000, BookingStatus::Prepaid);
        today.stay = Stay::make(kToday, kToday.addDays(14)).value();
        counts = countStays({today}, kToday);
        QCOMPARE(counts.lived, 1);
        QCOMPARE(counts.ahead, 0);
        QVERIFY(!hasStayedBefore({today}, kToday));
        QVERIFY(hasStayedBefore({today}, kToday.addDays(14)));
        QVERIFY(!hasStayedBefore({bought(2027, 90000, BookingStatus::Prepaid)}, kToday));
        QVERIFY(!hasStayedBefore({bought(2025, 90000, BookingStatus::Cancelled)}, kToday));
    }

    void keysAreStable()
    {
        QCOMPARE(guestSegmentKey(GuestSegment::NeverBought), QStringLiteral("never"));
        QCOMPARE(guestSegmentKey(GuestSegment::Vip), QStringLiteral("vip"));
        QCOMPARE(guestSegmentKey(GuestSegment::Lost), QStringLiteral("lost"));
        QCOMPARE(guestSegmentKey(GuestSegment::Promising), QStringLiteral("promising"));
        QCOMPARE(guestSegmentKey(GuestSegment::OneTime), QStringLiteral("one_time"));
    }
};

QTEST_GUILESS_MAIN(TestGuestSegment)
#include "tst_guestsegment.moc"
