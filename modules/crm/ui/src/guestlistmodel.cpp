#include "kasp/crm/ui/guestlistmodel.h"

#include "kasp/core/phone.h"

#include <QElapsedTimer>
#include <QLocale>

namespace kasp::crm::ui {

namespace {
constexpr int kSliceRows = 4096;  // keys per query of the walk: ~1-2 ms of SQLCipher reading
constexpr int kSliceBudgetMs = 6; // per timer tick, leaving most of a 16 ms frame to the view
} // namespace

GuestListModel::GuestListModel(storage::GuestList list, int cachedPages, QObject *parent)
    : QAbstractTableModel(parent), m_list(std::move(list)), m_cachedPages(std::max(cachedPages, 2))
{
    m_slices.setInterval(0);
    connect(&m_slices, &QTimer::timeout, this, [this] { indexSlice(kSliceBudgetMs); });
}

void GuestListModel::setUserNames(QHash<Id, QString> names)
{
    m_userNames = std::move(names);
    m_pages.clear(); // their manager cells were made with the old names
    if (m_count > 0)
        emit dataChanged(index(0, ManagerColumn), index(rowCount() - 1, ManagerColumn), {Qt::DisplayRole});
}

Status GuestListModel::setFilter(const storage::GuestListFilter &filter)
{
    m_filter = filter;
    return reload();
}

Status GuestListModel::reload()
{
    beginResetModel();
    m_pages.clear();
    m_waiting.clear();
    m_pageStarts.clear();
    m_scanAfter.reset();
    m_scanned = 0;
    m_errorShown = false;
    Status filtered = m_list.setFilter(m_filter);
    auto counted = filtered.ok() ? m_list.count() : Result<qint64>(filtered.error());
    m_count = counted.ok() ? counted.value() : 0;
    // Page 0 starts at the first row: it needs no walk, so the list shows at once.
    m_pageStarts.append(storage::GuestListKey{});
    m_scanning = m_count > kPageSize;
    endResetModel();
    if (!counted.ok()) {
        reportError(counted.error());
        return counted.error();
    }
    if (m_scanning) {
        m_slices.start();
    } else {
        m_slices.stop();
        emit indexingFinished();
    }
    return {};
}

void GuestListModel::finishIndexing()
{
    while (m_scanning)
        indexSlice(1000);
}

void GuestListModel::indexSlice(int budgetMs)
{
    QElapsedTimer timer;
    timer.start();
    while (m_scanning && timer.elapsed() < budgetMs) {
        auto scan = m_list.scanKeys(m_scanAfter, m_scanned, kSliceRows, kPageSize);
        if (!scan.ok()) {
            m_scanning = false;
            reportError(scan.error());
            break;
        }
        const auto &starts = scan.value().pageStarts;
        // Row 0 starts page 0, which is read without a key: its entry is already there.
        m_pageStarts.append(starts.mid(m_scanned == 0 && !starts.isEmpty() ? 1 : 0));
        m_scanned += scan.value().rowsRead;
        m_scanAfter = scan.value().last;
        if (!m_scanAfter)
            m_scanning = false;
    }
    if (!m_scanning) {
        m_slices.stop();
        emit indexingFinished();
    }
    emit indexingProgress(m_scanning ? m_scanned : m_count, m_count);
    // Pages the view wanted while their start was unknown are painted now.
    for (auto it = m_waiting.begin(); it != m_waiting.end();) {
        if (*it < m_pageStarts.size()) {
            const int first = *it * kPageSize;
            const int last = std::min(rowCount(), first + kPageSize) - 1;
            it = m_waiting.erase(it);
            if (first <= last)
                emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
        } else if (!m_scanning) {
            it = m_waiting.erase(it);
        } else {
            ++it;
        }
    }
}

const GuestListModel::Page *GuestListModel::page(int number) const
{
    if (auto it = m_pages.find(number); it != m_pages.end()) {
        it->lastUse = ++m_useClock;
        return &*it;
    }
    if (number >= m_pageStarts.size()) {
        m_waiting.insert(number);
        return nullptr;
    }
    const std::optional<storage::GuestListKey> from =
        number == 0 ? std::nullopt : std::optional<storage::GuestListKey>(m_pageStarts[number]);
    auto rows = m_list.rowsFrom(from, kPageSize);
    if (!rows.ok()) {
        reportError(rows.error());
        return nullptr;
    }
    if (m_pages.size() >= m_cachedPages) {
        auto oldest = m_pages.begin();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it)
            if (it->lastUse < oldest->lastUse)
                oldest = it;
        m_pages.erase(oldest);
    }
    ++m_pagesLoaded;
    Page loaded{{}, ++m_useClock};
    loaded.rows.reserve(rows.value().size());
    for (const auto &r : rows.value())
        loaded.rows.append(shown(r));
    auto inserted = m_pages.insert(number, std::move(loaded));
    return &*inserted;
}

GuestListModel::ShownRow GuestListModel::shown(const storage::GuestListRow &r) const
{
    const QLocale locale;
    ShownRow out;
    out.id = r.id;
    out.searchName = r.key.searchName;
    out.cells[NameColumn] = r.displayName;
    auto phone = Phone::fromE164(r.mainPhone);
    out.cells[PhoneColumn] = phone.ok() ? phone->display() : r.mainPhone;
    if (r.birthDate.isValid())
        out.cells[BirthColumn] = locale.toString(r.birthDate, QLocale::ShortFormat);
    if (!r.managerId.isNull())
        out.cells[ManagerColumn] = m_userNames.value(r.managerId);
    if (r.createdAt.isValid())
        out.cells[AddedColumn] = locale.toString(r.createdAt.toLocalTime().date(), QLocale::ShortFormat);
    return out;
}

const GuestListModel::ShownRow *GuestListModel::row(int rowNumber) const
{
    const Page *p = page(rowNumber / kPageSize);
    const int offset = rowNumber % kPageSize;
    return p && offset < p->rows.size() ? &p->rows[offset] : nullptr;
}

Id GuestListModel::guestAt(int rowNumber) const
{
    if (rowNumber < 0 || rowNumber >= rowCount())
        return {};
    const auto *r = row(rowNumber);
    return r ? r->id : Id();
}

int GuestListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(std::min<qint64>(m_count, std::numeric_limits<int>::max()));
}

int GuestListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GuestListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != IdRole)
        return {};
    const ShownRow *r = row(index.row());
    if (!r)
        return role == Qt::DisplayRole ? QVariant(QStringLiteral("…")) : QVariant();
    if (role == IdRole)
        return r->id;
    return r->cells[index.column()];
}

QVariant GuestListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Guest");
    case PhoneColumn:
        return tr("Phone");
    case BirthColumn:
        return tr("Born");
    case ManagerColumn:
        return tr("Manager");
    case AddedColumn:
        return tr("In the base since");
    default:
        return {};
    }
}

QModelIndexList GuestListModel::match(const QModelIndex &start, int role, const QVariant &value, int hits,
                                      Qt::MatchFlags flags) const
{
    Q_UNUSED(start)
    Q_UNUSED(hits)
    Q_UNUSED(flags)
    if (role != Qt::DisplayRole || m_count == 0)
        return {};
    Guest probe;
    probe.lastName = value.toString();
    const QString key = probe.searchName();
    if (key.isEmpty())
        return {};
    // The last known page start at or before the key, then the first row at or after it there
    // (or on the next page: the key may fall between two pages).
    auto after =
        std::upper_bound(m_pageStarts.begin() + 1, m_pageStarts.end(), key,
                         [](const QString &k, const storage::GuestListKey &s) { return k < s.searchName; });
    int pageNo = int(after - m_pageStarts.begin()) - 1;
    for (int p = pageNo; p <= pageNo + 1 && p < m_pageStarts.size(); ++p) {
        const Page *found = page(p);
        if (!found)
            return {};
        for (int i = 0; i < found->rows.size(); ++i) {
            if (found->rows[i].searchName >= key)
                return found->rows[i].searchName.startsWith(key)
                           ? QModelIndexList{index(p * kPageSize + i, NameColumn)}
                           : QModelIndexList{};
        }
    }
    return {};
}

void GuestListModel::reportError(const Error &error) const
{
    if (m_errorShown)
        return;
    m_errorShown = true;
    emit const_cast<GuestListModel *>(this)->errorOccurred(error.message);
}

} // namespace kasp::crm::ui
