// A move from amoCRM through the real importer on an encrypted database (issue 21), with the
// export file of tests/data/import (CSV, and the same rows as an .xlsx written by openpyxl):
// «Наименование» is the full name; a guest already in the base is named in the report, and the
// preview says the same as the import; "complete the card" fills empty fields and adds phones,
// e-mails and tags without overwriting; managers of the old CRM who are no users are listed and
// mapped to a user or to no manager instead of refusing their rows.
#include "kasp/core/csv.h"
#include "kasp/crm/guestimport.h"
#include "kasp/crm/guestservice.h"
#include "kasp/spreadsheet/xlsxreader.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/storage/userrepository.h"
#include "kasp/testsupport/testdb.h"
#include "kasp/testsupport/testenv.h"

#include <QProcess>
#include <QtTest>

using namespace kasp;
using crm::ImportDuplicates;
using crm::ImportField;
using crm::ImportRowCheck;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QList<CsvRow> rowsOf(const QByteArray &text)
{
    CsvReader reader(text);
    QList<CsvRow> rows;
    CsvRow row;
    reader.next(row); // the header
    while (reader.next(row))
        rows.append(row);
    return rows;
}

} // namespace

class TestImportFromCrm : public QObject
{
    Q_OBJECT
    FixedClock clock{QDateTime(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC)};
    QByteArray csv;
    QList<ImportField> mapping;

    struct Base
    {
        test::TestDatabase t;
        Id gromova;
        User orlova;
    };
    // A base with its users and one guest of the file already in it, with less than the file has.
    Base makeBase(const QString &name)
    {
        Base b;
        b.t = test::TestDatabase::create(name);
        b.orlova = User{newId(), QStringLiteral("orlova"), QStringLiteral("Орлова Марина"), Role::Consultant};
        storage::UserRepository users(b.t.db, clock);
        [&] { QVERIFY(users.create(b.orlova).ok()); }();
        Guest g;
        g.id = b.gromova = newId();
        g.lastName = QStringLiteral("Громова");
        g.firstName = QStringLiteral("Алла");
        g.phones = {Phone::parse(QStringLiteral("+79167000001")).value()};
        g.tags = {QStringLiteral("постоянный")};
        g.createdAt = g.updatedAt = clock.now().addDays(-400);
        [&] { QVERIFY(storage::GuestRepository(b.t.db, clock).create(g).ok()); }();
        return b;
    }
    crm::GuestImporter importerFor(const Base &b)
    {
        crm::GuestImporter importer(b.t.db, clock);
        importer.setUsers(storage::UserRepository(b.t.db, clock).all().value());
        return importer;
    }
    Guest guest(const Base &b, const Id &id)
    {
        return crm::GuestService(b.t.db, clock).card(id).value().guest;
    }
    Id found(const Base &b, const QString &name)
    {
        const auto hits = crm::GuestService(b.t.db, clock).search(name, 2).value();
        return hits.size() == 1 ? hits.first().id : Id();
    }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        csv = readFile(test::sourceDir() + QStringLiteral("/tests/data/import/amocrm_contacts.csv"));
        QVERIFY(!csv.isEmpty());
        CsvReader reader(csv);
        CsvRow header;
        QVERIFY(reader.next(header));
        mapping = crm::guessImportMapping(header.fields);
    }

    void naimenovanieIsTheFullName()
    {
        QCOMPARE(mapping, (QList<ImportField>{ImportField::Ignore, ImportField::FullName,
                                              ImportField::Manager, ImportField::CreatedAt,
                                              ImportField::Ignore, ImportField::Tags, ImportField::Phone,
                                              ImportField::Phone, ImportField::Email, ImportField::Comment}));
        QCOMPARE(crm::guessImportMapping({QStringLiteral("НАИМЕНОВАНИЕ"), QStringLiteral("Название")}),
                 (QList<ImportField>{ImportField::FullName, ImportField::FullName}));
    }

    // Before: «Уже в базе: телефон … принадлежит гостю» named nobody, and the preview said «ок».
    void aGuestOfTheBaseIsNamedAndThePreviewAgrees()
    {
        Base b = makeBase(QStringLiteral("amo-skip"));
        crm::GuestImporter importer = importerFor(b);
        importer.mapManager(QStringLiteral("Светлана Кравец"), Id());
        importer.mapManager(QStringLiteral("Петров Игорь"), Id());
        const auto preview = importer.preview(rowsOf(csv), mapping);
        QVERIFY(preview.ok());
        QCOMPARE(preview->size(), 5);
        QCOMPARE(preview->at(0).verdict, ImportRowCheck::Problem);
        QVERIFY2(preview->at(0).text.contains(QStringLiteral("Громова Алла")),
                 qPrintable(preview->at(0).text));
        QVERIFY(preview->at(0).text.contains(QStringLiteral("+7 916 700-00-01")));
        QCOMPARE(preview->at(1).verdict, ImportRowCheck::New);
        QCOMPARE(preview->at(4).verdict, ImportRowCheck::Problem); // line 3's phone again
        QVERIFY2(preview->at(4).text.contains(QLatin1String("3")), qPrintable(preview->at(4).text));

        CsvReader reader(csv);
        auto report = importer.run(reader, mapping);
        QVERIFY(report.ok());
        QCOMPARE(report->imported, 3);
        QCOMPARE(report->updated, 0);
        QCOMPARE(report->problems.size(), 2);
        // The import's reasons are the preview's.
        QCOMPARE(report->problems.at(0).line, 2);
        QCOMPARE(report->problems.at(0).reason, preview->at(0).text);
        QCOMPARE(report->problems.at(1).line, 6);
        QCOMPARE(report->problems.at(1).reason, preview->at(4).text);
        QCOMPARE(guest(b, b.gromova).emails, QStringList()); // left as it was
    }

    // Managers of the old CRM: listed once each, in file order; unmapped they still refuse their
    // rows (a caller that asked nothing), mapped they go to that user or to nobody.
    void unknownManagersAreListedAndMapped()
    {
        Base b = makeBase(QStringLiteral("amo-managers"));
        crm::GuestImporter importer = importerFor(b);
        CsvReader names(csv);
        QCOMPARE(importer.unknownManagers(names, mapping),
                 (QStringList{QStringLiteral("Светлана Кравец"), QStringLiteral("Петров Игорь")}));
        QCOMPARE(importer.preview(rowsOf(csv), mapping)->at(1).verdict, ImportRowCheck::Problem);

        importer.mapManager(QStringLiteral("светлана кравец"), Id()); // no manager
        importer.mapManager(QStringLiteral("Петров Игорь"), b.orlova.id);
        CsvReader reader(csv);
        auto report = importer.run(reader, mapping);
        QVERIFY(report.ok());
        QCOMPARE(report->imported, 3);
        const Guest demina = guest(b, found(b, QStringLiteral("Дёмина Ксения")));
        QVERIFY(demina.managerId.isNull());
        QCOMPARE(demina.createdAt.toLocalTime().date(), QDate(2023, 4, 2));
        const Guest laptev = guest(b, found(b, QStringLiteral("Лаптев Игорь")));
        QCOMPARE(laptev.managerId, b.orlova.id);
        QCOMPARE(laptev.middleName, QStringLiteral("Николаевич"));
        QCOMPARE(laptev.phones.size(), 2);
        QCOMPARE(guest(b, found(b, QStringLiteral("Сорокина Вера"))).managerId, b.orlova.id); // a known user
    }

    // «Дополнить карточку»: the guest of the base gets what it lacked; nothing is overwritten; the
    // second run finds nothing new.
    void completingTheExistingCard()
    {
        Base b = makeBase(QStringLiteral("amo-update"));
        crm::GuestImporter importer = importerFor(b);
        importer.setDuplicates(ImportDuplicates::Update);
        importer.mapManager(QStringLiteral("Светлана Кравец"), b.orlova.id);
        importer.mapManager(QStringLiteral("Петров Игорь"), Id());
        const auto preview = importer.preview(rowsOf(csv), mapping);
        QCOMPARE(preview->at(0).verdict, ImportRowCheck::Update);
        QVERIFY(preview->at(0).text.contains(QStringLiteral("Громова Алла")));
        CsvReader reader(csv);
        auto report = importer.run(reader, mapping);
        QVERIFY(report.ok());
        QCOMPARE(report->imported, 3);
        QCOMPARE(report->updated, 1);
        QCOMPARE(report->problems.size(), 1); // the repeated phone
        const Guest g = guest(b, b.gromova);
        QCOMPARE(g.lastName, QStringLiteral("Громова"));
        QCOMPARE(g.middleName, QStringLiteral("Сергеевна"));
        QCOMPARE(g.emails, QStringList{QStringLiteral("alla.gromova@mail.ru")});
        QCOMPARE(g.tags, (QStringList{QStringLiteral("vip"), QStringLiteral("кардио"),
                                      QStringLiteral("постоянный")}));
        QCOMPARE(g.phones.size(), 1);
        QCOMPARE(g.managerId, b.orlova.id);
        QCOMPARE(g.createdAt, clock.now().addDays(-400)); // the base's card keeps its own history
        const auto card = crm::GuestService(b.t.db, clock).card(b.gromova).value();
        QCOMPARE(card.touches.size(), 1);
        QCOMPARE(card.touches.first().note, QStringLiteral("Просила люкс на март"));
        QCOMPARE(crm::GuestService(b.t.db, clock).guestCount().value(), 4);

        CsvReader again(csv);
        auto second = importer.run(again, mapping);
        QVERIFY(second.ok());
        QCOMPARE(second->imported, 0);
        QCOMPARE(second->updated, 0);
        QCOMPARE(second->unchanged, 4);
        QCOMPARE(crm::GuestService(b.t.db, clock).guestCount().value(), 4);
    }

    // The same rows as an .xlsx (openpyxl), through the reader the window uses: the same outcome.
    void theSameExportAsAWorkbook()
    {
        const QString dir = test::makeTempDir(QStringLiteral("amo"));
        const QString xlsx = dir + QStringLiteral("/amocrm_contacts.xlsx");
        QProcess py;
        py.start(
            QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"),
             QStringLiteral("import sys, csv, openpyxl\n"
                            "wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'Контакты'\n"
                            "for row in csv.reader(open(sys.argv[1], encoding='utf-8'), delimiter=';'):\n"
                            "    ws.append(row)\n"
                            "wb.save(sys.argv[2])\n"),
             test::sourceDir() + QStringLiteral("/tests/data/import/amocrm_contacts.csv"), xlsx});
        QVERIFY(py.waitForFinished(60'000) && py.exitCode() == 0);
        auto text = spreadsheet::importableText(readFile(xlsx));
        QVERIFY(text.ok());
        Base b = makeBase(QStringLiteral("amo-xlsx"));
        crm::GuestImporter importer = importerFor(b);
        CsvReader header(text.value());
        CsvRow first;
        QVERIFY(header.next(first));
        QCOMPARE(crm::guessImportMapping(first.fields), mapping);
        CsvReader names(text.value());
        QCOMPARE(importer.unknownManagers(names, mapping).size(), 2);
        importer.mapManager(QStringLiteral("Светлана Кравец"), Id());
        importer.mapManager(QStringLiteral("Петров Игорь"), Id());
        importer.setDuplicates(ImportDuplicates::Update);
        CsvReader reader(text.value());
        auto report = importer.run(reader, mapping);
        QVERIFY(report.ok());
        QCOMPARE(report->imported, 3);
        QCOMPARE(report->updated, 1);
        QCOMPARE(guest(b, b.gromova).emails, QStringList{QStringLiteral("alla.gromova@mail.ru")});
    }
};

QTEST_GUILESS_MAIN(TestImportFromCrm)
#include "tst_importfromcrm.moc"
