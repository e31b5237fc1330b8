// The demo sanatorium's price list: five seasons a year (spring off-season, summer, velvet season,
// autumn off-season, New Year) for last year, this year and next, every night covered; the bed
// priced apart from meals and programmes, as a путёвка is sold; children's rules and discounts.
#include "democontext.h"
#include "kasp/core/mutation.h"
#include "kasp/storage/replicastore.h"

namespace kasp::demo {

namespace {

struct SeasonSpec
{
    const char *name;
    int fromMonth, fromDay; // first night, in the season's year
    int toMonth, toDay;     // the night after the last one (may be in the next year)
    int percent;            // of the category's base bed price
    int minNights;
};

const SeasonSpec kSeasons[] = {
    {"Межсезонье весна", 1, 10, 6, 1, 90, 3}, {"Лето", 6, 1, 9, 1, 125, 7},
    {"Бархатный сезон", 9, 1, 11, 1, 110, 5}, {"Межсезонье осень", 11, 1, 12, 28, 85, 3},
    {"Новый год", 12, 28, 1, 10, 140, 5}, // ends in January of the next year
};

Money rubles(int r)
{
    return Money::fromRubles(r);
}

} // namespace

Status generatePriceList(DemoContext &ctx)
{
    storage::ReplicaStore store(ctx.db); // the demo's rows are the base, not local edits: no outbox
    const int thisYear = ctx.options.today.year();
    for (const DemoCategory &category : ctx.categories) {
        // The New Year season before the first year covers its first nights.
        QList<std::pair<int, const SeasonSpec *>> seasons{{thisYear - 2, &kSeasons[4]}};
        for (int year = thisYear - 1; year <= thisYear + 1; ++year)
            for (const SeasonSpec &spec : kSeasons)
                seasons.append({year, &spec});
        for (const auto &[year, spec] : seasons) {
            Tariff t;
            t.id = ctx.random.id();
            t.categoryId = category.id;
            t.from = QDate(year, spec->fromMonth, spec->fromDay);
            t.to = QDate(spec->toMonth < spec->fromMonth ? year + 1 : year, spec->toMonth, spec->toDay);
            t.season = spec->toMonth < spec->fromMonth
                           ? QStringLiteral("%1 %2/%3")
                                 .arg(QString::fromUtf8(spec->name))
                                 .arg(year)
                                 .arg((year + 1) % 100)
                           : QStringLiteral("%1 %2").arg(QString::fromUtf8(spec->name)).arg(year);
            // Accommodation is 60 % of the base price; meals and the programme make up the rest.
            t.mainBed = category.pricePerBedNight.percent(60).percent(spec->percent);
            t.extraBed = t.mainBed.percent(70);
            t.meals = {{MealPlan::Breakfast, rubles(350)},
                       {MealPlan::HalfBoard, rubles(900)},
                       {MealPlan::FullBoard, rubles(1400)}};
            t.treatments = {{TreatmentProfile::General, rubles(900)},
                            {TreatmentProfile::Cardiology, rubles(1500)},
                            {TreatmentProfile::Neurology, rubles(1400)},
                            {TreatmentProfile::Musculoskeletal, rubles(1400)},
                            {TreatmentProfile::Digestive, rubles(1300)},
                            {TreatmentProfile::Respiratory, rubles(1200)}};
            t.minNights = spec->minNights;
            if (auto s = store.store(sync::EntityKind::Tariff, toJson(t)); !s.ok())
                return s;
        }
    }
    const QList<ChildRule> children{{0, 3, 0, false, ctx.random.id()},
                                    {4, 11, 60, true, ctx.random.id()},
                                    {12, 15, 80, true, ctx.random.id()}};
    for (const ChildRule &rule : children)
        if (auto s = store.store(sync::EntityKind::ChildRule, toJson(rule)); !s.ok())
            return s;
    QList<Discount> discounts(3);
    discounts[0].kind = Discount::Kind::ReturningGuest;
    discounts[0].percent = 5;
    discounts[1].kind = Discount::Kind::LongStay;
    discounts[1].percent = 7;
    discounts[1].minNights = 21;
    discounts[2].kind = Discount::Kind::PromoCode;
    discounts[2].percent = 8;
    discounts[2].code = QStringLiteral("РАННЯЯ-ПТИЦА");
    discounts[2].validFrom = QDate(thisYear, 1, 1);
    discounts[2].validTo = QDate(thisYear, 5, 31);
    for (Discount &d : discounts) {
        d.id = ctx.random.id();
        if (auto s = store.store(sync::EntityKind::Discount, toJson(d)); !s.ok())
            return s;
    }
    return {};
}

} // namespace kasp::demo
