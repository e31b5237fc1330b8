// Five years of stays with seasonality, the calls and requests behind each one, deals and tasks.
// Stays are laid room by room, back to back with season-dependent gaps, so no two live bookings
// ever share a room-night: the data satisfies the same rule the booking repository enforces.
#include "democontext.h"

#include "kasp/core/booking.h"
#include "kasp/core/deal.h"
#include "kasp/core/task.h"
#include "kasp/core/touch.h"

namespace kasp::demo {

namespace {

constexpr qint64 kUnixEpochJulianDay = 2440588;
constexpr int kMoscowUtcOffsetHours = 3;

// Milliseconds since the epoch of a Moscow wall-clock time; plain arithmetic, millions of calls.
qint64 instant(QDate day, int hour, int minute)
{
    return ((day.toJulianDay() - kUnixEpochJulianDay) * 86400LL + (hour - kMoscowUtcOffsetHours) * 3600LL +
            minute * 60LL) *
           1000LL;
}

// Share of room-nights sold by month: summer and the holidays peak, winter dips.
double occupancy(int month)
{
    static const double byMonth[] = {0.75, 0.40, 0.45, 0.55, 0.85, 0.92, 0.96, 0.96, 0.82, 0.65, 0.40, 0.65};
    return byMonth[month - 1];
}

double priceFactor(int month)
{
    return (month >= 6 && month <= 8) ? 1.25 : (month == 1 || month == 5 || month == 12) ? 1.10 : 0.90;
}

// "21 ночь", "14 ночей": demo titles are Russian data, not translated UI strings.
QString nightsWord(int n)
{
    if (n % 10 == 1 && n % 100 != 11)
        return QStringLiteral("ночь");
    if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14))
        return QStringLiteral("ночи");
    return QStringLiteral("ночей");
}

const QVector<int> kCourseNights{7, 10, 10, 12, 14, 14, 14, 18, 21, 21};
const QVector<QString> kLostReasons{QStringLiteral("дорого"), QStringLiteral("не подошли даты"),
                                    QStringLiteral("выбрал другой санаторий"), QStringLiteral("передумал")};
const QVector<QString> kEnquiryResults{QStringLiteral("узнал цены"), QStringLiteral("думает"),
                                       QStringLiteral("дорого"), QStringLiteral("не подошли даты"),
                                       QStringLiteral("просит перезвонить")};
const QVector<TouchKind> kEnquiryKinds{TouchKind::CallIn,          TouchKind::CallIn,
                                       TouchKind::CallIn,          TouchKind::WebRequest,
                                       TouchKind::CallbackRequest, TouchKind::CallMissed};

struct Writers
{
    BulkInsert bookings, touches, deals, tasks;
};

BulkInsert touchWriter(QSqlDatabase db)
{
    return BulkInsert(db, QStringLiteral("touches"),
                      {QStringLiteral("id"), QStringLiteral("guest_id"), QStringLiteral("user_id"),
                       QStringLiteral("kind"), QStringLiteral("at"), QStringLiteral("duration_secs"),
                       QStringLiteral("result"), QStringLiteral("note"), QStringLiteral("source")});
}

BulkInsert dealWriter(QSqlDatabase db)
{
    return BulkInsert(db, QStringLiteral("deals"),
                      {QStringLiteral("id"), QStringLiteral("guest_id"), QStringLiteral("owner_id"),
                       QStringLiteral("title"), QStringLiteral("stage"), QStringLiteral("amount"),
                       QStringLiteral("created_at"), QStringLiteral("updated_at"),
                       QStringLiteral("closed_at"), QStringLiteral("lost_reason")});
}

BulkInsert taskWriter(QSqlDatabase db)
{
    return BulkInsert(db, QStringLiteral("tasks"),
                      {QStringLiteral("id"), QStringLiteral("guest_id"), QStringLiteral("assignee_id"),
                       QStringLiteral("title"), QStringLiteral("due_at"), QStringLiteral("status"),
                       QStringLiteral("created_at"), QStringLiteral("done_at"), QStringLiteral("kind")});
}

BookingStatus statusFor(DemoContext &ctx, QDate checkIn)
{
    if (ctx.random.chance(0.07))
        return BookingStatus::Cancelled;
    if (checkIn <= ctx.options.today)
        return BookingStatus::CheckedIn;
    const double r = ctx.random.unit();
    return r < 0.10   ? BookingStatus::Hold
           : r < 0.30 ? BookingStatus::Confirmed
           : r < 0.75 ? BookingStatus::Prepaid
                      : BookingStatus::Paid;
}

// Where the deal behind a stay stands today: a stay that is over was won, a cancelled one lost.
QString dealStageFor(BookingStatus status, bool stayIsOver)
{
    if (status == BookingStatus::Cancelled)
        return dealstage::Lost;
    if (stayIsOver)
        return dealstage::Stayed;
    switch (status) {
    case BookingStatus::Hold:
    case BookingStatus::Confirmed:
        return dealstage::Booked;
    case BookingStatus::Prepaid:
        return dealstage::Prepaid;
    default:
        return dealstage::Paid;
    }
}

// The stay itself plus what led to it: the call, the booking touch, the deal and, for coming
// stays, a reminder about the spa treatment card.
Status writeStay(DemoContext &ctx, Writers &w, const DemoRoom &room, int guestIndex, QDate in, int nights)
{
    const Id guestId = ctx.guests[guestIndex];
    const Id manager = ctx.consultants[ctx.guestManager[guestIndex]];
    const QString guest = idToString(guestId);
    const QString managerText = idToString(manager);
    const DemoCategory &category = ctx.categories[room.categoryIndex];
    const int adults = category.beds == 1 ? 1 : (ctx.random.chance(0.75) ? 2 : 1);
    const int children = category.beds >= 2 && ctx.random.chance(0.08) ? 1 : 0;
    const qint64 rubles = qint64(double(category.pricePerBedNight.wholeRubles()) * priceFactor(in.month()));
    const Money total = Money::fromRubles(rubles * nights * (adults + children));
    const BookingStatus status = statusFor(ctx, in);
    const Money prepaid = status == BookingStatus::Prepaid ? total.percent(15)
                          : (status == BookingStatus::Paid || status == BookingStatus::CheckedIn) ? total
                                                                                                  : Money();
    // Booked 3-90 days ahead, and never later than yesterday: nothing in the base happens tomorrow.
    const QDate bookedOn = std::min(in.addDays(-ctx.random.between(3, 90)), ctx.options.today.addDays(-1));
    const int hour = ctx.random.between(9, 18), minute = ctx.random.between(0, 59);
    const qint64 bookedAt = instant(bookedOn, hour, minute);

    if (auto s =
            w.bookings.add(idToString(ctx.random.id()), guest, idToString(room.id), in.toString(Qt::ISODate),
                           in.addDays(nights).toString(Qt::ISODate), adults, children, total.kopecks(),
                           prepaid.kopecks(), bookingStatusKey(status), managerText, bookedAt);
        !s.ok())
        return s;
    if (auto s =
            w.touches.add(idToString(ctx.random.id()), guest, managerText, touchKindKey(TouchKind::CallIn),
                          bookedAt - 600000, ctx.random.between(180, 900), QStringLiteral("забронировал"),
                          QString(), QString());
        !s.ok())
        return s;
    if (auto s =
            w.touches.add(idToString(ctx.random.id()), guest, managerText, touchKindKey(TouchKind::Booking),
                          bookedAt, 0, bookingStatusKey(status), QString(), QString());
        !s.ok())
        return s;
    const QDate checkOut = in.addDays(nights);
    const QString stage = dealStageFor(status, checkOut <= ctx.options.today);
    const qint64 closedAtMs = stage == dealstage::Stayed ? instant(checkOut, 12, 0) : bookedAt;
    const QVariant closedAt =
        isClosedStage(stage) ? QVariant(closedAtMs) : QVariant(QMetaType::fromType<qlonglong>());
    if (auto s = w.deals.add(idToString(ctx.random.id()), guest, managerText,
                             QStringLiteral("Заезд %1, %2 %3")
                                 .arg(in.toString(QStringLiteral("dd.MM.yy")))
                                 .arg(nights)
                                 .arg(nightsWord(nights)),
                             stage, total.kopecks(), bookedAt - 900000,
                             isClosedStage(stage) ? closedAtMs : bookedAt, closedAt,
                             stage == dealstage::Lost ? ctx.random.pick(kLostReasons) : QString());
        !s.ok())
        return s;
    if (in > ctx.options.today && status != BookingStatus::Cancelled) {
        const QDate due = in.addDays(-7);
        const bool done = due < ctx.options.today;
        if (auto s =
                w.tasks.add(idToString(ctx.random.id()), guest, managerText,
                            QStringLiteral("Напомнить о санаторно-курортной карте"), instant(due, 11, 0),
                            taskStatusKey(done ? TaskStatus::Done : TaskStatus::Open), bookedAt,
                            done ? QVariant(instant(due, 12, 0)) : QVariant(QMetaType::fromType<qlonglong>()),
                            taskKindKey(TaskKind::Remind));
            !s.ok())
            return s;
    }
    return {};
}

// Where the site's requests come from (chosen by the guest's number: the demo's random stream,
// which tests rely on, stays as it was).
const QString kUtmTags[] = {
    QStringLiteral("utm_source=yandex&utm_medium=cpc&utm_campaign=leto-kislovodsk"),
    QStringLiteral("utm_source=google&utm_medium=cpc&utm_campaign=kardio"),
    QStringLiteral("utm_source=vk&utm_medium=social&utm_campaign=pensioneram"),
    QStringLiteral("utm_source=email&utm_medium=newsletter&utm_campaign=osen"),
    QStringLiteral("utm_source=2gis&utm_medium=referral"),
};
constexpr int kUtmCount = int(std::size(kUtmTags));

// Somebody who asked but has not bought (yet): the base of touches is ~5x the base of buyers.
Status writeEnquiry(DemoContext &ctx, Writers &w, int guestIndex)
{
    const QString guest = idToString(ctx.guests[guestIndex]);
    const QString managerText = idToString(ctx.consultants[ctx.guestManager[guestIndex]]);
    const QDate today = ctx.options.today;
    // Up to yesterday: the demo knows the day, not the hour, and nothing may lie in the future.
    const int daysBack =
        ctx.random.chance(0.04) ? ctx.random.between(1, 20) : ctx.random.between(1, ctx.options.years * 365);
    const QDate day = today.addDays(-daysBack);
    const qint64 at = instant(day, ctx.random.between(8, 20), ctx.random.between(0, 59));
    const TouchKind kind = ctx.random.pick(kEnquiryKinds);
    const bool answered = kind == TouchKind::CallIn;
    const QString result = kind == TouchKind::CallMissed ? QString() : ctx.random.pick(kEnquiryResults);
    if (auto s = w.touches.add(idToString(ctx.random.id()), guest,
                               answered ? QVariant(managerText) : QVariant(QMetaType::fromType<QString>()),
                               touchKindKey(kind), at, answered ? ctx.random.between(60, 600) : 0, result,
                               QString(),
                               kind == TouchKind::WebRequest ? kUtmTags[guestIndex % kUtmCount] : QString());
        !s.ok())
        return s;
    if (daysBack <= 20) { // recent: still being worked
        const QString stage = ctx.random.chance(0.5)   ? dealstage::New
                              : ctx.random.chance(0.5) ? dealstage::Qualified
                                                       : dealstage::Offer;
        if (auto s =
                w.deals.add(idToString(ctx.random.id()), guest, managerText, QStringLiteral("Подбор путёвки"),
                            stage, 0, at, at, QVariant(QMetaType::fromType<qlonglong>()), QString());
            !s.ok())
            return s;
        const QDate due = day.addDays(ctx.random.between(1, 5));
        if (auto s = w.tasks.add(idToString(ctx.random.id()), guest, managerText,
                                 QStringLiteral("Перезвонить гостю"), instant(due, 12, 0),
                                 taskStatusKey(TaskStatus::Open), at,
                                 QVariant(QMetaType::fromType<qlonglong>()), taskKindKey(TaskKind::CallBack));
            !s.ok())
            return s;
    } else if (answered && ctx.random.chance(0.5)) {
        if (auto s = w.deals.add(idToString(ctx.random.id()), guest, managerText,
                                 QStringLiteral("Подбор путёвки"), dealstage::Lost, 0, at, at, at, result);
            !s.ok())
            return s;
    }
    return {};
}

} // namespace

Status generateStays(DemoContext &ctx)
{
    Writers w{
        BulkInsert(ctx.db, QStringLiteral("bookings"),
                   {QStringLiteral("id"), QStringLiteral("guest_id"), QStringLiteral("room_id"),
                    QStringLiteral("check_in"), QStringLiteral("check_out"), QStringLiteral("adults"),
                    QStringLiteral("children"), QStringLiteral("total"), QStringLiteral("prepaid"),
                    QStringLiteral("status"), QStringLiteral("created_by"), QStringLiteral("created_at")}),
        touchWriter(ctx.db), dealWriter(ctx.db), taskWriter(ctx.db)};

    const int guestCount = int(ctx.guests.size());
    const qint64 target = ctx.options.stays;
    // Buyers are a fifth of the base unless a benchmark asks for more stays than that sustains;
    // even then 40 % of the base only ever enquired, as in life.
    const int buyerPool =
        std::clamp(int(std::max<qint64>(guestCount / 5, target / 3)), 1, std::max(1, guestCount * 3 / 5));
    QVector<int> returning; // guests who came before: a returning guest tends to come back
    QVector<bool> bought(guestCount, false);
    int nextNewBuyer = 0;
    const QDate start = ctx.options.today.addYears(-ctx.options.years);
    const QDate end = ctx.options.today.addDays(90);
    const qint64 perRoomQuota = target > 0 ? (target + ctx.rooms.size() - 1) / ctx.rooms.size() : -1;
    // At benchmark scale each room's quota is spread over the whole period, so coming stays (and
    // their reminder tasks) exist as they do in the default data set.
    constexpr double kMeanCourseNights = 14.1;
    const double scaleOccupancy =
        std::clamp(1.05 * double(perRoomQuota) * kMeanCourseNights / double(start.daysTo(end)), 0.3, 0.97);

    qint64 stays = 0;
    for (int r = 0; r < ctx.rooms.size(); ++r) {
        const DemoRoom &room = ctx.rooms[r];
        QDate day = start.addDays(ctx.random.between(0, 10));
        qint64 inRoom = 0;
        while (day < end && (perRoomQuota < 0 || inRoom < perRoomQuota) && (target <= 0 || stays < target)) {
            const int nights = ctx.random.pick(kCourseNights);
            int guestIndex;
            if (!returning.isEmpty() && (nextNewBuyer >= buyerPool || ctx.random.chance(0.3)))
                guestIndex = ctx.random.pick(returning);
            else
                guestIndex = nextNewBuyer++;
            if (!bought[guestIndex]) {
                bought[guestIndex] = true;
                returning.append(guestIndex);
            }
            if (auto s = writeStay(ctx, w, room, guestIndex, day, nights); !s.ok())
                return s;
            ++stays;
            ++inRoom;
            const double occ = target > 0 ? scaleOccupancy : occupancy(day.month());
            const int meanGap = int(nights * (1.0 - occ) / occ);
            day = day.addDays(nights + ctx.random.between(0, 2 * meanGap));
        }
        if (r % 50 == 0 && !ctx.report(30 + int(55.0 * r / ctx.rooms.size()), QStringLiteral("stays")))
            return Error{QStringLiteral("demo.cancelled"), QStringLiteral("cancelled")};
    }
    for (int g = 0; g < guestCount; ++g) {
        if (!bought[g]) {
            if (auto s = writeEnquiry(ctx, w, g); !s.ok())
                return s;
        }
        if (g % 50000 == 0 && !ctx.report(85 + int(10.0 * g / guestCount), QStringLiteral("enquiries")))
            return Error{QStringLiteral("demo.cancelled"), QStringLiteral("cancelled")};
    }
    ctx.summary.stays = w.bookings.rows();
    ctx.summary.touches = w.touches.rows();
    ctx.summary.deals = w.deals.rows();
    ctx.summary.tasks = w.tasks.rows();
    return {};
}

} // namespace kasp::demo
