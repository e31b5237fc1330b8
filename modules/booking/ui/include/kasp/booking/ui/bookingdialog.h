#pragma once
// "Book": dates and party on the left, the free rooms that fit them on the right (best first,
// priced), the price broken down below. Opened from the guest card (any room) or from a drag on
// the grid (that room first). Enter puts the highlighted room on hold: three clicks from the card.
#include "kasp/booking/bookingservice.h"
#include "kasp/crm/guestservice.h"
#include <QDialog>

class QComboBox;
class QDateEdit;
class QSpinBox;
class QLineEdit;
class QCheckBox;
class QLabel;
class QTableWidget;
class QTimer;
class QPushButton;

namespace kasp::booking::ui {

class BookingDialog : public QDialog
{
    Q_OBJECT
public:
    BookingDialog(BookingService &booking, crm::GuestService &guests, const crm::GuestSummary &guest,
                  const Stay &stay, const Id &preferredRoom = Id(), QWidget *parent = nullptr);

    Id heldBookingId() const { return m_heldId; }
    // For tests.
    int optionCount() const;
    Id optionRoom(int row) const;
    QString errorText() const;
    void setParty(int adults, const QList<int> &childAges);
    void setStay(const Stay &stay);
    void selectGuest(const crm::GuestSummary &guest);

public slots:
    void accept() override;
    void refreshOptions();

private:
    Party party() const;
    Result<Stay> stay() const;
    void showQuote();
    void searchGuests();
    // Ticks «Постоянный гость» when the chosen guest stayed with us before (the discount applies).
    void markReturningGuest();

    BookingService &m_booking;
    crm::GuestService &m_guests;
    Id m_guestId;
    Id m_preferredRoom;
    Id m_heldId;
    QList<StayOption> m_options;

    QComboBox *m_guest;
    QTimer *m_guestSearch;
    QDateEdit *m_checkIn, *m_checkOut;
    QLabel *m_nights;
    QSpinBox *m_adults;
    QLineEdit *m_childAges;
    QComboBox *m_meals, *m_treatment;
    QLineEdit *m_promo;
    QCheckBox *m_returning;
    QTableWidget *m_table;
    QLabel *m_quote, *m_error;
    QPushButton *m_hold;
};

} // namespace kasp::booking::ui
