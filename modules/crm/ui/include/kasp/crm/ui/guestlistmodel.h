#pragma once
// Every guest of the base, alphabetically, as a table a QTableView can scroll from top to bottom at
// a million rows. Nothing is loaded up front but the count: rows come a page (100) at a time when
// the view asks for them, and the most recent pages stay cached. Where page N starts is learned by
// walking the name index in slices of a few milliseconds on the GUI thread (about a second at a
// million guests); a page asked for before its start is known shows "…" and fills in when it is.
#include "kasp/core/result.h"
#include "kasp/storage/guestlist.h"
#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>

namespace kasp::crm::ui {

class GuestListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, PhoneColumn, BirthColumn, ManagerColumn, AddedColumn, ColumnCount };
    enum Roles { IdRole = Qt::UserRole + 1 };
    static constexpr int kPageSize = 50; // rows read per query: ~1 ms of random SQLCipher pages
    static constexpr int kCachedPages = 64;

    explicit GuestListModel(storage::GuestList list, int cachedPages = kCachedPages,
                            QObject *parent = nullptr);

    void setUserNames(QHash<Id, QString> names); // the manager column
    const QHash<Id, QString> &userNames() const { return m_userNames; }
    // The guests this table shows, as a source of its own: an export writes what the list shows.
    const storage::GuestList &list() const { return m_list; }
    // Counts the guests, forgets every page and starts learning the page starts again. A filter
    // is asked of the base again (a save or a sync may have changed who passes it).
    Status reload();
    // Narrows the list (issue 21) and reloads it; an empty filter shows every guest.
    Status setFilter(const storage::GuestListFilter &filter);
    const storage::GuestListFilter &filter() const { return m_filter; }
    bool isIndexing() const { return m_scanning; }
    void finishIndexing(); // the rest of the walk at once (tests, benchmarks)
    qint64 guestCount() const { return m_count; }
    Id guestAt(int row) const;
    int pagesLoaded() const { return m_pagesLoaded; } // pages read from the database so far

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    // Typing a name's beginning in the view jumps to it through the index; the default match()
    // would read every row of the base.
    QModelIndexList match(const QModelIndex &start, int role, const QVariant &value, int hits = 1,
                          Qt::MatchFlags flags = Qt::MatchFlags(Qt::MatchStartsWith |
                                                                Qt::MatchWrap)) const override;

signals:
    void indexingProgress(qint64 rowsDone, qint64 rowsTotal);
    void indexingFinished();
    void errorOccurred(const QString &message);

private:
    // A row as the view shows it: the texts are made once when the page is read, not on every
    // paint (a scrolling frame asks for each cell's text several times).
    struct ShownRow
    {
        Id id;
        QString cells[ColumnCount];
        QString searchName;
    };
    struct Page
    {
        QList<ShownRow> rows;
        quint64 lastUse = 0;
    };
    const ShownRow *row(int row) const;
    ShownRow shown(const storage::GuestListRow &row) const;
    const Page *page(int number) const;
    void indexSlice(int budgetMs);
    void reportError(const Error &error) const;

    storage::GuestList m_list;
    storage::GuestListFilter m_filter;
    QHash<Id, QString> m_userNames;
    qint64 m_count = 0;
    QList<storage::GuestListKey> m_pageStarts; // key of the first row of page i
    std::optional<storage::GuestListKey> m_scanAfter;
    qint64 m_scanned = 0;
    bool m_scanning = false;
    QTimer m_slices;
    mutable QHash<int, Page> m_pages;
    mutable quint64 m_useClock = 0;
    mutable int m_pagesLoaded = 0;
    mutable QSet<int> m_waiting; // pages asked for before their start was known
    mutable bool m_errorShown = false;
    int m_cachedPages;
};

} // namespace kasp::crm::ui
