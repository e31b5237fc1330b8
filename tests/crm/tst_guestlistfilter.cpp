// The Гости list's filters (issue 21) on a small real base: cards saved by GuestService, bookings
// written by BookingRepository (the desk's write path, the triggers of schema 17 keeping guest_stays),
// the desk's clock on 10 February 2027 (not a leap year). Birthdays around the month's ends and 29
// February, a guest with no stays, a guest whose only stay is ahead, a current stay, a cancelled one;
// each filter alone, together, and with the search text, both ways a list is read (kept in order, and
// walked on the name index as a long list is).
#include "kasp/core/mutation.h"
#include "kasp/crm/guestservice.h"
#include "kasp/storage/bookingrepository.h"
#include "kasp/storage/guestlist.h"
#include "kasp/storage/replicastore.h"
#include "kasp/storage/roomrepository.h"
#include "kasp/storage/userrepository.h"
#include "kasp/testsupport/testdb.h"

#include <QSqlQuery>
#include <QtTest>

using namespace kasp;
using Filter = storage::GuestListFilter;
Q_DECLARE_METATYPE(kasp::storage::GuestListFilter)

class TestGuestListFilter : public QObject
{
    Q_OBJECT
    test::TestDatabase t;
    FixedClock clock{QDateTime(QDate(2027, 2, 10), QTime(9, 0), Qt::UTC)};
    const QDate today{2027, 2, 10};
    User anna{newId(), QStringLiteral("anna"), QStringLiteral("Анна"), Role::Consultant, true};
    User olga{newId(), QStringLiteral("olga"), QStringLiteral("Ольга"), Role::Consultant, true};
    QHash<QString, Id> ids; // by surname
    QHash<Id, QString> names;
    Id room;
    QList<Id> bookingsOfAverina;
    Id bookingsOfDmitrieva;

    Id guest(const QString &last, QDate birth, const User &manager, const QString &tag, const QString &phone)
    {
        Guest g;
        g.lastName = last;
        g.firstName = QStringLiteral("Мария");
        g.birthDate = birth;
        g.managerId = manager.id;
        if (!tag.isEmpty())
            g.tags = {tag};
        g.phones = {Phone::parse(phone).value()};
        auto id = crm::GuestService(t.db, clock).save(g);
        if (!id.ok())
            qFatal("save: %s", qPrintable(id.error().message));
        ids.insert(last, id.value());
        names.insert(id.value(), last);
        return id.value();
    }

    Id book(const QString &last, QDate in, QDate out, BookingStatus status)
    {
        Booking b;
        b.id = newId();
        b.guestId = ids.value(last);
        b.roomId = room;
        b.stay = Stay::make(in, out).value();
        b.total = Money::fromRubles(100000);
        b.status = status;
        if (status == BookingStatus::Prepaid || status == BookingStatus::Paid ||
            status == BookingStatus::CheckedIn)
            b.prepaid = status == BookingStatus::Prepaid ? Money::fromRubles(10000) : b.total;
        auto s = storage::BookingRepository(t.db, clock).create(b);
        if (!s.ok())
            qFatal("book: %s", qPrintable(s.error().message));
        return b.id;
    }

    // The surnames the list shows, in its order, read a page of `limit` rows at a time.
    QStringList shown(const Filter &f, qint64 positionalLimit = storage::GuestList::kPositionalLimit,
                      qint64 *counted = nullptr)
    {
        storage::GuestList list(t.db);
        Filter withDay = f;
        withDay.today = today;
        auto set = list.setFilter(withDay, positionalLimit);
        if (!set.ok())
            qFatal("filter: %s", qPrintable(set.error().message));
        QStringList out;
        std::optional<storage::GuestListKey> from;
        for (;;) {
            auto rows = list.rowsFrom(from, 3);
            if (!rows.ok())
                qFatal("rows: %s", qPrintable(rows.error().message));
            for (int i = 0; i < rows->size() && i < 2; ++i)
                out.append(names.value(rows->at(i).id));
            if (rows->size() < 3)
                break;
            from = rows->at(2).key;
        }
        if (counted)
            *counted = list.count().value();
        return out;
    }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        t = test::TestDatabase::create(QStringLiteral("filters"));
        storage::UserRepository users(t.db, clock);
        QVERIFY(users.create(anna).ok() && users.create(olga).ok());
        storage::RoomRepository rooms(t.db, clock);
        Building b{newId(), QStringLiteral("Корпус 1"), {}};
        RoomCategory c{newId(), QStringLiteral("std"),  QStringLiteral("Стандарт"), 2,
                       0,       Money::fromRubles(5000)};
        Room r{newId(), b.id, c.id, QStringLiteral("101"), 1, 2};
        QVERIFY(rooms.addBuilding(b).ok() && rooms.addCategory(c).ok() && rooms.addRoom(r).ok());
        room = r.id;

        guest(QStringLiteral("Аверина"), QDate(1960, 2, 29), anna, QStringLiteral("пенсионер"),
              QStringLiteral("+7 916 100-00-01"));
        guest(QStringLiteral("Белова"), QDate(1970, 1, 31), olga, {}, QStringLiteral("+7 916 100-00-02"));
        guest(QStringLiteral("Волкова"), QDate(1980, 2, 1), anna, QStringLiteral("кардиология"),
              QStringLiteral("+7 916 100-00-03"));
        guest(QStringLiteral("Григорьева"), QDate(1975, 3, 1), olga, QStringLiteral("пенсионер"),
              QStringLiteral("+7 916 100-00-04"));
        guest(QStringLiteral("Дмитриева"), QDate(1990, 2, 28), anna, {}, QStringLiteral("+7 916 100-00-05"));
        guest(QStringLiteral("Егорова"), QDate(1985, 12, 31), olga, {}, QStringLiteral("+7 926 200-77-06"));
        guest(QStringLiteral("Аксенова"), QDate(), anna, {}, QStringLiteral("+7 916 100-00-07"));

        // Аверина: her last stay took place in June 2025; a prepaid one is ahead in May.
        bookingsOfAverina = {
            book(QStringLiteral("Аверина"), QDate(2025, 6, 1), QDate(2025, 6, 15), BookingStatus::Paid),
            book(QStringLiteral("Аверина"), QDate(2027, 5, 1), QDate(2027, 5, 10), BookingStatus::Prepaid)};
        // Волкова: her only stay is ahead.
        book(QStringLiteral("Волкова"), QDate(2027, 3, 1), QDate(2027, 3, 10), BookingStatus::Prepaid);
        // Григорьева: New Year 2024/25; a cancelled booking later counts for nothing.
        book(QStringLiteral("Григорьева"), QDate(2024, 12, 25), QDate(2025, 1, 8), BookingStatus::Paid);
        book(QStringLiteral("Григорьева"), QDate(2026, 6, 1), QDate(2026, 6, 10), BookingStatus::Cancelled);
        // Дмитриева: last February, and here now (checked in on the 5th).
        bookingsOfDmitrieva =
            book(QStringLiteral("Дмитриева"), QDate(2026, 1, 31), QDate(2026, 2, 14), BookingStatus::Paid);
        book(QStringLiteral("Дмитриева"), QDate(2027, 2, 5), QDate(2027, 2, 19), BookingStatus::CheckedIn);
        // Егорова: a hold that lapsed is not a stay.
        book(QStringLiteral("Егорова"), QDate(2026, 11, 1), QDate(2026, 11, 5), BookingStatus::Hold);
    }

    void eachFilter_data()
    {
        QTest::addColumn<Filter>("filter");
        QTest::addColumn<QStringList>("expected");
        const auto list = [](const char *csv) {
            return QString::fromUtf8(csv).split(QLatin1Char(','), Qt::SkipEmptyParts);
        };
        Filter f;
        QTest::newRow("nothing") << f << list("Аверина,Аксенова,Белова,Волкова,Григорьева,Дмитриева,Егорова");
        f = {};
        f.managerId = anna.id;
        QTest::newRow("my guests") << f << list("Аверина,Аксенова,Волкова,Дмитриева");
        f = {};
        f.tag = QStringLiteral("пенсионер");
        QTest::newRow("tag") << f << list("Аверина,Григорьева");
        f.tag = QStringLiteral("нет такого");
        QTest::newRow("tag nobody has") << f << list("");
        f = {};
        f.birthMonth = 2; // 29 February is February's in a year without it; 31 Jan and 1 Mar are not
        QTest::newRow("born in February") << f << list("Аверина,Волкова,Дмитриева");
        f.birthMonth = 1;
        QTest::newRow("born in January") << f << list("Белова");
        f.birthMonth = 3;
        QTest::newRow("born in March") << f << list("Григорьева");
        f.birthMonth = 12;
        QTest::newRow("born in December") << f << list("Егорова");
        f = {};
        f.lastStayFrom = QDate(2025, 1, 1);
        f.lastStayTo = QDate(2025, 12, 31);
        QTest::newRow("last stay in 2025 (a stay ahead does not count)") << f << list("Аверина");
        f.lastStayFrom = QDate(2025, 6, 1);
        f.lastStayTo = QDate(2025, 6, 1);
        QTest::newRow("last stay on its first day") << f << list("Аверина");
        f.lastStayFrom = QDate(2024, 12, 1);
        f.lastStayTo = QDate(2024, 12, 31);
        QTest::newRow("last stay over New Year: its arrival") << f << list("Григорьева");
        f.lastStayFrom = QDate(2026, 1, 1);
        f.lastStayTo = QDate(2026, 12, 31);
        QTest::newRow("a later stay took place: not her last") << f << list("");
        f.lastStayFrom = QDate(2027, 2, 1);
        f.lastStayTo = QDate();
        QTest::newRow("since 1 Feb 2027, open end: the one here now") << f << list("Дмитриева");
        f.lastStayFrom = QDate();
        f.lastStayTo = QDate(2025, 6, 30);
        QTest::newRow("up to June 2025, open start") << f << list("Аверина,Григорьева");
        f = {};
        f.segment = Filter::Segment::StayedBefore;
        QTest::newRow("stayed before") << f << list("Аверина,Григорьева,Дмитриева");
        f.segment = Filter::Segment::StayAhead;
        QTest::newRow("a stay ahead") << f << list("Аверина,Волкова");
        f.segment = Filter::Segment::NeverStayed;
        QTest::newRow("never stayed (no stays, only ahead, a hold)")
            << f << list("Аксенова,Белова,Волкова,Егорова");
        f = {};
        f.managerId = anna.id;
        f.birthMonth = 2;
        f.segment = Filter::Segment::StayAhead;
        QTest::newRow("mine, born in February, a stay ahead") << f << list("Аверина,Волкова");
        f.text = QStringLiteral("ав");
        QTest::newRow("... and the text") << f << list("Аверина");
        f = {};
        f.text = QStringLiteral("а");
        QTest::newRow("text alone") << f << list("Аверина,Аксенова");
        f.text = QStringLiteral("200-77-06");
        QTest::newRow("a phone's last digits") << f << list("Егорова");
        f.text = QStringLiteral("100-00-0");
        f.tag = QStringLiteral("пенсионер");
        QTest::newRow("a phone's digits and a tag") << f << list("");
    }

    void eachFilter()
    {
        QFETCH(Filter, filter);
        QFETCH(QStringList, expected);
        qint64 counted = -1;
        QCOMPARE(shown(filter, storage::GuestList::kPositionalLimit, &counted), expected);
        QCOMPARE(counted, expected.size());
        // A long list is walked on the name index instead of kept in order: the same rows.
        QCOMPARE(shown(filter, 0, &counted), expected);
        QCOMPARE(counted, expected.size());
    }

    void theBaseHasItsTags()
    {
        QCOMPARE(storage::GuestList(t.db).tags().value(),
                 QStringList({QStringLiteral("кардиология"), QStringLiteral("пенсионер")}));
    }

    // The stays' summary follows the bookings: a stay cancelled on this desk is no longer the last
    // one, and a booking changed by a colleague (pulled: the replica stores it whole, INSERT OR
    // REPLACE) counts as it is now.
    void bookingChangesAreFollowed()
    {
        Filter f;
        f.lastStayFrom = QDate(2025, 1, 1);
        f.lastStayTo = QDate(2025, 12, 31);
        QCOMPARE(shown(f), QStringList{QStringLiteral("Аверина")});
        storage::BookingRepository bookings(t.db, clock);
        QVERIFY(bookings.cancel(bookingsOfAverina[0], QStringLiteral("передумала")).ok());
        QCOMPARE(shown(f), QStringList());
        f = {};
        f.segment = Filter::Segment::StayedBefore;
        QCOMPARE(shown(f), QStringList({QStringLiteral("Григорьева"), QStringLiteral("Дмитриева")}));

        auto pulled = bookings.byId(bookingsOfDmitrieva);
        QVERIFY(pulled.ok());
        Booking changed = pulled.value();
        changed.status = BookingStatus::Cancelled;
        storage::ReplicaStore replica(t.db);
        QVERIFY(replica.store(sync::EntityKind::Booking, toJson(changed)).ok());
        QCOMPARE(shown(f), QStringList{QStringLiteral("Григорьева")});
        f = {};
        f.lastStayFrom = QDate(2027, 2, 1);
        QCOMPARE(shown(f), QStringList{QStringLiteral("Дмитриева")}); // the stay she is on now
    }
};

QTEST_GUILESS_MAIN(TestGuestListFilter)
#include "tst_guestlistfilter.moc"
