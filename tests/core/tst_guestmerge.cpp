// Two cards of one person: why they look alike, which one a merge keeps, and what the merged card holds.
#include "kasp/core/guestmerge.h"
#include "kasp/core/mutation.h"
#include "kasp/testsupport/testenv.h"

#include <QtTest>

using namespace kasp;

namespace {

Guest card(const QString &last, const QString &phone, const QDateTime &created)
{
    Guest g;
    g.id = newId();
    g.lastName = last;
    g.firstName = QStringLiteral("Мария");
    if (!phone.isEmpty())
        g.phones.append(Phone::parse(phone).value());
    g.createdAt = created;
    return g;
}

const QDateTime kJan = QDateTime(QDate(2025, 1, 10), QTime(9, 0), Qt::UTC);
const QDateTime kMay = QDateTime(QDate(2025, 5, 10), QTime(9, 0), Qt::UTC);

} // namespace

class TestGuestMerge : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { test::initTestEnvironment(); }

    // The one table of the guest's single-value fields: every field once, each row's functions
    // agree with each other, and its wire name is the codec's.
    void fieldTableIsWhole()
    {
        Guest full = card(QStringLiteral("Иванова"), QStringLiteral("+79161234567"), kJan);
        full.firstName = QStringLiteral("Мария");
        full.middleName = QStringLiteral("Петровна");
        full.birthDate = QDate(1961, 3, 8);
        full.city = QStringLiteral("Кисловодск");
        full.managerId = idFromString(QStringLiteral("01900000-0000-7000-8000-0000000000cc"));
        const QJsonObject json = toJson(full);
        QSet<MergeField> seen;
        for (const GuestFieldDef &def : guestFields()) {
            QVERIFY2(!seen.contains(def.field), def.wireName);
            seen.insert(def.field);
            QVERIFY2(json.contains(QLatin1String(def.wireName)), def.wireName);
            QVERIFY2(!guestFieldTitle(def.field).isEmpty(), def.wireName);
            const Guest empty;
            QVERIFY2(def.isEmpty(empty) && !def.isEmpty(full), def.wireName);
            QVERIFY2(def.differ(empty, full) && !def.same(empty, full), def.wireName);
            QVERIFY2(!def.text(full).isEmpty() && def.text(empty).isEmpty(), def.wireName);
            // The value as the codec and the desk's rows take it, and back.
            Guest viaValue;
            def.setValue(viaValue, def.value(full));
            QVERIFY2(def.same(viaValue, full), def.wireName);
            QVERIFY2(qstrlen(def.column) > 0, def.wireName);
            QVERIFY2(def.same(guestFromJson(json).value(), full), def.wireName);
            Guest copy;
            def.copy(copy, full);
            QVERIFY2(def.same(copy, full) && !def.differ(copy, full), def.wireName);
            // Undo of an edit that changed only this field puts it back.
            const Guest reverted = revertEdit(full, empty, full);
            QVERIFY2(def.same(reverted, empty), def.wireName);
        }
        QCOMPARE(seen.size(), 6); // surname, first name, patronymic, birth date, city, manager
    }

    void reasonsNameWhatTiesTwoCards()
    {
        Guest a = card(QStringLiteral("Иванова"), QStringLiteral("8 (916) 123-45-67"), kJan);
        Guest b = card(QStringLiteral("Петрова"), QStringLiteral("+79161234567"), kMay);
        QCOMPARE(duplicateReasons(a, b), int(SamePhone));
        QCOMPARE(duplicateReasons(a, a), 0); // the same card is not its own duplicate
        b.phones = {Phone::parse(QStringLiteral("+7 903 000-00-01")).value()};
        QCOMPARE(duplicateReasons(a, b), 0);
        a.emails = {QStringLiteral("Maria@Mail.ru")};
        b.emails = {QStringLiteral("maria@mail.ru")};
        QCOMPARE(duplicateReasons(a, b), int(SameEmail));

        // Name alone is not enough; name and birth date are, ё = е and case do not matter.
        Guest c = card(QStringLiteral("Семёнова"), {}, kJan);
        Guest d = card(QStringLiteral("СЕМЕНОВА"), {}, kMay);
        c.emails = {QStringLiteral("c@x.ru")};
        d.emails = {QStringLiteral("d@x.ru")};
        QCOMPARE(duplicateReasons(c, d), 0);
        c.birthDate = d.birthDate = QDate(1975, 6, 1);
        QCOMPARE(duplicateReasons(c, d), int(SameNameAndBirth));
        d.birthDate = QDate(1975, 6, 2);
        QCOMPARE(duplicateReasons(c, d), 0);
    }

    void theOlderCardIsKept()
    {
        const Guest older = card(QStringLiteral("А"), {}, kJan);
        const Guest newer = card(QStringLiteral("Б"), {}, kMay);
        QVERIFY(keepsFirst(older, newer));
        QVERIFY(!keepsFirst(newer, older));
        Guest undated = card(QStringLiteral("В"), {}, QDateTime());
        QVERIFY(keepsFirst(newer, undated));
        // Same instant: by id, so two desktops agree.
        Guest twin = card(QStringLiteral("Г"), {}, kJan);
        QCOMPARE(keepsFirst(older, twin), !keepsFirst(twin, older));
    }

    void mergedCardUnitesContactsAndKeepsChoices()
    {
        Guest keep = card(QStringLiteral("Иванова"), QStringLiteral("+7 916 123-45-67"), kJan);
        keep.emails = {QStringLiteral("maria@mail.ru")};
        keep.tags = {QStringLiteral("вип")};
        Guest other = card(QStringLiteral("Иванова-Петрова"), QStringLiteral("+7 916 123-45-67"), kMay);
        other.phones.append(Phone::parse(QStringLiteral("+7 903 111-22-33")).value());
        other.emails = {QStringLiteral("MARIA@mail.ru"), QStringLiteral("work@firm.ru")};
        other.tags = {QStringLiteral("ВИП"), QStringLiteral("диабет")};
        other.middleName = QStringLiteral("Петровна");
        other.birthDate = QDate(1980, 1, 2);
        other.managerId = newId();

        QVERIFY(mergeConflict(keep, other, MergeField::LastName));
        QVERIFY(!mergeConflict(keep, other, MergeField::MiddleName)); // empty on the kept card
        QVERIFY(!mergeConflict(keep, other, MergeField::FirstName));  // both «Мария»

        const Guest merged = mergeGuests(keep, other);
        QCOMPARE(merged.id, keep.id);
        QCOMPARE(merged.createdAt, keep.createdAt);
        QCOMPARE(merged.lastName, keep.lastName);                // kept unless chosen
        QCOMPARE(merged.middleName, QStringLiteral("Петровна")); // empty: filled from the other
        QCOMPARE(merged.birthDate, QDate(1980, 1, 2));
        QCOMPARE(merged.managerId, other.managerId);
        QCOMPARE(merged.phones.size(), 2);
        QCOMPARE(merged.phones.first().e164(), QStringLiteral("+79161234567")); // the main phone stays main
        QCOMPARE(merged.emails,
                 (QStringList{QStringLiteral("maria@mail.ru"), QStringLiteral("work@firm.ru")}));
        QCOMPARE(merged.tags, (QStringList{QStringLiteral("вип"), QStringLiteral("диабет")}));
        QVERIFY(validateGuest(merged, QDate(2026, 12, 1)).ok());

        const Guest chosen = mergeGuests(keep, other, {MergeField::LastName});
        QCOMPARE(chosen.lastName, QStringLiteral("Иванова-Петрова"));
        // Choosing an empty value from the other card keeps what the survivor has.
        Guest bare = other;
        bare.firstName.clear();
        QCOMPARE(mergeGuests(keep, bare, {MergeField::FirstName}).firstName, QStringLiteral("Мария"));
    }

    void samePhoneWithAnotherExtensionIsKept()
    {
        Guest keep = card(QStringLiteral("Офис"), QStringLiteral("+7 495 123-45-67"), kJan);
        Guest other = card(QStringLiteral("Офис"), {}, kMay);
        other.phones = {Phone::parse(QStringLiteral("+7 495 123-45-67 доб. 12")).value()};
        const Guest merged = mergeGuests(keep, other);
        QCOMPARE(merged.phones.size(), 2);
        QVERIFY(validateGuest(merged, QDate(2026, 12, 1)).ok());
    }
};

QTEST_GUILESS_MAIN(TestGuestMerge)
#include "tst_guestmerge.moc"
