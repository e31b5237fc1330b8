// What the one search box makes of what a consultant types.
#include "kasp/core/booking.h"
#include "kasp/core/searchtext.h"

#include <QtTest>

using namespace kasp;

class TestSearchText : public QObject
{
    Q_OBJECT
private slots:
    void classifies_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("digits");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("booking");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("otherLayout");
        QTest::newRow("phone") << "+7 (916) 555-44-33"
                               << "79165554433"
                               << ""
                               << ""
                               << ""
                               << "";
        QTest::newRow("last digits, also a booking number") << "45671234"
                                                            << "45671234"
                                                            << ""
                                                            << "45671234"
                                                            << ""
                                                            << "";
        QTest::newRow("booking with a dash") << "1A2B-3C4D"
                                             << ""
                                             << ""
                                             << "1a2b3c4d"
                                             << "1a2b-3c4d"
                                             << "";
        QTest::newRow("booking with the sign") << "№ 1a2b3c4d"
                                               << ""
                                               << ""
                                               << "1a2b3c4d"
                                               << "№ 1a2b3c4d"
                                               << "";
        QTest::newRow("e-mail") << " Anna.P@Mail.ru"
                                << ""
                                << "anna.p@mail.ru"
                                << ""
                                << ""
                                << "";
        QTest::newRow("cyrillic, ё") << "  Пётр  Ёлкин "
                                     << ""
                                     << ""
                                     << ""
                                     << "петр елкин"
                                     << "";
        QTest::newRow("latin name") << "Smith"
                                    << ""
                                    << ""
                                    << ""
                                    << "smith"
                                    << "ыьшер";
        QTest::newRow("wrong layout") << "bdfyjdf"
                                      << ""
                                      << ""
                                      << ""
                                      << "bdfyjdf"
                                      << "иванова";
        QTest::newRow("wrong layout, ё") << "cjkjdm`d"
                                         << ""
                                         << ""
                                         << ""
                                         << "cjkjdm`d"
                                         << "соловьев";
        QTest::newRow("accented latin is meant") << "Müller"
                                                 << ""
                                                 << ""
                                                 << ""
                                                 << "müller"
                                                 << "";
        QTest::newRow("empty") << "   "
                               << ""
                               << ""
                               << ""
                               << ""
                               << "";
    }

    void classifies()
    {
        QFETCH(QString, text);
        const SearchText s = classifySearch(text);
        QTEST(s.phoneDigits, "digits");
        QTEST(s.emailPrefix, "email");
        QTEST(s.bookingNumber, "booking");
        QTEST(s.namePrefix, "name");
        QTEST(s.otherLayout, "otherLayout");
    }

    void bookingNumberIsTheRandomTail()
    {
        // Two ids of the same millisecond differ only in their random tail: so must their numbers.
        const Id a = uuidV7(1795000000000, 1, 0x1234567890abcdefULL);
        const Id b = uuidV7(1795000000000, 1, 0xfedcba0987654321ULL);
        QVERIFY(bookingNumber(a) != bookingNumber(b));
        QCOMPARE(bookingNumber(a).size(), 8);
        QCOMPARE(bookingNumber(a), idToString(a).right(8).toUpper());
        QCOMPARE(classifySearch(bookingNumber(a)).bookingNumber, idToString(a).right(8));
    }
};

QTEST_APPLESS_MAIN(TestSearchText)
#include "tst_searchtext.moc"
