#pragma once
// The whole guest base as one alphabetical list, read a page at a time. SQLite has no cheap
// "row number N" (OFFSET walks every row before it), so the list is addressed by keys: a row's key
// is its place in the search_name index (search_name, rowid), and a page starts at a known key.
// The keys of every page start (every 100th row: 10,000 keys at a million guests) come from one
// walk of that covering index, done in small slices so the window never freezes.
// A filter (issue 21) narrows the list: which guests are in it is read once into a temporary table of
// the connection (guestlistfilter.cpp); a list of up to kPositionalLimit guests is then kept in its
// order there (a row's key holds its position), a longer one is walked on the name index as above.
#include "kasp/core/guest.h"
#include "kasp/core/result.h"
#include <memory>
#include <optional>
#include <QSqlDatabase>

namespace kasp::storage {

struct GuestListKey
{
    QString searchName;
    qint64 rowid = 0;    // local to this file: a tie-break inside one open session, never stored
    qint64 position = 0; // a filtered list kept in order: the row's place in it (1-based); else 0
};

// What the Гости list shows (issue 21). Every part that is set narrows it further (AND).
struct GuestListFilter
{
    enum class Segment {
        Any,
        StayedBefore, // a bought stay whose check-out day has come: the card's «Постоянный гость»
        StayAhead,   // a booking (not cancelled) checks in after today
        NeverStayed, // no stay took place (the card's count of stays is 0)
    };
    QString text;       // the beginning of a name, or a phone's last digits (4 or more)
    Id managerId;       // «Мои гости»: the guests whose manager this user is
    QString tag;        // a tag the guest has, as stored (normalizeTags)
    int birthMonth = 0; // 1-12: born in that month of any year (29 February is February's)
    // The guest's latest stay that took place (bought, check-in day come, as the card counts them)
    // arrived in this period; an invalid end is open.
    QDate lastStayFrom;
    QDate lastStayTo;
    Segment segment = Segment::Any;
    QDate today; // the desk's Clock: what "took place" and "ahead" mean

    bool lastStaySet() const { return lastStayFrom.isValid() || lastStayTo.isValid(); }
    bool isEmpty() const
    {
        return text.trimmed().isEmpty() && managerId.isNull() && tag.isEmpty() && birthMonth == 0 &&
               !lastStaySet() && segment == Segment::Any;
    }
    bool operator==(const GuestListFilter &) const = default;
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

    // Narrows the list (an empty filter: every guest). Reads which guests are in it at once, so
    // that count() and the pages after it are cheap; copies of this list share the filter (an
    // export writes what the list shows). `today` must be set for the stays' parts.
    Status setFilter(const GuestListFilter &filter, qint64 positionalLimit = kPositionalLimit);
    // The tags the base has, alphabetically (one index seek each).
    Result<QStringList> tags() const;
    GuestListFilter filter() const;
    // Lists up to this many are kept in their order at setFilter; longer ones are walked.
    static constexpr qint64 kPositionalLimit = 50000;

    Result<qint64> count() const;
    // Up to `limit` rows in list order starting at `from` (inclusive); no key: from the first.
    Result<QList<GuestListRow>> rowsFrom(const std::optional<GuestListKey> &from, int limit) const;
    // Reads up to `rows` keys after `after` (no key: from the start); `position` is the list
    // position of the first row read. Keeps those at positions that are multiples of `pageSize`.
    Result<GuestKeyScan> scanKeys(const std::optional<GuestListKey> &after, qint64 position, int rows,
                                  int pageSize) const;

    struct Shown; // the filter's temporary tables (guestlistfilter.cpp)

private:
    QString walkCondition() const; // "" or " AND rowid IN (the filter's set)"
    Result<QList<GuestListRow>> positionalRows(const std::optional<GuestListKey> &from, int limit) const;
    Result<GuestKeyScan> positionalKeys(const std::optional<GuestListKey> &after, qint64 position, int rows,
                                        int pageSize) const;

    QSqlDatabase m_db;
    std::shared_ptr<Shown> m_shown;
};

} // namespace kasp::storage
