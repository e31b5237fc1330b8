#pragma once
// Tasks in the Sales Window: the card's «Задача…» form (Ctrl+T), the agenda dock's changes shown
// on the open card, and a reminder when tasks come due while the window is behind others.
#include "kasp/core/id.h"
#include "modalrunner.h"
#include <QList>
#include <QObject>

class QWidget;

namespace kasp::storage {
struct AgendaTask;
}
namespace kasp::crm::ui {
class TaskAgendaPanel;
}

namespace kasp::app {

class AppContext;
class CardController;
class TrayNotifier;

class TasksController : public QObject
{
    Q_OBJECT
public:
    TasksController(AppContext &context, CardController &cards, crm::ui::TaskAgendaPanel *agenda,
                    TrayNotifier *notifier, ModalRunner runModal, QWidget *window);

    // A task about this guest, in the form; the agenda and the card show it once made.
    void newTask(const kasp::Id &guestId);
    // «Задачи команды»: each person's tasks for today and what is overdue (heads of sales, directors).
    void showTeam();
    // Tasks just come due: a tray notification (the first three by name).
    void remind(const QList<kasp::storage::AgendaTask> &tasks);

signals:
    void message(const QString &text, int timeoutMs = 10000);

private:
    AppContext &m_context;
    CardController &m_cards;
    crm::ui::TaskAgendaPanel *m_agenda;
    TrayNotifier *m_notifier;
    ModalRunner m_runModal;
    QWidget *m_window;
};

} // namespace kasp::app
