// MainWindow's duplicates: the dialog (not modal, so cards can be opened beside it) and what a
// merge changes in the window: the list, the search results, the open card.
#include "kasp/booking/bookingservice.h"
#include "kasp/crm/duplicateservice.h"
#include "kasp/crm/ui/duplicatesdialog.h"
#include "kasp/crm/ui/guestcardpanel.h"
#include "kasp/crm/ui/guestlistpanel.h"
#include "kasp/crm/ui/guestsearchpanel.h"
#include "mainwindow.h"

#include <QStatusBar>

namespace kasp::app {

crm::ui::DuplicatesDialog *MainWindow::ensureDuplicatesDialog()
{
    if (m_duplicates)
        return m_duplicates;
    m_duplicateService =
        std::make_unique<crm::DuplicateService>(m_booking.database(), m_booking.clock(), m_user.id);
    m_duplicateService->setWorkerConnections(m_workerConnections);
    m_duplicates = new crm::ui::DuplicatesDialog(*m_duplicateService, this);
    connect(m_duplicates, &crm::ui::DuplicatesDialog::errorOccurred, this, &MainWindow::showError);
    connect(m_duplicates, &crm::ui::DuplicatesDialog::guestActivated, this, &MainWindow::openGuest);
    connect(m_duplicates, &crm::ui::DuplicatesDialog::merged, this,
            [this](const Id &survivor, const Id &gone) {
                m_guestList->reload();
                if (m_card->currentGuest() == gone || m_card->currentGuest() == survivor)
                    openGuest(survivor);
                statusBar()->showMessage(tr("Cards merged."), 5000);
            });
    return m_duplicates;
}

void MainWindow::setWorkerConnections(storage::ConnectionOpener opener)
{
    m_workerConnections = std::move(opener);
    if (m_duplicateService)
        m_duplicateService->setWorkerConnections(m_workerConnections);
}

void MainWindow::findDuplicates()
{
    if (!m_findDuplicates->isEnabled())
        return;
    crm::ui::DuplicatesDialog *dialog = ensureDuplicatesDialog();
    dialog->show();
    dialog->raise();
    dialog->rescan();
}

void MainWindow::compareGuests(const Id &a, const Id &b)
{
    if (!m_findDuplicates->isEnabled() || a.isNull() || b.isNull())
        return;
    crm::ui::DuplicatesDialog *dialog = ensureDuplicatesDialog();
    dialog->show();
    dialog->raise();
    dialog->showPair(a, b);
}

} // namespace kasp::app
