// The first sheet of an .xlsx read as CSV: a workbook written by openpyxl (a real spreadsheet
// library: shared strings, a rich-text cell, a real date cell, a phone stored as a number, a row left
// out), the 1904 date system, damaged and hostile files refused with a reason, never a crash. Our
// own writer (XlsxSheet) read back is tst_xlsxsheet; the import and the list export through the CRM
// module are tests/crm/tst_xlsximport.
#include "kasp/core/csv.h"
#include "kasp/spreadsheet/xlsxreader.h"
#include "kasp/testsupport/testenv.h"
#include "kasp/testsupport/xlsxfixture.h"

#include <QtTest>

using namespace kasp;
using kasp::test::csvRows;
using kasp::test::openpyxlWorkbook;

class TestXlsxReader : public QObject
{
    Q_OBJECT
    QString dir;

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        dir = test::makeTempDir(QStringLiteral("xlsx"));
    }

    void openpyxlWorkbookReadsAsItsCells()
    {
        const QByteArray xlsx = openpyxlWorkbook(dir + QStringLiteral("/contacts.xlsx"));
        QVERIFY(!xlsx.isEmpty());
        QVERIFY(spreadsheet::looksLikeXlsx(xlsx));
        auto csv = spreadsheet::xlsxFirstSheetAsCsv(xlsx);
        QVERIFY2(csv.ok(), qPrintable(csv.ok() ? QString() : csv.error().message));
        CsvReader reader(csv.value());
        CsvRow row;
        QList<CsvRow> rows;
        while (reader.next(row))
            rows.append(row);
        QCOMPARE(rows.size(), 5); // the header, three people and Орлова (row 5 is empty: skipped)
        QCOMPARE(rows.at(0).fields.value(3), QStringLiteral("Мобильный телефон"));
        QCOMPARE(rows.at(1).fields.value(3), QStringLiteral("79161112233"));  // a number, not 7.9E10
        QCOMPARE(rows.at(1).fields.value(5), QStringLiteral("14.03.1975"));   // a date cell
        QCOMPARE(rows.at(2).fields.value(2), QString());                      // an empty cell keeps its place
        QCOMPARE(rows.at(3).fields.value(1), QStringLiteral("Ольга;Мария"));  // the delimiter inside a cell
        QCOMPARE(rows.at(3).fields.value(2), QStringLiteral("Ивановна мл.")); // a line break: a space
        QCOMPARE(rows.at(4).fields.value(0), QStringLiteral("Орлова "));      // rich text: its runs
        QCOMPARE(rows.at(4).line, 6);                                         // the sheet's row number
    }

    // A workbook in the 1904 date system (old Excel for Mac): its date cells read as the same dates.
    void dates1904ReadAsTheSameDates()
    {
        const QByteArray xlsx = openpyxlWorkbook(dir + QStringLiteral("/mac.xlsx"), "date1904");
        QVERIFY(!xlsx.isEmpty());
        auto csv = spreadsheet::xlsxFirstSheetAsCsv(xlsx);
        QVERIFY2(csv.ok(), qPrintable(csv.ok() ? QString() : csv.error().message));
        QCOMPARE(csvRows(csv.value()).at(1).value(5), QStringLiteral("14.03.1975"));
    }

    void damagedFilesAreRefusedWithAReason()
    {
        QCOMPARE(spreadsheet::xlsxFirstSheetAsCsv("name;phone\r\n").error().code,
                 QStringLiteral("xlsx.not_zip"));
        QCOMPARE(spreadsheet::xlsxFirstSheetAsCsv(QByteArray()).error().code, QStringLiteral("xlsx.not_zip"));
        const QByteArray good = openpyxlWorkbook(dir + QStringLiteral("/damaged.xlsx"));
        QVERIFY(!good.isEmpty());
        // Cut in half: the directory is gone.
        QCOMPARE(spreadsheet::xlsxFirstSheetAsCsv(good.left(good.size() / 2)).error().code,
                 QStringLiteral("xlsx.not_zip"));
        // Bytes changed inside the entries: inflating or the checksum fails; never a crash.
        for (qsizetype at = 40; at < good.size() / 2; at += 97) {
            QByteArray bad = good;
            bad[at] = char(bad[at] ^ 0x5a);
            auto result = spreadsheet::xlsxFirstSheetAsCsv(bad);
            if (!result.ok())
                QVERIFY2(result.error().code.startsWith(QStringLiteral("xlsx.")),
                         qPrintable(result.error().code));
        }
        // An old .xls (or a password-protected workbook): an OLE file, told apart from a broken one.
        QCOMPARE(
            spreadsheet::importableText(QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10)).error().code,
            QStringLiteral("xlsx.unsupported"));
        QCOMPARE(spreadsheet::importableText("a;b\r\n1;2\r\n").value(), QByteArray("a;b\r\n1;2\r\n"));
        // Hostile sheets: a row past Excel's last (no gigabytes of empty lines), a cell reference
        // that would overflow any column number (no write outside the row).
        QCOMPARE(
            spreadsheet::xlsxFirstSheetAsCsv(openpyxlWorkbook(dir + QStringLiteral("/bigrow.xlsx"), "bigrow"))
                .error()
                .code,
            QStringLiteral("xlsx.too_large"));
        QCOMPARE(spreadsheet::xlsxFirstSheetAsCsv(
                     openpyxlWorkbook(dir + QStringLiteral("/badcolumn.xlsx"), "badcolumn"))
                     .error()
                     .code,
                 QStringLiteral("xlsx.broken"));
        // A directory claiming the sheet unpacks to 400 MB (under the 512 MB cap, far beyond what
        // its few kilobytes can hold): refused before the memory is reserved.
        QByteArray inflated = good;
        const QByteArray sheetName("xl/worksheets/sheet1.xml");
        qsizetype central = -1;
        for (qsizetype at = inflated.indexOf("PK\x01\x02"); at >= 0;
             at = inflated.indexOf("PK\x01\x02", at + 4))
            if (inflated.mid(at + 46, sheetName.size()) == sheetName)
                central = at;
        QVERIFY(central > 0);
        const quint32 claimed = 400u * 1024 * 1024;
        for (int i = 0; i < 4; ++i)
            inflated[central + 24 + i] = char((claimed >> (8 * i)) & 0xff);
        auto claim = spreadsheet::xlsxFirstSheetAsCsv(inflated);
        QCOMPARE(claim.error().code, QStringLiteral("xlsx.broken"));
        QVERIFY2(claim.error().message.contains(QStringLiteral("sheet1.xml")),
                 qPrintable(claim.error().message));
        // A named entry missing: the sheet part.
        QByteArray renamed = good;
        renamed.replace("xl/worksheets/sheet1.xml", "xl/worksheets/sheetX.xml");
        QCOMPARE(spreadsheet::xlsxFirstSheetAsCsv(renamed).error().code, QStringLiteral("xlsx.broken"));
    }
};

QTEST_GUILESS_MAIN(TestXlsxReader)
#include "tst_xlsxreader.moc"
