#pragma once
// «Задачи команды» for the head of sales and the director: each person's tasks for today and how
// many are overdue, the worst first; a person's row shows their list below.
#include "kasp/core/clock.h"
#include "kasp/core/user.h"
#include "kasp/crm/taskservice.h"

#include <QDialog>

class QLabel;
class QTableView;
class QTableWidget;

namespace kasp::crm::ui {

class TaskAgendaModel;

class TeamTasksDialog : public QDialog
{
    Q_OBJECT
public:
    // `users`: the staff; the active consultants and heads of sales are listed (a director has no
    // tasks of their own).
    TeamTasksDialog(TaskService &service, const QList<User> &users, const Clock &clock,
                    QWidget *parent = nullptr);

    QTableWidget *team() const { return m_team; }
    TaskAgendaModel *tasks() const { return m_tasks; }
    QString summaryText() const;

private:
    void reload();
    void showTasksOf(int row);

    TaskService &m_service;
    const Clock &m_clock;
    QList<User> m_people;
    QLabel *m_summary;
    QTableWidget *m_team;
    TaskAgendaModel *m_tasks;
    QTableView *m_list;
};

} // namespace kasp::crm::ui
