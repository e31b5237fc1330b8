#pragma once
// Tariffs (тарифы) and the price of a stay (путёвка: accommodation + meals + treatment). Pure: the
// booking dialog, the availability list and the server all price a stay the same way.
//
// The unit is the bed-night (койко-день) per person. A tariff belongs to a room category and a
// season (a date range of nights) and carries, per person per night: the main-bed price, the
// extra-bed price, the meal plans and the treatment programmes. Children pay a share of the adult
// price by age; the youngest sleep with their parents and pay nothing for the bed. A season may
// demand a minimum stay. Discounts (returning guest, long stay, promo code) do not add up: the
// largest one applies, to the whole stay.
#include "kasp/core/id.h"
#include "kasp/core/money.h"
#include "kasp/core/programme.h"
#include "kasp/core/result.h"
#include "kasp/core/room.h"
#include "kasp/core/stay.h"
#include <optional>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

namespace kasp {

struct Tariff
{
    Id id;
    Id categoryId;
    QString season;                           // "Лето 2027": shown in quotes and errors
    QDate from;                               // first night
    QDate to;                                 // the night after the last one: [from, to)
    Money mainBed;                            // per adult per night on a main bed
    Money extraBed;                           // per adult per night on an extra bed
    QMap<MealPlan, Money> meals;              // per person per night
    QMap<TreatmentProfile, Money> treatments; // per person per night
    int minNights = 1;
};

// A child's share of the adult price, by age on the check-in day: [fromAge, toAge].
struct ChildRule
{
    int fromAge = 0;
    int toAge = 0;
    int percent = 100;    // of the adult price of accommodation, meals and treatment
    bool needsBed = true; // false: sleeps with the parents, pays no accommodation
    Id id;                // last, so that {from, to, percent, needsBed} still reads naturally
};

struct Discount
{
    enum class Kind { ReturningGuest, LongStay, PromoCode };
    Kind kind = Kind::PromoCode;
    int percent = 0;
    int minNights = 0; // LongStay: from this many nights
    QString code;      // PromoCode: upper-case code the guest says
    QDate validFrom;   // PromoCode: check-in dates it applies to (invalid = open)
    QDate validTo;
    Id id;
};
QString discountKindKey(Discount::Kind kind); // "returning_guest", "long_stay", "promo_code"
std::optional<Discount::Kind> discountKindFromKey(const QString &key);

struct TariffBook
{
    QList<Tariff> tariffs;
    QList<ChildRule> childRules; // uncovered ages pay as adults
    QList<Discount> discounts;
};

struct PriceRequest
{
    Id categoryId;
    QString categoryName; // for messages
    int mainBeds = 2;     // the category's places
    int extraBeds = 0;    // how many extra beds the category can take
    Stay stay;
    int adults = 1;
    QList<int> childAges;
    MealPlan meals = MealPlan::FullBoard;
    TreatmentProfile treatment = TreatmentProfile::None;
    bool returningGuest = false;
    QString promoCode;
};

struct NightPrice
{
    QDate night;
    QString season;
    Money amount;
};

struct Quote
{
    Money accommodation;
    Money meals;
    Money treatment;
    Money discount; // subtracted
    Money total;
    QString discountName; // why, when there is one
    int extraBedsUsed = 0;
    QList<NightPrice> nights;
};

// Errors (messages in Russian for the consultant, codes stable):
//   "price.no_guests", "price.too_many_guests", "price.bad_child_age", "price.no_tariff" (names the
//   night), "price.min_stay" (names the season and its minimum), "price.no_meal_plan",
//   "price.no_treatment" (the season does not sell it), "price.unknown_promo".
Result<Quote> priceStay(const PriceRequest &request, const TariffBook &book);

// People who need a bed: the adults and the children whose age rule says so (uncovered ages do).
int sleepersFor(int adults, const QList<int> &childAges, const QList<ChildRule> &childRules);

// Until the head of sales enters seasons, each category sells at its bed-night price (which in a
// sanatorium's путёвка includes meals and the general programme) all year; extra beds at 70 %,
// children under 4 free without a bed, 4-13 at 70 %.
TariffBook baseTariffBook(const QList<RoomCategory> &categories);

// What the booking dialog prices with: the head of sales' seasons, and the base tariff for each
// category that has none yet; the base children's rules while the price list is entirely empty
// (the editor starts from them, so they are stored with the first save).
TariffBook effectiveTariffBook(const TariffBook &stored, const QList<RoomCategory> &categories);

// The head of sales' editors and the sync server check every record (codes "tariff.*"):
//   tariff.no_season (no name), tariff.bad_dates (no first night or the end not after it),
//   tariff.negative_price, tariff.price_too_high (over 10 000 000 ₽ a night), tariff.bad_min_stay (1-365
//   nights), tariff.bad_child_rule (ages 0-17 in order, 0-100 %), tariff.bad_discount (1-90 %, a long stay
//   from 2 nights, a promo code of letters, digits and '-', its dates in order);
// and the whole book: tariff.season_overlap (two seasons of one category share a night),
// tariff.child_overlap (an age in two rules), tariff.duplicate_promo (one code twice).
Status validateTariff(const Tariff &tariff);
Status validateChildRule(const ChildRule &rule);
Status validateDiscount(const Discount &discount);
// categoryNames: id -> name, for messages (may be empty).
Status validateTariffBook(const TariffBook &book, const QHash<Id, QString> &categoryNames = {});
// One record against the rest of a book (records with its own id are skipped, so an update is
// checked against the others): the record's own checks, then the whole-book rules it could break.
// The sync server checks each price mutation so; the desktop orders a save's writes by it.
Status checkAgainstBook(const Tariff &tariff, const TariffBook &book,
                        const QHash<Id, QString> &categoryNames = {});
Status checkAgainstBook(const ChildRule &rule, const TariffBook &book);
Status checkAgainstBook(const Discount &discount, const TariffBook &book);

} // namespace kasp
