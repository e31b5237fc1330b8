#pragma once
// Duplicates for the Sales Window: find likely duplicate cards (one card's, or the whole base's),
// show two side by side, merge them (guest.merge: one mutation) or mark them distinct.
#include "kasp/core/clock.h"
#include "kasp/core/guestmerge.h"
#include "kasp/storage/connectionfactory.h"
#include "kasp/storage/guestduplicates.h"
#include <QSqlDatabase>

namespace kasp::crm {

struct DuplicateSide
{
    Guest guest;
    QString managerName;
    storage::GuestHistoryCounts history;
};

// Two cards as the side-by-side view shows them; `keep` is the one a merge keeps by default.
struct DuplicateComparison
{
    DuplicateSide keep;
    DuplicateSide other;
    int reasons = 0; // DuplicateReason flags
};

class DuplicateService
{
public:
    // `userId`: who marks pairs distinct on this desk.
    DuplicateService(QSqlDatabase db, const Clock &clock, const Id &userId = Id())
        : m_db(std::move(db)), m_clock(clock), m_userId(userId)
    {
    }

    static constexpr int kScanLimit = 5000; // pairs listed at once; merging them brings more

    Result<QList<storage::DuplicatePair>> scan(const storage::DuplicateScanProgress &progress = {}) const;
    // With worker connections the whole-base scan can run off the GUI thread: scanOwnConnection()
    // is then safe to call from a worker thread (it opens, uses and closes its own connection).
    void setWorkerConnections(storage::ConnectionOpener opener) { m_workers = std::move(opener); }
    bool scansInBackground() const { return bool(m_workers); }
    Result<QList<storage::DuplicatePair>>
    scanOwnConnection(const storage::DuplicateScanProgress &progress) const;
    // Errors: "guest.not_found" when either card is gone.
    Result<DuplicateComparison> compare(const Id &a, const Id &b) const;
    // `keep` survives with the fields listed taken from `other`; everything `other` had moves to
    // it. Returns the survivor as written.
    Result<Guest> merge(const Id &keep, const Id &other, const QList<MergeField> &takeFromOther);
    Status markDistinct(const Id &a, const Id &b);

private:
    Result<DuplicateSide> side(const Id &id) const;

    QSqlDatabase m_db;
    const Clock &m_clock;
    Id m_userId;
    storage::ConnectionOpener m_workers;
};

} // namespace kasp::crm
