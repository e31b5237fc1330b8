#include "taskscontroller.h"

#include "appcontext.h"
#include "cardcontroller.h"
#include "kasp/core/programtext.h"
#include "kasp/crm/guestservice.h"
#include "kasp/crm/ui/taskagendapanel.h"
#include "kasp/crm/ui/taskdialog.h"
#include "kasp/crm/ui/teamtasksdialog.h"
#include "traynotifier.h"

namespace kasp::app {

TasksController::TasksController(AppContext &context, CardController &cards, crm::ui::TaskAgendaPanel *agenda,
                                 TrayNotifier *notifier, ModalRunner runModal, QWidget *window)
    : QObject(window), m_context(context), m_cards(cards), m_agenda(agenda), m_notifier(notifier),
      m_runModal(std::move(runModal)), m_window(window)
{
    connect(m_agenda, &crm::ui::TaskAgendaPanel::tasksDue, this, &TasksController::remind);
    connect(m_agenda, &crm::ui::TaskAgendaPanel::tasksChanged, &m_cards, &CardController::refreshIfShown);
}

void TasksController::newTask(const Id &guestId)
{
    if (guestId.isNull() || !m_context.worksTheBase()) // the director reads, does not plan work
        return;
    auto card = m_context.guests().card(guestId);
    auto users = m_context.guests().users();
    if (!card.ok() || !users.ok()) {
        emit message(!card.ok() ? card.error().message : users.error().message);
        return;
    }
    crm::ui::TaskDialog dialog(m_context.tasks(), guestId, card.value().guest.displayName(), users.value(),
                               m_context.user().id, m_context.clock(), m_window);
    m_runModal(dialog);
    if (!dialog.created())
        return;
    m_agenda->reload();
    m_cards.refreshIfShown(guestId);
    emit message(tr("Task «%1» added.").arg(dialog.created()->title), 5000);
}

void TasksController::showTeam()
{
    auto users = m_context.guests().users();
    if (!users.ok()) {
        emit message(users.error().message);
        return;
    }
    crm::ui::TeamTasksDialog dialog(m_context.tasks(), users.value(), m_context.clock(), m_window);
    m_runModal(dialog);
}

void TasksController::remind(const QList<storage::AgendaTask> &tasks)
{
    if (tasks.isEmpty())
        return;
    QStringList lines;
    for (const storage::AgendaTask &t : tasks.mid(0, 3))
        lines << (t.guestName.isEmpty()
                      ? programtext::display(t.task.title)
                      : QStringLiteral("%1 — %2").arg(programtext::display(t.task.title), t.guestName));
    if (tasks.size() > 3)
        lines << tr("and %n more", nullptr, int(tasks.size() - 3));
    m_notifier->notify(tr("Time for %n task(s)", nullptr, int(tasks.size())), lines.join(QLatin1Char('\n')));
}

} // namespace kasp::app
