// Guests from .xlsx files: a workbook written by openpyxl (a real spreadsheet library: shared
// strings, a rich-text cell, a real date cell, a phone stored as a number, a row left out) and one
// written by our own export (libxlsxwriter) read back; damaged files refused with a reason; an
// import through the same importer as CSV, bad rows reported with the sheet's row numbers.
#include "kasp/core/csv.h"
#include "kasp/crm/guestimport.h"
#include "kasp/crm/guestservice.h"
#include "kasp/crm/listexport.h"
#include "kasp/crm/xlsxreader.h"
#include "kasp/demo/demogenerator.h"
#include "kasp/testsupport/testdb.h"

#include <QProcess>
#include <QtTest>

using namespace kasp;

namespace {

// Writes tests/data/xlsx/make_contacts.py's workbook; returns its bytes (empty with a warning when Python
// fails).
QByteArray openpyxlWorkbook(const QString &path, const char *variant = "")
{
    QProcess py;
    py.start(QStringLiteral("/usr/bin/python3"),
             {test::sourceDir() + QStringLiteral("/tests/data/xlsx/make_contacts.py"), path,
              QLatin1String(variant)});
    if (!py.waitForFinished(120'000) || py.exitCode() != 0) {
        qWarning("%s", py.readAllStandardError().constData());
        return {};
    }
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QList<QStringList> rowsOf(const QByteArray &csv)
{
    CsvReader reader(csv);
    CsvRow row;
    QList<QStringList> rows;
    while (reader.next(row))
        rows.append(row.fields);
    return rows;
}

} // namespace

class TestXlsxImport : public QObject
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
        QVERIFY(crm::looksLikeXlsx(xlsx));
        auto csv = crm::xlsxFirstSheetAsCsv(xlsx);
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
        auto csv = crm::xlsxFirstSheetAsCsv(xlsx);
        QVERIFY2(csv.ok(), qPrintable(csv.ok() ? QString() : csv.error().message));
        QCOMPARE(rowsOf(csv.value()).at(1).value(5), QStringLiteral("14.03.1975"));
    }

    void importThroughTheImporterReportsSheetRows()
    {
        test::TestDatabase t = test::TestDatabase::create(QStringLiteral("xlsximport"));
        SystemClock clock;
        crm::GuestService service(t.db, clock);
        const QByteArray xlsx = openpyxlWorkbook(dir + QStringLiteral("/import.xlsx"));
        auto csv = crm::xlsxFirstSheetAsCsv(xlsx);
        QVERIFY(csv.ok());
        CsvReader header(csv.value());
        CsvRow first;
        QVERIFY(header.next(first));
        const QList<crm::ImportField> mapping = crm::guessImportMapping(first.fields);
        QCOMPARE(mapping.value(3), crm::ImportField::Phone);
        QCOMPARE(mapping.value(5), crm::ImportField::BirthDate);
        CsvReader reader(csv.value());
        crm::GuestImporter importer = service.importer();
        auto report = importer.run(reader, mapping);
        QVERIFY(report.ok());
        QCOMPARE(report.value().imported, 3);
        QCOMPARE(report.value().problems.size(), 1);
        QCOMPARE(report.value().problems.first().line, 4); // Смирнова's bad e-mail, row 4 of the sheet
        const auto anna = service.search(QStringLiteral("Кузнецова Анна"), 5).value();
        QCOMPARE(anna.size(), 1);
        QCOMPARE(anna.first().mainPhone, QStringLiteral("+79161112233"));
        QCOMPARE(anna.first().birthDate, QDate(1975, 3, 14));
    }

    void ourOwnExportReadsBack()
    {
        test::TestDatabase t = test::TestDatabase::create(QStringLiteral("xlsxround"));
        demo::DemoOptions options;
        options.guests = 150;
        options.today = QDate(2026, 12, 1);
        QVERIFY(demo::generateDemo(t.db, options).ok());
        SystemClock clock;
        crm::GuestService service(t.db, clock);
        crm::GuestExportSource source(service.list(), {});
        const QString path = dir + QStringLiteral("/guests.xlsx");
        QVERIFY(crm::exportList(source, path, crm::ExportFormat::Xlsx).ok());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        auto csv = crm::xlsxFirstSheetAsCsv(f.readAll());
        QVERIFY2(csv.ok(), qPrintable(csv.ok() ? QString() : csv.error().message));
        const QList<QStringList> rows = rowsOf(csv.value());
        QCOMPARE(rows.size(), 151);
        QCOMPARE(rows.first(), source.headers());
    }

    void damagedFilesAreRefusedWithAReason()
    {
        QCOMPARE(crm::xlsxFirstSheetAsCsv("name;phone\r\n").error().code, QStringLiteral("xlsx.not_zip"));
        QCOMPARE(crm::xlsxFirstSheetAsCsv(QByteArray()).error().code, QStringLiteral("xlsx.not_zip"));
        const QByteArray good = openpyxlWorkbook(dir + QStringLiteral("/damaged.xlsx"));
        QVERIFY(!good.isEmpty());
        // Cut in half: the directory is gone.
        QCOMPARE(crm::xlsxFirstSheetAsCsv(good.left(good.size() / 2)).error().code,
                 QStringLiteral("xlsx.not_zip"));
        // Bytes changed inside the entries: inflating or the checksum fails; never a crash.
        for (qsizetype at = 40; at < good.size() / 2; at += 97) {
            QByteArray bad = good;
            bad[at] = char(bad[at] ^ 0x5a);
            auto result = crm::xlsxFirstSheetAsCsv(bad);
            if (!result.ok())
                QVERIFY2(result.error().code.startsWith(QStringLiteral("xlsx.")),
                         qPrintable(result.error().code));
        }
        // An old .xls (or a password-protected workbook): an OLE file, told apart from a broken one.
        QCOMPARE(crm::importableText(QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10)).error().code,
                 QStringLiteral("xlsx.unsupported"));
        QCOMPARE(crm::importableText("a;b\r\n1;2\r\n").value(), QByteArray("a;b\r\n1;2\r\n"));
        // Hostile sheets: a row past Excel's last (no gigabytes of empty lines), a cell reference
        // that would overflow any column number (no write outside the row).
        QCOMPARE(crm::xlsxFirstSheetAsCsv(openpyxlWorkbook(dir + QStringLiteral("/bigrow.xlsx"), "bigrow"))
                     .error()
                     .code,
                 QStringLiteral("xlsx.too_large"));
        QCOMPARE(
            crm::xlsxFirstSheetAsCsv(openpyxlWorkbook(dir + QStringLiteral("/badcolumn.xlsx"), "badcolumn"))
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
        auto claim = crm::xlsxFirstSheetAsCsv(inflated);
        QCOMPARE(claim.error().code, QStringLiteral("xlsx.broken"));
        QVERIFY2(claim.error().message.contains(QStringLiteral("sheet1.xml")),
                 qPrintable(claim.error().message));
        // A named entry missing: the sheet part.
        QByteArray renamed = good;
        renamed.replace("xl/worksheets/sheet1.xml", "xl/worksheets/sheetX.xml");
        QCOMPARE(crm::xlsxFirstSheetAsCsv(renamed).error().code, QStringLiteral("xlsx.broken"));
    }
};

QTEST_GUILESS_MAIN(TestXlsxImport)
#include "tst_xlsximport.moc"
