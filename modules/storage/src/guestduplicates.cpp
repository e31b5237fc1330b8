// GuestDuplicates: likely duplicates among the guest cards (issue 5). Every query is an index range
// or an index-only GROUP BY (guest_phones_e164, guest_emails_lower, guests_name_birth).
#include "kasp/storage/guestduplicates.h"

#include "kasp/storage/recordwriter.h"

#include "guestsummaryrows.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/replicastore.h"
#include "kasp/storage/sqlhelpers.h"

#include <algorithm>
#include <bit>
#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QSqlRecord>

namespace kasp::storage {

namespace {

// Groups of up to this many cards sharing a value are paired every way (at most 15 pairs).
constexpr qsizetype kAllPairsGroup = 6;

// A pair's key, smaller id first, as guest_distinct_pairs stores it.
std::pair<QString, QString> orderedPair(const Id &a, const Id &b)
{
    const QString x = idToString(a), y = idToString(b);
    return x < y ? std::pair{x, y} : std::pair{y, x};
}

QString pairKey(const Id &a, const Id &b)
{
    const auto [x, y] = orderedPair(a, b);
    return x + QLatin1Char('|') + y;
}

// The scan's key: 32 bytes instead of 73 characters (hundreds of thousands of pairs at a million guests).
QByteArray compactKey(const Id &a, const Id &b)
{
    const QByteArray x = a.toRfc4122(), y = b.toRfc4122();
    return x < y ? x + y : y + x;
}

QString placeholders(qsizetype n)
{
    QStringList marks(n, QStringLiteral("?"));
    return marks.join(QLatin1Char(','));
}

// Ids of the cards whose `column` of `table` equals one of `values` (an index range per value).
Status idsWhere(QSqlDatabase db, const QString &sqlText, const QVariantList &values, QList<Id> &ids)
{
    if (values.isEmpty())
        return {};
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(q, sqlText); !s.ok())
        return s;
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (auto s = sql::exec(q, QStringLiteral("duplicates")); !s.ok())
        return s;
    while (q.next())
        ids.append(sql::toId(q.value(0)));
    if (auto s = sql::fetched(q, QStringLiteral("duplicates")); !s.ok())
        return s.error();
    return {};
}

// Summaries of these cards, 400 ids per statement (SQLite's default limit is 999 parameters).
Result<QHash<Id, GuestSummary>> summaries(QSqlDatabase db, const QList<Id> &ids)
{
    QHash<Id, GuestSummary> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    for (qsizetype at = 0; at < ids.size(); at += 400) {
        const QList<Id> chunk = ids.mid(at, 400);
        if (auto s = sql::prepare(q, QStringLiteral("SELECT %1 FROM guests g WHERE g.id IN (%2)")
                                         .arg(kSummaryColumns, placeholders(chunk.size())));
            !s.ok())
            return s.error();
        for (const Id &id : chunk)
            q.addBindValue(sql::fromId(id));
        if (auto s = sql::exec(q, QStringLiteral("duplicate summaries")); !s.ok())
            return s.error();
        while (q.next()) {
            GuestSummary summary = readSummary(q);
            out.insert(summary.id, std::move(summary));
        }
        if (auto s = sql::fetched(q, QStringLiteral("duplicates")); !s.ok())
            return s.error();
    }
    return out;
}

Error cancelled()
{
    return Error{QStringLiteral("duplicates.cancelled"),
                 QCoreApplication::translate("kasp::storage", "The search for duplicates was stopped.")};
}

} // namespace

Result<QSet<QString>> GuestDuplicates::distinctPairs() const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT first_id, second_id FROM guest_distinct_pairs")))
        return Error{QStringLiteral("storage.failed"), QStringLiteral("distinct pairs")};
    QSet<QString> pairs;
    while (q.next())
        pairs.insert(q.value(0).toString() + QLatin1Char('|') + q.value(1).toString());
    if (auto s = sql::fetched(q, QStringLiteral("duplicates")); !s.ok())
        return s.error();
    return pairs;
}

Result<QList<DuplicateCandidate>> GuestDuplicates::of(const Guest &guest, int limit) const
{
    QHash<Id, int> reasons;
    auto collect = [&](const QString &sqlText, const QVariantList &values, int reason) -> Status {
        QList<Id> ids;
        if (auto s = idsWhere(m_db, sqlText, values, ids); !s.ok())
            return s;
        for (const Id &id : ids)
            if (id != guest.id)
                reasons[id] |= reason;
        return {};
    };
    QVariantList phones, emails;
    for (const Phone &p : guest.phones)
        phones.append(p.e164());
    for (const QString &e : guest.emails) {
        // SQLite's lower() (the index's) folds ASCII only; so must this.
        QString folded = e;
        for (QChar &c : folded)
            if (c.unicode() < 128)
                c = c.toLower();
        emails.append(folded);
    }
    if (auto s =
            collect(QStringLiteral("SELECT DISTINCT guest_id FROM guest_phones WHERE e164 IN (%1) LIMIT 50")
                        .arg(placeholders(phones.size())),
                    phones, SamePhone);
        !s.ok())
        return s.error();
    if (auto s = collect(
            QStringLiteral("SELECT DISTINCT guest_id FROM guest_emails WHERE lower(email) IN (%1) LIMIT 50")
                .arg(placeholders(emails.size())),
            emails, SameEmail);
        !s.ok())
        return s.error();
    if (!guest.searchName().isEmpty() && guest.birthDate.isValid())
        if (auto s = collect(QStringLiteral("SELECT id FROM guests WHERE search_name = ? AND birth_date = ? "
                                            "AND birth_date IS NOT NULL LIMIT 50"),
                             {guest.searchName(), sql::fromDate(guest.birthDate)}, SameNameAndBirth);
            !s.ok())
            return s.error();
    auto distinct = distinctPairs();
    if (!distinct.ok())
        return distinct.error();
    auto rows = summaries(m_db, reasons.keys());
    if (!rows.ok())
        return rows.error();
    QList<DuplicateCandidate> out;
    for (auto it = reasons.begin(); it != reasons.end(); ++it)
        if (!distinct.value().contains(pairKey(guest.id, it.key())) && rows.value().contains(it.key()))
            out.append(DuplicateCandidate{rows.value().value(it.key()), it.value()});
    std::sort(out.begin(), out.end(), [](const DuplicateCandidate &a, const DuplicateCandidate &b) {
        const int na = std::popcount(unsigned(a.reasons)), nb = std::popcount(unsigned(b.reasons));
        return na != nb ? na > nb : a.guest.displayName < b.guest.displayName;
    });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

Result<QList<DuplicatePair>> GuestDuplicates::scan(int limit, const DuplicateScanProgress &progress) const
{
    // Three index-only passes find the shared values; each value's cards are then read by index.
    struct Pass
    {
        const char *groups;  // the values held by more than one row
        const char *members; // the cards holding one value (bound once per column of `groups`)
        int reason;
    };
    const Pass passes[] = {
        {"SELECT e164 FROM guest_phones GROUP BY e164 HAVING count(*) > 1",
         "SELECT DISTINCT guest_id FROM guest_phones WHERE e164 = ?", SamePhone},
        {"SELECT lower(email) FROM guest_emails GROUP BY lower(email) HAVING count(*) > 1",
         "SELECT DISTINCT guest_id FROM guest_emails WHERE lower(email) = ?", SameEmail},
        {"SELECT search_name, birth_date FROM guests WHERE birth_date IS NOT NULL AND search_name <> '' "
         "GROUP BY search_name, birth_date HAVING count(*) > 1",
         "SELECT id FROM guests WHERE search_name = ? AND birth_date = ? AND birth_date IS NOT NULL",
         SameNameAndBirth},
    };
    const int steps = int(std::size(passes)) + 1;
    QHash<QByteArray, int> reasons; // compactKey -> flags
    QHash<QByteArray, std::pair<Id, Id>> members;
    // Enough to fill the list several times over: the rest come after those are merged.
    const qsizetype cap = qsizetype(limit) * 4;
    int step = 0;
    for (const Pass &pass : passes) {
        if (progress && !progress(step, steps))
            return cancelled();
        QSqlQuery groups(m_db);
        groups.setForwardOnly(true);
        if (!groups.exec(QLatin1String(pass.groups)))
            return Error{QStringLiteral("storage.failed"), QStringLiteral("duplicate groups")};
        QSqlQuery cards(m_db);
        cards.setForwardOnly(true);
        if (auto s = sql::prepare(cards, QLatin1String(pass.members)); !s.ok())
            return s.error();
        int seen = 0;
        const int columns = groups.record().count();
        while (reasons.size() < cap && groups.next()) {
            if (progress && ++seen % 200 == 0 && !progress(step, steps))
                return cancelled();
            for (int c = 0; c < columns; ++c)
                cards.addBindValue(groups.value(c));
            if (auto s = sql::exec(cards, QStringLiteral("duplicate members")); !s.ok())
                return s.error();
            QList<Id> ids;
            while (cards.next())
                ids.append(sql::toId(cards.value(0)));
            if (auto s = sql::fetched(cards, QStringLiteral("duplicate members")); !s.ok())
                return s.error();
            if (ids.size() < 2)
                continue; // one card holding one phone twice (with and without an extension)
            // UUIDv7: the smallest id is the oldest card.
            std::sort(ids.begin(), ids.end(),
                      [](const Id &a, const Id &b) { return idToString(a) < idToString(b); });
            // A small group (a family, a twice-made card) is paired every way, so that when the
            // oldest card is marked distinct from both others, the other two are still offered.
            // A large one (an office's switchboard number) is paired with its oldest card only.
            const qsizetype firsts = ids.size() <= kAllPairsGroup ? ids.size() - 1 : 1;
            for (qsizetype f = 0; f < firsts; ++f)
                for (qsizetype i = f + 1; i < ids.size(); ++i) {
                    const QByteArray key = compactKey(ids[f], ids[i]);
                    reasons[key] |= pass.reason;
                    members.insert(key, {ids[f], ids[i]});
                }
        }
        if (auto s = sql::fetched(groups, QStringLiteral("duplicates")); !s.ok())
            return s.error();
        ++step;
    }
    if (progress && !progress(step, steps))
        return cancelled();

    auto distinct = distinctPairs();
    if (!distinct.ok())
        return distinct.error();
    QList<std::pair<QByteArray, int>> ranked;
    for (auto it = reasons.begin(); it != reasons.end(); ++it) {
        const auto [a, b] = members.value(it.key());
        if (!distinct.value().contains(pairKey(a, b)))
            ranked.append({it.key(), it.value()});
    }
    // The most reasons first; then by key, so that the list is the same on every run.
    std::sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) {
        const int na = std::popcount(unsigned(a.second)), nb = std::popcount(unsigned(b.second));
        return na != nb ? na > nb : a.first < b.first;
    });
    if (ranked.size() > limit)
        ranked.resize(limit);
    QList<Id> ids;
    for (const auto &[key, flags] : ranked)
        ids << members.value(key).first << members.value(key).second;
    auto rows = summaries(m_db, ids);
    if (!rows.ok())
        return rows.error();
    QList<DuplicatePair> out;
    for (const auto &[key, flags] : ranked) {
        const auto [a, b] = members.value(key);
        if (rows.value().contains(a) && rows.value().contains(b))
            out.append(DuplicatePair{rows.value().value(a), rows.value().value(b), flags});
    }
    if (progress)
        progress(steps, steps);
    return out;
}

Status GuestDuplicates::markDistinct(const Id &a, const Id &b, const Id &userId, const QDateTime &at)
{
    if (a.isNull() || b.isNull() || a == b)
        return Error{QStringLiteral("guest.bad_pair"),
                     QCoreApplication::translate("kasp::storage", "Two different cards are needed.")};
    const auto [first, second] = orderedPair(a, b);
    QSqlQuery known(m_db);
    if (auto s =
            sql::prepare(known, QStringLiteral("SELECT 1 FROM guest_distinct_pairs WHERE first_id = ? AND "
                                               "second_id = ?"));
        !s.ok())
        return s;
    known.addBindValue(first);
    known.addBindValue(second);
    if (auto s = sql::exec(known, QStringLiteral("distinct pair")); !s.ok())
        return s;
    if (known.next())
        return {}; // marked already, here or on another desk: no second record
    const Id id = newId();
    const QJsonObject args{{QStringLiteral("id"), idToString(id)},
                           {QStringLiteral("firstId"), first},
                           {QStringLiteral("secondId"), second},
                           {QStringLiteral("userId"), userId.isNull() ? QString() : idToString(userId)},
                           {QStringLiteral("at"), at.toUTC().toString(Qt::ISODateWithMs)}};
    return write(m_db, Mutation{QStringLiteral("guest_distinct.create"), args}, at);
}

Result<GuestHistoryCounts> GuestDuplicates::historyCounts(const Id &guestId) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(q, QStringLiteral("SELECT (SELECT count(*) FROM touches WHERE guest_id = ?),"
                                                " (SELECT count(*) FROM bookings WHERE guest_id = ?),"
                                                " (SELECT count(*) FROM deals WHERE guest_id = ?),"
                                                " (SELECT count(*) FROM tasks WHERE guest_id = ?),"
                                                " (SELECT count(*) FROM payments WHERE guest_id = ?)"));
        !s.ok())
        return s.error();
    for (int i = 0; i < 5; ++i)
        q.addBindValue(sql::fromId(guestId));
    if (auto s = sql::exec(q, QStringLiteral("guest history counts")); !s.ok())
        return s.error();
    if (!q.next())
        return GuestHistoryCounts{};
    return GuestHistoryCounts{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                              q.value(3).toLongLong(), q.value(4).toLongLong()};
}

} // namespace kasp::storage
