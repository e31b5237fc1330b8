#pragma once
// The "Сделки" tab: the deals board (a column per stage, cards dragged between columns) and the
// same deals as a sortable list. Moving to "lost" asks for the reason; a move between open stages
// can be undone (Ctrl+Z), which is itself a move back, kept in the history like any other.
#include "kasp/core/result.h"
#include "kasp/crm/ui/dealcolumnmodel.h"
#include <optional>
#include <QWidget>

class QAction;
class QHBoxLayout;
class QLabel;
class QListView;
class QStackedWidget;
class QStandardItemModel;
class QTableView;
class QToolButton;

namespace kasp::crm::ui {

class DealBoardPanel : public QWidget
{
    Q_OBJECT
public:
    // The clock ages the cards ("2 days") in the board and the list.
    DealBoardPanel(DealService &service, const Clock &clock, QWidget *parent = nullptr);

    // Moves are recorded as this user's; the pipeline editor is offered to the head of sales.
    void setUser(const Id &userId, bool editsPipeline);
    // Whether this user may move deals (the access rules': a director reads the board): without
    // it, cards are not dragged and «Переместить» is disabled.
    void setCanMoveDeals(bool can);
    void setUserNames(QHash<Id, QString> names);
    // Reads the pipeline and every column again: after a sync, a new deal, an edited pipeline.
    // Cheap when hidden: the work waits until the tab is shown.
    void reload();

    // The move as the board does it: a reason asked for "lost", both columns reloaded.
    bool moveDeal(const Id &dealId, const QString &to);
    bool undoLastMove();

    QList<QListView *> columnViews() const { return m_views; }
    DealColumnModel *columnModel(const QString &stage) const;
    QListView *columnView(const QString &stage) const;
    QTableView *listView() const { return m_list; }
    // Every deal of every column, not only the pages of 200 loaded so far: an export writes them
    // all (the first-day walk's director got 200 of a stage's 400). The error of a page that
    // could not be read.
    Status loadAllDeals();
    QAction *undoAction() const { return m_undo; }
    void showList(bool list);

signals:
    void guestActivated(const kasp::Id &guestId);
    void dealMoved(const kasp::Id &guestId);
    void errorOccurred(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild(const QList<BoardColumn> &columns);
    void reloadColumn(const QString &stage);
    void refillList();
    bool m_loadingAll = false; // loadAllDeals(): the list is filled once, at the end
    void updateSummary();
    void updateHeader(int column);
    void moveSelected(int step);
    void showCardMenu(QListView *view, const QPoint &pos);
    void editPipeline();
    std::optional<QString> askLostReason();

    DealService &m_service;
    const Clock &m_clock;
    Id m_userId;
    bool m_editsPipeline = false;
    bool m_movesDeals = true;
    QHash<Id, QString> m_userNames;
    DealPipeline m_pipeline;
    QStackedWidget *m_stack;
    QWidget *m_columnsHost;
    QHBoxLayout *m_columnsLayout;
    QList<DealColumnModel *> m_models;
    QList<QListView *> m_views;
    QList<QLabel *> m_headers;
    QTableView *m_list;
    QStandardItemModel *m_listModel;
    QLabel *m_summary;
    QToolButton *m_boardButton;
    QToolButton *m_listButton;
    QToolButton *m_pipelineButton;
    QAction *m_undo;
    struct LastMove
    {
        Id dealId;
        QString from;
        QString to;
    };
    std::optional<LastMove> m_lastMove;
    bool m_stale = true;
};

} // namespace kasp::crm::ui
