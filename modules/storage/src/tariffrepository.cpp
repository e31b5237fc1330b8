#include "kasp/storage/tariffrepository.h"

#include "kasp/core/mutation.h"
#include "kasp/storage/recordwriter.h"
#include "kasp/storage/sqlhelpers.h"

#include <algorithm>
#include <QJsonDocument>
#include <QSet>
#include <type_traits>

namespace kasp::storage {

using sync::EntityKind;

namespace {

// Rows come back through the wire codecs: one reading of the format, shared with sync.
template <typename T, typename Decode>
Status readRows(QSqlDatabase db, const char *table, const QString &sqlText, const QStringList &fields,
                Decode decode, QList<T> &out)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(q, sqlText); !s.ok())
        return s;
    if (auto s = sql::exec(q, sqlText.left(40)); !s.ok())
        return s;
    while (q.next()) {
        QJsonObject json;
        for (int i = 0; i < fields.size(); ++i) {
            const QString &f = fields[i];
            const QVariant v = q.value(i);
            if (f == QLatin1String("meals") || f == QLatin1String("treatments"))
                json.insert(f, QJsonDocument::fromJson(v.toString().toUtf8()).object());
            else if (f == QLatin1String("needsBed"))
                json.insert(f, v.toLongLong() != 0);
            else if (v.typeId() == QMetaType::QString || v.typeId() == QMetaType::QByteArray)
                json.insert(f, v.toString());
            else
                json.insert(f, v.toLongLong());
        }
        auto item = decode(json);
        if (!item.ok())
            return Error{QStringLiteral("storage.corrupt"),
                         QStringLiteral("%1: %2").arg(QLatin1String(table), item.error().message)};
        out.append(item.value());
    }
    if (auto s = sql::fetched(q, QStringLiteral("tariffs")); !s.ok())
        return s.error();
    return {};
}

QList<Tariff> &itemsOf(TariffBook &book, const Tariff *)
{
    return book.tariffs;
}
QList<ChildRule> &itemsOf(TariffBook &book, const ChildRule *)
{
    return book.childRules;
}
QList<Discount> &itemsOf(TariffBook &book, const Discount *)
{
    return book.discounts;
}
Result<Tariff> fromJsonOf(const QJsonObject &json, const Tariff *)
{
    return tariffFromJson(json);
}
Result<ChildRule> fromJsonOf(const QJsonObject &json, const ChildRule *)
{
    return childRuleFromJson(json);
}
Result<Discount> fromJsonOf(const QJsonObject &json, const Discount *)
{
    return discountFromJson(json);
}

// What updateRecord will store: the stored record with the fields the editor changed (from its
// baseline to its edit) laid over it; a colleague's changes to other fields stay.
template <typename T> Result<T> mergedEdit(const T &stored, const T *base, const T &edited)
{
    QJsonObject merged = toJson(stored);
    const QJsonObject mine = toJson(edited), was = base ? toJson(*base) : QJsonObject{};
    for (auto it = mine.begin(); it != mine.end(); ++it)
        if (!base || was.value(it.key()) != it.value())
            merged.insert(it.key(), it.value());
    return fromJsonOf(merged, static_cast<const T *>(nullptr));
}

// Creates, updates and deletes that carry the editor's changes (from `loaded` to `edited`) over
// what is stored now: records a colleague added meanwhile stay, records a colleague deleted
// meanwhile are not brought back, fields a colleague changed and the editor did not keep theirs.
//
// The sync server checks each mutation against the book as it stands (two seasons may never share
// a night, not even for a moment), so the order of the writes matters: deletes first, then each
// create or update as soon as it fits what is written so far — a season shortened before its
// neighbour grows into the freed nights. Records that only fit all together (two seasons swapping
// their dates) cannot be ordered: one of them is deleted and created again under a new id.
template <typename T>
Status writeDifferences(QSqlDatabase db, const Clock &clock, EntityKind kind, const QList<T> &stored,
                        const QList<T> &loaded, const QList<T> &edited, int &written,
                        const QHash<Id, QString> &categoryNames)
{
    QHash<Id, const T *> storedById, loadedById;
    for (const T &s : stored)
        storedById.insert(s.id, &s);
    for (const T &l : loaded)
        loadedById.insert(l.id, &l);
    QSet<Id> kept;
    for (const T &e : edited)
        kept.insert(e.id);

    TariffBook state; // what the server will hold after each write, as far as this desktop knows
    QList<T> &current = itemsOf(state, static_cast<const T *>(nullptr));
    for (const T &s : stored)
        if (!(loadedById.contains(s.id) && !kept.contains(s.id)))
            current.append(s);
    for (const T &l : loaded)
        if (!kept.contains(l.id) && storedById.contains(l.id)) {
            if (auto st = deleteRecord(db, clock, kind, idToString(l.id)); !st.ok())
                return st;
            ++written;
        }

    // Each write as it will be stored: an update is the stored record with the editor's changed
    // fields; one that changes nothing is not written at all.
    struct Write
    {
        T value;
        bool update;
    };
    QList<Write> pending;
    for (const T &e : edited) {
        if (const T *now = storedById.value(e.id, nullptr)) {
            auto merged = mergedEdit(*now, loadedById.value(e.id, nullptr), e);
            if (!merged.ok())
                return merged.error();
            if (toJson(merged.value()) != toJson(*now))
                pending.append({merged.value(), true});
        } else if (!loadedById.contains(e.id)) { // else deleted by a colleague meanwhile
            pending.append({e, false});
        }
    }
    auto check = [&](const T &item, const TariffBook &book) {
        if constexpr (std::is_same_v<T, Tariff>)
            return checkAgainstBook(item, book, categoryNames);
        else
            return checkAgainstBook(item, book);
    };
    auto place = [&](const T &item) {
        for (T &c : current)
            if (c.id == item.id) {
                c = item;
                return;
            }
        current.append(item);
    };
    while (!pending.isEmpty()) {
        int next = -1;
        for (int i = 0; i < pending.size() && next < 0; ++i)
            if (check(pending[i].value, state).ok())
                next = i;
        if (next < 0) {
            // Nothing fits alone. An update blocked only by other pending writes (two seasons
            // swapping dates) is recreated: its old record goes first.
            TariffBook settled;
            for (const T &c : current)
                if (std::none_of(pending.begin(), pending.end(),
                                 [&](const Write &w) { return w.value.id == c.id; }))
                    itemsOf(settled, static_cast<const T *>(nullptr)).append(c);
            for (int i = 0; i < pending.size() && next < 0; ++i)
                if (pending[i].update && check(pending[i].value, settled).ok())
                    next = i;
            if (next < 0) // it clashes with what is settled (a colleague's record): say what
                return check(pending.front().value, state);
            Write &again = pending[next];
            if (auto st = deleteRecord(db, clock, kind, idToString(again.value.id)); !st.ok())
                return st;
            current.removeIf([&](const T &c) { return c.id == again.value.id; });
            again.value.id = newId();
            again.update = false;
            ++written;
            continue;
        }
        const Write write = pending.takeAt(next);
        if (!write.update) {
            if (auto s = createRecord(db, clock, kind, toJson(write.value)); !s.ok())
                return s;
            ++written;
        } else {
            // Against the stored record as baseline: exactly the fields that differ are written.
            auto updated =
                updateRecord(db, clock, kind, toJson(write.value), toJson(*storedById.value(write.value.id)));
            if (!updated.ok())
                return updated.error();
            written += updated.value() ? 1 : 0;
        }
        place(write.value);
    }
    return {};
}

} // namespace

Result<TariffBook> TariffRepository::load() const
{
    TariffBook book;
    if (auto s = readRows<Tariff>(
            m_db, "tariffs",
            QStringLiteral(
                "SELECT id, category_id, season, first_night, end_night, main_bed, extra_bed, meals, "
                "treatments, min_nights FROM tariffs ORDER BY category_id, first_night"),
            {QStringLiteral("id"), QStringLiteral("categoryId"), QStringLiteral("season"),
             QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("mainBed"),
             QStringLiteral("extraBed"), QStringLiteral("meals"), QStringLiteral("treatments"),
             QStringLiteral("minNights")},
            &tariffFromJson, book.tariffs);
        !s.ok())
        return s.error();
    if (auto s = readRows<ChildRule>(
            m_db, "child_rules",
            QStringLiteral(
                "SELECT id, from_age, to_age, percent, needs_bed FROM child_rules ORDER BY from_age"),
            {QStringLiteral("id"), QStringLiteral("fromAge"), QStringLiteral("toAge"),
             QStringLiteral("percent"), QStringLiteral("needsBed")},
            &childRuleFromJson, book.childRules);
        !s.ok())
        return s.error();
    if (auto s = readRows<Discount>(
            m_db, "discounts",
            QStringLiteral("SELECT id, kind, percent, min_nights, code, valid_from, valid_to FROM discounts "
                           "ORDER BY kind, code"),
            {QStringLiteral("id"), QStringLiteral("kind"), QStringLiteral("percent"),
             QStringLiteral("minNights"), QStringLiteral("code"), QStringLiteral("validFrom"),
             QStringLiteral("validTo")},
            &discountFromJson, book.discounts);
        !s.ok())
        return s.error();
    return book;
}

Result<int> TariffRepository::save(const TariffBook &edited, const QHash<Id, QString> &categoryNames,
                                   const std::optional<TariffBook> &loaded)
{
    if (auto s = validateTariffBook(edited, categoryNames); !s.ok())
        return s.error();
    sql::WriteTransaction tx(m_db);
    if (auto s = tx.begin(); !s.ok())
        return s.error();
    auto stored = load();
    if (!stored.ok())
        return stored.error();
    const TariffBook &base = loaded ? *loaded : stored.value();
    int written = 0;
    if (auto s = writeDifferences(m_db, m_clock, EntityKind::Tariff, stored.value().tariffs, base.tariffs,
                                  edited.tariffs, written, categoryNames);
        !s.ok())
        return s.error();
    if (auto s = writeDifferences(m_db, m_clock, EntityKind::ChildRule, stored.value().childRules,
                                  base.childRules, edited.childRules, written, categoryNames);
        !s.ok())
        return s.error();
    if (auto s = writeDifferences(m_db, m_clock, EntityKind::Discount, stored.value().discounts,
                                  base.discounts, edited.discounts, written, categoryNames);
        !s.ok())
        return s.error();
    // The result, colleagues' records included, must still be one consistent price list.
    auto result = load();
    if (!result.ok())
        return result.error();
    if (auto s = validateTariffBook(result.value(), categoryNames); !s.ok())
        return s.error(); // the transaction rolls back: nothing is written
    if (auto s = tx.commit(); !s.ok())
        return s.error();
    return written;
}

} // namespace kasp::storage
