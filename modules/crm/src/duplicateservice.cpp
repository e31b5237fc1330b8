#include "kasp/crm/duplicateservice.h"

#include "kasp/storage/guestrepository.h"
#include "kasp/storage/userrepository.h"

#include <atomic>
#include <QCoreApplication>

namespace kasp::crm {

namespace {

Error cardGone()
{
    return Error{QStringLiteral("guest.not_found"),
                 QCoreApplication::translate("kasp::crm::DuplicateService",
                                             "This card no longer exists: it was merged or deleted "
                                             "(perhaps on another computer).")};
}

} // namespace

Result<QList<storage::DuplicatePair>>
DuplicateService::scan(const storage::DuplicateScanProgress &progress) const
{
    return storage::GuestDuplicates(m_db).scan(kScanLimit, progress);
}

Result<QList<storage::DuplicatePair>>
DuplicateService::scanOwnConnection(const storage::DuplicateScanProgress &progress) const
{
    if (!m_workers) // the window's own connection must not be used from a worker thread
        return Error{QStringLiteral("duplicates.no_worker_connection"),
                     QStringLiteral("no worker connection to scan with")};
    // Unique per call: two scans (a second dialog, a test) never share a connection name.
    static std::atomic<int> serial{0};
    const QString name = QStringLiteral("kasp-duplicates-scan-%1").arg(++serial);
    Result<QList<storage::DuplicatePair>> result = QList<storage::DuplicatePair>();
    {
        auto db = m_workers(name);
        if (!db.ok())
            return db.error();
        result = storage::GuestDuplicates(db.value()).scan(kScanLimit, progress);
    } // every handle to the connection gone before it is removed
    storage::ConnectionFactory::close(name);
    return result;
}

Result<DuplicateSide> DuplicateService::side(const Id &id) const
{
    auto guest = storage::GuestRepository(m_db, m_clock).byId(id);
    if (!guest.ok())
        return guest.error();
    if (!guest.value())
        return cardGone();
    DuplicateSide side{*guest.value(), {}, {}};
    if (!side.guest.managerId.isNull()) {
        auto users = storage::UserRepository(m_db, m_clock).all();
        if (!users.ok())
            return users.error();
        for (const User &u : users.value())
            if (u.id == side.guest.managerId)
                side.managerName = u.displayName;
    }
    auto history = storage::GuestDuplicates(m_db).historyCounts(id);
    if (!history.ok())
        return history.error();
    side.history = history.value();
    return side;
}

Result<DuplicateComparison> DuplicateService::compare(const Id &a, const Id &b) const
{
    auto first = side(a);
    if (!first.ok())
        return first.error();
    auto second = side(b);
    if (!second.ok())
        return second.error();
    const int reasons = duplicateReasons(first.value().guest, second.value().guest);
    if (keepsFirst(first.value().guest, second.value().guest))
        return DuplicateComparison{first.value(), second.value(), reasons};
    return DuplicateComparison{second.value(), first.value(), reasons};
}

Result<Guest> DuplicateService::merge(const Id &keep, const Id &other, const QList<MergeField> &takeFromOther)
{
    storage::GuestRepository guests(m_db, m_clock);
    auto survivor = guests.byId(keep);
    if (!survivor.ok())
        return survivor.error();
    auto merged = guests.byId(other);
    if (!merged.ok())
        return merged.error();
    if (!survivor.value() || !merged.value())
        return cardGone();
    const Guest result = mergeGuests(*survivor.value(), *merged.value(), takeFromOther);
    if (auto s = guests.merge(result, other); !s.ok())
        return s.error();
    auto written = guests.byId(keep);
    if (!written.ok())
        return written.error();
    return written.value() ? *written.value() : result;
}

Status DuplicateService::markDistinct(const Id &a, const Id &b)
{
    return storage::GuestDuplicates(m_db).markDistinct(a, b, m_userId, m_clock.now());
}

} // namespace kasp::crm
