// The wire's dates and instants: the hand-written formatter and reader must say exactly what Qt's
// ISO code says, for every date from year 1 to 9999 and for malformed text.
#include "kasp/core/isotime.h"

#include <QRandomGenerator>
#include <QTest>

using namespace kasp;

namespace {

// What the codecs did before: Qt's own ISO code.
QDateTime qtInstant(const QString &text)
{
    const QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!at.isValid() || at.timeSpec() == Qt::LocalTime)
        return {};
    return at.toUTC();
}

const qint64 kFirstMs = QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
const qint64 kLastMs = QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC).toMSecsSinceEpoch();

} // namespace

class TestIsoTime : public QObject
{
    Q_OBJECT

private slots:
    void instantsAsQtWritesThem();
    void instantsAsQtReadsThem_data();
    void instantsAsQtReadsThem();
    void damagedInstantsAsQtReadsThem();
    void dates();
};

void TestIsoTime::instantsAsQtWritesThem()
{
    QRandomGenerator rng(20261207);
    QList<qint64> samples{0, -1, 1, 951'782'400'000 /* 2000-02-29 */, kFirstMs, kLastMs};
    for (int i = 0; i < 200'000; ++i)
        samples.append(kFirstMs + qint64(rng.bounded(quint64(kLastMs - kFirstMs + 1))));
    for (const qint64 ms : std::as_const(samples)) {
        // A local-time value is the same instant: written in UTC either way.
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms, (ms & 1) ? Qt::UTC : Qt::LocalTime);
        const QString expected = at.toUTC().toString(Qt::ISODateWithMs);
        const QString written = isoInstant(at);
        if (written != expected)
            QFAIL(qPrintable(QStringLiteral("%1 ms: %2, Qt writes %3").arg(ms).arg(written, expected)));
        const QDateTime read = parseIsoInstant(written);
        if (read != at || read.timeSpec() != Qt::UTC)
            QFAIL(qPrintable(
                QStringLiteral("%1 read back as %2").arg(written, read.toString(Qt::ISODateWithMs))));
    }
    QCOMPARE(isoInstant(QDateTime()), QString());
    // Outside the four-digit years Qt's own code answers.
    const QDateTime far(QDate(12345, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
    QCOMPARE(isoInstant(far), far.toString(Qt::ISODateWithMs));
}

void TestIsoTime::instantsAsQtReadsThem_data()
{
    QTest::addColumn<QString>("text");
    for (const char *text :
         {"2026-12-07T14:55:31.123Z", "2026-12-07T14:55:31Z", "2026-12-07T14:55:31.123+03:00",
          "2026-12-07T14:55:31.123", "2026-12-07T24:00:00.000Z", "2026-12-07T14:55:60.000Z",
          "2026-02-29T10:00:00.000Z", "2024-02-29T10:00:00.000Z", "0000-01-01T00:00:00.000Z",
          "2026-13-01T00:00:00.000Z", "2026-12-07 14:55:31.123Z", "2026-12-07T14:55:31.12Z",
          "2026-12-07T14:5a:31.123Z", "+026-12-07T14:55:31.123Z", "", "Z", "2026-12-07"})
        QTest::newRow(text) << QString::fromLatin1(text);
}

void TestIsoTime::instantsAsQtReadsThem()
{
    QFETCH(QString, text);
    const QDateTime expected = qtInstant(text);
    const QDateTime read = parseIsoInstant(text);
    QCOMPARE(read.isValid(), expected.isValid());
    QCOMPARE(read, expected);
}

// Canonical text with one character changed, dropped or doubled: read as Qt reads it.
void TestIsoTime::damagedInstantsAsQtReadsThem()
{
    QRandomGenerator rng(7);
    const QString alphabet = QStringLiteral("0123456789-:.TZ+ x");
    int valid = 0, invalid = 0;
    for (int i = 0; i < 50'000; ++i) {
        QString text = isoInstant(QDateTime::fromMSecsSinceEpoch(
            kFirstMs + qint64(rng.bounded(quint64(kLastMs - kFirstMs + 1))), Qt::UTC));
        const int at = int(rng.bounded(text.size()));
        switch (rng.bounded(3)) {
        case 0:
            text[at] = alphabet[rng.bounded(alphabet.size())];
            break;
        case 1:
            text.remove(at, 1);
            break;
        default:
            text.insert(at, alphabet[rng.bounded(alphabet.size())]);
        }
        const QDateTime expected = qtInstant(text);
        const QDateTime read = parseIsoInstant(text);
        if (read != expected || read.isValid() != expected.isValid())
            QFAIL(qPrintable(
                QStringLiteral("\"%1\": %2, Qt reads %3")
                    .arg(text, read.toString(Qt::ISODateWithMs), expected.toString(Qt::ISODateWithMs))));
        ++(expected.isValid() ? valid : invalid);
    }
    qInfo("damaged instants: %d still read, %d refused", valid, invalid);
    QVERIFY(valid > 1000 && invalid > 1000); // both sides of the fast path were exercised
}

void TestIsoTime::dates()
{
    for (qint64 day = QDate(1, 1, 1).toJulianDay(); day <= QDate(9999, 12, 31).toJulianDay(); day += 7) {
        const QDate date = QDate::fromJulianDay(day);
        const QString expected = date.toString(QStringLiteral("yyyy-MM-dd"));
        if (isoDate(date) != expected)
            QFAIL(qPrintable(QStringLiteral("%1 written as %2").arg(expected, isoDate(date))));
        if (parseIsoDate(expected) != date)
            QFAIL(
                qPrintable(QStringLiteral("%1 read as %2").arg(expected, parseIsoDate(expected).toString())));
    }
    QCOMPARE(isoDate(QDate()), QString());
    for (const char *bad : {"2026-02-29", "2026-13-01", "2026-12-32", "0000-01-01", "2026-1-07", "2026/12/07",
                            "+026-12-07", "2026-12-07T", "", "2026-12-0x"})
        QVERIFY2(!parseIsoDate(QString::fromLatin1(bad)).isValid(), bad);
    QCOMPARE(parseIsoDate(u"2024-02-29"), QDate(2024, 2, 29));
}

QTEST_GUILESS_MAIN(TestIsoTime)
#include "tst_isotime.moc"
