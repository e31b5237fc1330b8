#include "kasp/booking/bookingservice.h"

#include "kasp/core/guestsegment.h"

#include "kasp/storage/bookingpolicyrepository.h"
#include "kasp/storage/dealrepository.h"
#include "kasp/storage/paymentlinkrepository.h"
#include "kasp/storage/paymentrepository.h"
#include "kasp/storage/roomrepository.h"
#include "kasp/storage/sqlhelpers.h"
#include "kasp/storage/tariffrepository.h"
#include "kasp/storage/touchrepository.h"
#include "kasp/storage/voucherqueuerepository.h"

#include <algorithm>
#include <QCoreApplication>
#include <QLocale>

namespace kasp::booking {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kasp::booking::BookingService", text);
}

// "101" < "102" < "1010": numbers compare by length first, as the rooms are counted on a floor.
bool roomNumberLess(const QString &a, const QString &b)
{
    return a.size() != b.size() ? a.size() < b.size() : a < b;
}

QString stayText(const Stay &stay)
{
    const QLocale ru(QLocale::Russian);
    return QStringLiteral("%1 – %2").arg(ru.toString(stay.checkIn(), QStringLiteral("d MMM")),
                                         ru.toString(stay.checkOut(), QStringLiteral("d MMM yyyy")));
}

} // namespace

Party partyOf(const Booking &booking)
{
    Party party;
    party.adults = booking.adults;
    party.childAges = QList<int>(booking.children, 10);
    party.meals = booking.meals;
    party.treatment = booking.treatment;
    return party;
}

QString RoomStock::buildingName(const Id &id) const
{
    for (const Building &b : buildings)
        if (b.id == id)
            return b.name;
    return {};
}

BookingService::BookingService(QSqlDatabase db, const Clock &clock, Id userId)
    : m_db(std::move(db)), m_clock(clock), m_userId(std::move(userId)), m_bookings(m_db, clock)
{
}

Result<RoomStock> readRoomStock(QSqlDatabase db, const Clock &clock, QList<RoomCategory> *cheapestFirst)
{
    storage::RoomRepository repo(db, clock);
    auto buildings = repo.buildings();
    if (!buildings.ok())
        return buildings.error();
    auto categories = repo.categories();
    if (!categories.ok())
        return categories.error();
    auto rooms = repo.rooms();
    if (!rooms.ok())
        return rooms.error();
    RoomStock stock;
    stock.buildings = buildings.value();
    for (const RoomCategory &c : categories.value())
        stock.categories.insert(c.id, c);
    stock.rooms = rooms.value();
    if (cheapestFirst)
        *cheapestFirst = categories.value();
    return stock;
}

Result<RoomStock> BookingService::roomStock()
{
    if (m_stockLoaded)
        return m_stock;
    QList<RoomCategory> categories; // cheapest first
    auto read = readRoomStock(m_db, m_clock, &categories);
    if (!read.ok())
        return read.error();
    // Read before anything of this object changes: a failure leaves the old stock whole.
    auto stored = storage::TariffRepository(m_db, m_clock).load();
    if (!stored.ok())
        return stored.error();

    RoomStock stock = std::move(read).value();
    std::sort(stock.buildings.begin(), stock.buildings.end(),
              [](const Building &a, const Building &b) { return a.name < b.name; });
    QHash<Id, int> buildingOrder;
    for (int i = 0; i < stock.buildings.size(); ++i)
        buildingOrder.insert(stock.buildings[i].id, i);
    QHash<Id, int> categoryOrder;
    for (const RoomCategory &c : categories)
        categoryOrder.insert(c.id, categoryOrder.size());
    std::stable_sort(stock.rooms.begin(), stock.rooms.end(), [&](const Room &a, const Room &b) {
        const int ba = buildingOrder.value(a.buildingId, 1 << 20),
                  bb = buildingOrder.value(b.buildingId, 1 << 20);
        if (ba != bb)
            return ba < bb;
        const int ca = categoryOrder.value(a.categoryId), cb = categoryOrder.value(b.categoryId);
        if (ca != cb)
            return ca < cb;
        return roomNumberLess(a.number, b.number);
    });
    m_roomIndex.clear();
    for (int i = 0; i < stock.rooms.size(); ++i)
        m_roomIndex.insert(stock.rooms[i].id, i);
    m_tariffs = effectiveTariffBook(stored.value(), categories);
    m_stock = std::move(stock);
    m_stockLoaded = true;
    return m_stock;
}

const Room *BookingService::roomById(const Id &roomId) const
{
    const int i = m_roomIndex.value(roomId, -1);
    return i < 0 ? nullptr : &m_stock.rooms[i];
}

Result<QList<BookingView>> BookingService::window(QDate from, QDate to) const
{
    return m_bookings.inWindow(from, to);
}

Result<QList<RoomClosure>> BookingService::closures(QDate from, QDate to) const
{
    return storage::RoomRepository(m_db, m_clock).closures(from, to);
}

Status BookingService::closeRoom(const Id &roomId, const Stay &nights, const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return Error{QStringLiteral("room_closure.no_reason"), tr("Say why the room is out of service.")};
    return storage::RoomRepository(m_db, m_clock)
        .closeRoom(RoomClosure{newId(), roomId, nights.checkIn(), nights.checkOut(), reason.trimmed()});
}

Status BookingService::reopenRoom(const Id &closureId)
{
    return storage::RoomRepository(m_db, m_clock).reopen(closureId);
}

Result<OccupancyIndex> BookingService::occupancy(QDate from, QDate to)
{
    auto stock = roomStock();
    if (!stock.ok())
        return stock.error();
    OccupancyIndex index(stock.value().rooms);
    if (auto s = m_bookings.busyNights(from, to,
                                       [&](const Id &room, const Stay &stay) { index.occupy(room, stay); });
        !s.ok())
        return s.error();
    index.freeze();
    return index;
}

Result<Quote> BookingService::quote(const Room &room, const Stay &stay, const Party &party)
{
    if (auto stock = roomStock(); !stock.ok())
        return stock.error();
    const RoomCategory category = m_stock.categories.value(room.categoryId);
    PriceRequest request{
        room.categoryId, category.name, room.beds,       category.extraBeds,   stay,           party.adults,
        party.childAges, party.meals,   party.treatment, party.returningGuest, party.promoCode};
    return priceStay(request, m_tariffs);
}

Result<QList<StayOption>> BookingService::options(const Stay &stay, const Party &party, int limit)
{
    auto index = occupancy(stay.checkIn(), stay.checkOut());
    if (!index.ok())
        return index.error();
    const int sleepers = sleepersFor(party.adults, party.childAges, m_tariffs.childRules);
    const QList<RoomOption> free = findFreeRooms(index.value(), m_stock.categories, stay, sleepers);
    QList<StayOption> out;
    std::optional<Error> firstError;
    for (const RoomOption &o : free) {
        if (out.size() >= limit)
            break;
        const Room &room = m_stock.rooms[o.roomIndex];
        auto price = quote(room, stay, party);
        if (!price.ok()) {
            if (!firstError)
                firstError = price.error();
            continue;
        }
        out.append(StayOption{room, m_stock.categories.value(room.categoryId), o.extraBeds, price.value()});
    }
    if (out.isEmpty() && firstError)
        return *firstError;
    return out;
}

Status BookingService::addTouch(const Id &guestId, const QString &result, const QString &note, bool byUser)
{
    Touch touch;
    touch.id = newId();
    touch.guestId = guestId;
    if (byUser)
        touch.userId = m_userId;
    touch.kind = TouchKind::Booking;
    touch.at = m_clock.now();
    touch.result = result;
    touch.note = note;
    return storage::TouchRepository(m_db, m_clock).add(touch);
}

Result<QHash<Id, QString>> BookingService::voucherProblems() const
{
    auto queued = storage::VoucherQueueRepository(m_db).all();
    if (!queued.ok())
        return queued.error();
    QHash<Id, QString> out;
    for (const storage::QueuedVoucher &v : queued.value())
        if (v.attempts > 0)
            out.insert(v.bookingId, v.reason);
    return out;
}

QString BookingService::holdNote(const Room &room, const Booking &b) const
{
    return tr("Room %1 (%2), %3, %4")
        .arg(room.number, m_stock.categories.value(room.categoryId).name, stayText(b.stay),
             b.total.toString());
}

Status BookingService::recordRefused(const Booking &lost, const QString &reason)
{
    if (auto stock = roomStock(); !stock.ok())
        return stock.error();
    const Room *room = roomById(lost.roomId);
    if (!room)
        return Error{QStringLiteral("booking.no_room"), tr("The room is not in the room stock.")};
    return addTouch(lost.guestId, QString::fromLatin1(kRefusedBookingResult),
                    holdNote(*room, lost) + QStringLiteral(" — ") + reason.trimmed(), false);
}

Result<Id> BookingService::hold(const HoldRequest &request)
{
    if (auto stock = roomStock(); !stock.ok())
        return stock.error();
    const Room *room = roomById(request.roomId);
    if (!room)
        return Error{QStringLiteral("booking.no_room"), tr("The room is not in the room stock.")};
    auto price = quote(*room, request.stay, request.party);
    if (!price.ok())
        return price.error();

    Booking b;
    b.id = newId();
    b.guestId = request.guestId;
    b.roomId = request.roomId;
    b.stay = request.stay;
    b.adults = request.party.adults;
    b.children = int(request.party.childAges.size());
    b.total = price.value().total;
    b.status = BookingStatus::Hold;
    b.createdBy = m_userId;
    b.createdAt = m_clock.now();
    b.holdUntil = b.createdAt.addSecs(qint64(m_holdHours) * 3600);
    b.meals = request.party.meals;
    b.treatment = request.party.treatment;

    // The booking and its touch commit together: the timeline never misses a booking.
    storage::sql::WriteTransaction tx(m_db);
    if (auto s = tx.begin(); !s.ok())
        return s.error();
    if (auto s = m_bookings.create(b); !s.ok())
        return s.error();
    if (auto s = addTouch(b.guestId, tr("on hold"), holdNote(*room, b)); !s.ok())
        return s.error();
    // The guest's deal reaches "booked" with the booking (or starts there: a caller who booked at once).
    if (auto d = storage::DealRepository(m_db, m_clock)
                     .advanceForBooking(b.guestId, dealstage::Booked, m_userId,
                                        tr("Stay %1").arg(stayText(b.stay)), b.total);
        !d.ok())
        return d.error();
    if (auto s = tx.commit(); !s.ok())
        return s.error();
    return b.id;
}

Result<std::optional<Room>> BookingService::nearestFreeRoomFor(const Booking &lost)
{
    auto index = occupancy(lost.stay.checkIn(), lost.stay.checkOut());
    if (!index.ok())
        return index.error();
    const int sleepers = lost.adults + lost.children;
    const int found = nearestFreeRoom(index.value(), m_stock.categories, index.value().roomIndex(lost.roomId),
                                      lost.stay, sleepers);
    if (found < 0)
        return std::optional<Room>();
    return std::optional<Room>(m_stock.rooms[found]);
}

Result<Money> BookingService::repriceMove(const Id &bookingId, const Id &roomId, const Stay &stay)
{
    if (auto stock = roomStock(); !stock.ok())
        return stock.error();
    auto current = m_bookings.byId(bookingId);
    if (!current.ok())
        return current.error();
    const Room *room = roomById(roomId);
    if (!room)
        return Error{QStringLiteral("booking.no_room"), tr("The room is not in the room stock.")};
    auto price = quote(*room, stay, partyOf(current.value()));
    if (!price.ok())
        return price.error();
    return price.value().total;
}

Status BookingService::move(const Id &bookingId, const Id &roomId, const Stay &stay)
{
    auto total = repriceMove(bookingId, roomId, stay);
    if (!total.ok())
        return total.error();
    auto current = m_bookings.byId(bookingId);
    if (!current.ok())
        return current.error();
    storage::sql::WriteTransaction tx(m_db);
    if (auto s = tx.begin(); !s.ok())
        return s;
    if (auto s = m_bookings.move(bookingId, roomId, stay, total.value()); !s.ok())
        return s;
    const Room *room = roomById(roomId);
    const QString note = tr("Moved to room %1, %2, %3")
                             .arg(room ? room->number : QString(), stayText(stay), total.value().toString());
    if (auto s = addTouch(current.value().guestId, tr("moved"), note); !s.ok())
        return s;
    return tx.commit();
}

Status BookingService::cancel(const Id &bookingId, const QString &reason)
{
    auto current = m_bookings.byId(bookingId);
    if (!current.ok())
        return current.error();
    storage::sql::WriteTransaction tx(m_db);
    if (auto s = tx.begin(); !s.ok())
        return s;
    if (auto s = m_bookings.cancel(bookingId, reason); !s.ok())
        return s;
    if (auto s = addTouch(current.value().guestId, tr("cancelled"),
                          tr("%1: %2").arg(stayText(current.value().stay), reason.trimmed()));
        !s.ok())
        return s;
    return tx.commit();
}

Result<PaymentEffect> BookingService::previewPayment(const Id &bookingId, Money amount) const
{
    auto current = m_bookings.byId(bookingId);
    if (!current.ok())
        return current.error();
    const Booking &b = current.value();
    return applyPayment(b, amount, b.prepaid > Money() ? 0 : m_prepaymentPercent);
}

Result<PaymentEffect> BookingService::recordPayment(const Id &bookingId, Money amount, PaymentMethod method,
                                                    const QString &reference)
{
    auto current = m_bookings.byId(bookingId);
    if (!current.ok())
        return current.error();
    const Booking &b = current.value();
    // The first money is the prepayment and must reach the sanatorium's minimum; later money
    // (the rest of the price) may be any amount up to what is due.
    auto effect = applyPayment(b, amount, b.prepaid > Money() ? 0 : m_prepaymentPercent);
    if (!effect.ok())
        return effect.error();
    Payment payment;
    payment.id = newId();
    payment.bookingId = b.id;
    payment.guestId = b.guestId;
    payment.amount = amount;
    payment.method = method;
    payment.at = m_clock.now();
    payment.userId = m_userId;
    payment.reference = reference.trimmed();

    storage::sql::WriteTransaction tx(m_db);
    if (auto s = tx.begin(); !s.ok())
        return s.error();
    if (auto s = storage::PaymentRepository(m_db, m_clock).add(payment); !s.ok())
        return s.error();
    if (auto s = m_bookings.setPaid(b.id, effect.value().prepaid, effect.value().status); !s.ok())
        return s.error();
    const QString note = tr("%1 received (%2), paid %3 of %4")
                             .arg(amount.toString(), paymentMethodTitle(method),
                                  effect.value().prepaid.toString(), b.total.toString());
    if (auto s = addTouch(b.guestId,
                          effect.value().status == BookingStatus::Paid ? tr("paid") : tr("prepaid"), note);
        !s.ok())
        return s.error();
    const QString stage = effect.value().status == BookingStatus::Paid ? dealstage::Paid : dealstage::Prepaid;
    if (auto d =
            storage::DealRepository(m_db, m_clock)
                .advanceForBooking(b.guestId, stage, m_userId, tr("Stay %1").arg(stayText(b.stay)), b.total);
        !d.ok())
        return d.error();
    if (auto s = tx.commit(); !s.ok())
        return s.error();
    return effect.value();
}

Result<int> BookingService::expireHolds()
{
    const QDateTime now = m_clock.now();
    auto live = m_bookings.holdsOf(m_userId);
    if (!live.ok())
        return live.error();
    int expired = 0;
    for (const Booking &b : live.value()) {
        if (!b.holdUntil.isValid() || b.holdUntil > now || b.prepaid > Money())
            continue;
        // The guest may be paying this very minute: a hold with an open online payment link waits
        // for the provider's answer instead of lapsing under the guest's money.
        auto links = storage::PaymentLinkRepository(m_db).forBooking(b.id);
        if (!links.ok())
            return links.error();
        if (std::any_of(links.value().begin(), links.value().end(), [](const storage::PaymentLink &l) {
                return l.status == storage::PaymentLink::Status::Requested ||
                       l.status == storage::PaymentLink::Status::Pending;
            }))
            continue;
        if (auto s = cancel(b.id, tr("Not prepaid in time")); !s.ok())
            return s.error();
        ++expired;
    }
    return expired;
}

Result<int> BookingService::recordArrivals()
{
    storage::DealRepository deals(m_db, m_clock);
    auto arrived = deals.arrivedDeals(m_userId, m_clock.now().toLocalTime().date());
    if (!arrived.ok())
        return arrived.error();
    for (const Id &dealId : arrived.value())
        if (auto moved = deals.move(dealId, dealstage::Stayed, m_userId); !moved.ok())
            return moved.error();
    return int(arrived.value().size());
}

QString paymentMethodTitle(PaymentMethod method)
{
    switch (method) {
    case PaymentMethod::Cash:
        return QCoreApplication::translate("kasp::booking::BookingService", "cash");
    case PaymentMethod::BankTransfer:
        return QCoreApplication::translate("kasp::booking::BookingService", "bank transfer");
    case PaymentMethod::Card:
        return QCoreApplication::translate("kasp::booking::BookingService", "card");
    case PaymentMethod::Online:
        return QCoreApplication::translate("kasp::booking::BookingService", "online payment");
    }
    return {};
}

Status BookingService::loadRules()
{
    auto policy = storage::BookingPolicyRepository(m_db, m_clock).current();
    if (!policy.ok())
        return policy.error();
    setHoldHours(policy.value().holdHours);
    setPrepaymentPercent(policy.value().prepaymentPercent);
    return {};
}

Status BookingService::saveRules(int holdHours, int prepaymentPercent)
{
    if (auto s = storage::BookingPolicyRepository(m_db, m_clock).set(holdHours, prepaymentPercent, m_userId);
        !s.ok())
        return s;
    return loadRules();
}

Result<bool> BookingService::hasStayedBefore(const Id &guestId) const
{
    auto bookings = m_bookings.forGuest(guestId);
    if (!bookings.ok())
        return bookings.error();
    return kasp::hasStayedBefore(bookings.value(), m_clock.today());
}

} // namespace kasp::booking
