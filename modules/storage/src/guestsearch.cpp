// GuestRepository::search, the one search box. Every kind of match is an index range scan (phone,
// reversed phone, search_name, lower(email), the booking number expression), so the first 50
// results cost the same at a thousand guests or a million.
#include "guestsummaryrows.h"
#include "kasp/core/booking.h"
#include "kasp/core/searchtext.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/storage/sqlhelpers.h"

#include <QCoreApplication>
#include <QSet>

namespace kasp::storage {

namespace {

// The largest code point: "prefix" <= x < prefix + kTop is an index range for "starts with".
const QString kTop = QString::fromUcs4(U"\U0010FFFF");

} // namespace

const QString kSummaryColumns = QStringLiteral(
    "g.id, g.last_name, g.first_name, g.middle_name, g.birth_date, g.manager_id, g.main_phone");

GuestSummary readSummary(const QSqlQuery &q)
{
    const QString phone = q.value(6).toString();
    return GuestSummary{
        sql::toId(q.value(0)),
        listedName(q.value(1).toString(), q.value(2).toString(), q.value(3).toString(), phone),
        phone,
        sql::toDate(q.value(4)),
        sql::toId(q.value(5)),
        {}};
}

namespace {

// Runs a prepared query whose first columns are kSummaryColumns and appends the guests not yet
// found, up to limit. `matched` names the match (column 7 is its detail when the query has one).
Status collect(QSqlQuery &q, int limit, QList<GuestSummary> &found, const QString &context,
               const std::function<QString(const QSqlQuery &)> &matched = {})
{
    if (auto s = sql::exec(q, context); !s.ok())
        return s;
    QSet<Id> seen;
    for (const auto &s : found)
        seen.insert(s.id);
    while (found.size() < limit && q.next()) {
        GuestSummary summary = readSummary(q);
        if (seen.contains(summary.id))
            continue;
        seen.insert(summary.id);
        if (matched)
            summary.matched = matched(q);
        found.append(std::move(summary));
    }
    if (auto s = sql::fetched(q, QStringLiteral("guest search")); !s.ok())
        return s.error();
    return {};
}

Status prefixQuery(QSqlQuery &q, const QString &sqlText, const QString &prefix, int limit)
{
    if (auto s = sql::prepare(q, sqlText); !s.ok())
        return s;
    q.addBindValue(prefix);
    q.addBindValue(prefix + kTop);
    q.addBindValue(limit);
    return {};
}

} // namespace

QString listedName(const QString &last, const QString &first, const QString &middle, const QString &mainPhone)
{
    Guest shape;
    shape.lastName = last;
    shape.firstName = first;
    shape.middleName = middle;
    if (auto parsed = Phone::fromE164(mainPhone); parsed.ok())
        shape.phones.append(parsed.value());
    return shape.displayName();
}

Result<QList<GuestSummary>> GuestRepository::search(const QString &text, int limit) const
{
    QList<GuestSummary> found;
    const SearchText query = classifySearch(text);
    if (query.trimmed.isEmpty() || limit <= 0)
        return found;
    // The most specific first: a booking number or an e-mail names one guest, a phone a few.
    if (!query.bookingNumber.isEmpty())
        if (auto s = searchByBooking(query.bookingNumber, limit, found); !s.ok())
            return s.error();
    if (!query.emailPrefix.isEmpty())
        if (auto s = searchByEmail(query.emailPrefix, limit, found); !s.ok())
            return s.error();
    if (!query.phoneDigits.isEmpty())
        if (auto s = searchByPhone(query.trimmed, limit, found); !s.ok())
            return s.error();
    if (!query.namePrefix.isEmpty()) {
        const qsizetype before = found.size();
        if (auto s = searchByName(query.namePrefix, limit, found); !s.ok())
            return s.error();
        // "bdfyjdf" finds nobody: the consultant forgot to switch the layout, "иванов" was meant.
        if (found.size() == before && !query.otherLayout.isEmpty())
            if (auto s = searchByName(query.otherLayout, limit, found); !s.ok())
                return s.error();
    }
    return found;
}

Status GuestRepository::searchByPhone(const QString &text, int limit, QList<GuestSummary> &found) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (const QString prefix = phonePrefixE164(text); !prefix.isEmpty()) {
        if (auto s =
                prefixQuery(q,
                            QStringLiteral("SELECT %1 FROM guest_phones p JOIN guests g ON g.id = p.guest_id "
                                           "WHERE p.e164 >= ? AND p.e164 < ? ORDER BY p.e164 LIMIT ?")
                                .arg(kSummaryColumns),
                            prefix, limit);
            !s.ok())
            return s;
        if (auto s = collect(q, limit, found, QStringLiteral("phone prefix")); !s.ok())
            return s;
    }
    const QString digits = phoneDigits(text);
    if (found.size() >= limit || digits.size() < 4)
        return {};
    QString reversed(digits.size(), QLatin1Char('0'));
    std::reverse_copy(digits.begin(), digits.end(), reversed.begin());
    if (auto s =
            prefixQuery(q,
                        QStringLiteral("SELECT %1 FROM guest_phones p JOIN guests g ON g.id = p.guest_id "
                                       "WHERE p.e164_rev >= ? AND p.e164_rev < ? ORDER BY p.e164_rev LIMIT ?")
                            .arg(kSummaryColumns),
                        reversed, limit);
        !s.ok())
        return s;
    return collect(q, limit, found, QStringLiteral("phone suffix"));
}

Status GuestRepository::searchByName(const QString &key, int limit, QList<GuestSummary> &found) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto s = prefixQuery(q,
                             QStringLiteral("SELECT %1 FROM guests g WHERE g.search_name >= ? AND "
                                            "g.search_name < ? ORDER BY g.search_name LIMIT ?")
                                 .arg(kSummaryColumns),
                             key, limit);
        !s.ok())
        return s;
    return collect(q, limit, found, QStringLiteral("name prefix"));
}

Status GuestRepository::searchByEmail(const QString &prefix, int limit, QList<GuestSummary> &found) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // lower() here is SQLite's ASCII one, the same the index holds: addresses are ASCII in practice.
    if (auto s = prefixQuery(q,
                             QStringLiteral("SELECT %1, e.email FROM guest_emails e JOIN guests g ON g.id = "
                                            "e.guest_id WHERE lower(e.email) >= ? AND lower(e.email) < ? "
                                            "ORDER BY lower(e.email) LIMIT ?")
                                 .arg(kSummaryColumns),
                             prefix, limit);
        !s.ok())
        return s;
    return collect(q, limit, found, QStringLiteral("e-mail prefix"), [](const QSqlQuery &row) {
        return QCoreApplication::translate("kasp::storage", "e-mail %1").arg(row.value(7).toString());
    });
}

Status GuestRepository::searchByBooking(const QString &number, int limit, QList<GuestSummary> &found) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto s = sql::prepare(q, QStringLiteral("SELECT %1, b.id FROM bookings b JOIN guests g ON g.id = "
                                                "b.guest_id WHERE substr(b.id, 29) = ? LIMIT ?")
                                     .arg(kSummaryColumns));
        !s.ok())
        return s;
    q.addBindValue(number);
    q.addBindValue(limit);
    return collect(q, limit, found, QStringLiteral("booking number"), [](const QSqlQuery &row) {
        return QCoreApplication::translate("kasp::storage", "booking %1")
            .arg(bookingNumber(sql::toId(row.value(7))));
    });
}

} // namespace kasp::storage
