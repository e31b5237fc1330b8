// Phone: normalization of what consultants type or the PBX reports, display, search prefixes.
#include "kasp/core/phone.h"
#include "kasp/testsupport/testenv.h"

#include <QTest>

using kasp::Phone;

class TestPhone : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { kasp::test::initTestEnvironment(); }
    void dialStrings();

    void parse_data();
    void parse();
    void parseErrorHasMessage();
    void display_data();
    void display();
    void reversedDigits_data();
    void reversedDigits();
    void fromE164_data();
    void fromE164();
    void equality();
    void phoneDigits_data();
    void phoneDigits();
    void phonePrefixE164_data();
    void phonePrefixE164();
};

void TestPhone::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("e164");
    QTest::addColumn<QString>("extension");
    QTest::addColumn<QString>("errorCode"); // empty: must parse

    auto ok = [](const char *tag, const QString &input, const char *e164, const char *ext = "") {
        QTest::newRow(tag) << input << QString::fromLatin1(e164) << QString::fromLatin1(ext) << QString();
    };
    auto bad = [](const char *tag, const QString &input, const char *code) {
        QTest::newRow(tag) << input << QString() << QString() << QString::fromLatin1(code);
    };

    ok("+7 canonical", QStringLiteral("+79161234567"), "+79161234567");
    ok("+7 with brackets and dashes", QStringLiteral("+7 (916) 123-45-67"), "+79161234567");
    ok("8 trunk prefix", QStringLiteral("8 916 123 45 67"), "+79161234567");
    ok("8 with brackets", QStringLiteral("8(916)123-45-67"), "+79161234567");
    ok("7 without plus", QStringLiteral("79161234567"), "+79161234567");
    ok("local mobile 10 digits", QStringLiteral("9161234567"), "+79161234567");
    ok("local Moscow 10 digits", QStringLiteral("495 123-45-67"), "+74951234567");
    ok("local 3xx 10 digits", QStringLiteral("3812 12-34-56"), "+73812123456");
    ok("local 8xx 10 digits", QStringLiteral("800 555 35 35"), "+78005553535");
    ok("8 800 toll free", QStringLiteral("8-800-555-35-35"), "+78005553535");
    ok("dots", QStringLiteral("8.916.123.45.67"), "+79161234567");
    ok("en dash", QStringLiteral("8 916 123\u201345\u201367"), "+79161234567");
    ok("no-break spaces", QStringLiteral("+7\u00A0916\u00A0123\u00A045\u00A067"), "+79161234567");
    ok("surrounding spaces", QStringLiteral("  +79161234567 \t"), "+79161234567");
    ok("Kazakhstan +7 7xx", QStringLiteral("+7 701 123 45 67"), "+77011234567");
    ok("Germany", QStringLiteral("+49 30 1234567"), "+49301234567");
    ok("UK", QStringLiteral("+44 20 7946 0958"), "+442079460958");
    ok("+8 is not Russian", QStringLiteral("+86 10 1234 5678"), "+861012345678");
    ok("00 international prefix", QStringLiteral("00 49 30 1234567"), "+49301234567");
    ok("shortest international", QStringLiteral("+1 555 0100"), "+15550100");
    ok("longest international", QStringLiteral("+123456789012345"), "+123456789012345");
    ok("доб.", QStringLiteral("+7 495 123-45-67 доб. 123"), "+74951234567", "123");
    ok("доб no dot", QStringLiteral("84951234567 доб 45"), "+74951234567", "45");
    ok("ДОБ. upper case", QStringLiteral("84951234567 ДОБ.7"), "+74951234567", "7");
    ok("ext.", QStringLiteral("+7 495 123 45 67 ext. 12"), "+74951234567", "12");
    ok("EXT upper case", QStringLiteral("+7 495 123 45 67 EXT 12"), "+74951234567", "12");
    ok("x", QStringLiteral("+74951234567x12"), "+74951234567", "12");
    ok("X with space", QStringLiteral("+74951234567 X 12"), "+74951234567", "12");
    ok("comma", QStringLiteral("+74951234567,12"), "+74951234567", "12");
    ok("hash", QStringLiteral("+74951234567#12"), "+74951234567", "12");
    ok("foreign with extension", QStringLiteral("+49 30 1234567 ext 9"), "+49301234567", "9");

    bad("empty", QString(), "phone.empty");
    bad("blank", QStringLiteral("  \t "), "phone.empty");
    bad("letters", QStringLiteral("8 916 abc 45 67"), "phone.garbage");
    bad("word", QStringLiteral("нет"), "phone.garbage");
    bad("plus inside", QStringLiteral("8+9161234567"), "phone.garbage");
    bad("two pluses", QStringLiteral("++79161234567"), "phone.garbage");
    bad("star", QStringLiteral("*100#"), "phone.garbage");
    bad("extension without digits", QStringLiteral("+74951234567 доб."), "phone.garbage");
    bad("two extensions", QStringLiteral("+74951234567 доб. 1 доб. 2"), "phone.garbage");
    bad("extension too long", QStringLiteral("+74951234567 ext 123456789"), "phone.garbage");
    bad("arabic-indic digits", QStringLiteral("\u0668\u0669\u0661\u0666"), "phone.garbage");
    bad("short local", QStringLiteral("123-45-67"), "phone.too_short");
    bad("only brackets", QStringLiteral("()"), "phone.too_short");
    bad("extension only", QStringLiteral("доб. 12"), "phone.too_short");
    bad("+7 short", QStringLiteral("+7 916 123 45 6"), "phone.too_short");
    bad("+7 long", QStringLiteral("+7 916 123 45 678"), "phone.too_long");
    bad("8 long", QStringLiteral("8 916 123 45 678"), "phone.too_long");
    bad("international short", QStringLiteral("+1234567"), "phone.too_short");
    bad("international long", QStringLiteral("+1234567890123456"), "phone.too_long");
    bad("+0 country code", QStringLiteral("+0123456789"), "phone.bad_country_code");
    bad("10 digits starting 5", QStringLiteral("5161234567"), "phone.no_country_code");
    bad("10 digits starting 7", QStringLiteral("7161234567"), "phone.no_country_code");
    bad("11 digits starting 3", QStringLiteral("38044123456"), "phone.no_country_code");
    bad("foreign without plus", QStringLiteral("380441234567"), "phone.no_country_code");
}

void TestPhone::parse()
{
    QFETCH(QString, input);
    QFETCH(QString, e164);
    QFETCH(QString, extension);
    QFETCH(QString, errorCode);

    const kasp::Result<Phone> result = Phone::parse(input);
    if (errorCode.isEmpty()) {
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().code));
        QCOMPARE(result->e164(), e164);
        QCOMPARE(result->extension(), extension);
        QVERIFY(!result->isNull());
    } else {
        QVERIFY2(!result.ok(), qPrintable(result.ok() ? result->e164() : QString()));
        QCOMPARE(result.error().code, errorCode);
    }
}

void TestPhone::parseErrorHasMessage()
{
    for (const QString &input : {QString(), QStringLiteral("abc"), QStringLiteral("12")}) {
        const auto result = Phone::parse(input);
        QVERIFY(!result.ok());
        QVERIFY(!result.error().message.isEmpty());
    }
}

void TestPhone::display_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("mobile") << QStringLiteral("89161234567") << QStringLiteral("+7 916 123-45-67");
    QTest::newRow("toll free") << QStringLiteral("8 800 555 35 35") << QStringLiteral("+7 800 555-35-35");
    QTest::newRow("with extension") << QStringLiteral("4951234567 ext 12")
                                    << QStringLiteral("+7 495 123-45-67 доб. 12");
    QTest::newRow("foreign") << QStringLiteral("+49 30 1234567") << QStringLiteral("+49301234567");
    QTest::newRow("foreign with extension")
        << QStringLiteral("+49301234567 x5") << QStringLiteral("+49301234567 доб. 5");
}

void TestPhone::display()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto phone = Phone::parse(input);
    QVERIFY(phone.ok());
    QCOMPARE(phone->display(), expected);
}

void TestPhone::reversedDigits_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("russian") << QStringLiteral("+7 916 123-45-67") << QStringLiteral("76543216197");
    QTest::newRow("extension ignored")
        << QStringLiteral("+74951234567 доб. 99") << QStringLiteral("76543215947");
    QTest::newRow("foreign") << QStringLiteral("+49301234567") << QStringLiteral("76543210394");
}

void TestPhone::reversedDigits()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto phone = Phone::parse(input);
    QVERIFY(phone.ok());
    QCOMPARE(phone->reversedDigits(), expected);
    QVERIFY(phone->reversedDigits().startsWith(QStringLiteral("7654"))); // the last four typed digits
    QCOMPARE(Phone().reversedDigits(), QString());
}

void TestPhone::fromE164_data()
{
    QTest::addColumn<QString>("e164");
    QTest::addColumn<QString>("extension");
    QTest::addColumn<bool>("valid");

    QTest::newRow("russian") << QStringLiteral("+79161234567") << QString() << true;
    QTest::newRow("russian with ext") << QStringLiteral("+74951234567") << QStringLiteral("123") << true;
    QTest::newRow("foreign") << QStringLiteral("+49301234567") << QString() << true;
    QTest::newRow("empty") << QString() << QString() << false;
    QTest::newRow("no plus") << QStringLiteral("79161234567") << QString() << false;
    QTest::newRow("formatted") << QStringLiteral("+7 916 123-45-67") << QString() << false;
    QTest::newRow("russian short") << QStringLiteral("+7916123456") << QString() << false;
    QTest::newRow("too long") << QStringLiteral("+1234567890123456") << QString() << false;
    QTest::newRow("zero country") << QStringLiteral("+01234567890") << QString() << false;
    QTest::newRow("letters in ext") << QStringLiteral("+79161234567") << QStringLiteral("12a") << false;
    QTest::newRow("ext too long") << QStringLiteral("+79161234567") << QStringLiteral("123456789") << false;
}

void TestPhone::fromE164()
{
    QFETCH(QString, e164);
    QFETCH(QString, extension);
    QFETCH(bool, valid);
    const auto phone = Phone::fromE164(e164, extension);
    QCOMPARE(phone.ok(), valid);
    if (valid) {
        QCOMPARE(phone->e164(), e164);
        QCOMPARE(phone->extension(), extension);
        // What parse() makes from the display form is the same phone.
        const auto reparsed = Phone::parse(phone->display());
        QVERIFY(reparsed.ok());
        QCOMPARE(*reparsed, *phone);
    } else {
        QCOMPARE(phone.error().code, QStringLiteral("phone.not_e164"));
    }
}

void TestPhone::equality()
{
    const auto a = Phone::parse(QStringLiteral("8 (916) 123-45-67"));
    const auto b = Phone::parse(QStringLiteral("+79161234567"));
    const auto c = Phone::parse(QStringLiteral("+79161234567 доб. 1"));
    QVERIFY(a.ok() && b.ok() && c.ok());
    QVERIFY(*a == *b);
    QVERIFY(!(*a == *c));
    QVERIFY(Phone().isNull());
    QVERIFY(!a->isNull());
}

void TestPhone::phoneDigits_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("partial") << QStringLiteral("8 (916) 12") << QStringLiteral("891612");
    QTest::newRow("plus") << QStringLiteral("+7 916") << QStringLiteral("7916");
    QTest::newRow("letters dropped") << QStringLiteral("ab1c2") << QStringLiteral("12");
    QTest::newRow("none") << QStringLiteral("Иванов") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestPhone::phoneDigits()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(kasp::phoneDigits(input), expected);
}

void TestPhone::phonePrefixE164_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    auto row = [](const char *tag, const QString &input, const char *expected) {
        QTest::newRow(tag) << input << QString::fromLatin1(expected);
    };
    row("8916", QStringLiteral("8916"), "+7916");
    row("8", QStringLiteral("8"), "+7");
    row("+7 91", QStringLiteral("+7 91"), "+791");
    row("7916", QStringLiteral("7916"), "+7916");
    row("916", QStringLiteral("916"), "+7916");
    row("9", QStringLiteral("9"), "+79");
    row("495", QStringLiteral("495"), "+7495");
    row("3", QStringLiteral("3"), "+73");
    row("+3", QStringLiteral("+3"), "+3");
    row("+", QStringLiteral("+"), "");
    row("bracketed", QStringLiteral("8 (916) 12"), "+791612");
    row("full 8 number", QStringLiteral("89161234567"), "+79161234567");
    row("full local number", QStringLiteral("9161234567"), "+79161234567");
    row("too long local", QStringLiteral("91612345678"), "");
    row("too long 8", QStringLiteral("891612345678"), "");
    row("00 prefix", QStringLiteral("0049"), "+49");
    row("starts with 1", QStringLiteral("123"), "");
    row("starts with 5", QStringLiteral("5"), "");
    row("letters", QStringLiteral("Иван"), "");
    row("digits and letters", QStringLiteral("8916a"), "");
    row("empty", QString(), "");
    row("separators only", QStringLiteral(" - "), "");
}

void TestPhone::phonePrefixE164()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(kasp::phonePrefixE164(input), expected);
    // A complete number typed in the search box gives the same key as the stored number.
    if (expected.size() == 12) {
        const auto phone = Phone::parse(input);
        QVERIFY(phone.ok());
        QCOMPARE(phone->e164(), expected);
    }
}

// Click-to-call dials what a Russian PBX expects: 8 and ten digits; foreign numbers stay +E.164.
void TestPhone::dialStrings()
{
    QCOMPARE(Phone::parse(QStringLiteral("+7 (916) 555-12-34")).value().dialString(),
             QStringLiteral("89165551234"));
    QCOMPARE(Phone::parse(QStringLiteral("8 495 123-45-67 доб. 12")).value().dialString(),
             QStringLiteral("84951234567"));
    QCOMPARE(Phone::parse(QStringLiteral("+375 29 123-45-67")).value().dialString(),
             QStringLiteral("+375291234567"));
    // PBXs that want +7 or 7 in front of Russian numbers; foreign numbers stay +E.164.
    QCOMPARE(Phone::parse(QStringLiteral("8 916 555-12-34")).value().dialString(QStringLiteral("+7")),
             QStringLiteral("+79165551234"));
    QCOMPARE(Phone::parse(QStringLiteral("8 916 555-12-34")).value().dialString(QStringLiteral("7")),
             QStringLiteral("79165551234"));
    QCOMPARE(Phone::parse(QStringLiteral("+375 29 123-45-67")).value().dialString(QStringLiteral("7")),
             QStringLiteral("+375291234567"));
}

QTEST_GUILESS_MAIN(TestPhone)
#include "tst_phone.moc"
