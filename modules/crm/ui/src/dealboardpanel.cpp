#include "kasp/crm/ui/dealboardpanel.h"

#include "kasp/core/programtext.h"
#include "kasp/crm/ui/pipelineeditordialog.h"

#include <QAction>
#include <QButtonGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace kasp::crm::ui {

namespace {
// A column takes its share of the board's width, between these: eight stages fit a 1600 px window
// beside the docks (about 150 px each) without scrolling sideways, and a wide screen does not make
// them needlessly wide.
constexpr int kMinColumnWidth = 140;
constexpr int kMaxColumnWidth = 260;
enum ListColumn { ListStage, ListTitle, ListGuest, ListAmount, ListManager, ListUpdated, ListColumns };
} // namespace

DealBoardPanel::DealBoardPanel(DealService &service, const Clock &clock, QWidget *parent)
    : QWidget(parent), m_service(service), m_clock(clock), m_stack(new QStackedWidget),
      m_columnsHost(new QWidget), m_columnsLayout(new QHBoxLayout(m_columnsHost)), m_list(new QTableView),
      m_listModel(new QStandardItemModel(this)), m_summary(new QLabel), m_boardButton(new QToolButton),
      m_listButton(new QToolButton), m_pipelineButton(new QToolButton), m_undo(new QAction(this))
{
    m_boardButton->setText(tr("Board"));
    m_boardButton->setToolTip(tr("Deals as cards in a column per stage; drag a card to move the deal"));
    m_listButton->setText(tr("List"));
    m_listButton->setToolTip(tr("The same deals as a table, sortable by any column"));
    for (QToolButton *b : {m_boardButton, m_listButton}) {
        b->setCheckable(true);
        b->setAutoRaise(true);
    }
    auto *group = new QButtonGroup(this);
    group->addButton(m_boardButton);
    group->addButton(m_listButton);
    m_boardButton->setChecked(true);
    connect(m_boardButton, &QToolButton::clicked, this, [this] { showList(false); });
    connect(m_listButton, &QToolButton::clicked, this, [this] { showList(true); });

    auto *refresh = new QToolButton;
    refresh->setText(tr("Refresh"));
    refresh->setToolTip(tr("Read the deals again (F5)"));
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setAutoRaise(true);
    connect(refresh, &QToolButton::clicked, this, [this] {
        m_stale = true;
        reload();
    });
    m_undo->setText(tr("Undo move"));
    m_undo->setToolTip(tr("Move the last moved deal back (Ctrl+Z)"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_undo->setEnabled(false);
    addAction(m_undo);
    connect(m_undo, &QAction::triggered, this, &DealBoardPanel::undoLastMove);
    auto *undoButton = new QToolButton;
    undoButton->setDefaultAction(m_undo);
    undoButton->setAutoRaise(true);
    m_pipelineButton->setText(tr("Pipeline stages…"));
    m_pipelineButton->setToolTip(tr("Rename, order, hide or add the stages of the sales pipeline"));
    m_pipelineButton->setAutoRaise(true);
    m_pipelineButton->setVisible(false);
    connect(m_pipelineButton, &QToolButton::clicked, this, &DealBoardPanel::editPipeline);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_boardButton);
    bar->addWidget(m_listButton);
    bar->addSpacing(12);
    bar->addWidget(m_summary, 1);
    bar->addWidget(undoButton);
    bar->addWidget(refresh);
    bar->addWidget(m_pipelineButton);

    m_columnsLayout->setContentsMargins(4, 4, 4, 4);
    m_columnsLayout->setSpacing(4);
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_columnsHost);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_stack->addWidget(scroll);

    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_listModel);
    proxy->setSortRole(Qt::UserRole);
    m_list->setModel(proxy);
    m_list->setSortingEnabled(true);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(true);
    m_listModel->setHorizontalHeaderLabels(
        {tr("Stage"), tr("Deal"), tr("Guest"), tr("Amount"), tr("Manager"), tr("At the stage")});
    connect(m_list, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit guestActivated(index.siblingAtColumn(ListTitle).data(Qt::UserRole + 1).value<Id>());
    });
    m_stack->addWidget(m_list);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);
}

void DealBoardPanel::setUser(const Id &userId, bool editsPipeline)
{
    m_userId = userId;
    m_editsPipeline = editsPipeline;
    m_pipelineButton->setVisible(editsPipeline);
}

void DealBoardPanel::setCanMoveDeals(bool can)
{
    m_movesDeals = can;
    for (QListView *view : std::as_const(m_views)) {
        view->setDragEnabled(can);
        view->setAcceptDrops(can);
        view->setDragDropMode(can ? QAbstractItemView::DragDrop : QAbstractItemView::NoDragDrop);
    }
}

void DealBoardPanel::setUserNames(QHash<Id, QString> names)
{
    m_userNames = std::move(names);
    for (DealColumnModel *model : m_models)
        model->setUserNames(m_userNames);
}

void DealBoardPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

void DealBoardPanel::reload()
{
    m_stale = true;
    if (!isVisible())
        return;
    auto pipeline = m_service.pipeline();
    auto board = m_service.board();
    if (!pipeline.ok() || !board.ok()) {
        emit errorOccurred(!pipeline.ok() ? pipeline.error().message : board.error().message);
        return;
    }
    m_stale = false;
    m_pipeline = pipeline.value();
    rebuild(board.value());
}

void DealBoardPanel::rebuild(const QList<BoardColumn> &columns)
{
    // Columns are widgets of their own; a pipeline change may add, drop or reorder them.
    while (QLayoutItem *item = m_columnsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    qDeleteAll(m_models);
    m_models.clear();
    m_views.clear();
    m_headers.clear();
    for (const BoardColumn &column : columns) {
        auto *frame = new QFrame;
        frame->setFrameShape(QFrame::StyledPanel);
        frame->setMinimumWidth(kMinColumnWidth);
        frame->setMaximumWidth(kMaxColumnWidth);
        auto *header = new QLabel;
        header->setWordWrap(true); // a long stage's title and its sum go on to more lines
        header->setTextFormat(Qt::RichText);
        header->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        // The same height in every column (a title on two lines, the count, the sum), so that the
        // columns' cards start level.
        header->setMinimumHeight(4 * header->fontMetrics().lineSpacing());
        auto *model = new DealColumnModel(m_clock, this);
        model->setUserNames(m_userNames);
        model->setColumn(column);
        // Scrolled to its end, a long column loads its next cards (keyset pages of 200).
        model->setPageLoader(
            [this](const QString &stage, const Deal &last) { return m_service.moreOf(stage, last); });
        connect(model, &DealColumnModel::pageFailed, this, &DealBoardPanel::errorOccurred);
        connect(model, &QAbstractItemModel::rowsInserted, this, [this, index = int(m_models.size())] {
            updateHeader(index);
            refillList();
        });
        auto *view = new QListView;
        view->setModel(model);
        view->setItemDelegate(new DealCardDelegate(view));
        view->setObjectName(QStringLiteral("deals_") + column.stage.key);
        view->setSelectionMode(QAbstractItemView::SingleSelection);
        view->setDragEnabled(m_movesDeals);
        view->setAcceptDrops(m_movesDeals);
        view->setDropIndicatorShown(true);
        view->setDragDropMode(m_movesDeals ? QAbstractItemView::DragDrop : QAbstractItemView::NoDragDrop);
        view->setDefaultDropAction(Qt::MoveAction);
        view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        view->setUniformItemSizes(false); // a card is as tall as its wrapped title and name
        view->setResizeMode(QListView::Adjust);
        view->setWordWrap(true); // a list view lays its items out again on a change of width only so
        view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        view->setFrameShape(QFrame::NoFrame);
        view->setContextMenuPolicy(Qt::CustomContextMenu);
        view->installEventFilter(this);
        connect(view, &QListView::customContextMenuRequested, this,
                [this, view](const QPoint &pos) { showCardMenu(view, pos); });
        connect(view, &QListView::activated, this, [this](const QModelIndex &index) {
            emit guestActivated(index.data(DealColumnModel::GuestIdRole).value<Id>());
        });
        connect(model, &DealColumnModel::dealDropped, this,
                [this](const Id &dealId, const QString &, const QString &to) { moveDeal(dealId, to); });
        auto *box = new QVBoxLayout(frame);
        box->setContentsMargins(2, 4, 2, 2);
        box->addWidget(header);
        box->addWidget(view, 1);
        m_columnsLayout->addWidget(frame, 1);
        m_models.append(model);
        m_views.append(view);
        m_headers.append(header);
        updateHeader(int(m_models.size()) - 1);
        frame->show(); // at once, its texts set: a widget added to a visible parent is otherwise shown later
    }
    // The columns take the width first; what they leave at their widest stays here.
    m_columnsLayout->addStretch(0);
    // The scroll area sizes its widget down to the viewport unless told the columns' real width.
    const QMargins margins = m_columnsLayout->contentsMargins();
    m_columnsHost->setMinimumWidth(int(m_models.size()) * (kMinColumnWidth + m_columnsLayout->spacing()) +
                                   margins.left() + margins.right());
    refillList();
    updateSummary();
}

void DealBoardPanel::updateHeader(int column)
{
    const BoardColumn &c = m_models.at(column)->column();
    QString text = QStringLiteral("<b>%1</b>").arg(c.title.toHtmlEscaped());
    if (!c.stage.active)
        text += QStringLiteral(" <i>(%1)</i>").arg(tr("hidden"));
    text += QStringLiteral("<br>%1").arg(tr("%Ln deal(s)", nullptr, int(c.total.count)));
    if (c.total.amountKopecks != 0) // a line of its own: a narrow column cut «· 21 153 9…»
        text += QStringLiteral("<br>") + Money::fromKopecks(c.total.amountKopecks).toString();
    m_headers.at(column)->setText(text);
    QString tip;
    if (isClosedStage(c.stage.key))
        tip = tr("Deals that arrived here in the last %n day(s).", nullptr, DealService::kClosedDays);
    if (c.total.count > c.deals.size())
        tip += (tip.isEmpty() ? QString() : QStringLiteral(" ")) +
               tr("The %1 most recently moved are shown as cards; scrolling to the end shows more.")
                   .arg(c.deals.size());
    m_headers.at(column)->setToolTip(tip);
}

void DealBoardPanel::updateSummary()
{
    qint64 open = 0, amount = 0;
    for (const DealColumnModel *model : m_models) {
        if (isClosedStage(model->stageKey()))
            continue;
        open += model->column().total.count;
        amount += model->column().total.amountKopecks;
    }
    m_summary->setText(tr("Open deals: %L1 for %2").arg(open).arg(Money::fromKopecks(amount).toString()));
}

Status DealBoardPanel::loadAllDeals()
{
    QString failed;
    m_loadingAll = true;
    for (DealColumnModel *model : std::as_const(m_models)) {
        const auto watch = connect(model, &DealColumnModel::pageFailed, this,
                                   [&failed](const QString &message) { failed = message; });
        while (failed.isEmpty() && model->canFetchMore({}))
            model->fetchMore({});
        disconnect(watch);
        if (!failed.isEmpty())
            break;
    }
    m_loadingAll = false;
    refillList();
    if (!failed.isEmpty())
        return Error{QStringLiteral("deal.page"), failed};
    return {};
}

void DealBoardPanel::refillList()
{
    if (m_loadingAll)
        return;
    m_listModel->removeRows(0, m_listModel->rowCount());
    const QDateTime now = m_clock.now();
    for (const DealColumnModel *model : m_models) {
        const BoardColumn &c = model->column();
        for (int i = 0; i < c.deals.size(); ++i) {
            const storage::BoardDeal &d = c.deals.at(i);
            auto item = [](const QString &text, const QVariant &sortKey) {
                auto *it = new QStandardItem(text);
                it->setData(sortKey, Qt::UserRole);
                return it;
            };
            QList<QStandardItem *> row(ListColumns);
            row[ListStage] = item(c.title, m_pipeline.indexOf(c.stage.key));
            row[ListTitle] = item(programtext::display(d.deal.title), d.deal.title);
            row[ListTitle]->setData(QVariant::fromValue(d.deal.guestId), Qt::UserRole + 1);
            row[ListGuest] = item(d.guestName, d.guestName);
            row[ListAmount] = item(d.deal.amount.toString(), d.deal.amount.kopecks());
            row[ListAmount]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            row[ListManager] = item(m_userNames.value(d.deal.ownerId), m_userNames.value(d.deal.ownerId));
            row[ListUpdated] = item(model->data(model->index(i), DealColumnModel::UpdatedRole).toString(),
                                    d.deal.updatedAt.isValid() ? d.deal.updatedAt.secsTo(now) : 0);
            m_listModel->appendRow(row);
        }
    }
    m_list->resizeColumnsToContents();
}

void DealBoardPanel::showList(bool list)
{
    m_stack->setCurrentIndex(list ? 1 : 0);
    (list ? m_listButton : m_boardButton)->setChecked(true);
}

DealColumnModel *DealBoardPanel::columnModel(const QString &stage) const
{
    for (DealColumnModel *model : m_models)
        if (model->stageKey() == stage)
            return model;
    return nullptr;
}

QListView *DealBoardPanel::columnView(const QString &stage) const
{
    for (int i = 0; i < m_models.size(); ++i)
        if (m_models.at(i)->stageKey() == stage)
            return m_views.at(i);
    return nullptr;
}

void DealBoardPanel::reloadColumn(const QString &stage)
{
    for (int i = 0; i < m_models.size(); ++i) {
        if (m_models.at(i)->stageKey() != stage)
            continue;
        const BoardColumn &old = m_models.at(i)->column();
        auto fresh = m_service.column(old.stage, old.title);
        if (!fresh.ok()) {
            emit errorOccurred(fresh.error().message);
            return;
        }
        m_models.at(i)->setColumn(fresh.value());
        updateHeader(i);
    }
}

std::optional<QString> DealBoardPanel::askLostReason()
{
    bool ok = false;
    const QString reason = QInputDialog::getItem(this, tr("Deal lost"), tr("Why was the deal lost?"),
                                                 DealService::lostReasons(), 0, true, &ok);
    if (!ok || reason.trimmed().isEmpty())
        return std::nullopt;
    return reason.trimmed();
}

bool DealBoardPanel::moveDeal(const Id &dealId, const QString &to)
{
    QString reason;
    if (to == dealstage::Lost) {
        const auto asked = askLostReason();
        if (!asked)
            return false;
        reason = *asked;
    }
    auto moved = m_service.move(dealId, to, m_userId, reason);
    if (!moved.ok()) {
        emit errorOccurred(moved.error().message);
        return false;
    }
    const DealMove &m = moved.value();
    m_lastMove.reset();
    if (!isClosedStage(m.toStage))
        m_lastMove = LastMove{m.dealId, m.fromStage, m.toStage};
    m_undo->setEnabled(m_lastMove.has_value());
    reloadColumn(m.fromStage);
    reloadColumn(m.toStage);
    refillList();
    updateSummary();
    if (QListView *view = columnView(m.toStage)) {
        const int row = columnModel(m.toStage)->indexOfDeal(m.dealId);
        if (row >= 0) {
            view->setCurrentIndex(view->model()->index(row, 0));
            view->scrollTo(view->currentIndex());
            view->setFocus();
        }
    }
    emit dealMoved(m.guestId);
    return true;
}

bool DealBoardPanel::undoLastMove()
{
    if (!m_lastMove)
        return false;
    const LastMove last = *m_lastMove;
    if (!moveDeal(last.dealId, last.from))
        return false;
    m_lastMove.reset(); // an undo is not undone again by Ctrl+Z
    m_undo->setEnabled(false);
    return true;
}

void DealBoardPanel::moveSelected(int step)
{
    auto *view = qobject_cast<QListView *>(focusWidget());
    if (!view || !view->currentIndex().isValid())
        return;
    const auto *model = static_cast<DealColumnModel *>(view->model());
    const QList<DealStageDef> active = m_pipeline.activeStages();
    int at = -1;
    for (int i = 0; i < active.size(); ++i)
        if (active.at(i).key == model->stageKey())
            at = i;
    const int target = at + step;
    // The keyboard walks the open stages and the won end; "lost" needs the menu or a drag.
    if (at < 0 || target < 0 || target >= active.size() || active.at(target).key == dealstage::Lost)
        return;
    moveDeal(view->currentIndex().data(DealColumnModel::DealIdRole).value<Id>(), active.at(target).key);
}

bool DealBoardPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress && m_views.contains(static_cast<QListView *>(watched))) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->modifiers() == Qt::ControlModifier &&
            (key->key() == Qt::Key_Right || key->key() == Qt::Key_Left)) {
            moveSelected(key->key() == Qt::Key_Right ? 1 : -1);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void DealBoardPanel::showCardMenu(QListView *view, const QPoint &pos)
{
    const QModelIndex index = view->indexAt(pos);
    if (!index.isValid())
        return;
    const auto *model = static_cast<DealColumnModel *>(view->model());
    const Id dealId = index.data(DealColumnModel::DealIdRole).value<Id>();
    QMenu menu(this);
    menu.addAction(tr("Open the guest's card"), this, [this, index] {
        emit guestActivated(index.data(DealColumnModel::GuestIdRole).value<Id>());
    });
    QMenu *moveTo = menu.addMenu(tr("Move to"));
    moveTo->setEnabled(m_movesDeals && !isClosedStage(model->stageKey()));
    for (const DealStageDef &stage : m_pipeline.activeStages()) {
        if (stage.key == model->stageKey())
            continue;
        moveTo->addAction(m_pipeline.title(stage.key), this,
                          [this, dealId, key = stage.key] { moveDeal(dealId, key); });
    }
    menu.exec(view->viewport()->mapToGlobal(pos));
}

void DealBoardPanel::editPipeline()
{
    PipelineEditorDialog dialog(m_service, this);
    if (dialog.exec() == QDialog::Accepted) {
        m_stale = true;
        reload();
    }
}

} // namespace kasp::crm::ui
