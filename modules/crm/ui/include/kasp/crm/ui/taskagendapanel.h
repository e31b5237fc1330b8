#pragma once
// "Задачи на сегодня": the consultant's open tasks due today, overdue ones in red at the top, then
// the shared pool's. Enter opens the guest's card; one click marks a task done or puts it off to
// tomorrow. Refreshed every minute (overdue marks move with the clock) and after a sync.
#include "kasp/core/phone.h"
#include "kasp/crm/taskservice.h"
#include <QAbstractTableModel>
#include <QSet>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace kasp::crm::ui {

class TaskAgendaModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // Two columns for a narrow dock: the time, and the guest's name over the task (wrapped, never cut).
    enum Column { DueColumn, TitleColumn, ColumnCount };
    enum Role {
        TaskIdRole = Qt::UserRole + 1,
        GuestIdRole,
        OverdueRole,
        PoolRole,
        DueRole,
        GuestPhoneRole,
        KindRole
    };

    explicit TaskAgendaModel(QObject *parent = nullptr);
    void setAgenda(const Agenda &agenda, const QDateTime &now);
    int overdueCount() const;
    int mineCount() const { return m_mineCount; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<storage::AgendaTask> m_rows; // mine, then the pool's
    int m_mineCount = 0;
    QDateTime m_now;
};

class TaskAgendaPanel : public QWidget
{
    Q_OBJECT
public:
    TaskAgendaPanel(TaskService &service, const Clock &clock, QWidget *parent = nullptr);

    void setUser(const Id &userId);
    // Whether the signed-in role changes tasks (done, to tomorrow): the access rules' answer. A
    // director's list is for reading: the buttons stay disabled and the actions do nothing.
    void setCanWork(bool can);
    bool canWork() const { return m_canWork; }
    void reload();
    bool completeCurrent();
    bool callCurrent(); // the selected task's guest, on their main number; false when none
    bool postponeCurrent();

    TaskAgendaModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLabel *summary() const { return m_summary; }

signals:
    void guestActivated(const kasp::Id &guestId);
    // The row's menu «Позвонить …» (a call-back task): the guest's main number.
    void callRequested(const kasp::Id &guestId, const kasp::Phone &phone);
    void tasksChanged(const kasp::Id &guestId);
    void errorOccurred(const QString &message);
    // Tasks that have just come due (since the previous refresh, with a minute of lead): the
    // window turns them into a tray notification.
    void tasksDue(const QList<kasp::storage::AgendaTask> &tasks);

private:
    void updateButtons();

    TaskService &m_service;
    const Clock &m_clock;
    bool m_canWork = true;
    Id m_userId;
    TaskAgendaModel *m_model;
    QTableView *m_view;
    QLabel *m_summary;
    QPushButton *m_done;
    QPushButton *m_tomorrow;
    QTimer *m_refresh;
    QDateTime m_remindedUntil; // reminders given up to here; starts at the first load
    // Open tasks of the last load: one that appears later already due (a colleague's, a missed call
    // from another desk, pulled by a sync) is announced too, though its time passed before it came.
    QSet<Id> m_known;
};

} // namespace kasp::crm::ui
