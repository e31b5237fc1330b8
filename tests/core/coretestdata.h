#pragma once
// Sample entities and helpers shared by the core tests (tst_entities, tst_mutation).
#include "kasp/core/booking.h"
#include "kasp/core/deal.h"
#include "kasp/core/guest.h"
#include "kasp/core/mutation.h"
#include "kasp/core/task.h"
#include "kasp/core/touch.h"
#include "kasp/core/user.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

namespace kasp::coretest {

using namespace Qt::StringLiterals;

inline const QDate kToday(2025, 6, 15);

// "a|b|c" -> {"a", "b", "c"}; "" -> {}; "|a" -> {"", "a"}. Keeps the data tables one row a line.
inline QStringList list(const QString &items)
{
    return items.isEmpty() ? QStringList() : items.split(u'|');
}

inline Phone phone(const QString &text)
{
    const auto result = Phone::parse(text);
    if (!result.ok())
        qFatal("bad test phone");
    return *result;
}

inline QDateTime moscow(int month, int day, int hour, int minute, int ms = 0)
{
    return QDateTime(QDate(2025, month, day), QTime(hour, minute, 0, ms), QTimeZone(3 * 3600));
}

inline Guest guestNamed(const QString &names, const QString &phones = {}, const QString &emails = {})
{
    const QStringList parts = names.split(u'|');
    Guest g;
    g.lastName = parts.value(0);
    g.firstName = parts.value(1);
    g.middleName = parts.value(2);
    for (const QString &p : list(phones))
        g.phones.append(p == u"null"_s ? Phone() : phone(p));
    g.emails = list(emails);
    return g;
}

inline Guest fullGuest()
{
    Guest g = guestNamed(u"Иванова|Мария|Петровна"_s, u"89161234567|+7 495 123-45-67 доб. 12"_s,
                         u"maria@почта.рф"_s);
    g.id = newId();
    g.birthDate = QDate(1961, 3, 8);
    g.city = u"Кисловодск"_s;
    g.tags = {u"vip"_s, u"кардиология"_s};
    g.managerId = newId();
    g.createdAt = moscow(6, 1, 9, 30, 123);
    g.updatedAt = moscow(6, 2, 10, 0);
    return g;
}

inline Touch fullTouch()
{
    return Touch{.id = newId(),
                 .guestId = newId(),
                 .userId = newId(),
                 .kind = TouchKind::CallIn,
                 .at = moscow(6, 3, 11, 15, 7),
                 .durationSecs = 245,
                 .result = u"думает"_s,
                 .note = u"Про кардиологию"_s};
}

inline Booking fullBooking()
{
    return Booking{.id = newId(),
                   .guestId = newId(),
                   .roomId = newId(),
                   .stay = *Stay::make(QDate(2025, 7, 1), QDate(2025, 7, 15)),
                   .adults = 2,
                   .children = 1,
                   .total = Money::fromKopecks(15400050),
                   .prepaid = Money::fromKopecks(1540005),
                   .status = BookingStatus::Prepaid,
                   .createdBy = newId(),
                   .createdAt = moscow(6, 4, 12, 0)};
}

inline Deal fullDeal()
{
    return Deal{.id = newId(),
                .guestId = newId(),
                .ownerId = newId(),
                .title = u"Июль, двое"_s,
                .stage = dealstage::Lost,
                .amount = Money::fromRubles(154000),
                .createdAt = moscow(6, 1, 9, 0),
                .updatedAt = moscow(6, 5, 9, 0),
                .closedAt = moscow(6, 5, 9, 0),
                .lostReason = u"дорого"_s};
}

inline Task fullTask()
{
    return Task{.id = newId(),
                .guestId = newId(),
                .assigneeId = newId(),
                .title = u"Перезвонить"_s,
                .due = moscow(6, 16, 10, 0),
                .status = TaskStatus::Done,
                .createdAt = moscow(6, 15, 9, 0),
                .doneAt = moscow(6, 16, 9, 55)};
}

inline const QStringList kEntities = {u"guest"_s, u"touch"_s, u"booking"_s, u"deal"_s, u"task"_s};

inline QJsonObject validJson(const QString &entity)
{
    if (entity == u"guest")
        return toJson(fullGuest());
    if (entity == u"touch")
        return toJson(fullTouch());
    if (entity == u"booking")
        return toJson(fullBooking());
    return entity == u"deal" ? toJson(fullDeal()) : toJson(fullTask());
}

// The error of decoding, or nullopt when it decoded.
inline std::optional<Error> decodeError(const QString &entity, const QJsonObject &json)
{
    auto errorOf = [](const auto &result) {
        return result.ok() ? std::nullopt : std::optional(result.error());
    };
    if (entity == u"guest")
        return errorOf(guestFromJson(json));
    if (entity == u"touch")
        return errorOf(touchFromJson(json));
    if (entity == u"booking")
        return errorOf(bookingFromJson(json));
    return entity == u"deal" ? errorOf(dealFromJson(json)) : errorOf(taskFromJson(json));
}

// The key of value `value` of enum family `family`, and whether it round-trips through *FromKey.
inline std::pair<QString, bool> keyOf(const QString &family, int value)
{
    if (family == u"role")
        return {roleKey(Role(value)), roleFromKey(roleKey(Role(value))) == Role(value)};
    if (family == u"touch")
        return {touchKindKey(TouchKind(value)),
                touchKindFromKey(touchKindKey(TouchKind(value))) == TouchKind(value)};
    if (family == u"booking") {
        const auto s = BookingStatus(value);
        return {bookingStatusKey(s), bookingStatusFromKey(bookingStatusKey(s)) == s};
    }
    const auto s = TaskStatus(value);
    return {taskStatusKey(s), taskStatusFromKey(taskStatusKey(s)) == s};
}

// Through text, as the outbox and the network carry it: what comes back equals what went in.
template <typename T, typename Decode> void checkRoundTrip(const T &value, Decode decode)
{
    const Result<T> back = decode(QJsonDocument::fromJson(QJsonDocument(toJson(value)).toJson()).object());
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
    QCOMPARE(*back, value);
}

} // namespace kasp::coretest
