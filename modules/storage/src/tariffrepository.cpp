#include "kasp/storage/tariffrepository.h"

#include "kasp/core/mutation.h"
#include "kasp/storage/recordwriter.h"
#include "kasp/storage/sqlhelpers.h"

#include <QJsonDocument>
#include <QSet>

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
                        const QList<T> &loaded, const QList<T> &edited, int &written)
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

    QList<T> pending;
    for (const T &e : edited)
        if (storedById.contains(e.id) || !loadedById.contains(e.id)) // else deleted by a colleague
            pending.append(e);
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
            if (checkAgainstBook(pending[i], state).ok())
                next = i;
        if (next < 0) {
            // Nothing fits alone. An update among them is recreated: its old record goes first.
            for (int i = 0; i < pending.size() && next < 0; ++i)
                if (storedById.contains(pending[i].id))
                    next = i;
            if (next < 0) // only creates, clashing with what a colleague stored: say what clashes
                return checkAgainstBook(pending.front(), state);
            T &again = pending[next];
            if (auto st = deleteRecord(db, clock, kind, idToString(again.id)); !st.ok())
                return st;
            current.removeIf([&](const T &c) { return c.id == again.id; });
            storedById.remove(again.id);
            again.id = newId();
            ++written;
            continue;
        }
        const T item = pending.takeAt(next);
        if (!storedById.contains(item.id)) {
            if (auto s = createRecord(db, clock, kind, toJson(item)); !s.ok())
                return s;
            ++written;
        } else {
            const T *base = loadedById.value(item.id, nullptr);
            auto updated = updateRecord(db, clock, kind, toJson(item), base ? toJson(*base) : QJsonObject{});
            if (!updated.ok())
                return updated.error();
            written += updated.value() ? 1 : 0;
        }
        place(item);
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
                                  edited.tariffs, written);
        !s.ok())
        return s.error();
    if (auto s = writeDifferences(m_db, m_clock, EntityKind::ChildRule, stored.value().childRules,
                                  base.childRules, edited.childRules, written);
        !s.ok())
        return s.error();
    if (auto s = writeDifferences(m_db, m_clock, EntityKind::Discount, stored.value().discounts,
                                  base.discounts, edited.discounts, written);
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
