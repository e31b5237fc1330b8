// The guest import dialog under Xvfb, in Russian: the columns guessed from a Bitrix24 header, the
// preview's checks following the user's mapping, the import and its report of rows left out.
#include "clippedtexts.h"
#include "kasp/crm/guestservice.h"
#include "kasp/crm/ui/guestimportdialog.h"
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
        const int check = preview->columnCount() - 1;
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

    void cleanupTestCase() { t.close(); }
};

QTEST_MAIN(TestGuestImportDialog)
#include "tst_guestimportdialog.moc"
