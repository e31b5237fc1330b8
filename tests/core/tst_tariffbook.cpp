// The head of sales' price list: every record checked alone and the book as a whole (seasons that
// share a night, ages under two rules, a promo code twice), the wire codecs with bad input, and the
// book the dialog prices with (base tariff only where a category has no season yet).
#include "kasp/core/mutation.h"
#include "kasp/core/tariff.h"

#include <QJsonDocument>
#include <QtTest>

using namespace kasp;

namespace {

const Id kStd = QUuid::fromString(QStringLiteral("01900000-0000-7000-8000-000000000001"));
const Id kLux = QUuid::fromString(QStringLiteral("01900000-0000-7000-8000-000000000002"));

Tariff season(const Id &category, const QString &name, QDate from, QDate to)
{
    Tariff t;
    t.id = newId();
    t.categoryId = category;
    t.season = name;
    t.from = from;
    t.to = to;
    t.mainBed = Money::fromRubles(3000);
    t.extraBed = Money::fromRubles(2100);
    t.meals = {{MealPlan::FullBoard, Money::fromRubles(1500)}, {MealPlan::Breakfast, Money::fromRubles(400)}};
    t.treatments = {{TreatmentProfile::Cardiology, Money::fromRubles(2000)}};
    t.minNights = 7;
    return t;
}

Discount promo(const QString &code, int percent)
{
    Discount d;
    d.id = newId();
    d.kind = Discount::Kind::PromoCode;
    d.percent = percent;
    d.code = code;
    return d;
}

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestTariffBook : public QObject
{
    Q_OBJECT
private slots:
    void records_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("code"); // "" = valid
        QTest::newRow("season ok") << "ok"
                                   << "";
        QTest::newRow("no name") << "noName"
                                 << "tariff.no_season";
        QTest::newRow("ends before it starts") << "backwards"
                                               << "tariff.bad_dates";
        QTest::newRow("one night, same day") << "empty"
                                             << "tariff.bad_dates";
        QTest::newRow("negative meal price") << "negativeMeal"
                                             << "tariff.negative_price";
        QTest::newRow("11 million a night") << "tooHigh"
                                            << "tariff.price_too_high";
        QTest::newRow("minimum stay 0") << "minZero"
                                        << "tariff.bad_min_stay";
        QTest::newRow("child 0-3 free") << "childOk"
                                        << "";
        QTest::newRow("child 12-18") << "child18"
                                     << "tariff.bad_child_rule";
        QTest::newRow("child 10-5") << "childBackwards"
                                    << "tariff.bad_child_rule";
        QTest::newRow("child 120 %") << "child120"
                                     << "tariff.bad_child_rule";
        QTest::newRow("promo ok") << "promoOk"
                                  << "";
        QTest::newRow("promo with a space") << "promoSpace"
                                            << "tariff.bad_discount";
        QTest::newRow("promo 0 %") << "promoZero"
                                   << "tariff.bad_discount";
        QTest::newRow("promo 95 %") << "promo95"
                                    << "tariff.bad_discount";
        QTest::newRow("promo dates backwards") << "promoDates"
                                               << "tariff.bad_discount";
        QTest::newRow("long stay from 1 night") << "longOne"
                                                << "tariff.bad_discount";
        QTest::newRow("long stay from 14 nights") << "longOk"
                                                  << "";
    }
    void records()
    {
        QFETCH(QString, what);
        QFETCH(QString, code);
        Tariff t = season(kStd, QStringLiteral("Лето"), {2027, 6, 1}, {2027, 9, 1});
        ChildRule child{0, 3, 0, false};
        Discount d = promo(QStringLiteral("ЛЕТО-10"), 10);
        Status status;
        if (what == "noName")
            t.season = QStringLiteral("  ");
        else if (what == "backwards")
            t.to = QDate(2027, 5, 1);
        else if (what == "empty")
            t.to = t.from;
        else if (what == "negativeMeal")
            t.meals[MealPlan::Breakfast] = Money::fromKopecks(-1);
        else if (what == "minZero")
            t.minNights = 0;
        else if (what == "tooHigh")
            t.treatments[TreatmentProfile::Cardiology] = Money::fromRubles(11'000'000);
        else if (what == "child18")
            child = {12, 18, 80, true};
        else if (what == "childBackwards")
            child = {10, 5, 50, true};
        else if (what == "child120")
            child = {4, 11, 120, true};
        else if (what == "promoSpace")
            d.code = QStringLiteral("ЛЕТО 10");
        else if (what == "promoZero")
            d.percent = 0;
        else if (what == "promo95")
            d.percent = 95;
        else if (what == "promoDates") {
            d.validFrom = QDate(2027, 8, 1);
            d.validTo = QDate(2027, 7, 1);
        } else if (what == "longOne" || what == "longOk") {
            d.kind = Discount::Kind::LongStay;
            d.minNights = what == "longOne" ? 1 : 14;
        }
        if (what.startsWith("child"))
            status = validateChildRule(child);
        else if (what.startsWith("promo") || what.startsWith("long"))
            status = validateDiscount(d);
        else
            status = validateTariff(t);
        QCOMPARE(status.ok() ? QString() : status.error().code, code);
        if (!status.ok())
            QVERIFY(!status.error().message.isEmpty());
    }

    void bookAsAWhole()
    {
        TariffBook book;
        book.tariffs = {season(kStd, QStringLiteral("Весна"), {2027, 3, 1}, {2027, 6, 1}),
                        season(kStd, QStringLiteral("Лето"), {2027, 6, 1}, {2027, 9, 1}),
                        // The same dates in another category are no overlap.
                        season(kLux, QStringLiteral("Лето"), {2027, 6, 1}, {2027, 9, 1})};
        book.childRules = {{0, 3, 0, false}, {4, 13, 70, true}};
        book.discounts = {promo(QStringLiteral("ЛЕТО"), 10), promo(QStringLiteral("ОСЕНЬ"), 5)};
        QVERIFY(validateTariffBook(book).ok());

        TariffBook overlap = book;
        overlap.tariffs[0].to = QDate(2027, 6, 2); // spring's last night is summer's first
        const Status s = validateTariffBook(overlap, {{kStd, QStringLiteral("Стандарт")}});
        QCOMPARE(s.error().code, QStringLiteral("tariff.season_overlap"));
        QVERIFY2(s.error().message.contains(QStringLiteral("Стандарт")) &&
                     s.error().message.contains(QStringLiteral("01.06.2027")),
                 qPrintable(s.error().message));

        TariffBook ages = book;
        ages.childRules.append({13, 17, 80, true});
        QCOMPARE(validateTariffBook(ages).error().code, QStringLiteral("tariff.child_overlap"));

        TariffBook twice = book;
        twice.discounts.append(promo(QStringLiteral("лето"), 15)); // codes are case-blind
        QCOMPARE(validateTariffBook(twice).error().code, QStringLiteral("tariff.duplicate_promo"));

        TariffBook badRecord = book;
        badRecord.tariffs[2].minNights = 400;
        QCOMPARE(validateTariffBook(badRecord).error().code, QStringLiteral("tariff.bad_min_stay"));
    }

    void oneRecordAgainstTheBook()
    {
        // What the sync server asks of each price mutation: does this record, as it would be
        // stored, break a rule together with the others?
        TariffBook book;
        book.tariffs = {season(kStd, QStringLiteral("Весна"), {2027, 3, 1}, {2027, 6, 1}),
                        season(kStd, QStringLiteral("Лето"), {2027, 6, 1}, {2027, 9, 1})};
        book.childRules = {{0, 3, 0, false, newId()}, {4, 13, 70, true, newId()}};
        book.discounts = {promo(QStringLiteral("ЛЕТО"), 10)};

        Tariff autumn = season(kStd, QStringLiteral("Осень"), {2027, 8, 25}, {2027, 11, 1});
        const Status clash = checkAgainstBook(autumn, book, {{kStd, QStringLiteral("Стандарт")}});
        QCOMPARE(clash.error().code, QStringLiteral("tariff.season_overlap"));
        QVERIFY2(clash.error().message.contains(QStringLiteral("«Лето»")) &&
                     clash.error().message.contains(QStringLiteral("«Осень»")) &&
                     clash.error().message.contains(QStringLiteral("25.08.2027")),
                 qPrintable(clash.error().message));
        autumn.from = QDate(2027, 9, 1);
        QVERIFY(checkAgainstBook(autumn, book).ok());
        autumn.categoryId = kLux; // the same nights in another category
        autumn.from = QDate(2027, 8, 25);
        QVERIFY(checkAgainstBook(autumn, book).ok());

        // An update is checked against the others, not against its own old version.
        Tariff longerSummer = book.tariffs[1];
        longerSummer.to = QDate(2027, 9, 15);
        QVERIFY(checkAgainstBook(longerSummer, book).ok());
        longerSummer.from = QDate(2027, 5, 20); // now into spring
        QCOMPARE(checkAgainstBook(longerSummer, book).error().code, QStringLiteral("tariff.season_overlap"));
        // The record's own rules come first.
        longerSummer.minNights = 0;
        QCOMPARE(checkAgainstBook(longerSummer, book).error().code, QStringLiteral("tariff.bad_min_stay"));

        QCOMPARE(checkAgainstBook(ChildRule{12, 17, 80, true, newId()}, book).error().code,
                 QStringLiteral("tariff.child_overlap"));
        QVERIFY(checkAgainstBook(ChildRule{14, 17, 80, true, newId()}, book).ok());
        ChildRule widened = book.childRules[1];
        widened.toAge = 15;
        QVERIFY(checkAgainstBook(widened, book).ok());

        QCOMPARE(checkAgainstBook(promo(QStringLiteral(" лето "), 5), book).error().code,
                 QStringLiteral("tariff.duplicate_promo"));
        Discount renamed = book.discounts[0];
        renamed.percent = 12;
        QVERIFY(checkAgainstBook(renamed, book).ok());
        Discount loyal;
        loyal.id = newId();
        loyal.kind = Discount::Kind::ReturningGuest;
        loyal.percent = 5;
        QVERIFY(checkAgainstBook(loyal, book).ok());
    }

    void codecsRoundTrip()
    {
        const Tariff t = season(kStd, QStringLiteral("Лето"), {2027, 6, 1}, {2027, 9, 1});
        const Result<Tariff> back = tariffFromJson(toJson(t));
        QVERIFY(back.ok());
        QCOMPARE(back.value().id, t.id);
        QCOMPARE(back.value().categoryId, kStd);
        QCOMPARE(back.value().season, t.season);
        QCOMPARE(back.value().from, t.from);
        QCOMPARE(back.value().to, t.to);
        QCOMPARE(back.value().mainBed, t.mainBed);
        QCOMPARE(back.value().extraBed, t.extraBed);
        QCOMPARE(back.value().meals, t.meals);
        QCOMPARE(back.value().treatments, t.treatments);
        QCOMPARE(back.value().minNights, 7);
        QCOMPARE(toJson(t).value("meals").toObject().value("full_board").toInteger(), 150000);

        ChildRule c{4, 13, 70, true, newId()};
        const Result<ChildRule> c2 = childRuleFromJson(toJson(c));
        QVERIFY(c2.ok());
        QCOMPARE(c2.value().id, c.id);
        QCOMPARE(c2.value().fromAge, 4);
        QCOMPARE(c2.value().toAge, 13);
        QCOMPARE(c2.value().percent, 70);
        QCOMPARE(c2.value().needsBed, true);

        Discount d = promo(QStringLiteral("ЛЕТО"), 10);
        d.validFrom = QDate(2027, 6, 1);
        const Result<Discount> d2 = discountFromJson(toJson(d));
        QVERIFY(d2.ok());
        QCOMPARE(d2.value().kind, Discount::Kind::PromoCode);
        QCOMPARE(d2.value().code, d.code);
        QCOMPARE(d2.value().validFrom, d.validFrom);
        QVERIFY(!d2.value().validTo.isValid());
    }

    void badJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("names");
        const QByteArray ok =
            R"("id":"01900000-0000-7000-8000-0000000000aa","categoryId":"01900000-0000-7000-8000-000000000001","season":"Лето","from":"2027-06-01","to":"2027-09-01")";
        QTest::newRow("no season")
            << QByteArray(
                   R"({"id":"01900000-0000-7000-8000-0000000000aa","categoryId":"01900000-0000-7000-8000-000000000001","from":"2027-06-01","to":"2027-09-01"})")
            << "json.missing_field"
            << "season";
        QTest::newRow("unknown meal plan")
            << ("{" + ok + R"(,"meals":{"all_inclusive":100}})") << "json.bad_value"
            << "meals.all_inclusive";
        QTest::newRow("fractional kopecks")
            << ("{" + ok + R"(,"treatments":{"cardiology":10.5}})") << "json.bad_value"
            << "treatments.cardiology";
        QTest::newRow("negative price") << ("{" + ok + R"(,"meals":{"breakfast":-100}})") << "json.bad_value"
                                        << "meals.breakfast";
        QTest::newRow("meals not an object") << ("{" + ok + R"(,"meals":[1,2]})") << "json.bad_value"
                                             << "meals";
        QTest::newRow("bad date")
            << QByteArray(
                   R"({"id":"01900000-0000-7000-8000-0000000000aa","categoryId":"01900000-0000-7000-8000-000000000001","season":"Лето","from":"2027-6-1","to":"2027-09-01"})")
            << "json.bad_value"
            << "from";
    }
    void badJson()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, code);
        QFETCH(QString, names);
        const QJsonObject object = QJsonDocument::fromJson(json).object();
        QVERIFY2(!object.isEmpty(), json.constData());
        const Result<Tariff> t = tariffFromJson(object);
        QVERIFY(!t.ok());
        QCOMPARE(t.error().code, code);
        QVERIFY2(t.error().message.contains(names), qPrintable(t.error().message));
    }

    void badChildAndDiscountJson()
    {
        auto c =
            childRuleFromJson(parse(R"({"id":"01900000-0000-7000-8000-0000000000aa","needsBed":"yes"})"));
        QCOMPARE(c.error().code, QStringLiteral("json.bad_value"));
        auto d =
            discountFromJson(parse(R"({"id":"01900000-0000-7000-8000-0000000000aa","kind":"black_friday"})"));
        QCOMPARE(d.error().code, QStringLiteral("json.bad_value"));
        auto noKind = discountFromJson(parse(R"({"id":"01900000-0000-7000-8000-0000000000aa"})"));
        QCOMPARE(noKind.error().code, QStringLiteral("json.missing_field"));
    }

    void effectiveBookFillsOnlyUnpricedCategories()
    {
        RoomCategory std{kStd, QStringLiteral("std"),  QStringLiteral("Стандарт"), 2,
                         1,    Money::fromRubles(2500)};
        RoomCategory lux{kLux, QStringLiteral("lux"), QStringLiteral("Люкс"), 2, 1, Money::fromRubles(6000)};
        TariffBook stored;
        stored.tariffs = {season(kStd, QStringLiteral("Лето"), {2027, 6, 1}, {2027, 9, 1})};
        const TariffBook book = effectiveTariffBook(stored, {std, lux});
        QCOMPARE(book.tariffs.size(), 2); // the summer season, and the base tariff for Люкс only
        QCOMPARE(book.tariffs[1].categoryId, kLux);
        QCOMPARE(book.tariffs[1].mainBed, Money::fromRubles(6000));
        QVERIFY(book.childRules.isEmpty()); // a kept price list's rules are its own: none here
        QCOMPARE(effectiveTariffBook({}, {std, lux}).childRules.size(), 2); // base rules for an empty list

        // Стандарт outside its season: the head of sales' book has no price, and says so.
        PriceRequest request;
        request.categoryId = kStd;
        request.categoryName = std.name;
        request.stay = Stay::make({2027, 10, 1}, {2027, 10, 8}).value();
        request.adults = 2;
        const Result<Quote> quote = priceStay(request, book);
        QCOMPARE(quote.error().code, QStringLiteral("price.no_tariff"));

        stored.childRules = {{0, 17, 50, true, newId()}};
        QCOMPARE(effectiveTariffBook(stored, {std, lux}).childRules.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestTariffBook)
#include "tst_tariffbook.moc"
