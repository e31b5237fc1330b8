#pragma once
// The guest card tab's controller: opens a guest (the card loaded once, shown, and made the guest
// the booking dialog starts with), refreshes the card when something changed about the guest it
// shows, and runs the guest form (new guest, edit the open card with its undo) and the consent form.
#include "kasp/core/id.h"
#include "kasp/crm/guestservice.h"
#include "modalrunner.h"
#include <optional>
#include <QObject>

class QTabWidget;
class QWidget;

namespace kasp::booking::ui {
class BookingPanel;
}
namespace kasp::crm::ui {
class GuestCardPanel;
}

namespace kasp::app {

class AppContext;

class CardController : public QObject
{
    Q_OBJECT
public:
    CardController(AppContext &context, crm::ui::GuestCardPanel *card, booking::ui::BookingPanel *booking,
                   QTabWidget *tabs, ModalRunner runModal, QWidget *window);

    // The guest's card on the card tab. The card as loaded (once) for whoever needs more of it,
    // e.g. the caller's name on the phone; nothing when it could not be loaded (the card panel
    // said why).
    std::optional<crm::GuestCard> open(const Id &guestId);
    // "Refresh the card if it shows this guest": after a task, a deal move, a call, a merge…
    void refreshIfShown(const Id &guestId);
    // The open card again, whoever it shows (a booking or payment changed somewhere).
    void refresh();
    Id current() const;

    void newGuest();
    void editGuest(); // the open card
    // A card saved elsewhere (the new caller's form): the list learns of it and the card opens.
    void saved(const Id &guestId);
    // The card's «Согласие…»: the consent form for the guest; the card shows the change.
    void recordConsent(const Id &guestId);

signals:
    void guestSaved(const kasp::Id &guestId); // the guest list reloads
    void message(const QString &text, int timeoutMs = 10000);

private:
    AppContext &m_context;
    crm::ui::GuestCardPanel *m_card;
    booking::ui::BookingPanel *m_booking;
    QTabWidget *m_tabs;
    ModalRunner m_runModal;
    QWidget *m_window;
};

} // namespace kasp::app
