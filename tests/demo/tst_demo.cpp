// The demo sanatorium: deterministic, realistic in shape, and consistent (no double bookings).
#include "kasp/demo/demogenerator.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/roomrepository.h"
#include "kasp/storage/tariffrepository.h"
#include "kasp/testsupport/testdb.h"

#include <QSqlQuery>
#include <QtTest>

using namespace kasp;

namespace {
qint64 scalar(QSqlDatabase db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        qFatal("query failed: %s", qPrintable(sql));
    return q.value(0).toLongLong();
}

demo::DemoOptions smallOptions()
{
    demo::DemoOptions o;
    o.guests = 3000;
    o.today = QDate(2026, 11, 23);
    return o;
}
} // namespace

class TestDemo : public QObject
{
    Q_OBJECT
    test::TestDatabase t;
    demo::DemoSummary summary;

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        t = test::TestDatabase::create(QStringLiteral("demo"));
        int lastPercent = -1;
        bool monotonic = true;
        auto result = demo::generateDemo(t.db, smallOptions(), [&](int percent, const QString &) {
            monotonic = monotonic && percent >= lastPercent;
            lastPercent = percent;
            return true;
        });
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
        summary = result.value();
        QVERIFY(monotonic);
        QCOMPARE(lastPercent, 100);
    }

    void roomStockAndStaffAsSpecified()
    {
        QCOMPARE(summary.buildings, 3);
        QCOMPARE(summary.categories, 6);
        QCOMPARE(summary.rooms, 120);
        QCOMPARE(scalar(t.db, QStringLiteral("SELECT count(*) FROM rooms")), 120);
        for (const char *role : {"consultant", "head_of_sales", "director"})
            QVERIFY(scalar(t.db, QStringLiteral("SELECT count(*) FROM users WHERE role = '%1'")
                                     .arg(QLatin1String(role))) >= 1);
        QCOMPARE(scalar(t.db, QStringLiteral("SELECT count(*) FROM guests")), 3000);
    }

    void guestsHaveRussianNamesAndValidPhones()
    {
        QSqlQuery q(t.db);
        QVERIFY(q.exec(QStringLiteral("SELECT last_name, main_phone, birth_date FROM guests LIMIT 200")));
        int rows = 0;
        while (q.next()) {
            ++rows;
            QVERIFY(q.value(0).toString().at(0).script() == QChar::Script_Cyrillic);
            auto phone = Phone::parse(q.value(1).toString());
            QVERIFY(phone.ok());
            QCOMPARE(phone->e164(), q.value(1).toString());
            QVERIFY(QDate::fromString(q.value(2).toString(), Qt::ISODate).isValid());
        }
        QCOMPARE(rows, 200);
        // Phones are unique but for the demo's second cards (one in 1,000 repeats the phone of the
        // card before it, for the duplicates screen).
        QCOMPARE(scalar(t.db, QStringLiteral("SELECT count(*) FROM guest_phones")) -
                     scalar(t.db, QStringLiteral("SELECT count(DISTINCT e164) FROM guest_phones")),
                 3000 / 1000);
        QCOMPARE(scalar(t.db, QStringLiteral("SELECT count(*) FROM (SELECT search_name, birth_date FROM "
                                             "guests GROUP BY 1, 2 HAVING count(*) > 1)")),
                 3); // the cards at 499, 1499 and 2499 repeat the full name and birth date before them
    }

    void noTwoLiveStaysShareARoomNight()
    {
        QCOMPARE(scalar(t.db, QStringLiteral(
                                  "SELECT count(*) FROM bookings a JOIN bookings b ON a.room_id = b.room_id "
                                  "AND a.id < b.id AND a.status <> 'cancelled' AND b.status <> 'cancelled' "
                                  "AND a.check_in < b.check_out AND b.check_in < a.check_out")),
                 0);
    }

    void fiveYearsOfStaysWithASummerPeak()
    {
        QVERIFY(summary.stays > 5000); // 120 rooms x 5 years at ~70 % with ~14-night courses
        QSqlQuery q(t.db);
        QVERIFY(q.exec(QStringLiteral("SELECT min(check_in), max(check_in) FROM bookings")) && q.next());
        QVERIFY(QDate::fromString(q.value(0).toString(), Qt::ISODate) < QDate(2021, 12, 31));
        QVERIFY(QDate::fromString(q.value(1).toString(), Qt::ISODate) >
                QDate(2026, 11, 23)); // future bookings exist
        const qint64 july =
            scalar(t.db, QStringLiteral("SELECT count(*) FROM bookings WHERE substr(check_in, 6, 2) = '07'"));
        const qint64 february =
            scalar(t.db, QStringLiteral("SELECT count(*) FROM bookings WHERE substr(check_in, 6, 2) = '02'"));
        QVERIFY2(july > february * 3 / 2,
                 qPrintable(QStringLiteral("july %1 february %2").arg(july).arg(february)));
    }

    void touchesOutnumberBuyersAndEveryStayHasItsCall()
    {
        const qint64 buyers = scalar(t.db, QStringLiteral("SELECT count(DISTINCT guest_id) FROM bookings"));
        const qint64 touched = scalar(t.db, QStringLiteral("SELECT count(DISTINCT guest_id) FROM touches"));
        QCOMPARE(touched, 3000); // everyone who ever called is kept
        QVERIFY(buyers < touched);
        QVERIFY(scalar(t.db, QStringLiteral("SELECT count(*) FROM touches WHERE kind = 'booking'")) ==
                summary.stays);
        QVERIFY(scalar(t.db, QStringLiteral("SELECT count(*) FROM tasks WHERE status = 'open'")) > 0);
        QVERIFY(scalar(t.db, QStringLiteral("SELECT count(*) FROM deals WHERE stage = 'lost'")) > 0);
    }

    void moneyIsConsistent()
    {
        QCOMPARE(
            scalar(t.db, QStringLiteral("SELECT count(*) FROM bookings WHERE prepaid > total OR total <= 0")),
            0);
        // Prepaid bookings carry 10-20 % of the total.
        QCOMPARE(scalar(t.db, QStringLiteral("SELECT count(*) FROM bookings WHERE status = 'prepaid' AND "
                                             "(prepaid * 10 < total OR prepaid * 5 > total)")),
                 0);
    }

    void demoDataIsNotInTheOutbox() { QCOMPARE(storage::Outbox(t.db).pendingCount().value(), 0); }

    void sameSeedSameData()
    {
        auto other = test::TestDatabase::create(QStringLiteral("demo2"));
        QVERIFY(demo::generateDemo(other.db, smallOptions()).ok());
        const QString sql = QStringLiteral(
            "SELECT id || last_name || main_phone FROM guests ORDER BY id LIMIT 1 OFFSET 1234");
        QSqlQuery a(t.db), b(other.db);
        QVERIFY(a.exec(sql) && a.next() && b.exec(sql) && b.next());
        QCOMPARE(a.value(0).toString(), b.value(0).toString());
        QCOMPARE(scalar(other.db, QStringLiteral("SELECT sum(total) FROM bookings")),
                 scalar(t.db, QStringLiteral("SELECT sum(total) FROM bookings")));
        other.close();
    }

    void refusesNonEmptyDatabase()
    {
        auto again = demo::generateDemo(t.db, smallOptions());
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, QStringLiteral("demo.not_empty"));
    }

    void cancelLeavesTheDatabaseEmpty()
    {
        auto other = test::TestDatabase::create(QStringLiteral("demo3"));
        auto result = demo::generateDemo(other.db, smallOptions(),
                                         [](int percent, const QString &) { return percent < 40; });
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("demo.cancelled"));
        QCOMPARE(scalar(other.db, QStringLiteral("SELECT count(*) FROM guests")), 0);
        QCOMPARE(scalar(other.db, QStringLiteral("SELECT count(*) FROM bookings")), 0);
        other.close();
    }

    void thePriceListCoversEveryNightOfThreeYears()
    {
        test::TestDatabase priced = test::TestDatabase::create(QStringLiteral("demo-prices"));
        demo::DemoOptions options;
        options.guests = 50;
        options.today = QDate(2027, 3, 10);
        options.priceList = true;
        QVERIFY(demo::generateDemo(priced.db, options).ok());
        SystemClock clock;
        const TariffBook book = storage::TariffRepository(priced.db, clock).load().value();
        QVERIFY(validateTariffBook(book).ok()); // no night in two seasons
        QCOMPARE(book.childRules.size(), 3);
        QCOMPARE(book.discounts.size(), 3);
        const QList<RoomCategory> categories = storage::RoomRepository(priced.db, clock).categories().value();
        QCOMPARE(book.tariffs.size(), categories.size() * 16); // 5 a year for 3 years, and a New Year before
        for (const RoomCategory &c : categories)
            for (QDate night(2026, 1, 1); night < QDate(2029, 1, 1); night = night.addDays(1)) {
                int seasons = 0;
                for (const Tariff &t : book.tariffs)
                    seasons += t.categoryId == c.id && night >= t.from && night < t.to ? 1 : 0;
                QVERIFY2(seasons == 1, qPrintable(night.toString(Qt::ISODate) + QLatin1Char(' ') + c.name));
            }
        // Summer sells dearer than spring, meals and the programme on top of the bed.
        PriceRequest request;
        request.categoryId = categories.first().id;
        request.mainBeds = categories.first().beds;
        request.treatment = TreatmentProfile::Cardiology;
        request.stay = Stay::make({2027, 7, 1}, {2027, 7, 15}).value();
        const Money summer = priceStay(request, book).value().total;
        request.stay = Stay::make({2027, 4, 1}, {2027, 4, 15}).value();
        const Money spring = priceStay(request, book).value().total;
        QVERIFY(summer > spring);
        QCOMPARE(storage::Outbox(priced.db).pendingCount().value(), 0);
        priced.close();
    }

    void cleanupTestCase() { t.close(); }
};

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
