// kasp-bench-pricing: the price of a 21-night stay across 3 seasons (2 adults and 2 children, full
// board and a programme, a promo code checked), timed per call over many calls; median and p95.
#include "benchsupport.h"
#include "kasp/core/tariff.h"

#include <cstdio>
#include <QElapsedTimer>

using namespace kasp;

int main()
try {
    const Id category = newId();
    TariffBook book;
    const struct
    {
        const char *name;
        QDate from, to;
        qint64 main;
    } seasons[] = {{"Межсезонье", {2027, 5, 1}, {2027, 6, 1}, 3000},
                   {"Высокий", {2027, 6, 1}, {2027, 6, 15}, 4500},
                   {"Пиковый", {2027, 6, 15}, {2027, 9, 1}, 5000}};
    // Other categories' tariffs too, as a real book has: 12 categories x 3 seasons.
    for (int c = 0; c < 12; ++c)
        for (const auto &s : seasons) {
            Tariff t;
            t.id = newId();
            t.categoryId = c == 11 ? category : newId();
            t.season = QString::fromUtf8(s.name);
            t.from = s.from;
            t.to = s.to;
            t.mainBed = Money::fromRubles(s.main);
            t.extraBed = Money::fromRubles(s.main * 2 / 3);
            t.meals = {{MealPlan::FullBoard, Money::fromRubles(1800)}};
            t.treatments = {{TreatmentProfile::Cardiology, Money::fromRubles(2500)}};
            t.minNights = 7;
            book.tariffs.append(t);
        }
    book.childRules = {{0, 3, 0, false}, {4, 11, 50, true}, {12, 17, 80, true}};
    book.discounts = {
        {Discount::Kind::ReturningGuest, 5, 0, {}, {}, {}},
        {Discount::Kind::LongStay, 7, 21, {}, {}, {}},
        {Discount::Kind::PromoCode, 10, 0, QStringLiteral("ЛЕТО10"), {2027, 5, 1}, {2027, 8, 31}}};
    const PriceRequest request{category,
                               QStringLiteral("Стандарт"),
                               2,
                               2,
                               Stay::make({2027, 5, 28}, {2027, 6, 18}).value(),
                               2,
                               {7, 14},
                               MealPlan::FullBoard,
                               TreatmentProfile::Cardiology,
                               true,
                               QStringLiteral("лето10")};

    bench::requireOk(priceStay(request, book), QStringLiteral("pricing the benchmark's stay"));
    constexpr int kCalls = 20'000;
    std::vector<double> samples;
    samples.reserve(kCalls);
    qint64 checksum = 0;
    for (int i = 0; i < kCalls; ++i) {
        QElapsedTimer t;
        t.start();
        auto quote = priceStay(request, book);
        samples.push_back(t.nsecsElapsed() / 1e6);
        if (!quote.ok())
            bench::failBench(QStringLiteral("pricing call %1").arg(i), quote.error());
        checksum += quote.value().total.kopecks();
    }
    const auto s = bench::stats(samples);
    std::printf("price of a 21-night stay across 3 seasons (2 adults + 2 children, 36 tariffs in the book): "
                "median %.4f ms, p95 %.4f ms, max %.3f ms over %d calls (total %s)\n",
                s.median, s.p95, s.max, kCalls, qPrintable(Money::fromKopecks(checksum / kCalls).toString()));
    return 0;
} catch (const bench::Failure &) {
    return 1;
}
