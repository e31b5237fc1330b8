// A computer with no keychain (issue 21): no D-Bus session, so no Secret Service. The real
// start-up asks for a passphrase and says in Russian what happened and what to do; the keychain's
// own technical text (QtKeychain's, D-Bus's) goes to the log only, never into the dialog.
#include "clippedtexts.h"
#include "kasp/session/settings.h"
#include "kasp/storage/connectionfactory.h"
#include "kasp/testsupport/testenv.h"
#include "passphrasedialog.h"
#include "startup.h"
#include "translations.h"

#include <QApplication>
#include <QLabel>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

using namespace kasp;

namespace {

QStringList g_log; // the kasp.session / kasp.keychain lines written during the test
QtMessageHandler g_previous = nullptr;

void keepLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && QByteArray(context.category).startsWith("kasp."))
        g_log << message;
    if (g_previous)
        g_previous(type, context, message);
}

} // namespace

class TestNoKeychain : public QObject
{
    Q_OBJECT

    // What the passphrase dialog says when it comes up: its labels' texts, the dialog shot and
    // checked for cut texts, then cancelled (start-up ends with 1).
    struct Seen
    {
        QStringList texts;
        QStringList clipped;
    };

    Seen catchPassphraseDialog(const QString &shot)
    {
        Seen seen;
        bool done = false;
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, this, [&] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                auto *dialog = qobject_cast<app::PassphraseDialog *>(w);
                if (!dialog || !dialog->isVisible() || done)
                    continue;
                done = true;
                for (QLabel *l : dialog->findChildren<QLabel *>())
                    if (l->isVisible())
                        seen.texts << l->text();
                seen.clipped = test::clippedTexts(dialog) + test::squeezedLabels(dialog);
                if (!qEnvironmentVariableIsEmpty("KASP_SCREENSHOT_DIR"))
                    dialog->grab().save(qEnvironmentVariable("KASP_SCREENSHOT_DIR") + QLatin1Char('/') +
                                        shot);
                dialog->reject();
            }
        });
        poll.start();
        if (!QTest::qWaitFor([&] { return done; }, 20000))
            qWarning("no passphrase dialog within 20 s");
        return seen;
    }

    void checkDialog(const Seen &seen, const QString &mustSay)
    {
        const QString all = seen.texts.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("хранилище паролей")) &&
                     all.contains(QStringLiteral("не запущено")),
                 qPrintable(all));
        QVERIFY2(all.contains(mustSay), qPrintable(all));
        // The keychain's own message is in the log, and only there.
        QString technical;
        for (const QString &line : std::as_const(g_log))
            if (line.contains(QStringLiteral("keychain.unavailable")))
                technical = line;
        QVERIFY2(technical.contains(QStringLiteral("connect"), Qt::CaseInsensitive),
                 qPrintable(g_log.join('\n')));
        // No English words in the dialog (the keychains' own names apart).
        QString words = all;
        words.remove(QStringLiteral("GNOME")).remove(QStringLiteral("KWallet"));
        QVERIFY2(!words.contains(QRegularExpression(QStringLiteral("[A-Za-z]{3,}"))), qPrintable(all));
        QVERIFY2(seen.clipped.isEmpty(), qPrintable(seen.clipped.join(QStringLiteral(" | "))));
    }

private slots:
    void initTestCase()
    {
        // Before anything asks for the session bus: a bus that is not there (no autolaunch either).
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/kasp-no-bus");
        test::initTestEnvironment();
        QVERIFY(app::installTranslations(QStringLiteral("ru")));
        g_previous = qInstallMessageHandler(keepLog);
    }

    // A new database: the passphrase will protect it; the dialog says why and what else to do.
    void aNewDatabaseAsksForAPassphraseInRussian()
    {
        const QString dir = test::makeTempDir(QStringLiteral("nokeychain-new"));
        session::Settings settings(dir + QStringLiteral("/settings.ini"));
        g_log.clear();
        app::Startup startup({dir + QStringLiteral("/kasp.db"), false, QStringLiteral("anna")}, settings);
        QSignalSpy finished(&startup, &app::Startup::finished);
        QTimer::singleShot(0, &startup, &app::Startup::start);
        const Seen seen = catchPassphraseDialog(QStringLiteral("no-keychain-new.png"));
        checkDialog(seen, QStringLiteral("придумайте"));
        QTRY_COMPARE(finished.count(), 1);
    }

    // A database made before, its key maybe in the keychain: enter its passphrase, or start the
    // keychain and open KASP again.
    void anExistingDatabaseSaysWhereItsKeyMayBe()
    {
        const QString dir = test::makeTempDir(QStringLiteral("nokeychain-old"));
        const QString path = dir + QStringLiteral("/kasp.db");
        QVERIFY(storage::ConnectionFactory::open(
                    {path, storage::DatabaseKey::fromPassphrase(QStringLiteral("давняя фраза")),
                     QStringLiteral("made"), true, true})
                    .ok());
        storage::ConnectionFactory::close(QStringLiteral("made"));
        session::Settings settings(dir + QStringLiteral("/settings.ini"));
        g_log.clear();
        app::Startup startup({path, false, QStringLiteral("anna")}, settings);
        QSignalSpy finished(&startup, &app::Startup::finished);
        QTimer::singleShot(0, &startup, &app::Startup::start);
        const Seen seen = catchPassphraseDialog(QStringLiteral("no-keychain-existing.png"));
        checkDialog(seen, QStringLiteral("введите её"));
        QTRY_COMPARE(finished.count(), 1);
    }
};

QTEST_MAIN(TestNoKeychain)
#include "tst_nokeychain.moc"
