// The start-up sequence as a user meets it: a new database filled with the demo sanatorium, then
// the Sales Window; a wrong passphrase ends in a clear message box and a log line, not a crash.
#include "kasp/crm/ui/guestsearchmodel.h"
#include "kasp/crm/ui/guestsearchpanel.h"
#include "kasp/session/settings.h"
#include "kasp/storage/connectionfactory.h"
#include "kasp/testsupport/testenv.h"
#include "mainwindow.h"
#include "startup.h"
#include "translations.h"

#include "startupfromenv.h"
#include <QApplication>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

using namespace kasp;

class TestStartup : public QObject
{
    Q_OBJECT

    // Closes the first message box that appears and returns its text.
    QString catchMessageBox(int timeoutMs)
    {
        QString text;
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, this, [&] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible()) {
                    text = box->text();
                    box->close();
                }
            }
        });
        poll.start();
        if (!QTest::qWaitFor([&] { return !text.isEmpty(); }, timeoutMs))
            qWarning("no message box within %d ms", timeoutMs);
        return text;
    }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QVERIFY(app::installTranslations(QStringLiteral("ru")));
    }

    void demoDatabaseOpensTheSalesWindow()
    {
        const QString dir = test::makeTempDir(QStringLiteral("startup"));
        qputenv("KASP_TEST_PASSPHRASE", "горячие источники");
        qputenv("KASP_TEST_PASSWORD", "anna-demo"); // README: the demo's passwords
        session::Settings settings(dir + QStringLiteral("/settings.ini"));
        app::Startup startup(
            test::startupFromEnvironment(dir + QStringLiteral("/kasp.db"), true, QStringLiteral("anna")),
            settings);
        QSignalSpy shown(&startup, &app::Startup::windowShown);
        QSignalSpy finished(&startup, &app::Startup::finished);
        QTimer::singleShot(0, &startup, &app::Startup::start);
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() == 1 || finished.count() == 1, 60000);
        QVERIFY2(finished.isEmpty(), "start-up ended instead of showing the window");
        app::MainWindow *window = startup.window();
        QVERIFY(window && window->isVisible());
        QCOMPARE(window->windowTitle(), QStringLiteral("КАСП — Окно продаж"));
        window->searchPanel()->setQuery(QStringLiteral("Иванов"));
        QVERIFY(window->searchPanel()->model()->rowCount() > 0);
        QCOMPARE(settings.lastLogin(), QStringLiteral("anna"));
        window->close();
    }

    void wrongPassphraseIsAClearMessage()
    {
        const QString dir = test::makeTempDir(QStringLiteral("startup-wrong"));
        const QString path = dir + QStringLiteral("/kasp.db");
        QVERIFY(storage::ConnectionFactory::open(
                    {path, storage::DatabaseKey::fromPassphrase(QStringLiteral("правильная фраза")),
                     QStringLiteral("mk"), true, true})
                    .ok());
        storage::ConnectionFactory::close(QStringLiteral("mk"));
        qputenv("KASP_TEST_PASSPHRASE", "неправильная фраза");
        session::Settings settings(dir + QStringLiteral("/settings.ini"));
        app::Startup startup({path, false, QStringLiteral("anna"), QStringLiteral("KASP_TEST_PASSPHRASE"),
                              QString(), QString()},
                             settings);
        QSignalSpy finished(&startup, &app::Startup::finished);
        QTimer::singleShot(0, &startup, &app::Startup::start);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("storage.wrong_key")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("storage.wrong_key")));
        const QString message = catchMessageBox(15000);
        QVERIFY2(message.contains(QStringLiteral("ключ")), qPrintable(message)); // Russian, names the key
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().toInt(), 2);
        QVERIFY(startup.window() == nullptr);
    }
};

QTEST_MAIN(TestStartup)
#include "tst_startup.moc"
