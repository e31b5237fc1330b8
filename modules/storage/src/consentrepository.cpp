#include "kasp/storage/consentrepository.h"

#include "kasp/core/mutation.h"
#include "kasp/storage/recordwriter.h"
#include "kasp/storage/replicastore.h"
#include "kasp/storage/sqlhelpers.h"

namespace kasp::storage {

namespace {

Result<QList<Consent>> decode(const Result<QList<QJsonObject>> &rows)
{
    if (!rows.ok())
        return rows.error();
    QList<Consent> consents;
    consents.reserve(rows.value().size());
    for (const QJsonObject &row : rows.value()) {
        auto consent = consentFromJson(row);
        if (!consent.ok())
            return consent.error();
        consents.append(std::move(consent).value());
    }
    return consents;
}

} // namespace

Status ConsentRepository::add(const Consent &consent)
{
    return write(m_db, Mutation{QStringLiteral("consent.add"), toJson(consent)}, m_clock.now());
}

Status ConsentRepository::record(const Id &guestId, const QList<ConsentChannel> &channels, bool given,
                                 ConsentMethod method, const Id &userId, const QString &note)
{
    sql::WriteTransaction tx(m_db);
    if (auto s = tx.begin(); !s.ok())
        return s;
    const QDateTime at = m_clock.now();
    for (ConsentChannel channel : channels)
        if (auto s = add(Consent{newId(), guestId, channel, given, at, method, userId, note.trimmed()});
            !s.ok())
            return s;
    return tx.commit();
}

Result<QList<Consent>> ConsentRepository::history(const Id &guestId) const
{
    return decode(ReplicaStore(m_db).select(
        sync::EntityKind::Consent, QStringLiteral("guest_id = ? ORDER BY at, id"), {sql::fromId(guestId)}));
}

Result<QHash<Id, QHash<ConsentChannel, Consent>>> ConsentRepository::current(const QList<Id> &guests) const
{
    QHash<Id, QHash<ConsentChannel, Consent>> out;
    // In slices that stay under SQLite's 999 bound parameters.
    constexpr qsizetype kSlice = 500;
    for (qsizetype from = 0; from < guests.size(); from += kSlice) {
        const QList<Id> slice = guests.mid(from, kSlice);
        QVariantList ids;
        for (const Id &id : slice)
            ids.append(sql::fromId(id));
        auto rows = decode(ReplicaStore(m_db).select(
            sync::EntityKind::Consent,
            QStringLiteral("guest_id IN (%1)")
                .arg(QStringList(slice.size(), QStringLiteral("?")).join(QLatin1Char(','))),
            ids));
        if (!rows.ok())
            return rows.error();
        QHash<Id, QList<Consent>> byGuest;
        for (const Consent &c : rows.value())
            byGuest[c.guestId].append(c);
        for (auto it = byGuest.begin(); it != byGuest.end(); ++it)
            out.insert(it.key(), currentConsents(it.value()));
    }
    return out;
}

} // namespace kasp::storage
