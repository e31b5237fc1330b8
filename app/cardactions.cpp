// MainWindow's actions from the guest card that open a form: a new task (Ctrl+T).
#include "kasp/booking/bookingservice.h"
#include "kasp/crm/guestservice.h"
#include "kasp/crm/taskservice.h"
#include "kasp/crm/ui/guestcardpanel.h"
#include "kasp/crm/ui/taskagendapanel.h"
#include "kasp/crm/ui/taskdialog.h"
#include "mainwindow.h"

#include <QStatusBar>

namespace kasp::app {

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
                               m_user.id, m_booking.clock().now(), this);
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

} // namespace kasp::app
