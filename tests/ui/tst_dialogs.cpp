// The small dialogs of start-up, in Russian: sign-in and the passphrase asked when there is no
// keychain. Their rules, and Russian strings that fit. Also: the window layout is remembered and
// --lang en keeps the UI English.
#include "clippedtexts.h"
#include "kasp/session/settings.h"
#include "kasp/testsupport/testenv.h"
#include "passphrasedialog.h"
#include "signindialog.h"
#include "translations.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QtTest>

using namespace kasp;

namespace {

QList<User> staff()
{
    return {User{newId(), QStringLiteral("director"), QStringLiteral("Кравцов Николай Петрович"),
                 Role::Director, true},
            User{newId(), QStringLiteral("rop"), QStringLiteral("Белова Ирина Сергеевна"), Role::HeadOfSales,
                 true},
            User{newId(), QStringLiteral("anna"), QStringLiteral("Соколова Анна Викторовна"),
                 Role::Consultant, true},
            User{newId(), QStringLiteral("gone"), QStringLiteral("Уволенная Сотрудница"), Role::Consultant,
                 false}};
}
} // namespace

class TestDialogs : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QVERIFY(app::installTranslations(QStringLiteral("ru")));
    }

    void signInOffersActiveUsersAndRemembersTheLastOne()
    {
        app::SignInDialog dialog(staff(), QStringLiteral("rop"),
                                 [](const QString &, const QString &, app::SignInDialog::Answer) {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *combo = dialog.findChild<QComboBox *>();
        QVERIFY(combo);
        QCOMPARE(combo->count(), 3); // the inactive user is not offered
        QCOMPARE(dialog.selectedLogin(), QStringLiteral("rop"));
        QVERIFY(combo->currentText().contains(QStringLiteral("руководитель отдела продаж")));
        const QStringList clipped = test::clippedTexts(&dialog);
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral(" | "))));
    }

    void passphraseRulesForANewDatabase()
    {
        app::PassphraseDialog dialog(QStringLiteral("Системное хранилище паролей недоступно."), true);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const auto edits = dialog.findChildren<QLineEdit *>();
        QCOMPARE(edits.size(), 2);
        QCOMPARE(edits[0]->echoMode(), QLineEdit::Password);
        edits[0]->setText(QStringLiteral("короткая"));
        edits[1]->setText(QStringLiteral("другая фраза"));
        dialog.accept();
        QVERIFY(dialog.isVisible()); // differs: refused
        edits[0]->setText(QStringLiteral("кор"));
        edits[1]->setText(QStringLiteral("кор"));
        dialog.accept();
        QVERIFY(dialog.isVisible()); // too short: refused
        edits[0]->setText(QStringLiteral("море и сосны"));
        edits[1]->setText(QStringLiteral("море и сосны"));
        const QStringList clipped = test::clippedTexts(&dialog);
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral(" | "))));
        dialog.accept();
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.passphrase(), QStringLiteral("море и сосны"));
    }

    // The first-day walk: a database made through --passphrase-env with "secret" (6 characters)
    // could not be opened from the dialog, which asked for at least 8. Opening takes any length.
    void aShortPassphraseStillOpensItsDatabase()
    {
        app::PassphraseDialog dialog(QStringLiteral("Ключа этой базы данных нет в хранилище паролей."),
                                     false);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *edit = dialog.findChild<QLineEdit *>();
        dialog.accept();
        QVERIFY(dialog.isVisible()); // empty: refused
        edit->setText(QStringLiteral("secret"));
        dialog.accept();
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.passphrase(), QStringLiteral("secret"));
    }

    void settingsRememberTheWindowLayout()
    {
        const QString ini = test::makeTempDir(QStringLiteral("layout")) + QStringLiteral("/kasp.ini");
        QByteArray geometry;
        {
            session::Settings settings(ini);
            QCOMPARE(settings.version(), session::Settings::kVersion);
            QMainWindow window;
            window.setGeometry(100, 120, 900, 640);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            geometry = window.saveGeometry();
            settings.setWindowGeometry(geometry);
            settings.setLastLogin(QStringLiteral("anna"));
            settings.sync();
        }
        session::Settings again(ini);
        QCOMPARE(again.windowGeometry(), geometry);
        QCOMPARE(again.lastLogin(), QStringLiteral("anna"));
        QMainWindow restored;
        QVERIFY(restored.restoreGeometry(again.windowGeometry()));
        QCOMPARE(restored.size(), QSize(900, 640));
    }

    void bareCLocaleGetsRussian()
    {
        // The test runs with LANG=C.UTF-8: no language chosen means Russian.
        QCOMPARE(QLocale::system().language(), QLocale::C);
        QVERIFY(app::installTranslations(QString()));
        QCOMPARE(QLocale().language(), QLocale::Russian);
    }

    void englishStaysEnglish()
    {
        QVERIFY(!app::installTranslations(QStringLiteral("en")));
        QCOMPARE(QLocale().language(), QLocale::English);
    }
};

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
