#include "kasp/booking/ui/bookingpanel.h"

#include "kasp/booking/ui/bookingdialog.h"
#include "kasp/booking/ui/paymentdialog.h"
#include "kasp/booking/ui/roomgridwidget.h"
#include "kasp/core/datetext.h"
#include "kasp/crm/ui/flowlayout.h"

#include <QButtonGroup>
#include <QDateEdit>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>

namespace kasp::booking::ui {

namespace {

constexpr int kNightsBack = 14;
constexpr int kNightsLoaded = 366;

QLabel *legendChip(BookingStatus status, const QString &text)
{
    auto *label = new QLabel(text);
    label->setStyleSheet(
        QStringLiteral("background: %1; border: 1px solid %2; border-radius: 3px; padding: 1px 6px;")
            .arg(statusColor(status).name(), statusColor(status).darker(130).name()));
    return label;
}

} // namespace

BookingPanel::BookingPanel(BookingService &booking, crm::GuestService &guests, const Clock &clock,
                           QWidget *parent)
    : QWidget(parent), m_booking(booking), m_guests(guests), m_grid(new RoomGridWidget),
      m_jump(new QDateEdit), m_summary(new QLabel), m_today(clock.today())
{
    setObjectName(QStringLiteral("bookingPanel"));
    auto *today = new QPushButton(tr("Today"));
    today->setToolTip(tr("Back to today (Home in the grid)"));
    connect(today, &QPushButton::clicked, this, [this] { jumpTo(m_today); });
    m_jump->setCalendarPopup(true);
    m_jump->setDisplayFormat(datetext::dateEditFormat());
    m_jump->setDate(m_today);
    m_jump->setToolTip(tr("Jump to a date"));
    connect(m_jump, &QDateEdit::dateChanged, this, &BookingPanel::jumpTo);

    auto *zoom = new QButtonGroup(this);
    auto *zoomBox = new QHBoxLayout;
    zoomBox->setSpacing(0);
    const QList<QPair<GridZoom, QString>> zooms{
        {GridZoom::Day, tr("Day")}, {GridZoom::Week, tr("Week")}, {GridZoom::Month, tr("Month")}};
    for (const auto &[level, name] : zooms) {
        auto *b = new QToolButton;
        b->setText(name);
        b->setCheckable(true);
        b->setChecked(level == GridZoom::Day);
        b->setToolTip(tr("Column width (+ and − in the grid)"));
        zoom->addButton(b, int(level));
        zoomBox->addWidget(b);
    }
    connect(zoom, &QButtonGroup::idClicked, this, [this](int id) { m_grid->setZoom(GridZoom(id)); });

    auto *book = new QPushButton(tr("Book…"));
    m_bookButton = book;
    book->setObjectName(QStringLiteral("bookButton"));
    book->setEnabled(m_editable);
    book->setToolTip(tr("Free rooms for the dates and party (or drag across free nights in the grid)"));
    connect(book, &QPushButton::clicked, this,
            [this] { openBookingDialog(Id(), m_today, m_today.addDays(14)); });

    // Wraps onto a second line in a narrow window (a laptop with the phone dock open).
    auto *bar = new crm::ui::FlowLayout;
    bar->addWidget(today);
    bar->addWidget(m_jump);
    auto *zoomButtons = new QWidget;
    zoomBox->setContentsMargins(0, 0, 0, 0);
    zoomButtons->setLayout(zoomBox);
    bar->addWidget(zoomButtons);
    bar->addSpacing(12);
    bar->addWidget(book);
    bar->addSpacing(12);
    bar->addWidget(legendChip(BookingStatus::Hold, tr("hold")));
    bar->addWidget(legendChip(BookingStatus::Confirmed, tr("confirmed")));
    bar->addWidget(legendChip(BookingStatus::Prepaid, tr("prepaid")));
    bar->addWidget(legendChip(BookingStatus::Paid, tr("paid")));
    bar->addWidget(legendChip(BookingStatus::CheckedIn, tr("checked in")));
    bar->addSpacing(12);
    bar->addWidget(m_summary);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_grid, 1);

    connect(m_grid, &RoomGridWidget::bookRequested, this, &BookingPanel::openBookingDialog);
    connect(m_grid, &RoomGridWidget::moveRequested, this, &BookingPanel::moveBooking);
    connect(m_grid, &RoomGridWidget::bookingActivated, this, &BookingPanel::showBookingMenu);
    connect(m_grid, &RoomGridWidget::refusal, this, &BookingPanel::message);
    connect(m_grid, &RoomGridWidget::contextMenuRequested, this, &BookingPanel::showCellMenu);

    m_confirm = [this](const QString &text) {
        return QMessageBox::question(this, tr("Move the booking"), text) == QMessageBox::Yes;
    };
    m_pickReason = [this](const QString &title) {
        const QStringList reasons{tr("Guest changed plans"), tr("Not prepaid in time"),
                                  tr("Found cheaper elsewhere"), tr("Health reasons"),
                                  tr("Duplicate booking")};
        bool ok = false;
        const QString reason = QInputDialog::getItem(this, title, tr("Reason:"), reasons, 0, true, &ok);
        return ok ? reason : QString();
    };
    m_closureReason = [this](const QString &nights) {
        bool ok = false;
        const QString reason = QInputDialog::getItem(
            this, tr("Take out of service"), nights + QStringLiteral("\n\n") + tr("Reason:"),
            {tr("Repairs"), tr("Conservation"), tr("Reserved for staff")}, 0, true, &ok);
        return ok ? reason : QString();
    };
    setToday(m_today);

    // Unpaid holds lapse on the desktop of the consultant who made them.
    auto *expiry = new QTimer(this);
    expiry->setInterval(60'000);
    connect(expiry, &QTimer::timeout, this, &BookingPanel::expireHolds);
    expiry->start();
}

void BookingPanel::expireHolds()
{
    if (!m_editable)
        return;
    // The same minute's sweep: deals whose guests' stays took place are won ("stayed").
    if (auto arrived = m_booking.recordArrivals(); !arrived.ok())
        emit message(arrived.error().message);
    else if (arrived.value() > 0)
        emit message(tr("%n stay(s) took place: the deal(s) moved to «stayed».", "", arrived.value()));
    auto expired = m_booking.expireHolds();
    if (!expired.ok()) {
        emit message(expired.error().message);
        return;
    }
    if (expired.value() > 0) {
        reload();
        emit message(tr("%n unpaid hold(s) lapsed.", "", expired.value()));
        emit bookingChanged();
    }
}

void BookingPanel::setToday(QDate today)
{
    m_today = today;
    m_from = today.addDays(-kNightsBack);
    m_grid->setToday(today);
    {
        const QSignalBlocker block(m_jump);
        m_jump->setDate(today);
    }
    reload();
    m_grid->scrollToDate(today);
}

void BookingPanel::setEditable(bool editable)
{
    m_editable = editable;
    m_bookButton->setEnabled(editable);
    m_grid->setMovesBookings(editable);
    m_bookButton->setToolTip(
        editable ? tr("Free rooms for the dates and party (or drag across free nights in the grid)")
                 : tr("Your role reads the grid: bookings are made by consultants and the head of "
                      "sales"));
}

void BookingPanel::reload()
{
    QElapsedTimer timer;
    timer.start();
    auto stock = m_booking.roomStock();
    if (!stock.ok()) {
        emit message(stock.error().message);
        return;
    }
    auto window = m_booking.window(m_from, m_from.addDays(kNightsLoaded));
    if (!window.ok()) {
        emit message(window.error().message);
        return;
    }
    auto closures = m_booking.closures(m_from, m_from.addDays(kNightsLoaded));
    if (!closures.ok()) {
        emit message(closures.error().message);
        return;
    }
    const qsizetype bookings = window.value().size();
    m_grid->setData(stock.value(), m_from, kNightsLoaded, std::move(window).value(), closures.value());
    m_grid->setGhosts(m_lost);
    if (auto problems = m_booking.voucherProblems(); problems.ok())
        m_grid->setVoucherProblems(problems.value());
    m_summary->setText(tr("%1 rooms · %2 bookings in view").arg(stock.value().rooms.size()).arg(bookings));
    m_summary->setToolTip(tr("Loaded in %1 ms").arg(timer.elapsed()));
}

void BookingPanel::showCellMenu(const Id &roomId, QDate first, QDate end, const Id &closureId,
                                QPoint globalPos)
{
    QMenu menu(this);
    QAction *book = menu.addAction(tr("Book these nights…"), this,
                                   [this, roomId, first, end] { openBookingDialog(roomId, first, end); });
    book->setEnabled(m_editable && closureId.isNull());
    menu.addSeparator();
    if (closureId.isNull()) {
        QAction *close = menu.addAction(tr("Take out of service…"), this,
                                        [this, roomId, first, end] { closeRoom(roomId, first, end); });
        close->setEnabled(m_managesStock);
        close->setToolTip(tr("Repairs, conservation: the room takes no bookings on these nights"));
    } else {
        QAction *reopen = menu.addAction(tr("Back in service"), this, [this, closureId] {
            if (auto s = m_booking.reopenRoom(closureId); !s.ok()) {
                emit message(s.error().message);
                return;
            }
            reload();
            emit message(tr("The room is back in service."));
        });
        reopen->setEnabled(m_managesStock);
    }
    menu.exec(globalPos);
}

void BookingPanel::closeRoom(const Id &roomId, QDate first, QDate end)
{
    if (!m_managesStock)
        return;
    auto nights = Stay::make(first, end);
    if (!nights.ok()) {
        emit message(nights.error().message);
        return;
    }
    // Which room and which nights, said before the reason is asked: the first-day walk took a
    // room out for the one night under the cursor without being told so.
    QString number;
    if (auto stock = m_booking.roomStock(); stock.ok())
        for (const Room &r : stock.value().rooms)
            if (r.id == roomId)
                number = r.number;
    const QLocale dates;
    const QString period = QStringLiteral("%1 – %2").arg(dates.toString(first, QStringLiteral("d MMM")),
                                                         dates.toString(end, QStringLiteral("d MMM yyyy")));
    //: %1 the room's number, %2 the nights as "21 дек. – 22 дек. 2026" (the last is the morning after)
    const QString what =
        tr("Room %1: %n night(s), %2. To take out more nights, first select them in the grid "
           "with Shift+→ and open this menu on them.",
           nullptr, nights.value().nights())
            .arg(number, period);
    const QString reason = m_closureReason(what);
    if (reason.trimmed().isEmpty())
        return;
    if (auto s = m_booking.closeRoom(roomId, nights.value(), reason); !s.ok()) {
        emit message(s.error().message);
        return;
    }
    reload();
    //: %1 the room's number, %2 the nights as "21 дек. – 22 дек. 2026"
    emit message(tr("Room %1 is out of service: %n night(s), %2.", nullptr, nights.value().nights())
                     .arg(number, period));
}

void BookingPanel::addLostBooking(const Booking &booking, const QString &reason)
{
    QString guestName;
    if (auto card = m_guests.card(booking.guestId); card.ok())
        guestName = card.value().guest.displayName();
    m_lost.append(GridGhost{BookingView{booking, guestName}, reason});
    reload();
    jumpTo(booking.stay.checkIn());

    auto nearest = m_booking.nearestFreeRoomFor(booking);
    QString text = reason;
    std::optional<Room> offer = nearest.ok() ? nearest.value() : std::nullopt;
    auto stock = m_booking.roomStock();
    if (offer && stock.ok())
        text += tr("\n\nThe nearest free room for these nights: %1 (%2, %3). Put it on hold?")
                    .arg(offer->number, stock.value().categories.value(offer->categoryId).name,
                         stock.value().buildingName(offer->buildingId));
    else
        text += tr("\n\nNo other room is free for these nights.");
    // Not modal: the consultant may be on the phone with this very guest.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("The booking was not saved"), text,
                                offer ? QMessageBox::Yes | QMessageBox::No : QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("lostBookingBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    const Id lostId = booking.id;
    connect(box, &QMessageBox::finished, this, [this, box, booking, offer, lostId] {
        const bool take = offer && box->clickedButton() == box->button(QMessageBox::Yes);
        m_lost.erase(std::remove_if(m_lost.begin(), m_lost.end(),
                                    [&](const GridGhost &g) { return g.view.booking.id == lostId; }),
                     m_lost.end());
        if (take) {
            auto held =
                m_booking.hold(HoldRequest{booking.guestId, offer->id, booking.stay, partyOf(booking)});
            emit message(held.ok() ? tr("Room %1 is on hold instead.").arg(offer->number)
                                   : held.error().message);
            if (held.ok())
                emit bookingChanged();
        }
        reload();
    });
    box->open();
}

void BookingPanel::jumpTo(QDate date)
{
    if (!date.isValid())
        return;
    if (!m_grid->scrollToDate(date)) {
        // Outside the loaded year: load a year around it.
        m_from = date.addDays(-kNightsBack);
        reload();
        m_grid->scrollToDate(date);
    }
    const QSignalBlocker block(m_jump);
    m_jump->setDate(date);
}

void BookingPanel::openBookingDialog(const Id &roomId, QDate checkIn, QDate checkOut)
{
    if (!m_editable) {
        emit message(tr("Your role views bookings but does not make them."));
        return;
    }
    auto stay = Stay::make(checkIn, checkOut);
    if (!stay.ok()) {
        emit message(stay.error().message);
        return;
    }
    BookingDialog dialog(m_booking, m_guests, m_currentGuest, stay.value(), roomId, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    reload();
    emit message(tr("The room is on hold for %n hour(s).", "", m_booking.holdHours()));
    emit bookingChanged();
}

void BookingPanel::moveBooking(const Id &bookingId, const Id &roomId, QDate checkIn, QDate checkOut)
{
    if (!m_editable)
        return;
    auto stay = Stay::make(checkIn, checkOut);
    if (!stay.ok()) {
        emit message(stay.error().message);
        return;
    }
    auto total = m_booking.repriceMove(bookingId, roomId, stay.value());
    if (!total.ok()) {
        emit message(total.error().message);
        return;
    }
    const QLocale dates; // the UI's language (--lang)
    const QString question =
        tr("Move the booking to %1 – %2 (%n night(s))?\nNew price: %3.", "", stay.value().nights())
            .arg(dates.toString(checkIn, QStringLiteral("d MMMM")),
                 dates.toString(checkOut, QStringLiteral("d MMMM yyyy")), total.value().toString());
    if (!m_confirm(question))
        return;
    if (auto s = m_booking.move(bookingId, roomId, stay.value()); !s.ok()) {
        emit message(s.error().message);
        return;
    }
    reload();
    emit message(tr("The booking was moved."));
    emit bookingChanged();
}

void BookingPanel::showBookingMenu(const Id &bookingId)
{
    const auto &bookings = m_grid->layout().bookings();
    auto it = std::find_if(bookings.begin(), bookings.end(),
                           [&](const BookingView &v) { return v.booking.id == bookingId; });
    if (it == bookings.end())
        return;
    const BookingView view = *it;
    QMenu menu(this);
    menu.addAction(tr("Open the guest card"), this,
                   [this, view] { emit guestRequested(view.booking.guestId); });
    QAction *pay = menu.addAction(tr("Take a payment…"), this, [this, view] {
        PaymentDialog dialog(m_booking, view, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        reload();
        emit message(tr("The payment was recorded."));
        emit bookingChanged();
        // The voucher goes out with the prepayment.
        emit voucherRequested(view.booking.id, true);
    });
    pay->setEnabled(m_editable && view.booking.prepaid < view.booking.total &&
                    occupiesRoom(view.booking.status) && view.booking.status != BookingStatus::CheckedIn);
    QAction *link = menu.addAction(tr("Online payment link for the guest…"), this,
                                   [this, view] { emit paymentLinkRequested(view.booking.id); });
    link->setEnabled(pay->isEnabled());
    link->setToolTip(tr("The guest pays by card on the payment page; the payment is recorded by itself"));
    const bool prepaid = view.booking.prepaid > Money() && occupiesRoom(view.booking.status);
    QAction *send = menu.addAction(tr("E-mail the voucher to the guest"), this,
                                   [this, view] { emit voucherRequested(view.booking.id, true); });
    send->setEnabled(prepaid && m_editable); // recorded on the guest's timeline: those who work bookings
    QAction *save = menu.addAction(tr("Save the voucher as PDF…"), this,
                                   [this, view] { emit voucherRequested(view.booking.id, false); });
    save->setEnabled(prepaid);
    QAction *cancel = menu.addAction(tr("Cancel the booking…"), this, [this, view] {
        const QString reason = m_pickReason(tr("Cancel the booking of %1").arg(view.guestName));
        if (reason.trimmed().isEmpty())
            return;
        if (auto s = m_booking.cancel(view.booking.id, reason); !s.ok()) {
            emit message(s.error().message);
            return;
        }
        reload();
        emit message(tr("The booking was cancelled."));
        emit bookingChanged();
    });
    cancel->setEnabled(m_editable && canChangeStatus(view.booking.status, BookingStatus::Cancelled));
    const int row = m_grid->layout().rowOfRoom(view.booking.roomId);
    const QRect cell =
        m_grid->cellRect(row, std::max(0, m_grid->layout().columnOf(view.booking.stay.checkIn())));
    menu.exec(m_grid->viewport()->mapToGlobal(cell.bottomLeft()));
}

} // namespace kasp::booking::ui
