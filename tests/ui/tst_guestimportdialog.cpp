// The guest import dialog under Xvfb, in Russian: the columns guessed from a Bitrix24 header, the
// preview's checks following the user's mapping, the import and its report of rows left out; an
// amoCRM export (tests/data/import) with a guest already in the base and managers who are no users:
// the preview names the guest, the managers are mapped, the card is completed (issue 21).
#include "clippedtexts.h"
#include "kasp/crm/guestservice.h"
#include "kasp/crm/ui/guestimportdialog.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/storage/userrepository.h"
#include "kasp/testsupport/testdb.h"
#include "translations.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>

using namespace kasp;
using crm::ImportField;

class TestGuestImportDialog : public QObject
{
    Q_OBJECT
    test::TestDatabase t;
    SystemClock clock;

    void shoot(QWidget *w, const QString &name)
    {
        if (!qEnvironmentVariableIsEmpty("KASP_SCREENSHOT_DIR"))
            w->grab().save(qEnvironmentVariable("KASP_SCREENSHOT_DIR") + QLatin1Char('/') + name);
    }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QVERIFY(app::installTranslations(QStringLiteral("ru")));
        t = test::TestDatabase::create(QStringLiteral("import"));
    }

    void mapsPreviewsAndImports()
    {
        const QByteArray file =
            QStringLiteral("ID;Имя;Фамилия;Мобильный телефон;Рабочий e-mail;Комментарий\r\n"
                           "1;Мария;Иванова;8 916 111-22-33;maria@mail.ru;звонила в мае\r\n"
                           "2;Олег;Смирнов;12345;;\r\n"
                           "3;Анна;Кузнецова;+7 926 555-44-33;anna@;\r\n"
                           "4;Вера;Новикова;+7 903 000-00-01;;\r\n")
                .toUtf8();
        crm::GuestService service(t.db, clock);
        crm::GuestImporter importer = service.importer();
        crm::ui::GuestImportDialog dialog(importer, file, QStringLiteral("bitrix.csv"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.mapping(),
                 (QList<ImportField>{ImportField::Ignore, ImportField::FirstName, ImportField::LastName,
                                     ImportField::Phone, ImportField::Email, ImportField::Comment}));
        auto *preview = dialog.findChild<QTableWidget *>(QStringLiteral("importPreview"));
        const int check = 0; // the check column comes first
        QVERIFY(preview->item(1, check)->text().contains(QStringLiteral("Иванова")));
        QVERIFY2(preview->item(2, check)->text().contains(QLatin1String("12345")),
                 qPrintable(preview->item(2, check)->text()));
        QVERIFY(preview->item(3, check)->text().contains(QLatin1String("anna@")));
        shoot(&dialog, QStringLiteral("import-preview.png"));
        QStringList clipped = test::clippedTexts(&dialog);
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral(" | "))));

        // The e-mail column skipped: Кузнецова's row becomes fine in the preview.
        dialog.setMapping(4, ImportField::Ignore);
        QVERIFY(preview->item(3, check)->text().contains(QStringLiteral("Кузнецова")));

        QSignalSpy imported(&dialog, &crm::ui::GuestImportDialog::imported);
        dialog.startImport();
        QCOMPARE(dialog.report().imported, 3);
        QCOMPARE(imported.size(), 1);
        QCOMPARE(imported.first().first().toInt(), 3);
        auto *problems = dialog.findChild<QTableWidget *>(QStringLiteral("importProblems"));
        QCOMPARE(problems->rowCount(), 1);
        QCOMPARE(problems->item(0, 0)->text(), QStringLiteral("3"));
        auto *result = dialog.findChild<QLabel *>(QStringLiteral("importResult"));
        QVERIFY2(result->text().contains(QStringLiteral("Импортировано 3 из 4")), qPrintable(result->text()));
        QCOMPARE(service.guestCount().value(), 3);
        QVERIFY(service.search(QStringLiteral("Кузнецова"), 5).value().size() == 1);
        shoot(&dialog, QStringLiteral("import-report.png"));
        clipped = test::clippedTexts(&dialog);
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral(" | "))));
    }

    void amoCrmManagersMappedAndACardCompleted()
    {
        test::TestDatabase amo = test::TestDatabase::create(QStringLiteral("amo"));
        const User orlova{newId(), QStringLiteral("orlova"), QStringLiteral("Орлова Марина Викторовна"),
                          Role::Consultant};
        QVERIFY(storage::UserRepository(amo.db, clock).create(orlova).ok());
        Guest gromova;
        gromova.id = newId();
        gromova.lastName = QStringLiteral("Громова");
        gromova.firstName = QStringLiteral("Алла");
        gromova.phones = {Phone::parse(QStringLiteral("+79167000001")).value()};
        gromova.createdAt = gromova.updatedAt = clock.now();
        QVERIFY(storage::GuestRepository(amo.db, clock).create(gromova).ok());
        QFile file(test::sourceDir() + QStringLiteral("/tests/data/import/amocrm_contacts.csv"));
        QVERIFY(file.open(QIODevice::ReadOnly));

        crm::GuestService service(amo.db, clock);
        crm::GuestImporter importer = service.importer();
        crm::ui::GuestImportDialog dialog(importer, file.readAll(), QStringLiteral("amocrm_contacts.csv"));
        dialog.resize(1100, 640);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.mapping().value(1), ImportField::FullName); // «Наименование»
        // The old CRM's managers who are no users: listed, each to a user or to no manager; «Орлова
        // Марина» of the file is offered as the user «Орлова Марина Викторовна».
        QCOMPARE(dialog.unknownManagers(),
                 (QStringList{QStringLiteral("Светлана Кравец"), QStringLiteral("Петров Игорь"),
                              QStringLiteral("Орлова Марина")}));
        auto *managers = dialog.findChild<QTableWidget *>(QStringLiteral("importManagers"));
        QVERIFY(managers->isVisible());
        QCOMPARE(managers->rowCount(), 3);
        auto *kravets = qobject_cast<QComboBox *>(managers->cellWidget(0, 1));
        QCOMPARE(kravets->currentText(), QStringLiteral("без менеджера"));
        QCOMPARE(kravets->count(), 2); // no manager, Орлова
        QCOMPARE(qobject_cast<QComboBox *>(managers->cellWidget(2, 1))->currentText(), orlova.displayName);
        auto *preview = dialog.findChild<QTableWidget *>(QStringLiteral("importPreview"));
        const int check = 0; // the check column comes first
        // The guest of the base is named, and the row is not «ок».
        QCOMPARE(preview->item(1, check)->text(),
                 QStringLiteral("Уже в базе: телефон +7 916 700-00-01 принадлежит гостю Громова Алла"));
        QVERIFY(preview->item(2, check)->text().startsWith(QStringLiteral("ок: Дёмина Ксения")));
        QVERIFY(preview->item(5, check)->text().contains(QStringLiteral("строке 3")));

        dialog.setUpdateExisting(true);
        QCOMPARE(preview->item(1, check)->text(),
                 QStringLiteral("дополнит карточку: Громова Алла Сергеевна"));
        kravets->setCurrentIndex(1); // Светлана Кравец's guests go to Орлова
        shoot(&dialog, QStringLiteral("import-amocrm-preview.png"));
        QStringList clipped = test::clippedTexts(&dialog);
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral(" | "))));

        dialog.startImport();
        QCOMPARE(dialog.report().imported, 3);
        QCOMPARE(dialog.report().updated, 1);
        auto *result = dialog.findChild<QLabel *>(QStringLiteral("importResult"));
        QVERIFY2(result->text().contains(QStringLiteral("новых гостей — 3, дополнено карточек — 1")),
                 qPrintable(result->text()));
        const auto demina = service.search(QStringLiteral("Дёмина Ксения"), 2).value();
        QCOMPARE(demina.size(), 1);
        QCOMPARE(demina.first().managerId, orlova.id);
        QCOMPARE(service.search(QStringLiteral("Сорокина Вера"), 1).value().first().managerId, orlova.id);
        const Guest completed = service.card(gromova.id).value().guest;
        QCOMPARE(completed.middleName, QStringLiteral("Сергеевна"));
        QCOMPARE(completed.managerId, orlova.id);
        QCOMPARE(completed.emails, QStringList{QStringLiteral("alla.gromova@mail.ru")});
        QVERIFY(service.card(service.search(QStringLiteral("Лаптев"), 1).value().first().id)
                    .value()
                    .guest.managerId.isNull()); // Петров Игорь: no manager
        shoot(&dialog, QStringLiteral("import-amocrm-report.png"));
        clipped = test::clippedTexts(&dialog);
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral(" | "))));
        amo.close();
    }

    void cleanupTestCase() { t.close(); }
};

QTEST_MAIN(TestGuestImportDialog)
#include "tst_guestimportdialog.moc"
