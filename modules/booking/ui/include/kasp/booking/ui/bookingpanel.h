#pragma once
// The booking tab of the Sales Window: a toolbar (today, jump to a date, zoom, "Book…", legend)
// over the room grid. Drags on the grid open the booking dialog or move a booking after showing
// the new price; a booking's menu opens the guest or cancels with a reason.
#include "kasp/booking/bookingservice.h"
#include "kasp/booking/ui/gridlayout.h"
#include "kasp/crm/guestservice.h"
#include <QWidget>

class QDateEdit;
class QButtonGroup;
class QLabel;

class QPushButton;

namespace kasp::booking::ui {

class RoomGridWidget;

class BookingPanel : public QWidget
{
    Q_OBJECT
public:
    // Opens on the clock's today.
    BookingPanel(BookingService &booking, crm::GuestService &guests, const Clock &clock,
                 QWidget *parent = nullptr);

    RoomGridWidget *grid() const { return m_grid; }
    // The guest the booking dialog starts with (the card open in the Sales Window).
    void setCurrentGuest(const crm::GuestSummary &guest) { m_currentGuest = guest; }
    // Nights loaded: from two weeks back to a year ahead of `around`.
    void setToday(QDate today);
    // Whether this user books (the access rules'): without it «Забронировать…» is disabled and the
    // grid's drag books nothing.
    void setEditable(bool editable);
    // Heads of sales take rooms out of service and back.
    void setManagesStock(bool manages) { m_managesStock = manages; }
    // Moves and holds ask before writing; tests answer for the user.
    void setConfirm(std::function<bool(const QString &)> confirm) { m_confirm = std::move(confirm); }
    void setCancelReasonPicker(std::function<QString(const QString &)> picker)
    {
        m_pickReason = std::move(picker);
    }

public slots:
    void reload();
    void openBookingDialog(const kasp::Id &roomId, QDate checkIn, QDate checkOut);
    void moveBooking(const kasp::Id &bookingId, const kasp::Id &roomId, QDate checkIn, QDate checkOut);
    void showBookingMenu(const kasp::Id &bookingId);
    void jumpTo(QDate date);
    void expireHolds(); // every minute; tests call it
    // The server gave this booking's nights to a colleague: show it on the grid and offer the
    // nearest free room (a hold there if the consultant agrees).
    void addLostBooking(const kasp::Booking &booking, const QString &reason);
    void showCellMenu(const kasp::Id &roomId, QDate first, QDate end, const kasp::Id &closureId,
                      QPoint globalPos);
    // Asks for the reason (and lets the nights be adjusted), then closes the room.
    void closeRoom(const kasp::Id &roomId, QDate first, QDate end);

signals:
    void guestRequested(const kasp::Id &guestId);
    void message(const QString &text);
    void bookingChanged(); // held, moved or cancelled: the guest card refreshes
    void voucherRequested(const kasp::Id &bookingId, bool email); // e-mail it, or save the PDF
    void paymentLinkRequested(const kasp::Id &bookingId);         // an online payment link for the guest

private:
    BookingService &m_booking;
    crm::GuestService &m_guests;
    crm::GuestSummary m_currentGuest;
    RoomGridWidget *m_grid;
    QDateEdit *m_jump;
    QLabel *m_summary;
    QDate m_today;
    QDate m_from;
    bool m_editable = true;
    QPushButton *m_bookButton = nullptr;
    bool m_managesStock = false;
    std::function<bool(const QString &)> m_confirm;
    std::function<QString(const QString &)> m_pickReason;

public:
    // Tests answer the out-of-service form: reason, or empty to cancel.
    // Asked with the room and nights in words; returns the reason, "" to cancel.
    void setClosureReasonPicker(std::function<QString(const QString &nights)> picker)
    {
        m_closureReason = std::move(picker);
    }

private:
    std::function<QString(const QString &nights)> m_closureReason;
    QList<GridGhost> m_lost;
};

} // namespace kasp::booking::ui
