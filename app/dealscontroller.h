#pragma once
// Deals in the Sales Window: a new deal for the open card (Ctrl+Shift+D) and a move on the board
// shown on that guest's card.
#include <QObject>

class QWidget;

namespace kasp::crm::ui {
class DealBoardPanel;
}

namespace kasp::app {

class AppContext;
class CardController;

class DealsController : public QObject
{
    Q_OBJECT
public:
    DealsController(AppContext &context, CardController &cards, crm::ui::DealBoardPanel *board,
                    QWidget *window);

    void newDeal(); // asks what the guest is choosing; the deal starts at the first stage

signals:
    void message(const QString &text, int timeoutMs = 10000);

private:
    AppContext &m_context;
    CardController &m_cards;
    crm::ui::DealBoardPanel *m_board;
    QWidget *m_window;
};

} // namespace kasp::app
