#pragma once
// Likely duplicates among the guest cards: the same normalized phone, the same e-mail, or the same
// full name with the same birth date (kasp/core/guestmerge.h). Every lookup is an index range, so
// one card's duplicates cost the same at any base size; the whole-base scan walks three indexes.
#include "kasp/core/guestmerge.h"
#include "kasp/storage/guestrepository.h"
#include <functional>
#include <QSqlDatabase>

namespace kasp::storage {

struct DuplicateCandidate
{
    GuestSummary guest;
    int reasons = 0; // DuplicateReason flags
};

struct DuplicatePair
{
    GuestSummary first; // the smaller id (UUIDv7: usually the older card); compare() decides the survivor
    GuestSummary second;
    int reasons = 0;
};

// What refers to a card: what a merge moves, what the side-by-side view counts.
struct GuestHistoryCounts
{
    qint64 touches = 0;
    qint64 bookings = 0;
    qint64 deals = 0;
    qint64 tasks = 0;
    qint64 payments = 0;
    qint64 total() const { return touches + bookings + deals + tasks + payments; }
};

// done/total are steps of the scan; return false to stop it (the result is then "cancelled").
using DuplicateScanProgress = std::function<bool(int done, int total)>;

class GuestDuplicates
{
public:
    explicit GuestDuplicates(QSqlDatabase db) : m_db(std::move(db)) {}

    // Cards that look like this one, minus the pairs marked distinct; the most reasons first.
    Result<QList<DuplicateCandidate>> of(const Guest &guest, int limit = 20) const;
    // The whole base. A group of cards sharing one phone gives pairs of its oldest card with each
    // other one (not every pair: an office phone on 200 cards makes 199 pairs, not 19,900). At most
    // `limit` pairs, the most reasons first. Error "duplicates.cancelled" when progress said stop.
    Result<QList<DuplicatePair>> scan(int limit, const DuplicateScanProgress &progress = {}) const;
    // "Not the same person" (a family sharing a phone): the pair is not offered again here.
    // «Не дубль»: mutation guest_distinct.create (replicated; a pair marked already adds nothing).
    // Errors: "guest.bad_pair" (a null id, or one card twice).
    Status markDistinct(const Id &a, const Id &b, const Id &userId, const QDateTime &at);
    Result<GuestHistoryCounts> historyCounts(const Id &guestId) const;

private:
    Result<QSet<QString>> distinctPairs() const;

    QSqlDatabase m_db;
};

} // namespace kasp::storage
