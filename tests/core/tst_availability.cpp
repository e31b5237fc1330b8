// Free rooms for a stay and free rooms per category per night: check-out mornings do not clash,
// out-of-service nights count as busy, parties that need extra beds rank after those that do not,
// and the nearest free room after a lost booking stays in the category and building when it can.
#include "kasp/core/availability.h"

#include <QtTest>

using namespace kasp;

namespace {

Id fixedId(int n)
{
    return QUuid::fromString(QStringLiteral("01900000-0000-7000-8000-%1").arg(n, 12, 10, QLatin1Char('0')));
}

const Id kStd = fixedId(1);
const Id kSuite = fixedId(2);
const Id kFamily = fixedId(3);
const Id kBuildingA = fixedId(10);
const Id kBuildingB = fixedId(11);

QHash<Id, RoomCategory> categories()
{
    return {
        {kStd, {kStd, QStringLiteral("std"), QStringLiteral("Стандарт"), 2, 1, Money::fromRubles(4300)}},
        {kSuite, {kSuite, QStringLiteral("suite"), QStringLiteral("Люкс"), 2, 0, Money::fromRubles(9800)}},
        {kFamily,
         {kFamily, QStringLiteral("apart"), QStringLiteral("Апартаменты"), 4, 2, Money::fromRubles(12500)}}};
}

Room room(int n, const Id &building, const Id &category, int floor, int beds)
{
    return {fixedId(100 + n), building, category, QString::number(floor * 100 + n), floor, beds};
}

Stay stay(QDate in, int nights)
{
    return Stay::make(in, in.addDays(nights)).value();
}

const QDate kJune1{2027, 6, 1};

} // namespace

class TestAvailability : public QObject
{
    Q_OBJECT
private slots:
    void checkOutMorningDoesNotClash()
    {
        OccupancyIndex index({room(1, kBuildingA, kStd, 1, 2)});
        index.occupy(fixedId(101), stay(kJune1, 7)); // nights 1..7 June, leaves the 8th
        index.freeze();
        QVERIFY(index.isFree(0, stay(kJune1.addDays(7), 5)));
        QVERIFY(index.isFree(0, stay(kJune1.addDays(-3), 3))); // leaves on the 1st
        QVERIFY(!index.isFree(0, stay(kJune1.addDays(6), 2)));
        QVERIFY(!index.isFree(0, stay(kJune1.addDays(-1), 2)));
        QVERIFY(!index.isFree(0, stay(kJune1.addDays(-10), 30))); // around it
        QVERIFY(!index.isFree(0, kJune1.addDays(3)));
        QVERIFY(index.isFree(0, kJune1.addDays(7)));
        QVERIFY(!index.isFree(1, stay(kJune1, 1))); // no such room
    }

    void spansMergeInAnyOrder()
    {
        OccupancyIndex index({room(1, kBuildingA, kStd, 1, 2)});
        // Out-of-service, then bookings on both sides that touch it, added out of order.
        index.occupy(fixedId(101), stay(kJune1.addDays(10), 5));
        index.occupy(fixedId(101), stay(kJune1, 10));
        index.occupy(fixedId(101), stay(kJune1.addDays(12), 10)); // overlaps the first
        index.occupy(fixedId(999), stay(kJune1.addDays(40), 3));  // unknown room: ignored
        index.freeze();
        QVERIFY(!index.isFree(0, stay(kJune1.addDays(14), 1)));
        QVERIFY(!index.isFree(0, stay(kJune1.addDays(21), 1)));
        QVERIFY(index.isFree(0, stay(kJune1.addDays(22), 30)));
        QVERIFY(index.isFree(0, stay(kJune1.addDays(-30), 30)));
    }

    void freePerCategoryPerNight()
    {
        OccupancyIndex index({room(1, kBuildingA, kStd, 1, 2), room(2, kBuildingA, kStd, 1, 2),
                              room(3, kBuildingA, kSuite, 2, 2)});
        index.occupy(fixedId(101), stay(kJune1.addDays(-5), 7)); // 27 May - 2 June, leaves on the 3rd
        index.occupy(fixedId(102), stay(kJune1.addDays(1), 2));  // nights 2 and 3 June
        index.occupy(fixedId(103), stay(kJune1.addDays(3), 30)); // from 4 June, past the window
        index.freeze();
        const auto free = index.freePerCategory(kJune1, 5);
        QCOMPARE(free.size(), 2);
        QCOMPARE(free.value(kStd), (QVector<int>{1, 0, 1, 2, 2}));
        QCOMPARE(free.value(kSuite), (QVector<int>{1, 1, 1, 0, 0}));
        QVERIFY(index.freePerCategory(QDate(), 5).isEmpty());
    }

    void bestOptionsFirst()
    {
        OccupancyIndex index({room(1, kBuildingA, kSuite, 1, 2), room(2, kBuildingA, kFamily, 1, 4),
                              room(3, kBuildingA, kStd, 1, 2), room(4, kBuildingA, kStd, 1, 2),
                              room(5, kBuildingA, kStd, 1, 1)});
        index.occupy(fixedId(104), stay(kJune1, 3));
        index.freeze();
        const auto cats = categories();
        const Stay june = stay(kJune1, 14);

        // Two people: the free standard first (cheapest exact fit), then the suite, then the family
        // room with two empty beds, and last the one-bed standard with its extra bed. Room 4 is busy.
        auto two = findFreeRooms(index, cats, june, 2);
        QList<int> order;
        for (const RoomOption &o : two)
            order << o.roomIndex;
        QCOMPARE(order, (QList<int>{2, 0, 1, 4}));
        QCOMPARE(two[2].spareBeds, 2);
        QCOMPARE(two[3].extraBeds, 1);

        // Three people: the family room fits on main beds; the standard needs its extra bed.
        auto three = findFreeRooms(index, cats, june, 3);
        QCOMPARE(three.size(), 2);
        QCOMPARE(three[0].roomIndex, 1);
        QCOMPARE(three[0].extraBeds, 0);
        QCOMPARE(three[1].roomIndex, 2);
        QCOMPARE(three[1].extraBeds, 1);

        QVERIFY(findFreeRooms(index, cats, june, 7).isEmpty()); // 4 + 2 extra at most
        QVERIFY(findFreeRooms(index, cats, june, 0).isEmpty());
    }

    void nearestFreeRoomAfterALostBooking()
    {
        OccupancyIndex index({room(1, kBuildingA, kStd, 1, 2), room(2, kBuildingA, kStd, 3, 2),
                              room(3, kBuildingA, kSuite, 1, 2), room(4, kBuildingB, kStd, 1, 2),
                              room(5, kBuildingA, kStd, 2, 2)});
        const Stay june = stay(kJune1, 10);
        index.occupy(fixedId(101), june); // the room the desktop lost
        index.freeze();
        const auto cats = categories();
        // Same category and building, the closest floor: room 5 (floor 2) before room 2 (floor 3).
        QCOMPARE(nearestFreeRoom(index, cats, 0, june, 2), 4);

        OccupancyIndex busier({room(1, kBuildingA, kStd, 1, 2), room(2, kBuildingA, kSuite, 1, 2),
                               room(3, kBuildingB, kStd, 5, 2)});
        busier.occupy(fixedId(101), june);
        busier.freeze();
        // The same category in another building beats another category in this one.
        QCOMPARE(nearestFreeRoom(busier, cats, 0, june, 2), 2);
        QCOMPARE(nearestFreeRoom(busier, cats, 0, june, 5), -1);
        QCOMPARE(nearestFreeRoom(busier, cats, 7, june, 2), -1);
    }
};

QTEST_APPLESS_MAIN(TestAvailability)
#include "tst_availability.moc"
