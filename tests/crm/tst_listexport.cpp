// Export of lists: the whole demo guest base and a model's table to CSV and XLSX, read back — the
// CSV by our own reader, the XLSX by openpyxl (a real XLSX reader, /usr/bin/python3) — plus the
// cases that must leave no file behind: cancel, a source failing half-way, a list too long for a
// sheet, a folder that does not exist.
#include "kasp/core/csv.h"
#include "kasp/crm/listexport.h"
#include "kasp/demo/demogenerator.h"
#include "kasp/storage/consentrepository.h"
#include "kasp/testsupport/testdb.h"
#include "kasp/testsupport/testenv.h"

#include <QProcess>
#include <QStringListModel>
#include <QtTest>

using namespace kasp;
using namespace kasp::crm;

namespace {

class FailingSource final : public ExportSource
{
public:
    explicit FailingSource(qint64 hint, int failAt = -1) : m_hint(hint), m_failAt(failAt) {}
    QStringList headers() const override { return {QStringLiteral("n")}; }
    qint64 rowCountHint() const override { return m_hint; }
    Result<bool> next(QStringList &row) override
    {
        if (m_at == m_failAt)
            return Error{QStringLiteral("storage.failed"), QStringLiteral("disk I/O error")};
        if (m_at >= 5000)
            return false;
        row << QString::number(m_at++);
        return true;
    }

private:
    qint64 m_hint;
    int m_failAt;
    int m_at = 0;
};

// Runs openpyxl over the file; prints "rows cols bold freeze filter type(B2) value(B2)".
QStringList readXlsx(const QString &path)
{
    QProcess py;
    py.start(QStringLiteral("/usr/bin/python3"),
             {QStringLiteral("-c"),
              QStringLiteral("import sys, openpyxl\n"
                             "wb = openpyxl.load_workbook(sys.argv[1], read_only=False)\n"
                             "ws = wb.active\n"
                             "print(ws.max_row, ws.max_column, ws['A1'].font.b, ws.freeze_panes,"
                             " ws.auto_filter.ref, ws['B2'].data_type, sep='\\t')\n"
                             "print(ws['A1'].value, ws['A2'].value, ws['B2'].value, sep='\\t')\n"),
              path});
    if (!py.waitForFinished(120'000) || py.exitCode() != 0)
        return {QString::fromUtf8(py.readAllStandardError())};
    return QString::fromUtf8(py.readAllStandardOutput()).trimmed().split(QLatin1Char('\n'));
}

} // namespace

class TestListExport : public QObject
{
    Q_OBJECT
    test::TestDatabase t;
    QString dir;
    qint64 guests = 0;

    QString path(const QString &name) const { return dir + QLatin1Char('/') + name; }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        dir = test::makeTempDir(QStringLiteral("export"));
        t = test::TestDatabase::create(QStringLiteral("export"));
        demo::DemoOptions options;
        options.guests = 1500;
        options.years = 1;
        options.today = QDate(2026, 11, 23);
        auto made = demo::generateDemo(t.db, options);
        QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().message));
        guests = storage::GuestList(t.db).count().value();
        QVERIFY(guests >= 1500);
    }

    void csvFieldsAreQuotedAndFormulasDisarmed()
    {
        const QChar d = QLatin1Char(';');
        QCOMPARE(csvField(QStringLiteral("Иванова"), d), QStringLiteral("Иванова"));
        QCOMPARE(csvField(QStringLiteral("a;b"), d), QStringLiteral("\"a;b\""));
        QCOMPARE(csvField(QStringLiteral("say \"hi\""), d), QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(csvField(QStringLiteral("two\nlines"), d), QStringLiteral("\"two\nlines\""));
        QCOMPARE(csvField(QStringLiteral("=HYPERLINK(\"x\")"), d),
                 QStringLiteral("\"'=HYPERLINK(\"\"x\"\")\""));
        QCOMPARE(csvField(QStringLiteral("+cmd|' /C calc'!A0"), d), QStringLiteral("'+cmd|' /C calc'!A0"));
        QCOMPARE(csvField(QStringLiteral("@SUM(A1)"), d), QStringLiteral("'@SUM(A1)"));
        QCOMPARE(csvField(QStringLiteral("+7 916 123-45-67"), d), QStringLiteral("+7 916 123-45-67"));
        QCOMPARE(csvField(QStringLiteral("-5,50"), d), QStringLiteral("-5,50"));
        QCOMPARE(csvLine({QStringLiteral("a"), QString(), QStringLiteral("c")}, d),
                 QStringLiteral("a;;c\r\n"));
    }

    void theWholeBaseToCsv()
    {
        GuestExportSource source(storage::GuestList(t.db), {});
        qint64 lastDone = -1;
        auto rows = exportList(source, path(QStringLiteral("guests.csv")), ExportFormat::Csv,
                               [&](qint64 done, qint64 total) {
                                   lastDone = done;
                                   return total == guests;
                               });
        QVERIFY2(rows.ok(), rows.ok() ? "" : qPrintable(rows.error().message));
        QCOMPARE(rows.value(), guests);
        QCOMPARE(lastDone, guests);
        QFile file(path(QStringLiteral("guests.csv")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        CsvReader reader(bytes);
        QCOMPARE(reader.delimiter(), QLatin1Char(';'));
        CsvRow row;
        QVERIFY(reader.next(row));
        QCOMPARE(row.fields, source.headers());
        qint64 n = 0;
        QString previous;
        const auto first = storage::GuestList(t.db).rowsFrom(std::nullopt, 1).value().first();
        while (reader.next(row)) {
            if (n == 0)
                QCOMPARE(row.fields.first(), first.displayName);
            QCOMPARE(row.fields.size(), 5);
            ++n;
        }
        QVERIFY(!reader.error());
        QCOMPARE(n, guests); // no row lost or repeated at the 1,000-row page joins
        QVERIFY(!QFile::exists(path(QStringLiteral("guests.csv.part"))));
    }

    // The consents' columns: each guest's current answer per channel, read a page at a time;
    // guests in different pages of 1,000 rows keep their own answers.
    void consentsInTheExport()
    {
        FixedClock clock{QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC)};
        const auto all = storage::GuestList(t.db).rowsFrom(std::nullopt, 1400).value();
        const Id early = all.at(3).id, late = all.at(1300).id; // the first page and the second
        storage::ConsentRepository consents(t.db, clock);
        const auto record = [&](const Id &guest, ConsentChannel channel, bool given, int minutes) {
            QVERIFY(consents
                        .add(Consent{newId(), guest, channel, given, clock.now().addSecs(60 * minutes),
                                     ConsentMethod::RecordedCall, Id(), QString()})
                        .ok());
        };
        record(early, ConsentChannel::Sms, true, 0);
        record(early, ConsentChannel::Sms, false, 5); // withdrawn later: «нет»
        record(early, ConsentChannel::Email, true, 0);
        record(late, ConsentChannel::Calls, true, 0);
        GuestExportSource source(storage::GuestList(t.db), {}, consents);
        QCOMPARE(source.headers().size(), 9);
        auto rows = exportList(source, path(QStringLiteral("consents.csv")), ExportFormat::Csv);
        QVERIFY2(rows.ok(), rows.ok() ? "" : qPrintable(rows.error().message));
        QFile file(path(QStringLiteral("consents.csv")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        CsvReader reader(file.readAll());
        CsvRow row;
        QVERIFY(reader.next(row)); // the header
        QList<QStringList> lines;
        while (reader.next(row))
            lines.append(row.fields);
        QCOMPARE(lines.size(), int(guests));
        // Channels in the card's order: SMS, e-mail, calls, ads.
        QCOMPARE(lines.at(3).mid(5),
                 (QStringList{QStringLiteral("no"), QStringLiteral("yes"), QString(), QString()}));
        QCOMPARE(lines.at(1300).mid(5),
                 (QStringList{QString(), QString(), QStringLiteral("yes"), QString()}));
        QCOMPARE(lines.at(4).mid(5), (QStringList{QString(), QString(), QString(), QString()}));
    }

    void theWholeBaseToXlsx()
    {
        GuestExportSource source(storage::GuestList(t.db), {});
        auto rows = exportList(source, path(QStringLiteral("guests.xlsx")), ExportFormat::Xlsx);
        QVERIFY2(rows.ok(), rows.ok() ? "" : qPrintable(rows.error().message));
        const QStringList out = readXlsx(path(QStringLiteral("guests.xlsx")));
        QCOMPARE(out.size(), 2);
        const QStringList facts = out.at(0).split(QLatin1Char('\t'));
        QCOMPARE(facts.value(0).toLongLong(), guests + 1);
        QCOMPARE(facts.value(1), QStringLiteral("5"));
        QCOMPARE(facts.value(2), QStringLiteral("True"));                   // bold header
        QCOMPARE(facts.value(3), QStringLiteral("A2"));                     // frozen under the header
        QCOMPARE(facts.value(4), QStringLiteral("A1:E%1").arg(guests + 1)); // a filter over all
        QCOMPARE(facts.value(5), QStringLiteral("s"));                      // a phone stays text
        const QStringList values = out.at(1).split(QLatin1Char('\t'));
        QCOMPARE(values.value(0), source.headers().first());
        QCOMPARE(values.value(1),
                 storage::GuestList(t.db).rowsFrom(std::nullopt, 1).value().first().displayName);
        QVERIFY2(values.value(2).startsWith(QLatin1String("+7")), qPrintable(values.value(2)));
    }

    void aModelAsShown()
    {
        QStringListModel model({QStringLiteral("первая"), QStringLiteral("=1+1"), QStringLiteral("третья")});
        ModelExportSource source(model);
        QCOMPARE(exportList(source, path(QStringLiteral("model.csv")), ExportFormat::Csv).value(), 3);
        QFile file(path(QStringLiteral("model.csv")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(),
                 QByteArray("\xEF\xBB\xBF") + (model.headerData(0, Qt::Horizontal).toString() +
                                               QStringLiteral("\r\nпервая\r\n'=1+1\r\nтретья\r\n"))
                                                  .toUtf8());
        ModelExportSource again(model);
        QCOMPARE(exportList(again, path(QStringLiteral("model.xlsx")), ExportFormat::Xlsx).value(), 3);
        const QStringList out = readXlsx(path(QStringLiteral("model.xlsx")));
        QCOMPARE(out.value(1).split(QLatin1Char('\t')).value(1), QStringLiteral("первая"));
    }

    void failuresLeaveNoFile()
    {
        // Cancelled at the first progress call.
        GuestExportSource source(storage::GuestList(t.db), {});
        const QString cancelled = path(QStringLiteral("cancelled.xlsx"));
        auto rows = exportList(source, cancelled, ExportFormat::Xlsx, [](qint64, qint64) { return false; });
        QCOMPARE(rows.error().code, QStringLiteral("export.cancelled"));
        QVERIFY(!QFile::exists(cancelled));
        QVERIFY(!QFile::exists(cancelled + QStringLiteral(".part")));

        // The source fails half-way: an earlier export of the same name stays as it was.
        const QString kept = path(QStringLiteral("guests.csv"));
        const qint64 before = QFileInfo(kept).size();
        FailingSource failing(5000, 2500);
        QCOMPARE(exportList(failing, kept, ExportFormat::Csv).error().code, QStringLiteral("storage.failed"));
        QCOMPARE(QFileInfo(kept).size(), before);
        QVERIFY(!QFile::exists(kept + QStringLiteral(".part")));

        FailingSource huge(kXlsxMaxDataRows + 1);
        QCOMPARE(exportList(huge, path(QStringLiteral("huge.xlsx")), ExportFormat::Xlsx).error().code,
                 QStringLiteral("export.too_many_rows"));
        QVERIFY(!QFile::exists(path(QStringLiteral("huge.xlsx"))));

        FailingSource fine(5000);
        QCOMPARE(exportList(fine, path(QStringLiteral("no/such/folder.csv")), ExportFormat::Csv).error().code,
                 QStringLiteral("export.write"));
        FailingSource fine2(5000);
        QCOMPARE(
            exportList(fine2, path(QStringLiteral("no/such/folder.xlsx")), ExportFormat::Xlsx).error().code,
            QStringLiteral("export.write"));
        QCOMPARE(exportFormatForPath(QStringLiteral("a.XLSX")), ExportFormat::Xlsx);
        QCOMPARE(exportFormatForPath(QStringLiteral("a.csv")), ExportFormat::Csv);
    }
};

QTEST_GUILESS_MAIN(TestListExport)
#include "tst_listexport.moc"
