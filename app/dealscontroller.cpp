#include "dealscontroller.h"

#include "appcontext.h"
#include "cardcontroller.h"
#include "kasp/crm/dealservice.h"
#include "kasp/crm/ui/dealboardpanel.h"

#include <QInputDialog>

namespace kasp::app {

DealsController::DealsController(AppContext &context, CardController &cards, crm::ui::DealBoardPanel *board,
                                 QWidget *window)
    : QObject(window), m_context(context), m_cards(cards), m_board(board), m_window(window)
{
    connect(m_board, &crm::ui::DealBoardPanel::dealMoved, &m_cards, &CardController::refreshIfShown);
}

void DealsController::newDeal()
{
    if (!m_context.worksTheBase())
        return;
    const Id guestId = m_cards.current();
    if (guestId.isNull()) {
        emit message(tr("Open the guest's card first: a deal belongs to a guest."));
        return;
    }
    bool ok = false;
    const QString title = QInputDialog::getText(m_window, tr("New deal"), tr("What is the guest choosing?"),
                                                QLineEdit::Normal, tr("A stay"), &ok);
    if (!ok)
        return;
    auto deal = m_context.deals().create(guestId, m_context.user().id, title, Money());
    if (!deal.ok()) {
        emit message(deal.error().message);
        return;
    }
    m_cards.refreshIfShown(guestId);
    m_board->reload();
    emit message(tr("Deal \"%1\" created.").arg(deal.value().title), 5000);
}

} // namespace kasp::app
