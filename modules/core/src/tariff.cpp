#include "kasp/core/tariff.h"

#include <algorithm>
#include <array>
#include <QCoreApplication>

namespace kasp {

namespace {

QString tr(const char *text, const char *comment = nullptr, int n = -1)
{
    // lupdate files the tr() of free functions under their namespace: the context is "kasp".
    return QCoreApplication::translate("kasp", text, comment, n);
}

constexpr std::array<std::pair<MealPlan, const char *>, 4> kMealKeys{{{MealPlan::None, "none"},
                                                                      {MealPlan::Breakfast, "breakfast"},
                                                                      {MealPlan::HalfBoard, "half_board"},
                                                                      {MealPlan::FullBoard, "full_board"}}};
constexpr std::array<std::pair<TreatmentProfile, const char *>, 7> kTreatmentKeys{
    {{TreatmentProfile::None, "none"},
     {TreatmentProfile::General, "general"},
     {TreatmentProfile::Cardiology, "cardiology"},
     {TreatmentProfile::Neurology, "neurology"},
     {TreatmentProfile::Musculoskeletal, "musculoskeletal"},
     {TreatmentProfile::Digestive, "digestive"},
     {TreatmentProfile::Respiratory, "respiratory"}}};

template <typename E, size_t N> QString keyOf(const std::array<std::pair<E, const char *>, N> &keys, E value)
{
    for (const auto &[v, key] : keys)
        if (v == value)
            return QLatin1String(key);
    return {};
}

template <typename E, size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, const char *>, N> &keys, const QString &key)
{
    for (const auto &[v, k] : keys)
        if (key == QLatin1String(k))
            return v;
    return std::nullopt;
}

struct Person
{
    int percent = 100;
    bool needsBed = true;
    bool mainBed = true;
};

QString dateText(QDate d)
{
    return d.toString(QStringLiteral("dd.MM.yyyy"));
}

} // namespace

QString mealPlanKey(MealPlan plan)
{
    return keyOf(kMealKeys, plan);
}
std::optional<MealPlan> mealPlanFromKey(const QString &key)
{
    return valueOf(kMealKeys, key);
}
QString treatmentProfileKey(TreatmentProfile profile)
{
    return keyOf(kTreatmentKeys, profile);
}
std::optional<TreatmentProfile> treatmentProfileFromKey(const QString &key)
{
    return valueOf(kTreatmentKeys, key);
}

Result<Quote> priceStay(const PriceRequest &request, const TariffBook &book)
{
    if (request.adults < 1)
        return Error{QStringLiteral("price.no_guests"), tr("A stay needs at least one adult")};

    // Who sleeps where: adults take the main beds first, then children; the rest get extra beds.
    QList<Person> people;
    for (int i = 0; i < request.adults; ++i)
        people.append(Person{});
    QList<int> ages = request.childAges;
    std::sort(ages.begin(), ages.end(), std::greater<int>()); // older children before younger ones
    for (int age : ages) {
        if (age < 0 || age > 17)
            return Error{QStringLiteral("price.bad_child_age"),
                         tr("A child is 0 to 17 years old; older guests are adults")};
        Person child;
        for (const ChildRule &rule : book.childRules)
            if (age >= rule.fromAge && age <= rule.toAge) {
                child.percent = rule.percent;
                child.needsBed = rule.needsBed;
                break;
            }
        people.append(child);
    }
    int bedsTaken = 0;
    int extraBedsUsed = 0;
    for (Person &p : people) {
        if (!p.needsBed)
            continue;
        p.mainBed = bedsTaken < request.mainBeds;
        extraBedsUsed += p.mainBed ? 0 : 1;
        ++bedsTaken;
    }
    if (extraBedsUsed > request.extraBeds)
        return Error{QStringLiteral("price.too_many_guests"),
                     tr("«%1» sleeps %2 on main beds and %3 on extra beds")
                         .arg(request.categoryName)
                         .arg(request.mainBeds)
                         .arg(request.extraBeds)};

    // The tariff of every night, and the strictest minimum stay among the seasons touched.
    const int nights = request.stay.nights();
    QList<const Tariff *> perNight;
    perNight.reserve(nights);
    const Tariff *strictest = nullptr;
    for (int i = 0; i < nights; ++i) {
        const QDate night = request.stay.checkIn().addDays(i);
        const Tariff *found = nullptr;
        for (const Tariff &t : book.tariffs)
            if (t.categoryId == request.categoryId && night >= t.from && night < t.to) {
                found = &t;
                break;
            }
        if (!found)
            return Error{
                QStringLiteral("price.no_tariff"),
                tr("No tariff for «%1» on the night of %2").arg(request.categoryName, dateText(night))};
        if (request.meals != MealPlan::None && !found->meals.contains(request.meals))
            return Error{QStringLiteral("price.no_meal_plan"),
                         tr("Season «%1» does not offer this meal plan").arg(found->season)};
        if (request.treatment != TreatmentProfile::None && !found->treatments.contains(request.treatment))
            return Error{QStringLiteral("price.no_treatment"),
                         tr("Season «%1» has no programme of this profile").arg(found->season)};
        if (!strictest || found->minNights > strictest->minNights)
            strictest = found;
        perNight.append(found);
    }
    if (strictest && nights < strictest->minNights)
        return Error{QStringLiteral("price.min_stay"),
                     tr("In season «%1» the shortest stay is %n night(s); this one has %2", nullptr,
                        strictest->minNights)
                         .arg(strictest->season)
                         .arg(nights)};

    Quote quote;
    quote.extraBedsUsed = extraBedsUsed;
    quote.nights.reserve(nights);
    for (int i = 0; i < nights; ++i) {
        const Tariff &t = *perNight[i];
        const Money meal = request.meals == MealPlan::None ? Money() : t.meals.value(request.meals);
        const Money treatment =
            request.treatment == TreatmentProfile::None ? Money() : t.treatments.value(request.treatment);
        Money night;
        for (const Person &p : people) {
            const Money bed = p.needsBed ? (p.mainBed ? t.mainBed : t.extraBed).percent(p.percent) : Money();
            const Money food = meal.percent(p.percent);
            // The youngest, who need no bed, are not treated either.
            const Money cure = p.needsBed ? treatment.percent(p.percent) : Money();
            quote.accommodation += bed;
            quote.meals += food;
            quote.treatment += cure;
            night += bed + food + cure;
        }
        quote.nights.append(NightPrice{request.stay.checkIn().addDays(i), t.season, night});
    }
    const Money subtotal = quote.accommodation + quote.meals + quote.treatment;

    // Discounts do not add up: the largest applies.
    int best = 0;
    auto consider = [&](int percent, const QString &name) {
        if (percent > best) {
            best = percent;
            quote.discountName = name;
        }
    };
    const QString code = request.promoCode.trimmed().toUpper();
    bool promoFound = code.isEmpty();
    for (const Discount &d : book.discounts) {
        switch (d.kind) {
        case Discount::Kind::ReturningGuest:
            if (request.returningGuest)
                consider(d.percent, tr("returning guest %1 %").arg(d.percent));
            break;
        case Discount::Kind::LongStay:
            if (nights >= d.minNights)
                consider(d.percent, tr("%1 nights or more %2 %").arg(d.minNights).arg(d.percent));
            break;
        case Discount::Kind::PromoCode: {
            const QDate in = request.stay.checkIn();
            const bool valid =
                (!d.validFrom.isValid() || in >= d.validFrom) && (!d.validTo.isValid() || in <= d.validTo);
            if (!code.isEmpty() && d.code.toUpper() == code && valid) {
                promoFound = true;
                consider(d.percent, tr("promo code %1 %2 %").arg(code).arg(d.percent));
            }
            break;
        }
        }
    }
    if (!promoFound)
        return Error{QStringLiteral("price.unknown_promo"),
                     tr("Promo code «%1» does not apply to these dates").arg(request.promoCode.trimmed())};
    quote.discount = subtotal.percent(best);
    quote.total = subtotal - quote.discount;
    return quote;
}

int sleepersFor(int adults, const QList<int> &childAges, const QList<ChildRule> &childRules)
{
    int sleepers = std::max(0, adults);
    for (int age : childAges) {
        bool needsBed = true;
        for (const ChildRule &rule : childRules)
            if (age >= rule.fromAge && age <= rule.toAge) {
                needsBed = rule.needsBed;
                break;
            }
        sleepers += needsBed ? 1 : 0;
    }
    return sleepers;
}

TariffBook baseTariffBook(const QList<RoomCategory> &categories)
{
    TariffBook book;
    for (const RoomCategory &c : categories) {
        Tariff t;
        t.id = c.id;
        t.categoryId = c.id;
        t.season = tr("Base tariff");
        t.from = QDate(2000, 1, 1);
        t.to = QDate(2100, 1, 1);
        t.mainBed = c.pricePerBedNight;
        t.extraBed = c.pricePerBedNight.percent(70);
        t.meals = {
            {MealPlan::FullBoard, Money()}, {MealPlan::HalfBoard, Money()}, {MealPlan::Breakfast, Money()}};
        // Every profile the sanatorium treats, at no extra cost: the bed-night price covers it.
        for (const auto &[profile, key] : kTreatmentKeys)
            if (profile != TreatmentProfile::None)
                t.treatments.insert(profile, Money());
        book.tariffs.append(t);
    }
    book.childRules = {{0, 3, 0, false}, {4, 13, 70, true}};
    return book;
}

} // namespace kasp
