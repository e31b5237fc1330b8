#pragma once
// Гость → Дубли карточек and the card's «Похоже на:» link: the duplicates dialog (not modal, so
// cards can be opened beside it) and what a merge changes in the window.
#include "kasp/core/id.h"
#include <QObject>

class QWidget;

namespace kasp::crm::ui {
class DuplicatesDialog;
}

namespace kasp::app {

class AppContext;
class CardController;

class DuplicatesController : public QObject
{
    Q_OBJECT
public:
    DuplicatesController(AppContext &context, CardController &cards, QWidget *window);

    // The whole base's likely duplicates, scanned afresh.
    void findDuplicates();
    // These two cards side by side.
    void compare(const kasp::Id &a, const kasp::Id &b);
    crm::ui::DuplicatesDialog *dialog() const { return m_dialog; } // made on first use

signals:
    void merged(); // the guest list reloads
    void message(const QString &text, int timeoutMs = 10000);

private:
    crm::ui::DuplicatesDialog *ensureDialog();

    AppContext &m_context;
    CardController &m_cards;
    QWidget *m_window;
    crm::ui::DuplicatesDialog *m_dialog = nullptr;
};

} // namespace kasp::app
