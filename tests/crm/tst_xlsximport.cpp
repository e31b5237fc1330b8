// Guests from .xlsx files through the CRM module: a workbook written by openpyxl imported through
// the same importer as CSV, bad rows reported with the sheet's row numbers, and the whole-base list
// export (libxlsxwriter) read back. The reader itself (cells, dates, damaged files) is
// tests/spreadsheet/tst_xlsxreader.
#include "kasp/core/csv.h"
#include "kasp/crm/guestimport.h"
#include "kasp/crm/guestservice.h"
#include "kasp/crm/listexport.h"
#include "kasp/demo/demogenerator.h"
#include "kasp/spreadsheet/xlsxreader.h"
#include "kasp/testsupport/testdb.h"
#include "kasp/testsupport/xlsxfixture.h"

#include <QtTest>

using namespace kasp;
using kasp::test::csvRows;
using kasp::test::openpyxlWorkbook;

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

    void importThroughTheImporterReportsSheetRows()
    {
        test::TestDatabase t = test::TestDatabase::create(QStringLiteral("xlsximport"));
        SystemClock clock;
        crm::GuestService service(t.db, clock);
        const QByteArray xlsx = openpyxlWorkbook(dir + QStringLiteral("/import.xlsx"));
        auto csv = spreadsheet::xlsxFirstSheetAsCsv(xlsx);
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
        auto csv = spreadsheet::xlsxFirstSheetAsCsv(f.readAll());
        QVERIFY2(csv.ok(), qPrintable(csv.ok() ? QString() : csv.error().message));
        const QList<QStringList> rows = csvRows(csv.value());
        QCOMPARE(rows.size(), 151);
        QCOMPARE(rows.first(), source.headers());
    }
};

QTEST_GUILESS_MAIN(TestXlsxImport)
#include "tst_xlsximport.moc"
