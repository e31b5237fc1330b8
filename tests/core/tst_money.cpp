// Money: parsing what people type, percentages for prepayments, the invoice format.
#include "kasp/core/money.h"
#include "kasp/testsupport/testenv.h"

#include <limits>
#include <QTest>

using kasp::Money;

class TestMoney : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { kasp::test::initTestEnvironment(); }

    void parse_data();
    void parse();
    void parseErrorHasMessage();
    void percent_data();
    void percent();
    void toString_data();
    void toString();
    void roundTrip_data();
    void roundTrip();
    void arithmetic();
};

void TestMoney::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<qint64>("kopecks");    // expected when errorCode is empty
    QTest::addColumn<QString>("errorCode"); // empty: must parse

    auto ok = [](const char *tag, const QString &input, qint64 kopecks) {
        QTest::newRow(tag) << input << kopecks << QString();
    };
    auto bad = [](const char *tag, const QString &input, const char *code) {
        QTest::newRow(tag) << input << qint64(0) << QString::fromLatin1(code);
    };

    ok("plain", QStringLiteral("1234"), 123400);
    ok("zero", QStringLiteral("0"), 0);
    ok("leading zeros", QStringLiteral("007"), 700);
    ok("space groups", QStringLiteral("1 234"), 123400);
    ok("space groups, comma decimals", QStringLiteral("1 234,50"), 123450);
    ok("dot decimal, one digit", QStringLiteral("1234.5"), 123450);
    ok("comma decimal, two digits", QStringLiteral("0,07"), 7);
    ok("no-break space groups", QStringLiteral("1\u00A0234\u00A0567,89"), 123456789);
    ok("thin space groups", QStringLiteral("12\u2009345"), 1234500);
    ok("narrow no-break space groups", QStringLiteral("12\u202F345"), 1234500);
    ok("rouble sign", QStringLiteral("1 234 ₽"), 123400);
    ok("rouble sign attached", QStringLiteral("99₽"), 9900);
    ok("руб", QStringLiteral("500 руб"), 50000);
    ok("руб.", QStringLiteral("500 руб."), 50000);
    ok("РУБ. upper case", QStringLiteral("500 РУБ."), 50000);
    ok("р.", QStringLiteral("500,5 р."), 50050);
    ok("negative", QStringLiteral("-15,25"), -1525);
    ok("negative with sign", QStringLiteral("-1 000 ₽"), -100000);
    ok("unicode minus", QStringLiteral("\u22123,00"), -300);
    ok("surrounding spaces", QStringLiteral("  42  "), 4200);
    ok("own output", QStringLiteral("1\u00A0234,50\u00A0₽"), 123450);
    ok("fifteen digits", QStringLiteral("999999999999999"), Q_INT64_C(99999999999999900));

    bad("empty", QString(), "money.empty");
    bad("blank", QStringLiteral("   "), "money.empty");
    bad("letters", QStringLiteral("abc"), "money.garbage");
    bad("digits and letters", QStringLiteral("12abc"), "money.garbage");
    bad("only sign", QStringLiteral("-"), "money.garbage");
    bad("only currency", QStringLiteral("₽"), "money.garbage");
    bad("double minus", QStringLiteral("--5"), "money.garbage");
    bad("bad grouping", QStringLiteral("12 34"), "money.garbage");
    bad("two decimal separators", QStringLiteral("1.234,50"), "money.garbage");
    bad("trailing separator", QStringLiteral("12,"), "money.garbage");
    bad("leading separator", QStringLiteral(",5"), "money.garbage");
    bad("dollar", QStringLiteral("$5"), "money.garbage");
    bad("three decimals", QStringLiteral("1,234"), "money.precision");
    bad("four decimals", QStringLiteral("0.0001"), "money.precision");
    bad("sixteen digits", QStringLiteral("1000000000000000"), "money.too_large");
}

void TestMoney::parse()
{
    QFETCH(QString, input);
    QFETCH(qint64, kopecks);
    QFETCH(QString, errorCode);

    const kasp::Result<Money> result = Money::parse(input);
    if (errorCode.isEmpty()) {
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().code));
        QCOMPARE(result->kopecks(), kopecks);
    } else {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, errorCode);
    }
}

void TestMoney::parseErrorHasMessage()
{
    const auto result = Money::parse(QStringLiteral("много"));
    QVERIFY(!result.ok());
    QVERIFY(!result.error().message.isEmpty());
}

void TestMoney::percent_data()
{
    QTest::addColumn<qint64>("kopecks");
    QTest::addColumn<int>("percent");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("10% exact") << qint64(100000) << 10 << qint64(10000);
    QTest::newRow("20% exact") << qint64(4567800) << 20 << qint64(913560);
    QTest::newRow("round down") << qint64(12344) << 10 << qint64(1234);     // 1234.4
    QTest::newRow("half rounds up") << qint64(12345) << 10 << qint64(1235); // 1234.5
    QTest::newRow("round up") << qint64(12346) << 10 << qint64(1235);       // 1234.6
    QTest::newRow("negative half away") << qint64(-12345) << 10 << qint64(-1235);
    QTest::newRow("negative round toward") << qint64(-12344) << 10 << qint64(-1234);
    QTest::newRow("tiny amount") << qint64(4) << 10 << qint64(0);
    QTest::newRow("tiny half") << qint64(5) << 10 << qint64(1);
    QTest::newRow("zero percent") << qint64(99999) << 0 << qint64(0);
    QTest::newRow("hundred percent") << qint64(99999) << 100 << qint64(99999);
    QTest::newRow("over hundred") << qint64(1000) << 150 << qint64(1500);
}

void TestMoney::percent()
{
    QFETCH(qint64, kopecks);
    QFETCH(int, percent);
    QFETCH(qint64, expected);
    QCOMPARE(Money::fromKopecks(kopecks).percent(percent).kopecks(), expected);
}

void TestMoney::toString_data()
{
    QTest::addColumn<qint64>("kopecks");
    QTest::addColumn<QString>("expected");

    const QString nb(QChar(0x00A0));
    QTest::newRow("zero") << qint64(0) << QStringLiteral("0,00") + nb + QStringLiteral("₽");
    QTest::newRow("kopecks") << qint64(5) << QStringLiteral("0,05") + nb + QStringLiteral("₽");
    QTest::newRow("three digits") << qint64(99900) << QStringLiteral("999,00") + nb + QStringLiteral("₽");
    QTest::newRow("thousands") << qint64(123450)
                               << QStringLiteral("1") + nb + QStringLiteral("234,50") + nb +
                                      QStringLiteral("₽");
    QTest::newRow("millions") << qint64(123456789)
                              << QStringLiteral("1") + nb + QStringLiteral("234") + nb +
                                     QStringLiteral("567,89") + nb + QStringLiteral("₽");
    QTest::newRow("exact hundred thousand")
        << qint64(10000000)
        << QStringLiteral("100") + nb + QStringLiteral("000,00") + nb + QStringLiteral("₽");
    QTest::newRow("negative") << qint64(-123450)
                              << QStringLiteral("-1") + nb + QStringLiteral("234,50") + nb +
                                     QStringLiteral("₽");
    QTest::newRow("negative kopecks") << qint64(-7) << QStringLiteral("-0,07") + nb + QStringLiteral("₽");
    QTest::newRow("smallest qint64") << std::numeric_limits<qint64>::min()
                                     << QStringLiteral("-92") + nb + QStringLiteral("233") + nb +
                                            QStringLiteral("720") + nb + QStringLiteral("368") + nb +
                                            QStringLiteral("547") + nb + QStringLiteral("758,08") + nb +
                                            QStringLiteral("₽");
}

void TestMoney::toString()
{
    QFETCH(qint64, kopecks);
    QFETCH(QString, expected);
    QCOMPARE(Money::fromKopecks(kopecks).toString(), expected);
}

void TestMoney::roundTrip_data()
{
    QTest::addColumn<qint64>("kopecks");
    for (qint64 k : {qint64(0), qint64(1), qint64(10), qint64(99), qint64(100), qint64(123456),
                     qint64(-98765), Q_INT64_C(1234567890123)})
        QTest::newRow(qPrintable(QString::number(k))) << k;
}

void TestMoney::roundTrip()
{
    QFETCH(qint64, kopecks);
    const Money money = Money::fromKopecks(kopecks);
    const auto parsed = Money::parse(money.toString());
    QVERIFY2(parsed.ok(), qPrintable(money.toString()));
    QCOMPARE(*parsed, money);
}

void TestMoney::arithmetic()
{
    const Money a = Money::fromRubles(1500);
    const Money b = Money::fromKopecks(2550);
    QCOMPARE(a.kopecks(), qint64(150000));
    QCOMPARE((a + b).kopecks(), qint64(152550));
    QCOMPARE((a - b).kopecks(), qint64(147450));
    QCOMPARE((b * 14).kopecks(), qint64(35700));
    QCOMPARE(Money::fromKopecks(152599).wholeRubles(), qint64(1525));
    Money sum;
    sum += a;
    sum += b;
    QCOMPARE(sum, a + b);
    QVERIFY(b < a);
    QVERIFY(a > b);
    QVERIFY(Money() == Money::fromKopecks(0));
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
