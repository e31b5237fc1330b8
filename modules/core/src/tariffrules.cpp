// Checks on the head of sales' price list, and the book the booking dialog prices with.
#include "kasp/core/tariff.h"

#include <algorithm>
#include <array>
#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace kasp {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kasp", text); // free functions: lupdate's context "kasp"
}

QString dateText(QDate d)
{
    return d.toString(QStringLiteral("dd.MM.yyyy"));
}

constexpr std::array<std::pair<Discount::Kind, const char *>, 3> kDiscountKeys{
    {{Discount::Kind::ReturningGuest, "returning_guest"},
     {Discount::Kind::LongStay, "long_stay"},
     {Discount::Kind::PromoCode, "promo_code"}}};

Error invalid(const char *code, const QString &message)
{
    return Error{QLatin1String(code), message};
}

} // namespace

QString discountKindKey(Discount::Kind kind)
{
    for (const auto &[k, key] : kDiscountKeys)
        if (k == kind)
            return QLatin1String(key);
    return {};
}

std::optional<Discount::Kind> discountKindFromKey(const QString &key)
{
    for (const auto &[k, text] : kDiscountKeys)
        if (key == QLatin1String(text))
            return k;
    return std::nullopt;
}

Status validateTariff(const Tariff &t)
{
    if (t.season.trimmed().isEmpty())
        return invalid("tariff.no_season", tr("Name the season, e.g. «Лето 2027»"));
    if (!t.from.isValid() || !t.to.isValid() || t.to <= t.from)
        return invalid("tariff.bad_dates",
                       tr("Season «%1»: the last night must come after the first").arg(t.season));
    bool negative = t.mainBed < Money() || t.extraBed < Money();
    for (const Money &m : t.meals)
        negative = negative || m < Money();
    for (const Money &m : t.treatments)
        negative = negative || m < Money();
    if (negative)
        return invalid("tariff.negative_price", tr("Season «%1»: a price below zero").arg(t.season));
    // The server keeps money within what every JSON reader holds exactly; no night costs this much.
    const Money ceiling = Money::fromRubles(10'000'000);
    bool tooHigh = t.mainBed > ceiling || t.extraBed > ceiling;
    for (const Money &m : t.meals)
        tooHigh = tooHigh || m > ceiling;
    for (const Money &m : t.treatments)
        tooHigh = tooHigh || m > ceiling;
    if (tooHigh)
        return invalid("tariff.price_too_high",
                       tr("Season «%1»: a price above 10 000 000 ₽ a night").arg(t.season));
    if (t.minNights < 1 || t.minNights > 365)
        return invalid("tariff.bad_min_stay",
                       tr("Season «%1»: the minimum stay is 1 to 365 nights").arg(t.season));
    return {};
}

Status validateChildRule(const ChildRule &rule)
{
    if (rule.fromAge < 0 || rule.toAge > 17 || rule.fromAge > rule.toAge || rule.percent < 0 ||
        rule.percent > 100)
        return invalid(
            "tariff.bad_child_rule",
            tr("A children's rule covers ages 0 to 17, youngest first, at 0-100 % of the adult price"));
    return {};
}

Status validateDiscount(const Discount &d)
{
    if (d.percent < 1 || d.percent > 90)
        return invalid("tariff.bad_discount", tr("A discount is 1 to 90 %"));
    if (d.kind == Discount::Kind::LongStay && d.minNights < 2)
        return invalid("tariff.bad_discount", tr("A long-stay discount starts from 2 nights or more"));
    if (d.kind == Discount::Kind::PromoCode) {
        static const QRegularExpression codeShape(QStringLiteral("^[\\p{L}\\d-]{2,32}$"));
        if (!codeShape.match(d.code.trimmed()).hasMatch())
            return invalid("tariff.bad_discount",
                           tr("A promo code is 2-32 letters, digits or '-', without spaces"));
        if (d.validFrom.isValid() && d.validTo.isValid() && d.validTo < d.validFrom)
            return invalid("tariff.bad_discount",
                           tr("Promo code %1: its last check-in date comes before the first").arg(d.code));
    }
    return {};
}

namespace {

// Two seasons, the earlier first: of one category they may not share a night.
Status seasonClash(const Tariff &a, const Tariff &b, const QHash<Id, QString> &categoryNames)
{
    if (a.categoryId != b.categoryId || !(b.from < a.to && a.from < b.to))
        return {};
    const QString category = categoryNames.value(a.categoryId);
    return invalid("tariff.season_overlap", tr("«%1»: seasons «%2» and «%3» both price the night of %4")
                                                .arg(category.isEmpty() ? tr("category") : category, a.season,
                                                     b.season, dateText(std::max(a.from, b.from))));
}

Status ageClash(const ChildRule &a, const ChildRule &b)
{
    if (a.fromAge <= b.toAge && b.fromAge <= a.toAge)
        return invalid("tariff.child_overlap",
                       tr("Age %1 falls under two children's rules").arg(std::max(a.fromAge, b.fromAge)));
    return {};
}

Status promoClash(const Discount &a, const Discount &b)
{
    if (a.kind != Discount::Kind::PromoCode || b.kind != Discount::Kind::PromoCode)
        return {};
    const QString code = a.code.trimmed().toUpper();
    if (code == b.code.trimmed().toUpper())
        return invalid("tariff.duplicate_promo", tr("Promo code %1 is entered twice").arg(code));
    return {};
}

} // namespace

Status validateTariffBook(const TariffBook &book, const QHash<Id, QString> &categoryNames)
{
    for (const Tariff &t : book.tariffs)
        if (auto s = validateTariff(t); !s.ok())
            return s;
    for (const ChildRule &c : book.childRules)
        if (auto s = validateChildRule(c); !s.ok())
            return s;
    for (const Discount &d : book.discounts)
        if (auto s = validateDiscount(d); !s.ok())
            return s;

    // Seasons of one category: sorted by first night, each must end before the next begins.
    QList<const Tariff *> seasons;
    for (const Tariff &t : book.tariffs)
        seasons.append(&t);
    std::sort(seasons.begin(), seasons.end(), [](const Tariff *a, const Tariff *b) {
        return a->categoryId != b->categoryId ? a->categoryId < b->categoryId : a->from < b->from;
    });
    for (int i = 1; i < seasons.size(); ++i)
        if (auto s = seasonClash(*seasons[i - 1], *seasons[i], categoryNames); !s.ok())
            return s;

    for (int i = 0; i < book.childRules.size(); ++i)
        for (int j = i + 1; j < book.childRules.size(); ++j)
            if (auto s = ageClash(book.childRules[i], book.childRules[j]); !s.ok())
                return s;

    for (int i = 0; i < book.discounts.size(); ++i)
        for (int j = i + 1; j < book.discounts.size(); ++j)
            if (auto s = promoClash(book.discounts[i], book.discounts[j]); !s.ok())
                return s;
    return {};
}

Status checkAgainstBook(const Tariff &tariff, const TariffBook &book, const QHash<Id, QString> &categoryNames)
{
    if (auto s = validateTariff(tariff); !s.ok())
        return s;
    for (const Tariff &other : book.tariffs)
        if (other.id != tariff.id)
            if (auto s = seasonClash(other.from < tariff.from ? other : tariff,
                                     other.from < tariff.from ? tariff : other, categoryNames);
                !s.ok())
                return s;
    return {};
}

Status checkAgainstBook(const ChildRule &rule, const TariffBook &book)
{
    if (auto s = validateChildRule(rule); !s.ok())
        return s;
    for (const ChildRule &other : book.childRules)
        if (other.id != rule.id)
            if (auto s = ageClash(other, rule); !s.ok())
                return s;
    return {};
}

Status checkAgainstBook(const Discount &discount, const TariffBook &book)
{
    if (auto s = validateDiscount(discount); !s.ok())
        return s;
    for (const Discount &other : book.discounts)
        if (other.id != discount.id)
            if (auto s = promoClash(other, discount); !s.ok())
                return s;
    return {};
}

TariffBook effectiveTariffBook(const TariffBook &stored, const QList<RoomCategory> &categories)
{
    TariffBook book = stored;
    QSet<Id> priced;
    for (const Tariff &t : stored.tariffs)
        priced.insert(t.categoryId);
    QList<RoomCategory> unpriced;
    for (const RoomCategory &c : categories)
        if (!priced.contains(c.id))
            unpriced.append(c);
    const TariffBook base = baseTariffBook(unpriced);
    book.tariffs.append(base.tariffs);
    // The base children's rules only while nothing at all is entered: once the head of sales keeps
    // a price list, its rules are the rules (ages no rule covers pay as adults, as the editor says).
    if (stored.tariffs.isEmpty() && stored.childRules.isEmpty() && stored.discounts.isEmpty())
        book.childRules = base.childRules;
    return book;
}

} // namespace kasp
