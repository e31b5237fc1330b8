// Importing guests from CRM exports on a real encrypted database: the CSV dialects (quotes, line
// breaks in fields, ';' or ',', UTF-8 or Windows-1251), the column guess for amoCRM and Bitrix24
// headers, bad rows listed and left out, duplicates, cancel and broken files leaving nothing.
#include "kasp/core/csv.h"
#include "kasp/crm/guestimport.h"
#include "kasp/crm/guestservice.h"
#include "kasp/storage/outbox.h"
#include "kasp/testsupport/testdb.h"

#include <QStringEncoder>
#include <QtTest>

using namespace kasp;
using crm::ImportField;

namespace {

QList<CsvRow> readAll(CsvReader &reader)
{
    QList<CsvRow> rows;
    CsvRow row;
    while (reader.next(row))
        rows.append(row);
    return rows;
}

const char *const kBitrix =
    "\xEF\xBB\xBF"
    "ID;Имя;Отчество;Фамилия;Дата рождения;Мобильный телефон;Рабочий e-mail;"
    "Ответственный;Теги\r\n"
    "1;Мария;Петровна;Иванова;12.03.1961;8 (916) 111-22-33;maria@mail.ru;Орлова Марина;"
    "кардио, VIP\r\n"
    "2;Олег;;Смирнов;;+7 926 555 44 33, 8-926-555-44-34;;;\r\n"
    "3;Анна;;Кузнецова;;12345;;;\r\n"                                // line 4: bad phone
    "4;Ирина;;Петрова;;;irina@;;\r\n"                                // line 5: bad e-mail
    "5;Пётр;;Сидоров;;+7 903 000-00-01;;Неизвестный Менеджер;\r\n"   // line 6
    "\r\n"                                                           // line 7: blank
    "6;Ольга;;Смирнова;;8 926 555 44 33;;;\r\n"                      // line 8: same phone as 3
    "7;\"Елена\";;\"Д'Артаньян \"\"младшая\"\"\";31.02.1980;;;;\r\n" // line 9: bad date
    "8;Вера;;Новикова;1980-05-06;;vera@example.org;;\r\n";

} // namespace

class TestGuestImport : public QObject
{
    Q_OBJECT
    test::TestDatabase t;
    FixedClock clock{QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC)};
    Id orlova;

    crm::GuestImporter importer()
    {
        crm::GuestImporter i(t.db, clock);
        i.setManagers({{QStringLiteral("орлова марина"), orlova}});
        return i;
    }
    // The sample file with the columns guessed from its own header.
    Result<crm::ImportReport> importBitrix()
    {
        CsvReader peek{QByteArray(kBitrix)};
        CsvRow header;
        peek.next(header);
        CsvReader reader{QByteArray(kBitrix)};
        return importer().run(reader, crm::guessImportMapping(header.fields));
    }
    qint64 guestCount() { return crm::GuestService(t.db, clock).guestCount().value(); }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        t = test::TestDatabase::create();
        orlova = newId();
    }

    void readsQuotesLineBreaksAndDelimiters()
    {
        CsvReader semicolons(QByteArray("a;\"b;c\";\"say \"\"hi\"\"\"\r\n1;\"two\nlines\";3\n\n4;5;6"));
        QCOMPARE(semicolons.delimiter(), QLatin1Char(';'));
        const auto rows = readAll(semicolons);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].fields, (QStringList{"a", "b;c", "say \"hi\""}));
        QCOMPARE(rows[1].fields, (QStringList{"1", "two\nlines", "3"}));
        QCOMPARE(rows[1].line, 2);
        QCOMPARE(rows[2].line, 5); // the field's line break and the blank line are counted
        CsvReader commas(QByteArray("name,phone\n\"Иванова, Мария\",+79161112233\n"));
        QCOMPARE(commas.delimiter(), QLatin1Char(','));
        QCOMPARE(readAll(commas).at(1).fields.first(), QStringLiteral("Иванова, Мария"));
        CsvReader tabs(QByteArray("a\tb\n1\t2\n"));
        QCOMPARE(tabs.delimiter(), QLatin1Char('\t'));
    }

    void readsWindows1251()
    {
        QStringEncoder cp1251("windows-1251");
        QVERIFY(cp1251.isValid());
        const QByteArray bytes = cp1251.encode(QStringLiteral("Фамилия;Телефон\nЁлкина;89161112233\n"));
        CsvReader reader(bytes);
        QCOMPARE(reader.encoding(), QStringLiteral("windows-1251"));
        const auto rows = readAll(reader);
        QCOMPARE(rows.at(1).fields.first(), QStringLiteral("Ёлкина"));
        CsvReader utf8(QByteArray("\xEF\xBB\xBF") + QStringLiteral("Фамилия\nЁлкина\n").toUtf8());
        QCOMPARE(utf8.encoding(), QStringLiteral("UTF-8"));
        QCOMPARE(readAll(utf8).at(0).fields.first(), QStringLiteral("Фамилия")); // the BOM is gone
    }

    void anUnclosedQuoteIsAnError()
    {
        CsvReader reader(QByteArray("a;b\n1;2\n3;\"never closed\n4;5\n"));
        CsvRow row;
        QVERIFY(reader.next(row) && reader.next(row));
        QVERIFY(!reader.next(row));
        QVERIFY(reader.error());
        QCOMPARE(reader.error()->code, QStringLiteral("csv.open_quote"));
        QVERIFY(reader.error()->message.contains(QLatin1String("3")));
    }

    void guessesBitrixAndAmoHeaders()
    {
        const QStringList bitrix{"ID",
                                 "Имя",
                                 "Отчество",
                                 "Фамилия",
                                 "Дата рождения",
                                 "Мобильный телефон",
                                 "Рабочий e-mail",
                                 "Ответственный",
                                 "Теги"};
        QCOMPARE(crm::guessImportMapping(bitrix),
                 (QList<ImportField>{ImportField::Ignore, ImportField::FirstName, ImportField::MiddleName,
                                     ImportField::LastName, ImportField::BirthDate, ImportField::Phone,
                                     ImportField::Email, ImportField::Manager, ImportField::Tags}));
        const QStringList amo{"ID",           "Полное имя", "Рабочий телефон", "Мобильный телефон",
                              "Личный email", "Теги",       "Ответственный",   "Дата создания"};
        QCOMPARE(
            crm::guessImportMapping(amo),
            (QList<ImportField>{ImportField::Ignore, ImportField::FullName, ImportField::Phone,
                                ImportField::Phone, ImportField::Email, ImportField::Tags,
                                ImportField::Manager, ImportField::CreatedAt})); // history: the card's date
        // Bitrix24's English export: "Created by" is a person, not the card's date.
        QCOMPARE(crm::guessImportMapping(
                     {QStringLiteral("Created"), QStringLiteral("Created by"), QStringLiteral("Кем создан")}),
                 (QList<ImportField>{ImportField::CreatedAt, ImportField::Ignore, ImportField::Ignore}));
    }

    void goodRowsGoInBadOnesAreListed()
    {
        const qint64 before = guestCount();
        auto report = importBitrix();
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
        QCOMPARE(report->rows, 8);
        QCOMPARE(report->imported, 3);
        QCOMPARE(guestCount(), before + 3);
        QList<int> lines;
        for (const auto &p : report->problems)
            lines.append(p.line);
        QCOMPARE(lines, (QList<int>{4, 5, 6, 8, 9}));
        QVERIFY(report->problems[0].reason.contains(QLatin1String("12345")));
        QVERIFY(report->problems[1].reason.contains(QLatin1String("irina@")));
        QVERIFY(report->problems[2].reason.contains(QStringLiteral("Неизвестный Менеджер")));
        QVERIFY2(report->problems[3].reason.contains(QLatin1String("3")),
                 qPrintable(report->problems[3].reason));
        QVERIFY(report->problems[4].text.contains(QStringLiteral("Д'Артаньян \"младшая\"")));

        crm::GuestService service(t.db, clock);
        const auto ivanova = service.search(QStringLiteral("Иванова Мария"), 5).value();
        QCOMPARE(ivanova.size(), 1);
        const Guest g = service.card(ivanova.first().id).value().guest;
        QCOMPARE(g.birthDate, QDate(1961, 3, 12));
        QCOMPARE(g.phones.first().e164(), QStringLiteral("+79161112233"));
        QCOMPARE(g.emails, QStringList{QStringLiteral("maria@mail.ru")});
        QCOMPARE(g.tags, (QStringList{QStringLiteral("vip"), QStringLiteral("кардио")}));
        QCOMPARE(g.managerId, orlova);
        const Guest smirnov =
            service.card(service.search(QStringLiteral("смирнов олег"), 1).value().first().id).value().guest;
        QCOMPARE(smirnov.phones.size(), 2);
        // Each imported guest is a guest.create waiting to be pushed.
        QVERIFY(storage::Outbox(t.db).pendingCount().value() >= 3);

        QVERIFY(report->problemsCsv().startsWith("\xEF\xBB\xBF")); // a BOM: Excel reads it as UTF-8
        const QString csv = QString::fromUtf8(report->problemsCsv());
        QVERIFY(csv.contains(QStringLiteral("\r\n4;")));
    }

    void importingTheSameFileAgainChangesNothing()
    {
        const qint64 before = guestCount();
        auto report = importBitrix();
        QVERIFY(report.ok());
        // Вера Новикова has no phone: nothing tells she is the same guest, so she comes in again.
        QCOMPARE(report->imported, 1);
        QCOMPARE(guestCount(), before + 1);
        int already = 0;
        for (const auto &p : report->problems)
            already += p.reason.contains(QLatin1String("Already"));
        QCOMPARE(already, 3); // Иванова, Смирнов, and Смирнова with his phone
    }

    // The guest's history comes along: the card's date in the other CRM, its comment as a note, and
    // the UTM columns (or a channel's name) as the first touch's source; a future date is refused.
    void historyComesAlong()
    {
        const QByteArray csv =
            QStringLiteral("Фамилия;Имя;Мобильный телефон;Дата создания;UTM Source;UTM Medium;"
                           "UTM Campaign;Комментарий\r\n"
                           "Историева;Нина;+7 916 808-00-01;14.05.2024 10:31:00;yandex;cpc;"
                           "leto-kislovodsk;Хочет люкс, диабет\r\n"
                           "Будущева;Ада;+7 916 808-00-02;01.01.2031;;;;\r\n")
                .toUtf8();
        CsvReader peek(csv);
        CsvRow header;
        QVERIFY(peek.next(header));
        const QList<crm::ImportField> mapping = crm::guessImportMapping(header.fields);
        QCOMPARE(mapping.value(3), crm::ImportField::CreatedAt);
        QCOMPARE(mapping.value(4), crm::ImportField::Source);
        QCOMPARE(mapping.value(7), crm::ImportField::Comment);
        CsvReader reader(csv);
        auto report = importer().run(reader, mapping);
        QVERIFY(report.ok());
        QCOMPARE(report->imported, 1);
        QCOMPARE(report->problems.size(), 1);
        QCOMPARE(report->problems.first().line, 3);

        crm::GuestService service(t.db, clock);
        const crm::GuestCard card =
            service.card(service.search(QStringLiteral("Историева"), 1).value().first().id).value();
        QCOMPARE(card.guest.createdAt.toLocalTime().date(), QDate(2024, 5, 14));
        QVERIFY(card.firstTouch.has_value());
        QCOMPARE(card.firstTouch->kind, TouchKind::WebRequest);
        QCOMPARE(utmSummary(card.firstTouch->source), QStringLiteral("yandex / cpc / leto-kislovodsk"));
        QCOMPARE(card.touches.size(), 2);
        QCOMPARE(card.touches.first().kind, TouchKind::Note); // newest first: the note follows the source
        QCOMPARE(card.touches.first().note, QStringLiteral("Хочет люкс, диабет"));

        // A channel's name in a "Источник" column is the source too.
        const QByteArray named =
            QStringLiteral("ФИО;Телефон;Источник\r\nКаналова Ольга;+7 916 808-00-03;Яндекс.Директ\r\n")
                .toUtf8();
        CsvReader namedReader(named);
        CsvReader namedPeek(named);
        QVERIFY(namedPeek.next(header));
        QVERIFY(importer().run(namedReader, crm::guessImportMapping(header.fields)).ok());
        const crm::GuestCard channel =
            service.card(service.search(QStringLiteral("Каналова"), 1).value().first().id).value();
        QCOMPARE(utmSummary(channel.firstTouch->source), QStringLiteral("Яндекс.Директ"));
    }

    // A consent column (amoCRM's «Согласие на рассылку», a spreadsheet's «Согласие на рекламу»):
    // yes or no on every channel, recorded as imported; anything else lists the row as bad.
    void consentComesAlong()
    {
        const QByteArray csv = QStringLiteral("Фамилия;Телефон;Согласие на рекламу;Комментарий\r\n"
                                              "Согласнова;+7 916 808-10-01;да;звонить после 18\r\n"
                                              "Отказова;+7 916 808-10-02;Нет;\r\n"
                                              "Молчанова;+7 916 808-10-03;;\r\n"
                                              "Путанова;+7 916 808-10-04;может быть;\r\n")
                                   .toUtf8();
        CsvReader peek(csv);
        CsvRow header;
        QVERIFY(peek.next(header));
        const QList<crm::ImportField> mapping = crm::guessImportMapping(header.fields);
        QCOMPARE(mapping.value(2), crm::ImportField::Consent);
        CsvReader reader(csv);
        auto report = importer().run(reader, mapping);
        QVERIFY(report.ok());
        QCOMPARE(report->imported, 3);
        QCOMPARE(report->problems.size(), 1);
        QCOMPARE(report->problems.first().line, 5);
        QVERIFY(report->problems.first().reason.contains(QStringLiteral("может быть")));

        crm::GuestService service(t.db, clock);
        const auto cardOf = [&](const char *name) {
            return service.card(service.search(QString::fromUtf8(name), 1).value().first().id).value();
        };
        const crm::GuestCard agreed = cardOf("Согласнова");
        QCOMPARE(agreed.touches.size(), 1); // the comment comes along beside the consent
        QCOMPARE(agreed.touches.first().note, QStringLiteral("звонить после 18"));
        const auto yes = currentConsents(agreed.consents);
        QCOMPARE(yes.size(), 4);
        for (ConsentChannel channel : consentChannels()) {
            QVERIFY(mayAdvertise(yes, channel));
            QCOMPARE(yes.value(channel).method, ConsentMethod::Import);
        }
        const auto no = currentConsents(cardOf("Отказова").consents);
        QCOMPARE(no.size(), 4);
        QVERIFY(!mayAdvertise(no, ConsentChannel::Sms));
        QVERIFY(!no.value(ConsentChannel::Calls).given);
        QVERIFY(cardOf("Молчанова").consents.isEmpty()); // never asked: no record at all
    }

    void cancelLeavesNothing()
    {
        QByteArray csv("Фамилия;Телефон\n");
        for (int i = 0; i < 1200; ++i)
            csv += QStringLiteral("Отменова%1;+7 977 %2\n").arg(i).arg(1000000 + i).toUtf8();
        const qint64 before = guestCount();
        CsvReader reader(csv);
        int calls = 0;
        auto report = importer().run(reader, {ImportField::LastName, ImportField::Phone},
                                     [&](qsizetype done, qsizetype total) {
                                         ++calls;
                                         return done < total / 2; // the user presses Cancel halfway
                                     });
        QVERIFY(report.ok());
        QVERIFY(report->cancelled);
        QVERIFY(calls >= 2);
        QCOMPARE(guestCount(), before);
        QVERIFY(crm::GuestService(t.db, clock).search(QStringLiteral("Отменова"), 5).value().isEmpty());
    }

    void aBrokenFileLeavesNothing()
    {
        const qint64 before = guestCount();
        CsvReader reader(QByteArray("Фамилия;Телефон\nЦелова;+7 977 000-11-22\nРазбитова;\"+7 977\n"));
        auto report = importer().run(reader, {ImportField::LastName, ImportField::Phone});
        QVERIFY(!report.ok());
        QCOMPARE(report.error().code, QStringLiteral("csv.open_quote"));
        QCOMPARE(guestCount(), before);
    }

    void cleanupTestCase() { t.close(); }
};

QTEST_GUILESS_MAIN(TestGuestImport)
#include "tst_guestimport.moc"
