// The server's half of the price list's rules (core/tariff.h): each price mutation is checked
// against the organisation's live records of its kind, so two heads of sales saving at once never
// leave two seasons pricing one night. Only the rules the record itself could break are checked:
// an older clash stored before this check existed does not block every later edit.
#include "sqlsupport.h"
#include "syncstore.h"

#include "kasp/core/mutation.h"
#include "kasp/core/tariff.h"

#include <QJsonDocument>

namespace kasp::server {

using sync::EntityKind;

bool SyncStore::isPriceKind(EntityKind kind)
{
    return kind == EntityKind::Tariff || kind == EntityKind::ChildRule || kind == EntityKind::Discount;
}

namespace {

template <typename T, typename Decode> void readLive(QSqlQuery *q, Decode decode, QList<T> &out)
{
    while (q->next()) {
        auto item = decode(QJsonDocument::fromJson(q->value(0).toString().toUtf8()).object());
        if (item.ok()) // a record the codec cannot read was never accepted here; it prices nothing
            out.append(item.value());
    }
}

} // namespace

Status SyncStore::checkPriceRecord(const Principal &who, EntityKind kind, const QJsonObject &data)
{
    TariffBook book;
    QSqlQuery *q = nullptr;
    switch (kind) {
    case EntityKind::Tariff: {
        auto tariff = tariffFromJson(data);
        if (!tariff.ok())
            return tariff.error();
        const QString category = data.value(QLatin1String("categoryId")).toString();
        if (!ok(q = run(QStringLiteral("SELECT data::text FROM records WHERE org_id = ? AND kind = 'tariff' "
                                       "AND NOT deleted AND data->>'categoryId' = ?"),
                        {who.orgId, category})))
            return dbError(*q);
        readLive(q, &tariffFromJson, book.tariffs);
        QHash<Id, QString> names;
        if (!ok(q = run(QStringLiteral("SELECT data->>'name' FROM records WHERE org_id = ? AND "
                                       "kind = 'room_category' AND id = ?"),
                        {who.orgId, category})))
            return dbError(*q);
        if (q->next())
            names.insert(tariff.value().categoryId, q->value(0).toString());
        return checkAgainstBook(tariff.value(), book, names);
    }
    case EntityKind::ChildRule: {
        auto rule = childRuleFromJson(data);
        if (!rule.ok())
            return rule.error();
        if (!ok(q = run(QStringLiteral("SELECT data::text FROM records WHERE org_id = ? AND "
                                       "kind = 'child_rule' AND NOT deleted"),
                        {who.orgId})))
            return dbError(*q);
        readLive(q, &childRuleFromJson, book.childRules);
        return checkAgainstBook(rule.value(), book);
    }
    case EntityKind::Discount: {
        auto discount = discountFromJson(data);
        if (!discount.ok())
            return discount.error();
        if (discount.value().kind != Discount::Kind::PromoCode)
            return {};
        if (!ok(q = run(QStringLiteral("SELECT data::text FROM records WHERE org_id = ? AND "
                                       "kind = 'discount' AND NOT deleted AND data->>'kind' = 'promo_code'"),
                        {who.orgId})))
            return dbError(*q);
        readLive(q, &discountFromJson, book.discounts);
        return checkAgainstBook(discount.value(), book);
    }
    default:
        return {};
    }
}

} // namespace kasp::server
