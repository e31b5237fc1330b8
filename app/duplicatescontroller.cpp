#include "duplicatescontroller.h"

#include "appcontext.h"
#include "cardcontroller.h"
#include "kasp/crm/duplicateservice.h"
#include "kasp/crm/ui/duplicatesdialog.h"

namespace kasp::app {

DuplicatesController::DuplicatesController(AppContext &context, CardController &cards, QWidget *window)
    : QObject(window), m_context(context), m_cards(cards), m_window(window)
{
}

crm::ui::DuplicatesDialog *DuplicatesController::ensureDialog()
{
    if (m_dialog)
        return m_dialog;
    m_dialog = new crm::ui::DuplicatesDialog(m_context.duplicates(), m_window);
    connect(m_dialog, &crm::ui::DuplicatesDialog::errorOccurred, this,
            [this](const QString &text) { emit message(text); });
    connect(m_dialog, &crm::ui::DuplicatesDialog::guestActivated, &m_cards, &CardController::open);
    connect(m_dialog, &crm::ui::DuplicatesDialog::merged, this, [this](const Id &survivor, const Id &gone) {
        emit merged();
        if (m_cards.current() == gone || m_cards.current() == survivor)
            m_cards.open(survivor);
        emit message(tr("Cards merged."), 5000);
    });
    return m_dialog;
}

void DuplicatesController::findDuplicates()
{
    if (!m_context.worksTheBase())
        return;
    crm::ui::DuplicatesDialog *dialog = ensureDialog();
    dialog->show();
    dialog->raise();
    dialog->rescan();
}

void DuplicatesController::compare(const Id &a, const Id &b)
{
    if (!m_context.worksTheBase() || a.isNull() || b.isNull())
        return;
    crm::ui::DuplicatesDialog *dialog = ensureDialog();
    dialog->show();
    dialog->raise();
    dialog->showPair(a, b);
}

} // namespace kasp::app
