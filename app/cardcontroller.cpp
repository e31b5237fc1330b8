#include "cardcontroller.h"

#include "appcontext.h"
#include "kasp/booking/ui/bookingpanel.h"
#include "kasp/crm/ui/consentdialog.h"
#include "kasp/crm/ui/guestcardpanel.h"
#include "kasp/crm/ui/guesteditdialog.h"

#include <QTabWidget>

namespace kasp::app {

CardController::CardController(AppContext &context, crm::ui::GuestCardPanel *card,
                               booking::ui::BookingPanel *booking, QTabWidget *tabs, ModalRunner runModal,
                               QWidget *window)
    : QObject(window), m_context(context), m_card(card), m_booking(booking), m_tabs(tabs),
      m_runModal(std::move(runModal)), m_window(window)
{
    connect(m_card, &crm::ui::GuestCardPanel::editRequested, this, &CardController::editGuest);
    connect(m_card, &crm::ui::GuestCardPanel::consentRequested, this, &CardController::recordConsent);
}

void CardController::recordConsent(const Id &guestId)
{
    // The director reads the consents; the server refuses the director's writes too.
    if (guestId.isNull() || !m_context.may("consent.add"))
        return;
    crm::ui::ConsentDialog dialog(m_context.guests(), guestId, m_card->shownName(), m_context.user().id,
                                  m_window);
    m_runModal(dialog);
    if (dialog.result() != QDialog::Accepted)
        return;
    refreshIfShown(guestId);
    emit message(tr("Consent recorded."), 5000);
}

std::optional<crm::GuestCard> CardController::open(const Id &guestId)
{
    // One load serves the card, the booking dialog's guest and the caller (PhoneController).
    auto card = m_context.guests().card(guestId);
    if (!card.ok()) {
        emit message(card.error().message); // the card shown before stays
        m_tabs->setCurrentWidget(m_card);
        return std::nullopt;
    }
    m_card->showCard(card.value());
    m_tabs->setCurrentWidget(m_card);
    m_booking->setCurrentGuest(crm::GuestSummary{guestId, card.value().guest.displayName(), {}, {}, {}});
    return card.value();
}

void CardController::refreshIfShown(const Id &guestId)
{
    if (!guestId.isNull() && m_card->currentGuest() == guestId)
        m_card->showGuest(guestId);
}

void CardController::refresh()
{
    refreshIfShown(m_card->currentGuest());
}

Id CardController::current() const
{
    return m_card->currentGuest();
}

void CardController::saved(const Id &guestId)
{
    emit guestSaved(guestId);
    open(guestId);
}

void CardController::newGuest()
{
    if (!m_context.worksTheBase())
        return;
    const User &user = m_context.user();
    crm::ui::GuestEditDialog dialog(m_context.guests(), Guest{},
                                    user.role == Role::Consultant ? user.id : Id(), m_window);
    const int result = dialog.exec();
    if (result == QDialog::Accepted)
        saved(dialog.savedGuestId());
    else if (result == crm::ui::GuestEditDialog::OpenExisting)
        open(dialog.existingGuestId());
}

void CardController::editGuest()
{
    if (!m_context.worksTheBase() || m_card->currentGuest().isNull())
        return;
    auto card = m_context.guests().card(m_card->currentGuest());
    if (!card.ok()) {
        emit message(card.error().message);
        return;
    }
    crm::ui::GuestEditDialog dialog(m_context.guests(), card.value().guest, Id(), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    saved(dialog.savedGuestId());
    m_card->offerUndo(card.value().guest);
}

} // namespace kasp::app
