// The one search box on a real encrypted database: every kind of query a consultant types.
#include "kasp/crm/guestservice.h"
#include "kasp/storage/bookingrepository.h"
#include "kasp/storage/roomrepository.h"
#include "kasp/testsupport/testdb.h"

#include <QtTest>

using namespace kasp;

class TestGuestSearch : public QObject
{
    Q_OBJECT
    test::TestDatabase t;
    FixedClock clock{QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC)};
    Id ivanova, smith, solovyov, nameless;
    Booking booking;

    Id add(const QString &last, const QString &first, const QString &phone, const QStringList &emails)
    {
        crm::GuestService service(t.db, clock);
        Guest g;
        g.lastName = last;
        g.firstName = first;
        if (!phone.isEmpty())
            g.phones = {Phone::parse(phone).value()};
        g.emails = emails;
        auto id = service.save(g);
        if (!id.ok())
            qFatal("%s", qPrintable(id.error().message));
        return id.value();
    }

    QList<Id> ids(const QString &text, int limit = 50)
    {
        auto found = crm::GuestService(t.db, clock).search(text, limit);
        if (!found.ok())
            qFatal("%s", qPrintable(found.error().message));
        QList<Id> out;
        for (const auto &s : found.value())
            out.append(s.id);
        return out;
    }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        t = test::TestDatabase::create();
        ivanova = add(QStringLiteral("Иванова"), QStringLiteral("Мария"), QStringLiteral("+7 916 111-22-33"),
                      {QStringLiteral("Maria.Ivanova@Mail.ru")});
        smith = add(QStringLiteral("Smith"), QStringLiteral("John"), QStringLiteral("+44 20 7946 0958"),
                    {QStringLiteral("john@smith.co.uk")});
        solovyov =
            add(QStringLiteral("Соловьёв"), QStringLiteral("Пётр"), QStringLiteral("8 926 700-45-67"), {});
        nameless = add({}, {}, {}, {QStringLiteral("guest@example.org")});

        storage::RoomRepository rooms(t.db, clock);
        Building b{newId(), QStringLiteral("Корпус 1"), {}};
        RoomCategory c{newId(), QStringLiteral("std"),  QStringLiteral("Стандарт"), 2,
                       0,       Money::fromRubles(5000)};
        Room r{newId(), b.id, c.id, QStringLiteral("101"), 1, 2};
        QVERIFY(rooms.addBuilding(b).ok() && rooms.addCategory(c).ok() && rooms.addRoom(r).ok());
        booking.id = newId();
        booking.guestId = solovyov;
        booking.roomId = r.id;
        booking.stay = Stay::make(QDate(2027, 6, 1), QDate(2027, 6, 15)).value();
        booking.total = Money::fromRubles(140000);
        QVERIFY(storage::BookingRepository(t.db, clock).create(booking).ok());
    }

    void byNameInEitherScriptAndCase()
    {
        QCOMPARE(ids(QStringLiteral("ИВАНОВА")), QList<Id>{ivanova});
        QCOMPARE(ids(QStringLiteral("иванова ма")), QList<Id>{ivanova});
        QCOMPARE(ids(QStringLiteral("smi")), QList<Id>{smith});
        QCOMPARE(ids(QStringLiteral("SMITH J")), QList<Id>{smith});
        QCOMPARE(ids(QStringLiteral("соловьев петр")), QList<Id>{solovyov}); // ё = е both ways
        QCOMPARE(ids(QStringLiteral("Соловьёв")), QList<Id>{solovyov});
    }

    void byNameTypedOnTheWrongLayout()
    {
        QCOMPARE(ids(QStringLiteral("bdfyjdf")), QList<Id>{ivanova});
        QCOMPARE(ids(QStringLiteral("cjkjdm`d")), QList<Id>{solovyov});
        // A Latin name that exists is not retyped.
        QCOMPARE(ids(QStringLiteral("smith")), QList<Id>{smith});
    }

    void byPhoneInAnyFormatOrItsLastDigits()
    {
        QCOMPARE(ids(QStringLiteral("8 (916) 111")), QList<Id>{ivanova});
        QCOMPARE(ids(QStringLiteral("4567")), QList<Id>{solovyov});
        QCOMPARE(ids(QStringLiteral("+44 20 79")), QList<Id>{smith});
    }

    void byEmailPrefixWhateverTheCase()
    {
        QCOMPARE(ids(QStringLiteral("maria.ivanova@")), QList<Id>{ivanova});
        QCOMPARE(ids(QStringLiteral("MARIA.IVANOVA@MAIL.RU")), QList<Id>{ivanova});
        QCOMPARE(ids(QStringLiteral("guest@ex")), QList<Id>{nameless});
        auto found = crm::GuestService(t.db, clock).search(QStringLiteral("john@"), 50).value();
        QCOMPARE(found.size(), 1);
        QVERIFY2(found.first().matched.contains(QStringLiteral("john@smith.co.uk")),
                 qPrintable(found.first().matched));
        QVERIFY(ids(QStringLiteral("nobody@")).isEmpty());
    }

    void byBookingNumber()
    {
        const QString number = bookingNumber(booking.id);
        QCOMPARE(ids(number), QList<Id>{solovyov});
        QCOMPARE(ids(number.toLower()), QList<Id>{solovyov});
        QCOMPARE(ids(number.left(4) + QLatin1Char('-') + number.mid(4)), QList<Id>{solovyov});
        auto found = crm::GuestService(t.db, clock).search(QStringLiteral("№") + number, 50).value();
        QCOMPARE(found.size(), 1);
        QVERIFY2(found.first().matched.contains(number), qPrintable(found.first().matched));
        // A number with one digit changed finds nobody.
        QString wrong = number;
        wrong[7] = wrong[7] == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
        QVERIFY(ids(wrong).isEmpty() || !ids(wrong).contains(solovyov));
    }

    void resultsAreDistinctAndLimited()
    {
        // A guest found by two routes (e-mail prefix and name) appears once.
        add(QStringLiteral("Иванов"), QStringLiteral("Пётр"), QStringLiteral("+7 916 111-22-44"), {});
        const QList<Id> both = ids(QStringLiteral("иванов"));
        QCOMPARE(both.size(), 2);
        QCOMPARE(ids(QStringLiteral("иванов"), 1).size(), 1);
        QCOMPARE(ids(QStringLiteral("+7 916 111 22")).size(), 2);
        QVERIFY(ids(QStringLiteral("")).isEmpty());
        QVERIFY(ids(QStringLiteral("@")).isEmpty());
    }

    void cleanupTestCase() { t.close(); }
};

QTEST_GUILESS_MAIN(TestGuestSearch)
#include "tst_guestsearch.moc"
