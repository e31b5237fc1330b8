// The price of a stay, table-driven: seasons crossed night by night, children by age, extra beds,
// meal plans and programmes, the strictest minimum stay, and the largest discount only. Every
// expected figure below is worked out by hand in the row's comment.
#include "kasp/core/tariff.h"

#include <QtTest>

using namespace kasp;

namespace {
const Id kStd = QUuid::fromString(QStringLiteral("01900000-0000-7000-8000-000000000001"));

Money rub(qint64 r)
{
    return Money::fromRubles(r);
}

Tariff season(const QString &name, QDate from, QDate to, qint64 main, qint64 extra, qint64 full,
              qint64 breakfast, qint64 general, qint64 cardio, int minNights)
{
    Tariff t;
    t.id = newId();
    t.categoryId = kStd;
    t.season = name;
    t.from = from;
    t.to = to;
    t.mainBed = rub(main);
    t.extraBed = rub(extra);
    t.meals = {{MealPlan::FullBoard, rub(full)}, {MealPlan::Breakfast, rub(breakfast)}};
    t.treatments = {{TreatmentProfile::General, rub(general)}, {TreatmentProfile::Cardiology, rub(cardio)}};
    t.minNights = minNights;
    return t;
}

TariffBook book()
{
    TariffBook b;
    b.tariffs = {
        season(QStringLiteral("Межсезонье"), {2027, 5, 1}, {2027, 6, 1}, 3000, 2000, 1500, 400, 1200, 2000,
               7),
        season(QStringLiteral("Высокий"), {2027, 6, 1}, {2027, 6, 15}, 4500, 3000, 1800, 500, 1500, 2500, 10),
        season(QStringLiteral("Пиковый"), {2027, 6, 15}, {2027, 9, 1}, 5000, 3500, 2000, 600, 1600, 2800,
               14)};
    b.childRules = {{0, 3, 0, false}, {4, 11, 50, true}, {12, 17, 80, true}};
    b.discounts = {{Discount::Kind::ReturningGuest, 5, 0, {}, {}, {}},
                   {Discount::Kind::LongStay, 7, 21, {}, {}, {}},
                   {Discount::Kind::PromoCode, 10, 0, QStringLiteral("ЛЕТО10"), {2027, 6, 1}, {2027, 8, 31}}};
    return b;
}
} // namespace

class TestTariff : public QObject
{
    Q_OBJECT
private slots:
    void prices_data()
    {
        QTest::addColumn<QDate>("in");
        QTest::addColumn<QDate>("out");
        QTest::addColumn<int>("adults");
        QTest::addColumn<QList<int>>("children");
        QTest::addColumn<int>("extraBeds");
        QTest::addColumn<int>("meals");
        QTest::addColumn<int>("treatment");
        QTest::addColumn<bool>("returning");
        QTest::addColumn<QString>("promo");
        QTest::addColumn<qint64>("totalRubles"); // or -1 when an error is expected
        QTest::addColumn<QString>("error");

        const int full = int(MealPlan::FullBoard), breakfast = int(MealPlan::Breakfast),
                  none = int(TreatmentProfile::None);
        // 21 nights over three seasons: 4 x 2 x (3000+1500) + 14 x 2 x (4500+1800) + 3 x 2 x (5000+2000)
        // = 36,000 + 176,400 + 42,000 = 254,400; long stay (21+) 7 % = 17,808 -> 236,592.
        QTest::newRow("21 nights across 3 seasons")
            << QDate(2027, 5, 28) << QDate(2027, 6, 18) << 2 << QList<int>{} << 1 << full << none << false
            << QString() << 236592LL << QString();
        // Family, 7 nights off-season, full board, general programme. Per night: adults 2 x (3000+1500+1200)
        // = 11,400; child 14 (80 %, extra bed) 1600+1200+960 = 3,760; child 7 (50 %, extra bed)
        // 1000+750+600 = 2,350; child 2 (no bed, 0 %) 0 -> 17,510 x 7 = 122,570.
        QTest::newRow("children by age")
            << QDate(2027, 5, 10) << QDate(2027, 5, 17) << 2 << QList<int>{2, 7, 14} << 2 << full
            << int(TreatmentProfile::General) << false << QString() << 122570LL << QString();
        // Third adult on the extra bed: 2 x (3000+1500) + (2000+1500) = 12,500 x 7 = 87,500.
        QTest::newRow("adult on an extra bed")
            << QDate(2027, 5, 10) << QDate(2027, 5, 17) << 3 << QList<int>{} << 1 << full << none << false
            << QString() << 87500LL << QString();
        // 10 nights high season, breakfast, cardiology: (4500+500+2500) x 10 = 75,000. Returning 5 % and
        // promo 10 % do not add up: 10 % -> 67,500. The code is case-insensitive.
        QTest::newRow("largest discount only")
            << QDate(2027, 6, 1) << QDate(2027, 6, 11) << 1 << QList<int>{} << 1 << breakfast
            << int(TreatmentProfile::Cardiology) << true << QStringLiteral("лето10") << 67500LL << QString();
        // Returning guest alone: 75,000 - 5 % = 71,250.
        QTest::newRow("returning guest")
            << QDate(2027, 6, 1) << QDate(2027, 6, 11) << 1 << QList<int>{} << 1 << breakfast
            << int(TreatmentProfile::Cardiology) << true << QString() << 71250LL << QString();
        QTest::newRow("minimum stay")
            << QDate(2027, 6, 2) << QDate(2027, 6, 9) << 2 << QList<int>{} << 1 << full << none << false
            << QString() << -1LL << QStringLiteral("price.min_stay");
        QTest::newRow("the strictest season decides")
            << QDate(2027, 6, 10) << QDate(2027, 6, 21) << 2 << QList<int>{} << 1 << full << none << false
            << QString() << -1LL << QStringLiteral("price.min_stay");
        QTest::newRow("promo outside its dates")
            << QDate(2027, 5, 10) << QDate(2027, 5, 17) << 1 << QList<int>{} << 1 << full << none << false
            << QStringLiteral("ЛЕТО10") << -1LL << QStringLiteral("price.unknown_promo");
        QTest::newRow("night without a tariff")
            << QDate(2027, 8, 20) << QDate(2027, 9, 5) << 2 << QList<int>{} << 1 << full << none << false
            << QString() << -1LL << QStringLiteral("price.no_tariff");
        QTest::newRow("too many guests")
            << QDate(2027, 5, 10) << QDate(2027, 5, 17) << 4 << QList<int>{} << 1 << full << none << false
            << QString() << -1LL << QStringLiteral("price.too_many_guests");
        QTest::newRow("a baby needs no bed")
            << QDate(2027, 5, 10) << QDate(2027, 5, 17) << 2 << QList<int>{1} << 0 << full << none << false
            << QString() << 63000LL << QString();
        QTest::newRow("an 18-year-old is an adult")
            << QDate(2027, 5, 10) << QDate(2027, 5, 17) << 2 << QList<int>{18} << 1 << full << none << false
            << QString() << -1LL << QStringLiteral("price.bad_child_age");
        QTest::newRow("meal plan not sold")
            << QDate(2027, 5, 10) << QDate(2027, 5, 17) << 2 << QList<int>{} << 1 << int(MealPlan::HalfBoard)
            << none << false << QString() << -1LL << QStringLiteral("price.no_meal_plan");
        QTest::newRow("programme not sold") << QDate(2027, 5, 10) << QDate(2027, 5, 17) << 2 << QList<int>{}
                                            << 1 << full << int(TreatmentProfile::Neurology) << false
                                            << QString() << -1LL << QStringLiteral("price.no_treatment");
        QTest::newRow("no adult") << QDate(2027, 5, 10) << QDate(2027, 5, 17) << 0 << QList<int>{10} << 1
                                  << full << none << false << QString() << -1LL
                                  << QStringLiteral("price.no_guests");
    }

    void prices()
    {
        QFETCH(QDate, in);
        QFETCH(QDate, out);
        QFETCH(int, adults);
        QFETCH(QList<int>, children);
        QFETCH(int, extraBeds);
        QFETCH(int, meals);
        QFETCH(int, treatment);
        QFETCH(bool, returning);
        QFETCH(QString, promo);
        QFETCH(qint64, totalRubles);
        QFETCH(QString, error);
        PriceRequest r{kStd,
                       QStringLiteral("Стандарт"),
                       2,
                       extraBeds,
                       Stay::make(in, out).value(),
                       adults,
                       children,
                       MealPlan(meals),
                       TreatmentProfile(treatment),
                       returning,
                       promo};
        auto quote = priceStay(r, book());
        if (!error.isEmpty()) {
            QVERIFY2(!quote.ok(), "expected an error");
            QCOMPARE(quote.error().code, error);
            QVERIFY(!quote.error().message.isEmpty());
            return;
        }
        QVERIFY2(quote.ok(), qPrintable(quote.ok() ? QString() : quote.error().message));
        QCOMPARE(quote.value().total, rub(totalRubles));
        QCOMPARE(quote.value().total, quote.value().accommodation + quote.value().meals +
                                          quote.value().treatment - quote.value().discount);
        QCOMPARE(quote.value().nights.size(), r.stay.nights());
        Money sum;
        for (const NightPrice &n : quote.value().nights)
            sum += n.amount;
        QCOMPARE(sum, quote.value().total + quote.value().discount); // the per-night lines add up
    }

    void quoteNamesSeasonsAndTheDiscount()
    {
        PriceRequest r{kStd,
                       QStringLiteral("Стандарт"),
                       2,
                       1,
                       Stay::make({2027, 5, 28}, {2027, 6, 18}).value(),
                       2,
                       {},
                       MealPlan::FullBoard,
                       TreatmentProfile::None,
                       false,
                       {}};
        auto quote = priceStay(r, book());
        QVERIFY(quote.ok());
        QCOMPARE(quote.value().nights.first().season, QStringLiteral("Межсезонье"));
        QCOMPARE(quote.value().nights.at(4).season, QStringLiteral("Высокий"));
        QCOMPARE(quote.value().nights.last().season, QStringLiteral("Пиковый"));
        QVERIFY(quote.value().discountName.contains(QLatin1String("21")));
        // The minimum-stay message names the season and its minimum.
        r.stay = Stay::make({2027, 6, 2}, {2027, 6, 9}).value();
        const QString message = priceStay(r, book()).error().message;
        QVERIFY2(message.contains(QStringLiteral("Высокий")) && message.contains(QLatin1String("10")),
                 qPrintable(message));
    }

    void keysRoundTrip()
    {
        for (auto m : {MealPlan::None, MealPlan::Breakfast, MealPlan::HalfBoard, MealPlan::FullBoard})
            QCOMPARE(mealPlanFromKey(mealPlanKey(m)), m);
        for (auto t : {TreatmentProfile::None, TreatmentProfile::General, TreatmentProfile::Cardiology,
                       TreatmentProfile::Neurology, TreatmentProfile::Musculoskeletal,
                       TreatmentProfile::Digestive, TreatmentProfile::Respiratory})
            QCOMPARE(treatmentProfileFromKey(treatmentProfileKey(t)), t);
        QVERIFY(!mealPlanFromKey(QStringLiteral("all_inclusive")));
    }
};

QTEST_GUILESS_MAIN(TestTariff)
#include "tst_tariff.moc"
