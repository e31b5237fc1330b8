// The wire format of the price list (see kasp/core/mutation.h).
#include "jsoncodec.h"
#include "kasp/core/mutation.h"

namespace kasp {

using namespace jsoncodec;

namespace {

template <typename Key> QJsonObject pricesToJson(const QMap<Key, Money> &prices, QString (*keyOf)(Key))
{
    QJsonObject object;
    for (auto it = prices.begin(); it != prices.end(); ++it)
        object.insert(keyOf(it.key()), it.value().kopecks());
    return object;
}

// Every key must be known and every price a whole, non-negative number of kopecks.
template <typename Key>
QMap<Key, Money> readPrices(Reader &reader, const QString &field,
                            std::optional<Key> (*fromKey)(const QString &))
{
    QMap<Key, Money> prices;
    const QJsonObject object = reader.object(field);
    for (auto it = object.begin(); it != object.end() && !reader.failed(); ++it) {
        const std::optional<Key> key = fromKey(it.key());
        const QString path = QStringLiteral("%1.%2").arg(field, it.key().left(40));
        const qint64 kopecks = it.value().toInteger(-1);
        if (!key)
            reader.badValue(path, QT_TRANSLATE_NOOP("kasp::Json", "expected a known key"));
        else if (!it.value().isDouble() || kopecks < 0 || kopecks != it.value().toInteger(0) ||
                 kopecks > kMaxSafeInteger)
            reader.badValue(path, QT_TRANSLATE_NOOP("kasp::Json", "expected an integer in range"));
        else
            prices.insert(*key, Money::fromKopecks(kopecks));
    }
    return prices;
}

} // namespace

QJsonObject toJson(const Tariff &tariff)
{
    return QJsonObject{
        {QStringLiteral("id"), idToString(tariff.id)},
        {QStringLiteral("categoryId"), idToString(tariff.categoryId)},
        {QStringLiteral("season"), tariff.season},
        {QStringLiteral("from"), dateToJson(tariff.from)},
        {QStringLiteral("to"), dateToJson(tariff.to)},
        {QStringLiteral("mainBed"), tariff.mainBed.kopecks()},
        {QStringLiteral("extraBed"), tariff.extraBed.kopecks()},
        {QStringLiteral("meals"), pricesToJson(tariff.meals, &mealPlanKey)},
        {QStringLiteral("treatments"), pricesToJson(tariff.treatments, &treatmentProfileKey)},
        {QStringLiteral("minNights"), tariff.minNights},
    };
}

Result<Tariff> tariffFromJson(const QJsonObject &json)
{
    Reader r(json);
    Tariff t;
    t.id = r.id(QStringLiteral("id"), Need::Required);
    t.categoryId = r.id(QStringLiteral("categoryId"), Need::Required);
    t.season = r.string(QStringLiteral("season"), Need::Required);
    t.from = r.date(QStringLiteral("from"), Need::Required);
    t.to = r.date(QStringLiteral("to"), Need::Required);
    t.mainBed = r.money(QStringLiteral("mainBed"));
    t.extraBed = r.money(QStringLiteral("extraBed"));
    t.meals = readPrices(r, QStringLiteral("meals"), &mealPlanFromKey);
    t.treatments = readPrices(r, QStringLiteral("treatments"), &treatmentProfileFromKey);
    t.minNights = r.count(QStringLiteral("minNights"), std::numeric_limits<int>::min(), 1);
    if (r.failed())
        return r.error();
    return t;
}

QJsonObject toJson(const ChildRule &rule)
{
    return QJsonObject{
        {QStringLiteral("id"), idToString(rule.id)}, {QStringLiteral("fromAge"), rule.fromAge},
        {QStringLiteral("toAge"), rule.toAge},       {QStringLiteral("percent"), rule.percent},
        {QStringLiteral("needsBed"), rule.needsBed},
    };
}

Result<ChildRule> childRuleFromJson(const QJsonObject &json)
{
    Reader r(json);
    ChildRule c;
    c.id = r.id(QStringLiteral("id"), Need::Required);
    c.fromAge = r.count(QStringLiteral("fromAge"), std::numeric_limits<int>::min(), 0);
    c.toAge = r.count(QStringLiteral("toAge"), std::numeric_limits<int>::min(), 0);
    c.percent = r.count(QStringLiteral("percent"), std::numeric_limits<int>::min(), 100);
    c.needsBed = r.boolean(QStringLiteral("needsBed"), true);
    if (r.failed())
        return r.error();
    return c;
}

QJsonObject toJson(const Discount &discount)
{
    return QJsonObject{
        {QStringLiteral("id"), idToString(discount.id)},
        {QStringLiteral("kind"), discountKindKey(discount.kind)},
        {QStringLiteral("percent"), discount.percent},
        {QStringLiteral("minNights"), discount.minNights},
        {QStringLiteral("code"), discount.code},
        {QStringLiteral("validFrom"), dateToJson(discount.validFrom)},
        {QStringLiteral("validTo"), dateToJson(discount.validTo)},
    };
}

Result<Discount> discountFromJson(const QJsonObject &json)
{
    Reader r(json);
    Discount d;
    d.id = r.id(QStringLiteral("id"), Need::Required);
    d.kind = r.enumKey(QStringLiteral("kind"), &discountKindFromKey, Discount::Kind::PromoCode);
    d.percent = r.count(QStringLiteral("percent"), std::numeric_limits<int>::min(), 0);
    d.minNights = r.count(QStringLiteral("minNights"), std::numeric_limits<int>::min(), 0);
    d.code = r.string(QStringLiteral("code"));
    d.validFrom = r.date(QStringLiteral("validFrom"), Need::Optional);
    d.validTo = r.date(QStringLiteral("validTo"), Need::Optional);
    if (r.failed())
        return r.error();
    return d;
}

} // namespace kasp
