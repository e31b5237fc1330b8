// A damaged or unusable database as the user meets it, in Russian, on real files (issue 20): the
// start-up's page check says «База данных повреждена» with what to do (and, on a desk that syncs,
// rebuilds the replica keeping the unsent changes); a read that meets a damaged page later says
// so too, and the task list says it cannot be read instead of a smaller count; a wrong passphrase
// can be typed again; a read-only folder is named as the folder, with the truth that KASP does not
// start. Screenshots: KASP_SCREENSHOT_DIR.
#include "damageguard.h"
#include "kasp/crm/taskservice.h"
#include "kasp/crm/ui/taskagendapanel.h"
#include "kasp/session/settings.h"
#include "kasp/storage/connectionfactory.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/taskrepository.h"
#include "kasp/sync/syncclient.h"
#include "kasp/testsupport/damagedfile.h"
#include "kasp/testsupport/testenv.h"
#include "passphrasedialog.h"
#include "serverdialog.h"
#include "startup.h"
#include "translations.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>
#include <QtTest>
#include <unistd.h>

using namespace kasp;

namespace {

const QString kPassphrase = QStringLiteral("горячие источники");

void shoot(QWidget *w, const QString &name)
{
    if (!qEnvironmentVariableIsEmpty("KASP_SCREENSHOT_DIR"))
        w->grab().save(qEnvironmentVariable("KASP_SCREENSHOT_DIR") + QLatin1Char('/') + name);
}

// Every label of a widget fits its text: no Russian cut off.
void verifyLabelsFit(QWidget *w)
{
    for (const QLabel *label : w->findChildren<QLabel *>()) {
        if (!label->isVisible() || label->text().isEmpty() || label->wordWrap())
            continue;
        QVERIFY2(label->width() >= label->sizeHint().width(), qPrintable(label->text()));
    }
}

// A database protected by kPassphrase whose tasks fill the pages after the schema; `damaged`:
// 16 bytes inverted in five of them. Three tasks written by the desk wait in the outbox.
QString makeDatabase(const QString &hint, bool damaged, const Id &assignee = newId())
{
    const QString path = test::makeTempDir(hint) + QStringLiteral("/kasp.db");
    const QString connection = QStringLiteral("make-") + hint;
    auto opened = storage::ConnectionFactory::open(
        {path, storage::DatabaseKey::fromPassphrase(kPassphrase), connection, true, true});
    if (!opened.ok())
        qFatal("%s", qPrintable(opened.error().message));
    qint64 first = 0;
    qint64 last = 0;
    {
        QSqlDatabase db = opened.value();
        FixedClock clock(QDateTime(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC));
        storage::TaskRepository tasks(db, clock);
        for (int i = 0; i < 3; ++i) {
            Task t;
            t.id = newId();
            t.assigneeId = assignee;
            t.title = QStringLiteral("Не отправлено %1").arg(i);
            t.due = clock.now();
            if (!tasks.create(t).ok())
                qFatal("task");
        }
        first = test::pageCount(db) + 1;
        QSqlQuery q(db);
        for (int i = 0; i < 300; ++i)
            q.exec(QStringLiteral("INSERT INTO tasks (id, assignee_id, title, due_at, status, created_at) "
                                  "VALUES ('%1', '%2', '%3', %4, 'open', 0)")
                       .arg(idToString(newId()), idToString(assignee),
                            QStringLiteral("Перезвонить гостю ").repeated(50))
                       .arg(clock.now().toMSecsSinceEpoch() + i));
        QSqlQuery(db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        last = test::pageCount(db);
    }
    opened = QSqlDatabase();
    storage::ConnectionFactory::close(connection);
    if (damaged && !test::flipBytesInPages(path, test::spreadPages(first, last, 5)))
        qFatal("flip");
    return path;
}

QPushButton *buttonNamed(QMessageBox *box, const QString &text)
{
    for (QAbstractButton *b : box->buttons())
        if (b->text() == text)
            return qobject_cast<QPushButton *>(b);
    return nullptr;
}

} // namespace

class TestDamagedDatabase : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QVERIFY(app::installTranslations(QStringLiteral("ru")));
        qputenv("KASP_TEST_PASSPHRASE", kPassphrase.toUtf8());
    }

    // The copy: the desk opened with no error and showed a few of the day's tasks.
    void damagedFileIsSaidAtStartUp()
    {
        const QString path = makeDatabase(QStringLiteral("startup-damaged"), true);
        session::Settings settings(QFileInfo(path).absolutePath() + QStringLiteral("/settings.ini"));
        app::StartupOptions options;
        options.databasePath = path;
        options.passphraseEnv = QStringLiteral("KASP_TEST_PASSPHRASE");
        app::Startup startup(options, settings);
        QSignalSpy finished(&startup, &app::Startup::finished);
        QTimer::singleShot(0, &startup, &app::Startup::start);
        QMessageBox *box = nullptr;
        QTimer poll;
        poll.setInterval(20);
        QString title, text, info;
        QStringList buttons;
        connect(&poll, &QTimer::timeout, this, [&] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *b = qobject_cast<QMessageBox *>(w); b && b->isVisible() && !box) {
                    box = b;
                    title = b->windowTitle();
                    text = b->text();
                    info = b->informativeText();
                    for (QAbstractButton *button : b->buttons())
                        buttons.append(button->text());
                    shoot(b, QStringLiteral("damaged-startup.png"));
                    verifyLabelsFit(b);
                    if (QPushButton *quit = buttonNamed(b, QStringLiteral("Выйти")))
                        quit->click();
                    else
                        b->reject(); // untranslated: the comparison of the buttons below fails
                }
        });
        poll.start();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 20000);
        QVERIFY(box);
        QCOMPARE(title, QStringLiteral("База данных повреждена"));
        QVERIFY2(text.contains(QStringLiteral("повреждён")), qPrintable(text));
        QVERIFY2(info.contains(QStringLiteral("резервной копии")), qPrintable(info));
        QVERIFY2(!text.contains(QStringLiteral("malformed")) && !info.contains(QStringLiteral("malformed")),
                 qPrintable(text));
        // No server here: nothing to rebuild from; the choices are to go on (reads say so) or quit.
        buttons.sort();
        QCOMPARE(buttons, (QStringList{QStringLiteral("Выйти"), QStringLiteral("Открыть всё равно")}));
        QCOMPARE(finished.first().first().toInt(), 2);
        QVERIFY(startup.window() == nullptr);
    }

    // A desk that syncs: «Пересобрать с сервера» puts the damaged file aside, makes a new one with
    // the unsent changes, and goes on as a new desk of the server does (its sign-in).
    void rebuildFromServerKeepsTheOutbox()
    {
        const QString path = makeDatabase(QStringLiteral("startup-rebuild"), true);
        session::Settings settings(QFileInfo(path).absolutePath() + QStringLiteral("/settings.ini"));
        settings.setSyncServerUrl(QStringLiteral("http://127.0.0.1:9")); // nobody answers there
        app::StartupOptions options;
        options.databasePath = path;
        options.passphraseEnv = QStringLiteral("KASP_TEST_PASSPHRASE");
        app::Startup startup(options, settings);
        QSignalSpy finished(&startup, &app::Startup::finished);
        QTimer::singleShot(0, &startup, &app::Startup::start);
        bool rebuildOffered = false;
        bool serverAsked = false;
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, this, [&] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (auto *b = qobject_cast<QMessageBox *>(w); b && b->isVisible() && !rebuildOffered) {
                    if (QPushButton *rebuild = buttonNamed(b, QStringLiteral("Пересобрать с сервера"))) {
                        rebuildOffered = true;
                        shoot(b, QStringLiteral("damaged-startup-sync.png"));
                        verifyLabelsFit(b);
                        rebuild->click();
                    }
                }
                if (auto *d = qobject_cast<app::ServerDialog *>(w); d && d->isVisible() && !serverAsked) {
                    serverAsked = true;
                    d->reject();
                }
            }
        });
        poll.start();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 30000);
        QVERIFY(rebuildOffered);
        QVERIFY(serverAsked); // the new file joins the server as a new desk does
        const QStringList aside = QDir(QFileInfo(path).absolutePath())
                                      .entryList({QStringLiteral("kasp.db.damaged-*")}, QDir::Files);
        QVERIFY2(aside.size() == 1, qPrintable(aside.join(QLatin1Char(','))));

        auto opened =
            storage::ConnectionFactory::open({path, storage::DatabaseKey::fromPassphrase(kPassphrase),
                                              QStringLiteral("rebuilt"), false, true});
        QVERIFY(opened.ok());
        auto pending = storage::Outbox(opened.value()).pending(100);
        QVERIFY(pending.ok());
        QCOMPARE(pending.value().size(), 3); // the three unsent tasks
        QCOMPARE(pending.value().first().name, QStringLiteral("task.create"));
        opened = QSqlDatabase();
        storage::ConnectionFactory::close(QStringLiteral("rebuilt"));
    }

    // After the start: a read meets a damaged page. The task list says it cannot be read (not
    // «Сегодня: 3 задачи»), and the message comes once.
    void damageMetLaterIsToldOnce()
    {
        const Id anna = newId();
        const QString path = makeDatabase(QStringLiteral("later"), true, anna);
        auto opened = storage::ConnectionFactory::open(
            {path, storage::DatabaseKey::fromPassphrase(kPassphrase), QStringLiteral("later"), false, true});
        QVERIFY(opened.ok());
        QSqlDatabase db = opened.value();
        {
            app::DamageGuard guard(db, false);
            QSignalSpy told(&guard, &app::DamageGuard::damageFound);
            FixedClock clock(QDateTime(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC));
            crm::TaskService service(db, clock);
            crm::ui::TaskAgendaPanel panel(service, clock);
            panel.resize(260, 400);
            panel.show();
            panel.setUser(anna);
            QTRY_COMPARE(told.count(), 1);
            QTest::qWait(50); // the read told at once; the panel's layout follows its new text
            QMessageBox *box = guard.message();
            QVERIFY(box && box->isVisible());
            QCOMPARE(box->windowTitle(), QStringLiteral("База данных повреждена"));
            QVERIFY2(box->text().contains(QStringLiteral("повреждён")), qPrintable(box->text()));
            shoot(box, QStringLiteral("damaged-later.png"));
            verifyLabelsFit(box);
            QStringList texts;
            for (const QLabel *label : panel.findChildren<QLabel *>())
                texts.append(label->text());
            const QString all = texts.join(QLatin1Char('|'));
            QVERIFY2(all.contains(QStringLiteral("повреждена")), qPrintable(all));
            QVERIFY2(!all.contains(QStringLiteral("Сегодня")), qPrintable(all));
            shoot(&panel, QStringLiteral("damaged-agenda.png"));
            panel.setUser(anna); // read again: the log hears it, no second message
            QTest::qWait(50);
            QCOMPARE(told.count(), 1);
            box->close();
        }
        db = QSqlDatabase();
        opened = QSqlDatabase();
        storage::ConnectionFactory::close(QStringLiteral("later"));
    }

    // A big file's check behind the window (kasp-pagecheck, a process of its own) finds the damage:
    // the same message, in Russian, once.
    void damageFoundByTheBackgroundCheckIsTold()
    {
        const QString path = makeDatabase(QStringLiteral("behind"), true);
        auto opened = storage::ConnectionFactory::open(
            {path, storage::DatabaseKey::fromPassphrase(kPassphrase), QStringLiteral("behind"), false, true});
        QVERIFY(opened.ok());
        {
            app::DamageGuard guard(opened.value(), true);
            QSignalSpy finished(&guard, &app::DamageGuard::backgroundCheckFinished);
            QVERIFY(guard.checkInBackground({path, storage::DatabaseKey::fromPassphrase(kPassphrase),
                                             QStringLiteral("unused"), false, false},
                                            QStringLiteral(KASP_PAGECHECK_BINARY)));
            QVERIFY(guard.backgroundCheckRunning());
            QVERIFY(finished.wait(30'000));
            QCOMPARE(finished.first().first().toBool(), true);
            QMessageBox *box = guard.message();
            QVERIFY(box && box->isVisible());
            QCOMPARE(box->windowTitle(), QStringLiteral("База данных повреждена"));
            QVERIFY(buttonNamed(box, QStringLiteral("Пересобрать с сервера…")));
            QTest::qWait(50);
            shoot(box, QStringLiteral("damaged-background.png"));
            verifyLabelsFit(box);
            box->close();
        }
        opened = QSqlDatabase();
        storage::ConnectionFactory::close(QStringLiteral("behind"));
    }

    // The sync's own state on a damaged page (meta: the client id, the cursor): the sync stops
    // there with storage.corrupt, before it asks the server anything, and the user is told; it
    // never pushes under an empty client id or pulls the whole base again from a cursor of 0.
    void syncStopsAtADamagedClientId()
    {
        const QString path = makeDatabase(QStringLiteral("meta"), false);
        const QString connection = QStringLiteral("meta");
        auto opened = storage::ConnectionFactory::open(
            {path, storage::DatabaseKey::fromPassphrase(kPassphrase), connection, false, false});
        QVERIFY(opened.ok());
        QSqlQuery q(opened.value());
        QVERIFY(q.exec(QStringLiteral(
                    "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'meta'")) &&
                q.next());
        const qint64 metaPage = q.value(0).toLongLong();
        q.finish();
        opened = QSqlDatabase();
        storage::ConnectionFactory::close(connection);
        QVERIFY(test::flipBytesInPages(path, {metaPage}));

        opened = storage::ConnectionFactory::open(
            {path, storage::DatabaseKey::fromPassphrase(kPassphrase), connection, false, false});
        QVERIFY(opened.ok());
        {
            app::DamageGuard guard(opened.value(), true);
            QSignalSpy told(&guard, &app::DamageGuard::damageFound);
            sync::SyncClient client(opened.value(), {QUrl(QStringLiteral("http://127.0.0.1:9"))});
            client.setRefreshToken(QStringLiteral("a session")); // signed in: the next step asks the server
            QSignalSpy failed(&client, &sync::SyncClient::syncFailed);
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("sync failed")));
            client.syncNow();
            QTRY_COMPARE(failed.count(), 1);
            QCOMPARE(failed.first().first().value<Error>().code, QStringLiteral("storage.corrupt"));
            QTRY_COMPARE(told.count(), 1);
            QVERIFY(guard.message() && guard.message()->isVisible());
            guard.message()->close();
        }
        opened = QSqlDatabase();
        storage::ConnectionFactory::close(connection);
    }

    // A worker thread's own connection (the duplicates scan's) is watched like the window's.
    void damageMetOnAWorkerConnectionIsTold()
    {
        const QString path = makeDatabase(QStringLiteral("worker"), true);
        const storage::OpenOptions options{path, storage::DatabaseKey::fromPassphrase(kPassphrase),
                                           QStringLiteral("worker-main"), false, true};
        auto opened = storage::ConnectionFactory::open(options);
        QVERIFY(opened.ok());
        {
            app::DamageGuard guard(opened.value(), false);
            QSignalSpy told(&guard, &app::DamageGuard::damageFound);
            const storage::ConnectionOpener workers =
                guard.watching(storage::ConnectionFactory::sameDatabase(options));
            bool readFailed = false;
            QThread *worker = QThread::create([&] {
                {
                    auto db = workers(QStringLiteral("worker-thread"));
                    if (!db.ok())
                        return;
                    QSqlQuery all(db.value());
                    all.setForwardOnly(true);
                    if (all.exec(QStringLiteral("SELECT title FROM tasks")))
                        while (all.next()) {
                        }
                    readFailed = all.lastError().isValid();
                }
                storage::ConnectionFactory::close(QStringLiteral("worker-thread"));
            });
            worker->start();
            QVERIFY(QTest::qWaitFor([&] { return worker->isFinished(); }, 20'000));
            delete worker;
            QVERIFY(readFailed);
            QTRY_COMPARE(told.count(), 1); // in this thread, the message with it
            QVERIFY(guard.message() && guard.message()->isVisible());
            guard.message()->close();
        }
        opened = QSqlDatabase();
        storage::ConnectionFactory::close(QStringLiteral("worker-main"));
    }

    void wrongPassphraseCanBeTypedAgain()
    {
        const QString path = makeDatabase(QStringLiteral("passphrase"), false);
        session::Settings settings(QFileInfo(path).absolutePath() + QStringLiteral("/settings.ini"));
        app::StartupOptions options;
        options.databasePath = path;
        app::Startup startup(options, settings); // the key is not in the keychain: the dialog asks
        QSignalSpy finished(&startup, &app::Startup::finished);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("storage.wrong_key")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("storage.wrong_key")));
        // The dialogs run their own event loops: a timer answers them from inside.
        int asked = 0;
        QString errorShown;
        QString said;
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, this, [&] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (auto *d = qobject_cast<app::PassphraseDialog *>(w);
                    d && d->isVisible() && !d->property("answered").toBool()) {
                    d->setProperty("answered", true);
                    ++asked;
                    if (asked == 1) {
                        d->findChild<QLineEdit *>()->setText(QStringLiteral("неправильная фраза"));
                    } else {
                        for (const QLabel *l : d->findChildren<QLabel *>())
                            if (l->text().contains(QStringLiteral("не открывает")))
                                errorShown = l->text();
                        shoot(d, QStringLiteral("passphrase-again.png"));
                        verifyLabelsFit(d);
                        d->findChild<QLineEdit *>()->setText(kPassphrase);
                    }
                    QTimer::singleShot(0, d, &QDialog::accept);
                }
                if (auto *b = qobject_cast<QMessageBox *>(w); b && b->isVisible()) {
                    said = b->text();
                    b->close();
                }
            }
        });
        poll.start();
        QTimer::singleShot(0, &startup, &app::Startup::start);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 20000);
        QCOMPARE(asked, 2); // asked again after the wrong one, not closed
        QVERIFY2(!errorShown.isEmpty(), "the second dialog did not say the passphrase was wrong");
        // The right one opened the database; this one has no users, which start-up says next.
        QVERIFY2(!said.contains(QStringLiteral("неверный ключ")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("пользовател")), qPrintable(said));
    }

    // The finding: the message named the file and said «изменения не сохранятся», then
    // KASP refused to start. Now it names the folder and says KASP cannot open the database there.
    void readOnlyFolderIsNamed()
    {
        QString dir = test::makeTempDir(QStringLiteral("rofolder"));
        bool mounted = false;
        if (::geteuid() == 0) {
            // Root writes anywhere: a tmpfs of its own, remounted read-only, is a real read-only folder.
            if (QProcess::execute(QStringLiteral("mount"),
                                  {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                   QStringLiteral("size=4m"), QStringLiteral("kasp-rofolder"), dir}) != 0)
                QSKIP("this machine does not allow mounting a tmpfs");
            mounted = true;
        }
        const QString path = dir + QStringLiteral("/kasp.db");
        QVERIFY(storage::ConnectionFactory::open({path, storage::DatabaseKey::fromPassphrase(kPassphrase),
                                                  QStringLiteral("ro"), true, true})
                    .ok());
        storage::ConnectionFactory::close(QStringLiteral("ro"));
        if (mounted)
            QCOMPARE(QProcess::execute(QStringLiteral("mount"),
                                       {QStringLiteral("-o"), QStringLiteral("remount,ro"), dir}),
                     0);
        else
            QFile::setPermissions(dir, QFile::ReadOwner | QFile::ExeOwner);
        session::Settings settings(test::makeTempDir(QStringLiteral("rofolder-settings")) +
                                   QStringLiteral("/settings.ini"));
        app::StartupOptions options;
        options.databasePath = path;
        options.passphraseEnv = QStringLiteral("KASP_TEST_PASSPHRASE");
        app::Startup startup(options, settings);
        QSignalSpy finished(&startup, &app::Startup::finished);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("storage.read_only")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("storage.read_only")));
        QString title, text;
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, this, [&] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *b = qobject_cast<QMessageBox *>(w); b && b->isVisible()) {
                    title = b->windowTitle();
                    text = b->text();
                    shoot(b, QStringLiteral("readonly-folder.png"));
                    b->close();
                }
        });
        poll.start();
        QTimer::singleShot(0, &startup, &app::Startup::start);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 15000);
        if (mounted)
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), dir});
        else
            QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QCOMPARE(finished.first().first().toInt(), 2);
        QVERIFY2(text.contains(QDir::toNativeSeparators(dir)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Папка")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("kasp.db")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("не сохранятся")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("read-only")), qPrintable(text)); // Russian, not English
    }
};

QTEST_MAIN(TestDamagedDatabase)
#include "tst_damageddatabase.moc"
