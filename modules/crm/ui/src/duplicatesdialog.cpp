#include "kasp/crm/ui/duplicatesdialog.h"

#include "kasp/crm/ui/mergecomparisonview.h"

#include <atomic>
#include <QApplication>
#include <QDialogButtonBox>
#include <QEventLoop>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QScopeGuard>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

namespace kasp::crm::ui {

namespace {

enum Column { FirstColumn, SecondColumn, ReasonColumn, Columns };
constexpr int kIdRole = Qt::UserRole + 1;

QList<QStandardItem *> pairRow(const storage::DuplicatePair &pair)
{
    auto *first = new QStandardItem(pair.first.displayName);
    first->setData(QVariant::fromValue(pair.first.id), kIdRole);
    first->setToolTip(pair.first.mainPhone);
    auto *second = new QStandardItem(pair.second.displayName);
    second->setData(QVariant::fromValue(pair.second.id), kIdRole);
    second->setToolTip(pair.second.mainPhone);
    auto *reason = new QStandardItem(duplicateReasonsText(pair.reasons));
    QList<QStandardItem *> row{first, second, reason};
    for (QStandardItem *item : row)
        item->setEditable(false);
    return row;
}

} // namespace

QString duplicateReasonsText(int reasons)
{
    QStringList parts;
    if (reasons & SamePhone)
        parts.append(DuplicatesDialog::tr("same phone"));
    if (reasons & SameEmail)
        parts.append(DuplicatesDialog::tr("same e-mail"));
    if (reasons & SameNameAndBirth)
        parts.append(DuplicatesDialog::tr("same name and birth date"));
    return parts.join(QStringLiteral(", "));
}

DuplicatesDialog::DuplicatesDialog(DuplicateService &service, QWidget *parent)
    : QDialog(parent), m_service(service), m_model(new QStandardItemModel(0, Columns, this)),
      m_pairs(new QTableView), m_view(new MergeComparisonView), m_summary(new QLabel),
      m_merge(new QPushButton(tr("&Merge"))), m_distinct(new QPushButton(tr("&Not a duplicate"))),
      m_swap(new QPushButton(tr("&Swap sides"))), m_rescan(new QPushButton(tr("Search &again"))),
      m_confirm([this](const QString &question) {
          return QMessageBox::question(this, tr("Merge cards"), question) == QMessageBox::Yes;
      })
{
    setObjectName(QStringLiteral("duplicatesDialog"));
    setWindowTitle(tr("Duplicate guest cards"));
    m_model->setHorizontalHeaderLabels({tr("Card"), tr("Looks like"), tr("Why")});
    m_pairs->setObjectName(QStringLiteral("duplicatePairs"));
    m_pairs->setModel(m_model);
    m_pairs->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_pairs->setSelectionMode(QAbstractItemView::SingleSelection);
    m_pairs->verticalHeader()->hide();
    // Both names whole (they were cut in the middle): the two name columns share the width, a long
    // name wraps in its row, and the row grows to it.
    m_pairs->horizontalHeader()->setSectionResizeMode(FirstColumn, QHeaderView::Stretch);
    m_pairs->horizontalHeader()->setSectionResizeMode(SecondColumn, QHeaderView::Stretch);
    m_pairs->horizontalHeader()->setSectionResizeMode(ReasonColumn, QHeaderView::Stretch);
    m_pairs->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_pairs->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_pairs->setWordWrap(true);
    m_view->setObjectName(QStringLiteral("mergeComparison"));
    m_summary->setObjectName(QStringLiteral("duplicatesSummary"));

    m_merge->setObjectName(QStringLiteral("mergeButton"));
    m_merge->setToolTip(tr("Everything of the right-hand card (calls, bookings, deals, tasks) moves to the "
                           "left-hand one, which stays (Ctrl+M)"));
    m_distinct->setToolTip(tr("Two different people (a family sharing one phone): not offered again"));
    m_swap->setToolTip(tr("Keep the right-hand card instead"));
    m_rescan->setToolTip(tr("Search the whole base again (F5)"));
    auto *mergeKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_M), this);
    connect(mergeKey, &QShortcut::activated, this, &DuplicatesDialog::mergeSelected);
    auto *rescanKey = new QShortcut(QKeySequence(Qt::Key_F5), this);
    connect(rescanKey, &QShortcut::activated, this, &DuplicatesDialog::rescan);
    connect(m_merge, &QPushButton::clicked, this, &DuplicatesDialog::mergeSelected);
    connect(m_distinct, &QPushButton::clicked, this, &DuplicatesDialog::markSelectedDistinct);
    connect(m_swap, &QPushButton::clicked, m_view, &MergeComparisonView::swapSides);
    connect(m_rescan, &QPushButton::clicked, this, &DuplicatesDialog::rescan);
    connect(m_pairs->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DuplicatesDialog::compareCurrent);
    connect(m_pairs, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        emit guestActivated(index.siblingAtColumn(index.column() == SecondColumn ? SecondColumn : FirstColumn)
                                .data(kIdRole)
                                .value<Id>());
    });

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_summary);
    leftLayout->addWidget(m_pairs, 1);
    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_view, 1);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_swap);
    actions->addWidget(m_distinct);
    actions->addStretch(1);
    actions->addWidget(m_merge);
    rightLayout->addLayout(actions);
    auto *split = new QSplitter;
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({560, 540}); // the pair and its reason readable without scrolling

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_rescan, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(1180, 660);
    updateState();
}

int DuplicatesDialog::pairCount() const
{
    return m_model->rowCount();
}

bool DuplicatesDialog::rescan()
{
    if (m_scanning)
        return false; // asked again from the menu while the bar is up
    m_scanning = true;
    const auto done = qScopeGuard([this] { m_scanning = false; });
    QProgressDialog progress(tr("Looking for duplicate cards…"), tr("Cancel"), 0, 4, this);
    progress.setObjectName(QStringLiteral("duplicatesProgress"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(400);
    auto pairs =
        m_service.scansInBackground() ? scanInWorker(progress) : m_service.scan([&](int done, int total) {
            progress.setMaximum(total);
            progress.setValue(done);
            QApplication::processEvents(); // the bar moves and Cancel can be pressed
            return !progress.wasCanceled();
        });
    m_lastScanInWorker = m_service.scansInBackground();
    progress.reset();
    if (!pairs.ok()) {
        if (pairs.error().code != QLatin1String("duplicates.cancelled"))
            emit errorOccurred(pairs.error().message);
        m_summary->setText(pairs.error().message);
        return false;
    }
    fill(pairs.value());
    m_summary->setText(pairs.value().isEmpty() ? tr("No likely duplicates in the base.")
                                               : tr("%n pair(s) of cards look like one person.", nullptr,
                                                    int(pairs.value().size())));
    return true;
}

// The scan reads the whole base (seconds at a million guests) on its own connection in a worker
// thread; meanwhile the window goes on (a call can ring, a sync page arrive) and the bar follows.
Result<QList<storage::DuplicatePair>> DuplicatesDialog::scanInWorker(QProgressDialog &progress)
{
    std::atomic<int> done{0}, total{4};
    std::atomic<bool> cancelled{false};
    Result<QList<storage::DuplicatePair>> result = QList<storage::DuplicatePair>();
    std::unique_ptr<QThread> worker(QThread::create([&] {
        result = m_service.scanOwnConnection([&](int d, int t) {
            done = d;
            total = t;
            return !cancelled.load();
        });
    }));
    QEventLoop loop;
    connect(worker.get(), &QThread::finished, &loop, &QEventLoop::quit);
    QTimer tick;
    tick.setInterval(50);
    connect(&tick, &QTimer::timeout, &progress, [&] {
        progress.setMaximum(total);
        progress.setValue(done);
        if (progress.wasCanceled())
            cancelled = true;
    });
    tick.start();
    worker->start();
    loop.exec();
    cancelled = true; // the loop also ends when the application quits: the scan is not awaited
    worker->wait();
    return result;
}

void DuplicatesDialog::showPair(const Id &a, const Id &b)
{
    auto comparison = m_service.compare(a, b);
    if (!comparison.ok()) {
        emit errorOccurred(comparison.error().message);
        return;
    }
    const auto &c = comparison.value();
    storage::DuplicatePair pair{{c.keep.guest.id, c.keep.guest.displayName(), {}, {}, {}, {}},
                                {c.other.guest.id, c.other.guest.displayName(), {}, {}, {}, {}},
                                c.reasons};
    fill({pair});
    m_summary->setText(tr("This card and one that looks like it."));
}

void DuplicatesDialog::fill(const QList<storage::DuplicatePair> &pairs)
{
    m_model->removeRows(0, m_model->rowCount());
    for (const storage::DuplicatePair &pair : pairs)
        m_model->appendRow(pairRow(pair));
    if (!pairs.isEmpty())
        m_pairs->setCurrentIndex(m_model->index(0, FirstColumn));
    else
        m_view->clear();
    updateState();
}

std::optional<std::pair<Id, Id>> DuplicatesDialog::currentPair() const
{
    const QModelIndex current = m_pairs->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return std::pair{m_model->index(current.row(), FirstColumn).data(kIdRole).value<Id>(),
                     m_model->index(current.row(), SecondColumn).data(kIdRole).value<Id>()};
}

void DuplicatesDialog::compareCurrent()
{
    const auto pair = currentPair();
    if (!pair) {
        m_view->clear();
        updateState();
        return;
    }
    auto comparison = m_service.compare(pair->first, pair->second);
    if (!comparison.ok()) {
        // Merged or deleted meanwhile (another desktop): the pair is gone; the next one waits
        // for the user (no recursion through currentRowChanged over a run of vanished pairs).
        m_summary->setText(comparison.error().message);
        const QSignalBlocker quiet(m_pairs->selectionModel());
        m_model->removeRow(m_pairs->currentIndex().row());
        m_pairs->setCurrentIndex(QModelIndex());
        m_view->clear();
        updateState();
        return;
    }
    m_view->setComparison(comparison.value());
    updateState();
}

void DuplicatesDialog::removePairsOf(const Id &guestId)
{
    for (int row = m_model->rowCount() - 1; row >= 0; --row)
        if (m_model->index(row, FirstColumn).data(kIdRole).value<Id>() == guestId ||
            m_model->index(row, SecondColumn).data(kIdRole).value<Id>() == guestId)
            m_model->removeRow(row);
}

bool DuplicatesDialog::mergeSelected()
{
    if (m_view->isEmpty())
        return false;
    const DuplicateComparison c = *m_view->comparison();
    const QString question =
        tr("Merge «%1» into «%2»?\n\nIts calls, bookings, deals and tasks (%3) move to «%2», and the card "
           "«%1» is deleted. This cannot be undone.")
            .arg(c.other.guest.displayName(), c.keep.guest.displayName())
            .arg(c.other.history.total());
    if (!m_confirm(question))
        return false;
    auto survivor = m_service.merge(c.keep.guest.id, c.other.guest.id, m_view->takenFromOther());
    if (!survivor.ok()) {
        emit errorOccurred(survivor.error().message);
        m_summary->setText(survivor.error().message);
        return false;
    }
    const int row = m_pairs->currentIndex().row();
    removePairsOf(c.other.guest.id);
    m_summary->setText(tr("Merged into «%1».").arg(survivor.value().displayName()));
    if (m_model->rowCount() > 0)
        m_pairs->setCurrentIndex(m_model->index(std::min(row, m_model->rowCount() - 1), FirstColumn));
    else
        m_view->clear();
    updateState();
    emit merged(c.keep.guest.id, c.other.guest.id);
    return true;
}

bool DuplicatesDialog::markSelectedDistinct()
{
    const auto pair = currentPair();
    if (!pair)
        return false;
    if (auto s = m_service.markDistinct(pair->first, pair->second); !s.ok()) {
        emit errorOccurred(s.error().message);
        return false;
    }
    const int row = m_pairs->currentIndex().row();
    m_model->removeRow(row);
    if (m_model->rowCount() > 0)
        m_pairs->setCurrentIndex(m_model->index(std::min(row, m_model->rowCount() - 1), FirstColumn));
    else
        m_view->clear();
    updateState();
    return true;
}

void DuplicatesDialog::updateState()
{
    const bool any = !m_view->isEmpty();
    m_merge->setEnabled(any);
    m_distinct->setEnabled(any);
    m_swap->setEnabled(any);
}

} // namespace kasp::crm::ui
