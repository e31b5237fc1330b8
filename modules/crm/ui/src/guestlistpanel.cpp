#include "kasp/crm/ui/guestlistpanel.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QTableView>
#include <QVBoxLayout>

namespace kasp::crm::ui {

namespace {

// Enter opens the guest under the cursor; QTableView would only move to the next row.
class GuestTable : public QTableView
{
public:
    using QTableView::QTableView;
    std::function<void(const QModelIndex &)> onEnter;
    std::function<void(const QModelIndex &)> onCall; // Ctrl+Enter

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentIndex().isValid()) {
            if (event->modifiers() & Qt::ControlModifier)
                onCall(currentIndex());
            else
                onEnter(currentIndex());
            return;
        }
        QTableView::keyPressEvent(event);
    }
};

} // namespace

GuestListPanel::GuestListPanel(storage::GuestList list, QWidget *parent)
    : QWidget(parent), m_model(new GuestListModel(std::move(list), GuestListModel::kCachedPages, this)),
      m_view(new GuestTable(this)), m_status(new QLabel(this)), m_progress(new QProgressBar(this))
{
    setObjectName(QStringLiteral("guestListPanel"));
    m_view->setObjectName(QStringLiteral("guestListView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setToolTip(tr("Type the beginning of a surname to jump to it; Enter opens the card"));
    // Fixed rows: the view never measures a million rows to place its scroll bar.
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    auto *header = m_view->horizontalHeader();
    header->setSectionResizeMode(GuestListModel::NameColumn, QHeaderView::Stretch);
    // Widths from typical contents and the (translated) titles: measuring a million rows is not
    // an option, and a Russian title must not be cut.
    const QFontMetrics cells = m_view->fontMetrics();
    const QFontMetrics titles = header->fontMetrics();
    const auto fit = [&](int column, const QString &typical) {
        const QString title = m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        header->resizeSection(
            column, std::max(cells.horizontalAdvance(typical) + 16, titles.horizontalAdvance(title) + 28));
    };
    fit(GuestListModel::PhoneColumn, QStringLiteral("+7 999 999-99-99"));
    fit(GuestListModel::BirthColumn, QStringLiteral("30.12.1999"));
    fit(GuestListModel::ManagerColumn, QStringLiteral("Константинова Светлана Владимировна"));
    fit(GuestListModel::AddedColumn, QStringLiteral("30.12.1999"));
    static_cast<GuestTable *>(m_view)->onEnter = [this](const QModelIndex &index) {
        if (const Id id = m_model->guestAt(index.row()); !id.isNull())
            emit guestActivated(id);
    };
    static_cast<GuestTable *>(m_view)->onCall = [this](const QModelIndex &index) { callRow(index.row()); };
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        const QModelIndex index = m_view->indexAt(at);
        if (!index.isValid())
            return;
        QMenu menu;
        menu.addAction(tr("Open the card\tEnter"), this, [this, index] {
            if (const Id id = m_model->guestAt(index.row()); !id.isNull())
                emit guestActivated(id);
        });
        const QString phone = m_model->index(index.row(), GuestListModel::PhoneColumn).data().toString();
        if (!phone.isEmpty())
            menu.addAction(tr("Call %1\tCtrl+Enter").arg(phone), this,
                           [this, index] { callRow(index.row()); });
        menu.exec(m_view->viewport()->mapToGlobal(at));
    });
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (const Id id = m_model->guestAt(index.row()); !id.isNull())
            emit guestActivated(id);
    });

    m_status->setObjectName(QStringLiteral("guestListStatus"));
    m_progress->setObjectName(QStringLiteral("guestListProgress"));
    m_progress->setMaximumWidth(260);
    m_progress->setTextVisible(false);
    m_progress->setToolTip(tr("Reading the alphabetical index: until it is done, far pages show \"…\" "
                              "for a moment"));
    m_progress->hide();
    connect(m_model, &GuestListModel::indexingProgress, this, [this](qint64 done, qint64 total) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(total > 0 ? int(done * 1000 / total) : 1000);
    });
    connect(m_model, &GuestListModel::indexingFinished, this, [this] { m_progress->hide(); });
    connect(m_model, &GuestListModel::errorOccurred, this, &GuestListPanel::errorOccurred);

    auto *top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(m_progress);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
}

void GuestListPanel::reload()
{
    m_stale = true;
    if (isVisible()) {
        m_stale = false;
        m_model->reload();
        m_progress->setVisible(m_model->isIndexing());
        updateStatus();
    }
}

void GuestListPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

void GuestListPanel::updateStatus()
{
    m_status->setText(tr("%Ln guest(s) in the base, alphabetically", nullptr, int(m_model->guestCount())));
}

void GuestListPanel::callRow(int row)
{
    const Id id = m_model->guestAt(row);
    const auto phone = Phone::parse(m_model->index(row, GuestListModel::PhoneColumn).data().toString());
    if (!id.isNull() && phone.ok())
        emit callRequested(id, phone.value());
}

} // namespace kasp::crm::ui
