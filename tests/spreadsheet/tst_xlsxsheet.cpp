// Our XLSX writer (libxlsxwriter in constant-memory mode) read back through our reader: texts stay
// texts (a phone, a leading zero, a formula-looking cell), Cyrillic survives, an empty cell keeps
// its place, a cell longer than Excel allows is cut at 32,767 characters, and a file that cannot be
// written is an "export.write" error, not a silent empty file. Dates are Excel dates and columns are
// as wide as their contents, as a spreadsheet program reads the file (zipfile + xml).
#include "kasp/core/csv.h"
#include "kasp/spreadsheet/xlsxreader.h"
#include "kasp/spreadsheet/xlsxsheet.h"
#include "kasp/testsupport/testenv.h"
#include "kasp/testsupport/xlsxfixture.h"

#include <QJsonArray>
#include <QtTest>

using namespace kasp;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestXlsxSheet : public QObject
{
    Q_OBJECT
    QString dir;

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        dir = test::makeTempDir(QStringLiteral("xlsxsheet"));
    }

    void rowsReadBackAsWritten()
    {
        const QString path = dir + QStringLiteral("/sheet.xlsx");
        const QStringList header{QStringLiteral("Фамилия"), QStringLiteral("Телефон"),
                                 QStringLiteral("Заметка")};
        const QStringList first{QStringLiteral("Кузнецова"), QStringLiteral("79161112233"),
                                QStringLiteral("=1+1")};
        const QStringList second{QStringLiteral("Орлова"), QString(), QStringLiteral("007")};
        {
            spreadsheet::XlsxSheet sheet(path, QStringLiteral("Гости"));
            QVERIFY(sheet.writeHeader(header).ok());
            QVERIFY(sheet.writeRow(first).ok());
            QVERIFY(sheet.writeRow(second).ok());
            QVERIFY(sheet.writeRow({QStringLiteral("Длинная"), QString(), QString(40000, QLatin1Char('x'))})
                        .ok());
            const Status closed = sheet.close();
            QVERIFY2(closed.ok(), qPrintable(closed.ok() ? QString() : closed.error().message));
        }
        const QByteArray xlsx = readFile(path);
        QVERIFY(spreadsheet::looksLikeXlsx(xlsx));
        auto csv = spreadsheet::xlsxFirstSheetAsCsv(xlsx);
        QVERIFY2(csv.ok(), qPrintable(csv.ok() ? QString() : csv.error().message));
        const QList<QStringList> rows = test::csvRows(csv.value());
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.at(0), header);
        QCOMPARE(rows.at(1), first);                          // the phone and the formula stay text
        QCOMPARE(rows.at(2).value(1), QString());             // an empty cell keeps its place
        QCOMPARE(rows.at(2).value(2), QStringLiteral("007")); // not the number 7
        QCOMPARE(rows.at(3).value(2).size(), 32767);          // Excel's longest cell
    }

    // Issue 21: dates went out as text (Excel neither sorted nor filtered them as dates) and the
    // columns were too narrow for a full name.
    void datesAreDatesAndColumnsFitTheirContents()
    {
        const QString path = dir + QStringLiteral("/dates.xlsx");
        const QString longName = QStringLiteral("Константинопольская-Щербакова Александра Владимировна");
        {
            spreadsheet::XlsxSheet sheet(path, QStringLiteral("Гости"));
            sheet.setDateColumns({1}, QStringLiteral("dd.mm.yyyy"));
            QVERIFY(sheet
                        .writeHeader({QStringLiteral("Гость"), QStringLiteral("Дата рождения"),
                                      QStringLiteral("Заметка")})
                        .ok());
            QVERIFY(
                sheet.writeRow({longName, QStringLiteral("1961-03-12"), QStringLiteral("2020-01-01")}).ok());
            QVERIFY(sheet.writeRow({QStringLiteral("Орлова"), QStringLiteral("не знаем"), QString()}).ok());
            QVERIFY(sheet.close().ok());
        }
        const QJsonObject seen = test::inspectXlsx(path);
        QCOMPARE(seen.value(QLatin1String("sheet")).toString(), QStringLiteral("Гости"));
        const QJsonArray rows = seen.value(QLatin1String("rows")).toArray();
        QCOMPARE(rows.size(), 3);
        const QJsonObject birth = rows.at(1).toArray().at(1).toObject();
        QCOMPARE(birth.value(QLatin1String("type")).toString(), QStringLiteral("n")); // a number...
        QVERIFY(birth.value(QLatin1String("date")).toBool());                         // ...shown as a date
        QCOMPARE(birth.value(QLatin1String("format")).toString(), QStringLiteral("dd.mm.yyyy"));
        // Excel's day number of 12 March 1961 (days since 30 December 1899).
        QCOMPARE(birth.value(QLatin1String("value")).toString().toDouble(),
                 double(QDate(1899, 12, 30).daysTo(QDate(1961, 3, 12))));
        // A date-looking text in a text column stays text; a non-date in a date column too.
        QCOMPARE(rows.at(1).toArray().at(2).toObject().value(QLatin1String("type")).toString(),
                 QStringLiteral("inlineStr"));
        QCOMPARE(rows.at(2).toArray().at(1).toObject().value(QLatin1String("value")).toString(),
                 QStringLiteral("не знаем"));
        // Widths (about one character each): the long name fits, the date fits, none is cut.
        QMap<int, double> widths;
        for (const QJsonValue &c : seen.value(QLatin1String("cols")).toArray())
            widths[c[QLatin1String("min")].toInt()] = c[QLatin1String("width")].toDouble();
        QVERIFY2(widths.value(1) >= longName.size(), qPrintable(QString::number(widths.value(1))));
        QVERIFY2(widths.value(2) >= 13, qPrintable(QString::number(widths.value(2)))); // «Дата рождения»
        QVERIFY(widths.value(2) < 30);
    }

    void anUnwritableFileIsAnError()
    {
        const QString path = dir + QStringLiteral("/no/such/folder/sheet.xlsx");
        spreadsheet::XlsxSheet sheet(path, QStringLiteral("List"));
        // libxlsxwriter opens the file only when the workbook is closed: the error comes there.
        (void)sheet.writeHeader({QStringLiteral("a")});
        const Status closed = sheet.close();
        QVERIFY(!closed.ok());
        QCOMPARE(closed.error().code, QStringLiteral("export.write"));
        QVERIFY2(closed.error().message.contains(path), qPrintable(closed.error().message));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(TestXlsxSheet)
#include "tst_xlsxsheet.moc"
