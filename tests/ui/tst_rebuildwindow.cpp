// «Пересобрать с сервера…» while the Sales Window is up (issue 20), in the real start-up: a desk
// that syncs opens a damaged file whose check runs behind the window (kasp-pagecheck) and whose
// pages the window reads; the message comes over the window once it shows, and its button closes the window,
// puts the file aside keeping the unsent changes and goes on as a new desk of the server does (its sign-in,
// cancelled here).
#include "kasp/demo/demogenerator.h"
#include "kasp/session/settings.h"
#include "kasp/storage/connectionfactory.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/taskrepository.h"
#include "kasp/storage/userrepository.h"
#include "kasp/testsupport/damagedfile.h"
#include "kasp/testsupport/testenv.h"
#include "mainwindow.h"
#include "serverdialog.h"
#include "startup.h"
#include "startupfromenv.h"
#include "translations.h"

#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTimer>
#include <QtTest>

using namespace kasp;

namespace {
const QString kPassphrase = QStringLiteral("кисловодский парк");

// The demo sanatorium (small), three tasks of anna's written by the desk (unsent), and many more of
// hers whose pages get 16 bytes inverted: her task list reads them as soon as the window shows.
QString makeDesk()
{
    const QString path = test::makeTempDir(QStringLiteral("rebuild-window")) + QStringLiteral("/kasp.db");
    const QString connection = QStringLiteral("make");
    qint64 first = 0, last = 0;
    {
        auto opened = storage::ConnectionFactory::open(
            {path, storage::DatabaseKey::fromPassphrase(kPassphrase), connection, true, true});
        if (!opened.ok())
            qFatal("%s", qPrintable(opened.error().message));
        QSqlDatabase db = opened.value();
        FixedClock clock(QDateTime(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC));
        demo::DemoOptions options;
        options.guests = 200;
        options.years = 1;
        options.today = clock.today();
        if (!demo::generateDemo(db, options).ok())
            qFatal("demo");
        const Id anna = storage::UserRepository(db, clock).byLogin(QStringLiteral("anna")).value()->id;
        QSqlQuery(db).exec(QStringLiteral("DELETE FROM outbox"));
        storage::TaskRepository tasks(db, clock);
        for (int i = 0; i < 3; ++i) {
            Task t;
            t.id = newId();
            t.assigneeId = anna;
            t.title = QStringLiteral("Не отправлено %1").arg(i);
            t.due = clock.now();
            if (!tasks.create(t).ok())
                qFatal("task");
        }
        QSqlQuery(db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        first = test::pageCount(db) + 1;
        QSqlQuery q(db);
        for (int i = 0; i < 300; ++i)
            q.exec(QStringLiteral("INSERT INTO tasks (id, assignee_id, title, due_at, status, created_at) "
                                  "VALUES ('%1', '%2', '%3', %4, 'open', 0)")
                       .arg(idToString(newId()), idToString(anna),
                            QStringLiteral("Перезвонить гостю ").repeated(50))
                       .arg(clock.now().toMSecsSinceEpoch() + i));
        QSqlQuery(db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        last = test::pageCount(db);
    }
    storage::ConnectionFactory::close(connection);
    if (!test::flipBytesInPages(path, test::spreadPages(first, last, 5)))
        qFatal("flip");
    return path;
}
} // namespace

class TestRebuildWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QVERIFY(app::installTranslations(QStringLiteral("ru")));
        qputenv("KASP_TEST_PASSPHRASE", kPassphrase.toUtf8());
        qputenv("KASP_TEST_PASSWORD", "anna-demo");
        // The file is small: checked behind the window as a big one is (the check would otherwise
        // ask before the window), by kasp-pagecheck next to the executable, as installed.
        qputenv("KASP_PAGE_CHECK_NOW_BYTES", "0");
        const QString helper = QCoreApplication::applicationDirPath() + QStringLiteral("/kasp-pagecheck");
        QFile::remove(helper);
        QVERIFY(QFile::link(QStringLiteral(KASP_PAGECHECK_BINARY), helper));
    }

    void rebuildFromTheMessageOverTheWindow()
    {
        const QString path = makeDesk();
        session::Settings settings(QFileInfo(path).absolutePath() + QStringLiteral("/settings.ini"));
        settings.setSyncServerUrl(QStringLiteral("http://127.0.0.1:9")); // a desk that syncs; away now
        app::Startup startup(test::startupFromEnvironment(path, false, QStringLiteral("anna")), settings);
        QSignalSpy shown(&startup, &app::Startup::windowShown);
        QSignalSpy finished(&startup, &app::Startup::finished);
        QPointer<app::MainWindow> window;
        bool overWindow = false;
        bool rebuildPressed = false;
        bool serverAsked = false;
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, this, [&] {
            if (!window && startup.window())
                window = startup.window();
            for (QWidget *w : QApplication::topLevelWidgets()) {
                auto *box = qobject_cast<QMessageBox *>(w);
                if (box && box->isVisible() && !rebuildPressed &&
                    box->windowTitle() == QStringLiteral("База данных повреждена")) {
                    overWindow = window && box->parentWidget() == window;
                    for (QAbstractButton *b : box->buttons())
                        if (b->text() == QStringLiteral("Пересобрать с сервера…")) {
                            rebuildPressed = true;
                            b->click();
                        }
                }
                if (auto *d = qobject_cast<app::ServerDialog *>(w); d && d->isVisible() && !serverAsked) {
                    serverAsked = true;
                    d->reject();
                }
            }
        });
        poll.start();
        QTimer::singleShot(0, &startup, &app::Startup::start);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 60'000);
        QCOMPARE(shown.count(), 1); // the window was up when the damage was met
        QVERIFY(rebuildPressed);
        QVERIFY(overWindow); // told over the window, not over the sign-in that had closed
        QVERIFY(serverAsked);
        QVERIFY(window.isNull()); // the window went with the damaged file
        QVERIFY(startup.window() == nullptr);
        const QStringList aside = QDir(QFileInfo(path).absolutePath())
                                      .entryList({QStringLiteral("kasp.db.damaged-*")}, QDir::Files);
        QVERIFY2(aside.size() == 1, qPrintable(aside.join(QLatin1Char(','))));
        auto opened =
            storage::ConnectionFactory::open({path, storage::DatabaseKey::fromPassphrase(kPassphrase),
                                              QStringLiteral("rebuilt"), false, true});
        QVERIFY(opened.ok());
        auto pending = storage::Outbox(opened.value()).pending(100);
        QVERIFY(pending.ok());
        QCOMPARE(pending.value().size(), 3); // anna's unsent tasks
        opened = QSqlDatabase();
        storage::ConnectionFactory::close(QStringLiteral("rebuilt"));
    }
};

QTEST_MAIN(TestRebuildWindow)
#include "tst_rebuildwindow.moc"
