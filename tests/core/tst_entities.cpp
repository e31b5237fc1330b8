// Guests, roles, touches, bookings, deals, tasks: their rules, keys and the JSON wire format.
#include "kasp/core/booking.h"
#include "kasp/core/deal.h"
#include "kasp/core/guest.h"
#include "kasp/core/mutation.h"
#include "kasp/core/task.h"
#include "kasp/core/touch.h"
#include "kasp/core/user.h"
#include "kasp/testsupport/testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace kasp;
using namespace Qt::StringLiterals;

namespace {

const QDate kToday(2025, 6, 15);

// "a|b|c" -> {"a", "b", "c"}; "" -> {}; "|a" -> {"", "a"}. Keeps the data tables one row a line.
QStringList list(const QString &items)
{
    return items.isEmpty() ? QStringList() : items.split(u'|');
}

Phone phone(const QString &text)
{
    const auto result = Phone::parse(text);
    if (!result.ok())
        qFatal("bad test phone");
    return *result;
}

QDateTime moscow(int month, int day, int hour, int minute, int ms = 0)
{
    return QDateTime(QDate(2025, month, day), QTime(hour, minute, 0, ms), QTimeZone(3 * 3600));
}

Guest guestNamed(const QString &names, const QString &phones = {}, const QString &emails = {})
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

Guest fullGuest()
{
    Guest g = guestNamed(u"Иванова|Мария|Петровна"_s, u"89161234567|+7 495 123-45-67 доб. 12"_s,
                         u"maria@почта.рф"_s);
    g.id = newId();
    g.birthDate = QDate(1961, 3, 8);
    g.tags = {u"vip"_s, u"кардиология"_s};
    g.managerId = newId();
    g.createdAt = moscow(6, 1, 9, 30, 123);
    g.updatedAt = moscow(6, 2, 10, 0);
    return g;
}

Touch fullTouch()
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

Booking fullBooking()
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

Deal fullDeal()
{
    return Deal{.id = newId(),
                .guestId = newId(),
                .ownerId = newId(),
                .title = u"Июль, двое"_s,
                .stage = DealStage::Lost,
                .amount = Money::fromRubles(154000),
                .createdAt = moscow(6, 1, 9, 0),
                .updatedAt = moscow(6, 5, 9, 0),
                .closedAt = moscow(6, 5, 9, 0),
                .lostReason = u"дорого"_s};
}

Task fullTask()
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

const QStringList kEntities = {u"guest"_s, u"touch"_s, u"booking"_s, u"deal"_s, u"task"_s};

QJsonObject validJson(const QString &entity)
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
std::optional<Error> decodeError(const QString &entity, const QJsonObject &json)
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
std::pair<QString, bool> keyOf(const QString &family, int value)
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
    if (family == u"deal")
        return {dealStageKey(DealStage(value)),
                dealStageFromKey(dealStageKey(DealStage(value))) == DealStage(value)};
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

} // namespace

class TestEntities : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { kasp::test::initTestEnvironment(); }

    void names_data();
    void names();
    void ageOn_data();
    void ageOn();
    void validateGuest_data();
    void validateGuest();
    void emails_data();
    void emails();
    void normalizeTags_data();
    void normalizeTags();

    void keys_data();
    void keys();
    void unknownKeys_data();
    void unknownKeys();
    void permissions_data();
    void permissions();
    void transitions_data();
    void transitions();
    void validatePrepayment_data();
    void validatePrepayment();
    void validateBooking_data();
    void validateBooking();
    void taskOverdue();

    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void jsonWireFormat();
    void jsonMalformed_data();
    void jsonMalformed();
    void jsonAnyTypeInAnyField_data();
    void jsonAnyTypeInAnyField();
};

// ---- Guest --------------------------------------------------------------------------------------

void TestEntities::names_data()
{
    QTest::addColumn<QString>("names"); // "last|first|middle"
    QTest::addColumn<QString>("phones");
    QTest::addColumn<QString>("emails");
    QTest::addColumn<QString>("display");
    QTest::addColumn<QString>("search");
    auto row = [](const char *tag, const QString &names, const QString &phones, const QString &emails,
                  const QString &display, const QString &search) {
        QTest::newRow(tag) << names << phones << emails << display << search;
    };
    row("full", u"Иванова|Мария|Петровна"_s, {}, {}, u"Иванова Мария Петровна"_s,
        u"иванова мария петровна"_s);
    row("first name only", u"|Мария|"_s, u"89161234567"_s, {}, u"Мария"_s, u"мария"_s);
    row("last and middle", u"Петров||Ильич"_s, {}, {}, u"Петров Ильич"_s, u"петров ильич"_s);
    row("extra spaces", u"  Петров | |Иван  Иванович"_s, {}, {}, u"Петров Иван Иванович"_s,
        u"петров иван иванович"_s);
    row("yo", u"Королёв|Сергей|Павлович"_s, {}, {}, u"Королёв Сергей Павлович"_s,
        u"королев сергей павлович"_s);
    row("capital yo", u"ЁЛКИН||"_s, {}, {}, u"ЁЛКИН"_s, u"елкин"_s);
    row("latin", u" Smith ||JOHN"_s, {}, {}, u"Smith JOHN"_s, u"smith john"_s);
    row("phone when nameless", u"||"_s, u"89161234567|+74951234567"_s, u"a@b.ru"_s, u"+7 916 123-45-67"_s,
        {});
    row("e-mail when no phone", u"||"_s, {}, u"a@b.ru"_s, u"a@b.ru"_s, {});
    row("nothing", u"||"_s, {}, {}, u"Unnamed guest"_s, {});
}

void TestEntities::names()
{
    QFETCH(QString, names);
    QFETCH(QString, phones);
    QFETCH(QString, emails);
    QFETCH(QString, display);
    QFETCH(QString, search);
    const Guest g = guestNamed(names, phones, emails);
    QCOMPARE(g.displayName(), display);
    QCOMPARE(g.searchName(), search);
}

void TestEntities::ageOn_data()
{
    QTest::addColumn<QDate>("birth");
    QTest::addColumn<QDate>("day");
    QTest::addColumn<int>("age");
    QTest::newRow("no birth date") << QDate() << kToday << -1;
    QTest::newRow("day before birthday") << QDate(1960, 6, 16) << kToday << 64;
    QTest::newRow("on birthday") << QDate(1960, 6, 15) << kToday << 65;
    QTest::newRow("after birthday") << QDate(1960, 1, 1) << kToday << 65;
    QTest::newRow("newborn") << kToday << kToday << 0;
    QTest::newRow("leap-day birth, Feb 28") << QDate(2000, 2, 29) << QDate(2025, 2, 28) << 24;
    QTest::newRow("leap-day birth, Mar 1") << QDate(2000, 2, 29) << QDate(2025, 3, 1) << 25;
    QTest::newRow("before birth") << QDate(2030, 1, 1) << kToday << -1;
}

void TestEntities::ageOn()
{
    QFETCH(QDate, birth);
    QFETCH(QDate, day);
    QFETCH(int, age);
    Guest g;
    g.birthDate = birth;
    QCOMPARE(g.ageOn(day), age);
}

void TestEntities::validateGuest_data()
{
    QTest::addColumn<QString>("names");
    QTest::addColumn<QString>("phones"); // "null" stands for a null Phone
    QTest::addColumn<QString>("emails");
    QTest::addColumn<QDate>("birth");
    QTest::addColumn<QString>("errorCode");
    auto row = [](const char *tag, const QString &names, const QString &phones, const QString &emails,
                  QDate birth,
                  const QString &code) { QTest::newRow(tag) << names << phones << emails << birth << code; };
    const QString name = u"Иванова"_s;
    row("name only", name, {}, {}, {}, {});
    row("phone only", {}, u"89161234567"_s, {}, {}, {});
    row("e-mail only", {}, {}, u"a@b.ru"_s, {}, {});
    row("nothing", {}, {}, {}, {}, u"guest.no_identity"_s);
    row("blank name", u"  | "_s, {}, {}, {}, u"guest.no_identity"_s);
    row("bad e-mail", name, {}, u"a@b.ru|nope"_s, {}, u"guest.bad_email"_s);
    row("duplicate phone", name, u"89161234567|+7 916 123-45-67"_s, {}, {}, u"guest.duplicate_phone"_s);
    row("same number, other extensions", name, u"84951234567 доб. 1|84951234567 доб. 2"_s, {}, {}, {});
    row("null phone", name, u"null"_s, {}, {}, u"guest.bad_phone"_s);
    row("born today", name, {}, {}, kToday, {});
    row("born tomorrow", name, {}, {}, kToday.addDays(1), u"guest.bad_birth_date"_s);
    row("120 years ago", name, {}, {}, kToday.addYears(-120), {});
    row("over 120 years ago", name, {}, {}, kToday.addYears(-120).addDays(-1), u"guest.bad_birth_date"_s);
}

void TestEntities::validateGuest()
{
    QFETCH(QString, names);
    QFETCH(QString, phones);
    QFETCH(QString, emails);
    QFETCH(QDate, birth);
    QFETCH(QString, errorCode);
    Guest g = guestNamed(names, phones, emails);
    g.birthDate = birth;
    const Status status = kasp::validateGuest(g, kToday);
    QCOMPARE(status.ok() ? QString() : status.error().code, errorCode);
    QVERIFY(status.ok() || !status.error().message.isEmpty());
}

void TestEntities::emails_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("normalized");
    auto row = [](const QString &input, bool valid, const QString &normalized) {
        QTest::newRow(input.isEmpty() ? "empty" : qPrintable(input)) << input << valid << normalized;
    };
    for (const QString &ok :
         {u"ivanov@mail.ru"_s, u"i.ivanov+kasp@yandex.ru"_s, u"a@b.co"_s, u"user@sub-domain.example.com"_s,
          u"user@xn--80a1acny.xn--p1ai"_s, u"мария@почта.рф"_s})
        row(ok, true, ok);
    row(u"Ivan.Petrov@Mail.RU"_s, true, u"Ivan.Petrov@mail.ru"_s); // the local part keeps its case
    row(u"Maria@ПОЧТА.РФ"_s, true, u"Maria@почта.рф"_s);
    row(u"  a@b.ru\t"_s, false, u"a@b.ru"_s); // not valid as typed, fine once trimmed
    // Empty, no '@', no domain dot, spaces, two '@', empty labels, edge hyphens, '_', numeric TLD, dots in
    // the local part, two addresses, angle brackets.
    const QStringList bad = list(
        u"|ivanov|Mail.RU|ivanov@|@mail.ru|ivanov@mail|iva nov@mail.ru|a@@b.ru|a@b@c.ru|ivanov@mail..ru|"
        u"ivanov@.mail.ru|ivanov@mail.ru.|ivanov@-mail.ru|ivanov@mail-.ru|ivanov@mail_ru.ru|ivanov@1.2.3.4|"
        u".ivanov@mail.ru|iv..anov@mail.ru|a@b.ru, c@d.ru|<a@b.ru>"_s);
    for (const QString &input : bad)
        row(input, false, {});
}

void TestEntities::emails()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QFETCH(QString, normalized);
    QCOMPARE(kasp::isValidEmail(input), valid);
    QCOMPARE(kasp::normalizeEmail(input), normalized);
}

void TestEntities::normalizeTags_data()
{
    QTest::addColumn<QStringList>("input");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("empty") << QStringList() << QStringList();
    QTest::newRow("trim, collapse, lower")
        << QStringList{u"  VIP "_s, u"Постоянный   гость"_s, u"кардио\tлогия"_s}
        << QStringList{u"vip"_s, u"постоянный гость"_s, u"кардио логия"_s};
    QTest::newRow("drop empty and duplicates, keep order")
        << QStringList{u"б"_s, QString(), u"а"_s, u" Б "_s, u"  "_s, u"в"_s, u"А"_s}
        << QStringList{u"б"_s, u"а"_s, u"в"_s};
}

void TestEntities::normalizeTags()
{
    QFETCH(QStringList, input);
    QFETCH(QStringList, expected);
    QCOMPARE(kasp::normalizeTags(input), expected);
}

// ---- Enums and rules ----------------------------------------------------------------------------

void TestEntities::keys_data()
{
    QTest::addColumn<QString>("family");
    QTest::addColumn<int>("value");
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("flag"); // touch: isCall; booking: occupiesRoom; deal: isClosed
    // Keys in the order the enums declare their values.
    const QList<std::pair<QString, QString>> families = {
        {u"role"_s, u"consultant|head_of_sales|director"_s},
        {u"touch"_s, u"call_in|call_out|call_missed|web_request|callback_request|booking|email|sms|note"_s},
        {u"booking"_s, u"hold|confirmed|prepaid|paid|cancelled|checked_in"_s},
        {u"deal"_s, u"new|qualified|offer|booked|paid|lost"_s},
        {u"task"_s, u"open|done|cancelled"_s}};
    const QStringList flagged =
        list(u"touch call_in|touch call_out|touch call_missed|booking hold|booking confirmed|"
             u"booking prepaid|booking paid|booking checked_in|deal paid|deal lost"_s);
    for (const auto &[family, keys] : families) {
        const QStringList values = list(keys);
        for (int value = 0; value < values.size(); ++value) {
            const QString tag = family + u' ' + values.at(value);
            QTest::newRow(qPrintable(tag)) << family << value << values.at(value) << flagged.contains(tag);
        }
    }
}

void TestEntities::keys()
{
    QFETCH(QString, family);
    QFETCH(int, value);
    QFETCH(QString, key);
    QFETCH(bool, flag);
    const auto [actualKey, roundTrips] = keyOf(family, value);
    QCOMPARE(actualKey, key);
    QVERIFY(roundTrips);
    if (family == u"touch")
        QCOMPARE(isCall(TouchKind(value)), flag);
    else if (family == u"booking")
        QCOMPARE(occupiesRoom(BookingStatus(value)), flag);
    else if (family == u"deal")
        QCOMPARE(isClosed(DealStage(value)), flag);
}

void TestEntities::unknownKeys_data()
{
    QTest::addColumn<QString>("key");
    for (const char *key : {"", "Hold", " hold", "call-in", "unknown", "CONSULTANT", "0"})
        QTest::newRow(key[0] ? key : "empty") << QString::fromLatin1(key);
}

void TestEntities::unknownKeys()
{
    QFETCH(QString, key);
    QCOMPARE(roleFromKey(key), std::nullopt);
    QCOMPARE(touchKindFromKey(key), std::nullopt);
    QCOMPARE(bookingStatusFromKey(key), std::nullopt);
    QCOMPARE(dealStageFromKey(key), std::nullopt);
    QCOMPARE(taskStatusFromKey(key), std::nullopt);
}

void TestEntities::permissions_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QList<bool>>(
        "expected"); // seesAllGuests, editsScripts, seesDepartmentKpi, reassigns, calls
    QTest::newRow("consultant") << u"consultant"_s << QList<bool>{true, false, false, false, true};
    QTest::newRow("head of sales") << u"head_of_sales"_s << QList<bool>{true, true, true, true, true};
    QTest::newRow("director") << u"director"_s << QList<bool>{true, false, true, false, false};
}

void TestEntities::permissions()
{
    QFETCH(QString, role);
    QFETCH(QList<bool>, expected);
    const Permissions p = Permissions::of(*roleFromKey(role));
    QCOMPARE(
        (QList<bool>{p.seesAllGuests, p.editsScripts, p.seesDepartmentKpi, p.reassignsGuests, p.makesCalls}),
        expected);
}

void TestEntities::transitions_data()
{
    QTest::addColumn<QString>("family");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("allowed");
    // Every pair of values; these are the only allowed moves.
    const QStringList bookingAllowed =
        list(u"hold>confirmed|hold>prepaid|hold>paid|hold>checked_in|hold>cancelled|confirmed>prepaid|"
             u"confirmed>paid|confirmed>checked_in|confirmed>cancelled|prepaid>paid|prepaid>checked_in|"
             u"prepaid>cancelled|paid>checked_in|paid>cancelled"_s);
    const QStringList dealAllowed =
        list(u"new>qualified|new>offer|new>booked|new>paid|new>lost|qualified>offer|qualified>booked|"
             u"qualified>paid|qualified>lost|offer>booked|offer>paid|offer>lost|booked>paid|booked>lost"_s);
    const QList<std::tuple<QString, QStringList, QStringList>> families = {
        {u"booking"_s, list(u"hold|confirmed|prepaid|paid|cancelled|checked_in"_s), bookingAllowed},
        {u"deal"_s, list(u"new|qualified|offer|booked|paid|lost"_s), dealAllowed}};
    for (const auto &[family, values, allowed] : families) {
        for (const QString &from : values) {
            for (const QString &to : values) {
                const QString move = from + u'>' + to;
                QTest::addRow("%s %s", qPrintable(family), qPrintable(move))
                    << family << from << to << allowed.contains(move);
            }
        }
    }
}

void TestEntities::transitions()
{
    QFETCH(QString, family);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, allowed);
    if (family == u"booking")
        QCOMPARE(canChangeStatus(*bookingStatusFromKey(from), *bookingStatusFromKey(to)), allowed);
    else
        QCOMPARE(canMoveDeal(*dealStageFromKey(from), *dealStageFromKey(to)), allowed);
}

void TestEntities::validatePrepayment_data()
{
    QTest::addColumn<qint64>("total");
    QTest::addColumn<qint64>("prepayment");
    QTest::addColumn<QString>("errorCode");
    const QString range = u"booking.prepayment_range"_s;
    QTest::newRow("10%") << qint64(10000000) << qint64(1000000) << QString();
    QTest::newRow("15%") << qint64(10000000) << qint64(1500000) << QString();
    QTest::newRow("20%") << qint64(10000000) << qint64(2000000) << QString();
    QTest::newRow("just under 10%") << qint64(10000000) << qint64(999999) << range;
    QTest::newRow("just over 20%") << qint64(10000000) << qint64(2000001) << range;
    QTest::newRow("nothing") << qint64(10000000) << qint64(0) << range;
    QTest::newRow("everything") << qint64(10000000) << qint64(10000000) << range;
    QTest::newRow("rounded 10% accepted") << qint64(12345) << qint64(1235) << QString(); // 1234.5 -> 1235
    QTest::newRow("below rounded 10%") << qint64(12345) << qint64(1234) << range;
    QTest::newRow("20% of odd total") << qint64(12345) << qint64(2469) << QString();
    QTest::newRow("zero total") << qint64(0) << qint64(0) << u"booking.zero_total"_s;
    QTest::newRow("negative total") << qint64(-100) << qint64(-10) << u"booking.zero_total"_s;
}

void TestEntities::validatePrepayment()
{
    QFETCH(qint64, total);
    QFETCH(qint64, prepayment);
    QFETCH(QString, errorCode);
    const Status status = kasp::validatePrepayment(Money::fromKopecks(total), Money::fromKopecks(prepayment));
    QCOMPARE(status.ok() ? QString() : status.error().code, errorCode);
}

void TestEntities::validateBooking_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("errorCode");
    QTest::newRow("valid") << QString() << QString();
    QTest::newRow("no stay") << u"stay"_s << u"booking.bad_stay"_s;
    QTest::newRow("no guest") << u"guest"_s << u"booking.no_guest"_s;
    QTest::newRow("no room") << u"room"_s << u"booking.no_room"_s;
    QTest::newRow("no adults") << u"adults"_s << u"booking.no_adults"_s;
    QTest::newRow("negative children") << u"children"_s << u"booking.bad_children"_s;
    QTest::newRow("negative prepaid") << u"negative"_s << u"booking.negative_amount"_s;
    QTest::newRow("prepaid over total") << u"overpaid"_s << u"booking.overpaid"_s;
    QTest::newRow("fully paid") << u"paid"_s << QString();
}

void TestEntities::validateBooking()
{
    QFETCH(QString, change);
    QFETCH(QString, errorCode);
    Booking b = fullBooking();
    if (change == u"stay")
        b.stay = Stay();
    else if (change == u"guest")
        b.guestId = Id();
    else if (change == u"room")
        b.roomId = Id();
    else if (change == u"adults")
        b.adults = 0;
    else if (change == u"children")
        b.children = -1;
    else if (change == u"negative")
        b.prepaid = Money::fromKopecks(-1);
    else if (change == u"overpaid")
        b.prepaid = b.total + Money::fromKopecks(1);
    else if (change == u"paid")
        b.prepaid = b.total;
    const Status status = kasp::validateBooking(b);
    QCOMPARE(status.ok() ? QString() : status.error().code, errorCode);
}

void TestEntities::taskOverdue()
{
    Task t;
    t.due = moscow(6, 16, 10, 0);
    QVERIFY(!t.isOverdue(moscow(6, 16, 9, 59)));
    QVERIFY(t.isOverdue(moscow(6, 16, 10, 1)));
    t.status = TaskStatus::Done;
    QVERIFY(!t.isOverdue(moscow(6, 16, 10, 1)));
    QVERIFY(!Task().isOverdue(moscow(6, 16, 10, 1)));
}

// ---- JSON ---------------------------------------------------------------------------------------

void TestEntities::jsonRoundTrip_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<bool>("minimal"); // only the required fields set, the rest default
    for (const QString &entity : kEntities) {
        QTest::newRow(qPrintable(entity + u" full"_s)) << entity << false;
        QTest::newRow(qPrintable(entity + u" minimal"_s)) << entity << true;
    }
}

void TestEntities::jsonRoundTrip()
{
    QFETCH(QString, entity);
    QFETCH(bool, minimal);
    if (entity == u"guest") {
        Guest g;
        g.id = newId();
        checkRoundTrip(minimal ? g : fullGuest(), &guestFromJson);
    } else if (entity == u"touch") {
        Touch t;
        t.id = newId();
        t.guestId = newId();
        t.kind = TouchKind::CallMissed;
        t.at = moscow(6, 1, 8, 0);
        checkRoundTrip(minimal ? t : fullTouch(), &touchFromJson);
    } else if (entity == u"booking") {
        Booking b;
        b.id = newId();
        b.guestId = newId();
        b.roomId = newId();
        b.stay = fullBooking().stay;
        checkRoundTrip(minimal ? b : fullBooking(), &bookingFromJson);
    } else if (entity == u"deal") {
        Deal d;
        d.id = newId();
        d.guestId = newId();
        checkRoundTrip(minimal ? d : fullDeal(), &dealFromJson);
    } else {
        Task t;
        t.id = newId();
        checkRoundTrip(minimal ? t : fullTask(), &taskFromJson);
    }
}

void TestEntities::jsonWireFormat()
{
    const Guest g = fullGuest();
    const QJsonObject guest = toJson(g);
    QCOMPARE(guest.value(u"id"_s).toString(), g.id.toString(QUuid::WithoutBraces));
    QCOMPARE(guest.value(u"birthDate"_s).toString(), u"1961-03-08"_s);
    QCOMPARE(guest.value(u"createdAt"_s).toString(), u"2025-06-01T06:30:00.123Z"_s);
    const QJsonArray phones = guest.value(u"phones"_s).toArray();
    QCOMPARE(phones.size(), 2);
    QCOMPARE(phones.at(1).toObject().value(u"e164"_s).toString(), u"+74951234567"_s);
    QCOMPARE(phones.at(1).toObject().value(u"ext"_s).toString(), u"12"_s);
    QCOMPARE(toJson(Guest{}).value(u"managerId"_s).toString(), QString());

    const QJsonObject booking = toJson(fullBooking());
    QCOMPARE(booking.value(u"total"_s).toInteger(), qint64(15400050));
    QCOMPARE(booking.value(u"checkIn"_s).toString(), u"2025-07-01"_s);
    QCOMPARE(booking.value(u"checkOut"_s).toString(), u"2025-07-15"_s);
    QCOMPARE(booking.value(u"status"_s).toString(), u"prepaid"_s);
    QCOMPARE(toJson(fullTouch()).value(u"kind"_s).toString(), u"call_in"_s);
    QCOMPARE(toJson(fullDeal()).value(u"stage"_s).toString(), u"lost"_s);
    QCOMPARE(toJson(fullTask()).value(u"status"_s).toString(), u"done"_s);

    // Any explicit offset is read as the same instant.
    QJsonObject json = toJson(fullTouch());
    json.insert(u"at"_s, u"2025-06-03T11:15:00.007+03:00"_s);
    const auto touch = touchFromJson(json);
    QVERIFY(touch.ok());
    QCOMPARE(touch->at, QDateTime(QDate(2025, 6, 3), QTime(8, 15, 0, 7), QTimeZone::utc()));
}

void TestEntities::jsonMalformed_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value"); // Undefined: the field is removed
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("named"); // the field name the message must contain

    const QString missing = u"json.missing_field"_s;
    const QString bad = u"json.bad_value"_s;
    const QJsonValue removed(QJsonValue::Undefined);
    auto row = [](const char *tag, const char *entity, const char *field, const QJsonValue &value,
                  const QString &code, const char *named) {
        QTest::newRow(tag) << QString::fromLatin1(entity) << QString::fromLatin1(field) << value << code
                           << QString::fromLatin1(named);
    };
    for (const QString &entity : kEntities) {
        const QByteArray e = entity.toLatin1();
        QTest::newRow(e + " without id") << entity << u"id"_s << removed << missing << u"id"_s;
        QTest::newRow(e + " null id") << entity << u"id"_s << QJsonValue() << missing << u"id"_s;
        QTest::newRow(e + " empty id") << entity << u"id"_s << QJsonValue(QString()) << missing << u"id"_s;
        QTest::newRow(e + " id not a UUID") << entity << u"id"_s << QJsonValue(u"42"_s) << bad << u"id"_s;
        QTest::newRow(e + " id a number") << entity << u"id"_s << QJsonValue(42) << bad << u"id"_s;
    }
    row("guest phones not an array", "guest", "phones", u"+79161234567"_s, bad, "phones");
    row("guest phone not an object", "guest", "phones", QJsonArray{u"+79161234567"_s}, bad, "phones[0]");
    row("guest phone without e164", "guest", "phones",
        QJsonArray{QJsonObject{{u"e164"_s, u"+79161234567"_s}}, QJsonObject{{u"ext"_s, u"1"_s}}}, missing,
        "phones[1].e164");
    row("guest phone not E.164", "guest", "phones",
        QJsonArray{QJsonObject{{u"e164"_s, u"8 916 123-45-67"_s}}}, bad, "phones[0].e164");
    row("guest phone bad ext", "guest", "phones",
        QJsonArray{QJsonObject{{u"e164"_s, u"+79161234567"_s}, {u"ext"_s, 12}}}, bad, "phones[0].ext");
    row("guest phone ext not digits", "guest", "phones",
        QJsonArray{QJsonObject{{u"e164"_s, u"+79161234567"_s}, {u"ext"_s, u"12a"_s}}}, bad, "phones[0].ext");
    row("guest e-mail not a string", "guest", "emails", QJsonArray{u"a@b.ru"_s, 5}, bad, "emails[1]");
    row("guest tags not an array", "guest", "tags", QJsonObject(), bad, "tags");
    row("guest bad birth date", "guest", "birthDate", u"08.03.1961"_s, bad, "birthDate");
    row("guest impossible birth date", "guest", "birthDate", u"1961-02-30"_s, bad, "birthDate");
    row("guest time without zone", "guest", "createdAt", u"2025-06-01T09:30:00.000"_s, bad, "createdAt");
    row("guest garbage time", "guest", "updatedAt", u"вчера"_s, bad, "updatedAt");
    row("guest bad manager id", "guest", "managerId", u"nobody"_s, bad, "managerId");
    row("guest name not a string", "guest", "lastName", QJsonArray(), bad, "lastName");
    row("touch without guest", "touch", "guestId", removed, missing, "guestId");
    row("touch without kind", "touch", "kind", removed, missing, "kind");
    row("touch unknown kind", "touch", "kind", u"telegram"_s, bad, "kind");
    row("touch without time", "touch", "at", removed, missing, "at");
    row("touch negative duration", "touch", "durationSecs", -1, bad, "durationSecs");
    row("touch fractional duration", "touch", "durationSecs", 1.5, bad, "durationSecs");
    row("touch duration as text", "touch", "durationSecs", u"60"_s, bad, "durationSecs");
    row("booking without room", "booking", "roomId", removed, missing, "roomId");
    row("booking without guest", "booking", "guestId", removed, missing, "guestId");
    row("booking without check-in", "booking", "checkIn", removed, missing, "checkIn");
    row("booking check-out before check-in", "booking", "checkOut", u"2025-06-01"_s, bad, "checkOut");
    row("booking unknown status", "booking", "status", u"Paid"_s, bad, "status");
    row("booking without status", "booking", "status", removed, missing, "status");
    row("booking fractional money", "booking", "total", 100.5, bad, "total");
    row("booking money beyond 2^53", "booking", "prepaid", 1e16, bad, "prepaid");
    row("booking money as text", "booking", "total", u"1000"_s, bad, "total");
    row("booking adults beyond int", "booking", "adults", 1e10, bad, "adults");
    row("deal without guest", "deal", "guestId", removed, missing, "guestId");
    row("deal unknown stage", "deal", "stage", u"won"_s, bad, "stage");
    row("deal stage not a string", "deal", "stage", 3, bad, "stage");
    row("task without status", "task", "status", removed, missing, "status");
    row("task bad due", "task", "due", u"2025-06-16"_s, bad, "due");
}

void TestEntities::jsonMalformed()
{
    QFETCH(QString, entity);
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, errorCode);
    QFETCH(QString, named);
    QJsonObject json = validJson(entity);
    QVERIFY(!decodeError(entity, json)); // the unbroken record decodes
    if (value.isUndefined())
        json.remove(field);
    else
        json.insert(field, value);
    const std::optional<Error> error = decodeError(entity, json);
    QVERIFY(error.has_value());
    QCOMPARE(error->code, errorCode);
    QVERIFY2(error->message.contains(u'"' + named + u'"'), qPrintable(error->message));
}

void TestEntities::jsonAnyTypeInAnyField_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("field");
    for (const QString &entity : kEntities) {
        for (const QString &field : validJson(entity).keys())
            QTest::newRow(qPrintable(entity + u'.' + field)) << entity << field;
    }
}

void TestEntities::jsonAnyTypeInAnyField()
{
    QFETCH(QString, entity);
    QFETCH(QString, field);
    // Whatever arrives in a field, decoding answers with a value or a json.* error, never a crash.
    const QJsonArray values{QJsonValue(),
                            true,
                            0,
                            -7,
                            1e300,
                            u"x"_s,
                            QString(),
                            QJsonArray{1, 2},
                            QJsonArray{QJsonObject()},
                            QJsonObject{{u"a"_s, 1}}};
    int rejected = 0;
    for (const QJsonValue value : values) {
        QJsonObject json = validJson(entity);
        json.insert(field, value);
        const std::optional<Error> error = decodeError(entity, json);
        if (error) {
            ++rejected;
            QVERIFY2(error->code == u"json.missing_field" || error->code == u"json.bad_value",
                     qPrintable(error->code));
            QVERIFY2(error->message.contains(field), qPrintable(error->message));
        }
    }
    QVERIFY(rejected > 0); // no field accepts everything
}

QTEST_GUILESS_MAIN(TestEntities)
#include "tst_entities.moc"
