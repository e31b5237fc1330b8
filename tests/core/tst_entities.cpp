// Guests, roles, touches, bookings, deals, tasks: their rules and keys.
#include "coretestdata.h"
#include "kasp/testsupport/testenv.h"

using namespace kasp;
using namespace kasp::coretest;
using namespace Qt::StringLiterals;

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
    void revertEditKeepsLaterChanges();
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
        {u"touch"_s,
         u"call_in|call_out|call_missed|web_request|callback_request|booking|email|sms|note|deal_stage"_s},
        {u"booking"_s, u"hold|confirmed|prepaid|paid|cancelled|checked_in"_s},
        {u"task"_s, u"open|done|cancelled"_s}};
    const QStringList flagged =
        list(u"touch call_in|touch call_out|touch call_missed|booking hold|booking confirmed|"
             u"booking prepaid|booking paid|booking checked_in"_s);
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
    // Between open stages either way (a card dragged one column too far goes back); from the two
    // closed ends nowhere.
    QStringList dealAllowed;
    const QStringList dealStages = list(u"new|qualified|offer|booked|prepaid|paid|stayed|lost|sea_view"_s);
    for (const QString &from : dealStages)
        for (const QString &to : dealStages)
            if (from != to && from != u"stayed" && from != u"lost")
                dealAllowed.append(from + u'>' + to);
    const QList<std::tuple<QString, QStringList, QStringList>> families = {
        {u"booking"_s, list(u"hold|confirmed|prepaid|paid|cancelled|checked_in"_s), bookingAllowed},
        {u"deal"_s, dealStages, dealAllowed}};
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
        QCOMPARE(canMoveDeal(from, to), allowed);
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

void TestEntities::revertEditKeepsLaterChanges()
{
    Guest before;
    before.id = kasp::newId();
    before.lastName = QStringLiteral("Иванова");
    before.firstName = QStringLiteral("Мария");
    before.tags = {QStringLiteral("vip")};
    Guest after = before;
    after.lastName = QStringLiteral("Петрова");         // the edit
    after.birthDate = QDate(1960, 5, 1);                // the edit
    after.emails = {QStringLiteral("m@mail.ru")};       // the edit
    QCOMPARE(revertEdit(after, before, after), before); // nothing happened since: all back

    Guest current = after;
    current.lastName = QStringLiteral("Сидорова");  // a colleague fixed it again
    current.firstName = QStringLiteral("Марина");   // a field the edit did not touch
    current.emails << QStringLiteral("m2@mail.ru"); // the list changed again
    const Guest reverted = revertEdit(current, before, after);
    QCOMPARE(reverted.lastName, QStringLiteral("Сидорова")); // the later change stays
    QCOMPARE(reverted.firstName, QStringLiteral("Марина"));  // untouched by the edit: current
    QVERIFY(!reverted.birthDate.isValid());                  // the edit's own change undone
    QCOMPARE(reverted.emails, current.emails);
    QCOMPARE(reverted.tags, before.tags);
}

QTEST_GUILESS_MAIN(TestEntities)
#include "tst_entities.moc"
