// Importing guests from a CRM export (issue 5: 100,000 rows in < 30 s). Makes a Bitrix24-style CSV
// (UTF-8 with a BOM, ';', quoted fields, 1 % bad rows) and imports it into a new encrypted database
// through crm::GuestImporter: parsing, checks, duplicate phones, one guest.create mutation per row,
// one transaction.
// With --xlsx the same rows are first written as an .xlsx (our export, libxlsxwriter) and the
// figure includes reading the workbook (spreadsheet::importableText) before the import.
//   kasp-bench-import [--rows 100000] [--db /tmp/kasp-bench-import.db] [--xlsx]
#include "benchsupport.h"
#include "kasp/crm/guestimport.h"
#include "kasp/crm/listexport.h"
#include "kasp/spreadsheet/xlsxreader.h"
#include "kasp/storage/connectionfactory.h"

#include <cstdio>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>

using namespace kasp;

namespace {

// The generated CSV's rows, for writing them as a workbook through the list export.
class CsvRowsSource final : public crm::ExportSource
{
public:
    CsvRowsSource(const QByteArray &csv, int rows) : m_reader(csv), m_rows(rows)
    {
        CsvRow header;
        m_reader.next(header);
        m_header = header.fields;
    }
    QStringList headers() const override { return m_header; }
    qint64 rowCountHint() const override { return m_rows; }
    Result<bool> next(QStringList &row) override
    {
        CsvRow r;
        if (!m_reader.next(r))
            return false;
        row = r.fields;
        return true;
    }

private:
    CsvReader m_reader;
    QStringList m_header;
    int m_rows;
};

} // namespace

int main(int argc, char *argv[])
try {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions(
        {{QStringLiteral("rows"), QStringLiteral("rows"), QStringLiteral("n"), QStringLiteral("100000")},
         {QStringLiteral("db"), QStringLiteral("database file"), QStringLiteral("path"),
          QStringLiteral("/tmp/kasp-bench-import.db")},
         {QStringLiteral("xlsx"), QStringLiteral("import the rows from an .xlsx workbook")}});
    parser.process(app);
    const int rows = parser.value(QStringLiteral("rows")).toInt();
    const QString path = parser.value(QStringLiteral("db"));
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));

    const QStringList last{"Иванова",   "Смирнов", "Кузнецова", "Попов",
                           "Васильева", "Петров",  "Соколова",  "Михайлов"};
    const QStringList first{"Мария", "Олег", "Анна", "Пётр", "Елена", "Игорь", "Ольга", "Сергей"};
    QRandomGenerator random(7);
    QByteArray csv(
        "\xEF\xBB\xBFID;Имя;Отчество;Фамилия;Дата рождения;Мобильный телефон;Рабочий e-mail;Теги\r\n");
    csv.reserve(rows * 110);
    for (int i = 0; i < rows; ++i) {
        const bool bad = i % 100 == 99;
        const QString phone = bad ? QStringLiteral("12-34")
                                  : QStringLiteral("8 (9%1) %2-%3-%4")
                                        .arg(10 + i / 1000000 % 90)
                                        .arg(i / 10000 % 100 + 100)
                                        .arg(i / 100 % 100, 2, 10, QLatin1Char('0'))
                                        .arg(i % 100, 2, 10, QLatin1Char('0'));
        csv +=
            QStringLiteral("%1;%2;;\"%3\";%4;%5;%6;\"кардио, санаторий\"\r\n")
                .arg(i + 1)
                .arg(first[random.bounded(8)], last[random.bounded(8)])
                .arg(QDate(1940, 1, 1).addDays(random.bounded(25000)).toString(QStringLiteral("dd.MM.yyyy")))
                .arg(phone)
                .arg(i % 3 == 0 ? QStringLiteral("guest%1@mail.ru").arg(i) : QString())
                .toUtf8();
    }

    const QSqlDatabase db = bench::requireOk(
        storage::ConnectionFactory::open({path, bench::benchKey(), QStringLiteral("import"), true, true}),
        QStringLiteral("opening %1").arg(path));
    SystemClock clock;
    crm::GuestImporter importer(db, clock);
    QString format = QStringLiteral("CSV");
    double fileMb = double(csv.size()) / 1e6;
    QByteArray workbook;
    if (parser.isSet(QStringLiteral("xlsx"))) {
        CsvRowsSource rowsOfCsv(csv, rows);
        const QString xlsxPath = path + QStringLiteral(".xlsx");
        bench::requireOk(crm::exportList(rowsOfCsv, xlsxPath, crm::ExportFormat::Xlsx),
                         QStringLiteral("writing %1").arg(xlsxPath));
        QFile f(xlsxPath);
        if (!f.open(QIODevice::ReadOnly))
            bench::failBench(QStringLiteral("reading %1").arg(xlsxPath), f.errorString());
        workbook = f.readAll();
        format = QStringLiteral("XLSX");
        fileMb = double(workbook.size()) / 1e6;
    }
    QElapsedTimer timer;
    timer.start();
    if (!workbook.isEmpty()) {
        csv = bench::requireOk(spreadsheet::importableText(workbook),
                               QStringLiteral("reading the workbook as CSV"));
        std::printf("the workbook read as CSV in %.1f s\n", double(timer.nsecsElapsed()) / 1e9);
    }
    CsvReader reader(csv);
    CsvRow header;
    CsvReader peek(csv.left(200));
    peek.next(header);
    auto report = importer.run(reader, crm::guessImportMapping(header.fields));
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!report.ok())
        bench::failBench(QStringLiteral("import of %1 %2 rows").arg(rows).arg(format), report.error());
    if (report->imported == 0 && rows > 0)
        bench::failBench(QStringLiteral("import of %1 %2 rows").arg(rows).arg(format),
                         QStringLiteral("no row imported (%1 listed as bad)").arg(report->problems.size()));
    std::printf("import of %d %s rows (%.1f MB, Bitrix24 columns, 1 %% bad) into a new encrypted database: "
                "%.1f s (%0.f rows/s), %d imported, %d listed as bad (target < 30 s)\n",
                report->rows, qPrintable(format), fileMb, seconds, report->rows / seconds, report->imported,
                int(report->problems.size()));
    std::printf("peak RSS %ld MB\n", bench::peakRssKb() / 1024);
    return 0;
} catch (const bench::Failure &) {
    return 1;
}
