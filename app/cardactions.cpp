// MainWindow's work around the card: click-to-call, a new task (Ctrl+T), reminders of tasks come due.
#include "kasp/booking/bookingservice.h"
#include "kasp/crm/guestservice.h"
#include "kasp/crm/taskservice.h"
#include "kasp/crm/ui/guestcardpanel.h"
#include "kasp/crm/ui/taskagendapanel.h"
#include "kasp/crm/ui/taskdialog.h"
#include "kasp/session/settings.h"
#include "mainwindow.h"
#include "phonesession.h"
#include "traynotifier.h"

#include <QStatusBar>

namespace kasp::app {

void MainWindow::callGuest(const Id &guestId, const Phone &phone)
{
    if (!m_phone) {
        showError(tr("This desk has no phone yet: set its extension in Tools → Phone (SIP)…"));
        return;
    }
    auto call = m_phone->phone().dial(phone.dialString(m_settings.phone().dialPrefix));
    if (!call.ok()) {
        showError(call.error().message);
        return;
    }
    if (call.value() == 0)
        return; // ended inside the dial (refused at once): the journal has recorded it already
    m_phone->setGuestForCall(call.value(), guestId); // the journal records the call on this card
    statusBar()->showMessage(tr("Calling %1…").arg(phone.display()), 5000);
}

void MainWindow::newTask(const Id &guestId)
{
    if (guestId.isNull() || !m_newDeal->isEnabled()) // the director reads, does not plan work
        return;
    auto card = m_guests.card(guestId);
    auto users = m_guests.users();
    if (!card.ok() || !users.ok()) {
        showError(!card.ok() ? card.error().message : users.error().message);
        return;
    }
    crm::ui::TaskDialog dialog(*m_taskService, guestId, card.value().guest.displayName(), users.value(),
                               m_user.id, m_booking.clock(), this);
    if (modalHook)
        modalHook(dialog);
    else
        dialog.exec();
    if (!dialog.created())
        return;
    m_tasks->reload();
    if (m_card->currentGuest() == guestId)
        m_card->showGuest(guestId);
    statusBar()->showMessage(tr("Task «%1» added.").arg(dialog.created()->title), 5000);
}

void MainWindow::remindTasks(const QList<storage::AgendaTask> &tasks)
{
    if (tasks.isEmpty())
        return;
    QStringList lines;
    for (const storage::AgendaTask &t : tasks.mid(0, 3))
        lines << (t.guestName.isEmpty() ? t.task.title
                                        : QStringLiteral("%1 — %2").arg(t.task.title, t.guestName));
    if (tasks.size() > 3)
        lines << tr("and %n more", nullptr, int(tasks.size() - 3));
    m_notifier->notify(tr("Time for %n task(s)", nullptr, int(tasks.size())), lines.join(QLatin1Char('\n')));
}

} // namespace kasp::app
