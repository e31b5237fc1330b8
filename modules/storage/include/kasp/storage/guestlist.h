#pragma once
// The whole guest base as one alphabetical list, read a page at a time. SQLite has no cheap
// "row number N" (OFFSET walks every row before it), so the list is addressed by keys: a row's key
// is its place in the search_name index (search_name, rowid), and a page starts at a known key.
// The keys of every page start (every 100th row: 10,000 keys at a million guests) come from one
// walk of that covering index, done in small slices so the window never freezes.
#include "kasp/core/guest.h"
#include "kasp/core/result.h"
#include <optional>
#include <QSqlDatabase>

namespace kasp::storage {

struct GuestListKey
{
    QString searchName;
    qint64 rowid = 0; // local to this file: a tie-break inside one open session, never stored
};

struct GuestListRow
{
    Id id;
    QString displayName;
    QString mainPhone; // E.164
    QDate birthDate;
    Id managerId;
    QDateTime createdAt;
    GuestListKey key;
};

// One slice of the walk over the keys.
struct GuestKeyScan
{
    QList<GuestListKey> pageStarts;   // keys of the rows at positions multiple of the page size
    std::optional<GuestListKey> last; // where the next slice continues; empty: the walk is over
    qint64 rowsRead = 0;
};

class GuestList
{
public:
    explicit GuestList(QSqlDatabase db) : m_db(std::move(db)) {}

    Result<qint64> count() const;
    // Up to `limit` rows in list order starting at `from` (inclusive); no key: from the first.
    Result<QList<GuestListRow>> rowsFrom(const std::optional<GuestListKey> &from, int limit) const;
    // Reads up to `rows` keys after `after` (no key: from the start); `position` is the list
    // position of the first row read. Keeps those at positions that are multiples of `pageSize`.
    Result<GuestKeyScan> scanKeys(const std::optional<GuestListKey> &after, qint64 position, int rows,
                                  int pageSize) const;

private:
    QSqlDatabase m_db;
};

} // namespace kasp::storage
