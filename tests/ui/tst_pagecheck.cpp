// A big database file's page check, in the real kasp (issue 20). Above 64 MiB start-up does not
// wait for it: kasp-pagecheck, a process of kasp's own, checks every page behind the open window.
// Damage that only such a check meets (pages no screen reads) reaches the user in Russian while
// they work; and closing the window while the check runs ends kasp at once, the check with it,
// however long the check would still take (7.5 minutes on the 7 GB bench base).
#include "kasp/demo/demogenerator.h"
#include "kasp/storage/connectionfactory.h"
#include "kasp/testsupport/damagedfile.h"
#include "kasp/testsupport/testenv.h"
#include "kaspprocess.h"

#include <csignal>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QtTest>

using namespace kasp;
using namespace kasp::test::desk;

namespace {

const QString kPassphrase = QStringLiteral("нарзанная галерея");
const QString kWindowTitle = QStringLiteral("Окно продаж");
constexpr int kFillerMb = 72; // above the 64 MiB that start-up checks before the window

// The demo sanatorium (small) and the filler that takes the file above 64 MiB; `damaged`: 16 bytes
// inverted in five of the filler's pages, which no screen ever reads.
QString makeDesk(const QString &hint, bool damaged)
{
    const QString path = test::makeTempDir(hint) + QStringLiteral("/kasp.db");
    const QString connection = QStringLiteral("make-") + hint;
    QPair<qint64, qint64> filler;
    {
        auto opened = storage::ConnectionFactory::open(
            {path, storage::DatabaseKey::fromPassphrase(kPassphrase), connection, true, true});
        if (!opened.ok())
            qFatal("%s", qPrintable(opened.error().message));
        demo::DemoOptions options;
        options.guests = 200;
        options.years = 1;
        options.today = QDate(2026, 12, 7);
        if (!demo::generateDemo(opened.value(), options).ok())
            qFatal("demo");
        filler = test::addFiller(opened.value(), kFillerMb);
    }
    storage::ConnectionFactory::close(connection);
    if (filler.first == 0 ||
        (damaged && !test::flipBytesInPages(path, test::spreadPages(filler.first, filler.second, 5))))
        qFatal("filler");
    if (QFileInfo(path).size() <= 64LL * 1024 * 1024)
        qFatal("the file is not above the threshold");
    return path;
}

QStringList kaspArgs(const QString &path)
{
    return {QStringLiteral("--database"),       path,
            QStringLiteral("--passphrase-env"), QStringLiteral("KASP_TEST_PASSPHRASE"),
            QStringLiteral("--password-env"),   QStringLiteral("KASP_TEST_PASSWORD"),
            QStringLiteral("--user"),           QStringLiteral("anna")};
}

// The check's process id, from kasp's log line.
qint64 checkProcess(const KaspProcess &kasp)
{
    const auto match =
        QRegularExpression(QStringLiteral("page check \\(background\\) started, process (\\d+)"))
            .match(kasp.log());
    return match.hasMatch() ? match.captured(1).toLongLong() : 0;
}

bool hasFileOpen(qint64 pid, const QString &path)
{
    const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
    for (const QString &fd : fds.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot))
        if (QFile::symLinkTarget(fds.filePath(fd)) == QFileInfo(path).canonicalFilePath())
            return true;
    return false;
}

bool processExists(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close < 0 || line.mid(close + 2, 1) != "Z"; // a zombie is an ended process
}

} // namespace

class TestPageCheck : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        qputenv("KASP_TEST_PASSPHRASE", kPassphrase.toUtf8());
        qputenv("KASP_TEST_PASSWORD", "anna-demo");
    }

    void damageFoundBehindTheWindowIsTold()
    {
        const QString path = makeDesk(QStringLiteral("damaged"), true);
        KaspProcess kasp(test::makeTempDir(QStringLiteral("damaged-config")));
        QVERIFY(kasp.start(kaspArgs(path)));
        // The window opens without waiting for the check of the whole file...
        QVERIFY2(!kasp.waitForWindow(kWindowTitle).isEmpty(), kasp.describe());
        QVERIFY2(checkProcess(kasp) > 0, kasp.describe());
        // ...and the check's finding comes to the user while they work, in Russian.
        QVERIFY2(!kasp.waitForWindow(QStringLiteral("База данных повреждена")).isEmpty(), kasp.describe());
        QVERIFY2(kasp.waitForLog(QStringLiteral("ms, damaged")), kasp.describe()); // the check's line
        QVERIFY2(kasp.log().contains(QStringLiteral("quick_check found")), kasp.describe()); // the detail
        QVERIFY(kasp.isRunning()); // the desk goes on: the user decides
    }

    // The check is held with SIGSTOP once it has the file open, standing for the minutes a big
    // base's check takes on any machine: closing the window must not wait for it.
    void closingWhileTheCheckRunsExitsAtOnce()
    {
        const QString path = makeDesk(QStringLiteral("closing"), false);
        KaspProcess kasp(test::makeTempDir(QStringLiteral("closing-config")));
        QVERIFY(kasp.start(kaspArgs(path)));
        QVERIFY2(QTest::qWaitFor([&] { return checkProcess(kasp) > 0 || !kasp.isRunning(); }, kWaitMs),
                 kasp.describe());
        const qint64 check = checkProcess(kasp);
        QVERIFY2(check > 0, kasp.describe());
        QVERIFY2(QTest::qWaitFor([&] { return hasFileOpen(check, path) || !processExists(check); }, kWaitMs),
                 kasp.describe());
        QCOMPARE(::kill(pid_t(check), SIGSTOP), 0);
        QVERIFY2(!kasp.log().contains(QStringLiteral("page check (background):")),
                 "the check ended before it could be held");

        const QString window = kasp.waitForWindow(kWindowTitle);
        QVERIFY2(!window.isEmpty(), kasp.describe());
        QVERIFY(focus(window));
        QElapsedTimer timer;
        timer.start();
        int sent = -1;
        xdotool({QStringLiteral("key"), QStringLiteral("ctrl+q")}, &sent); // to the focused window
        QCOMPARE(sent, 0);
        const int code = kasp.waitForExit(10'000);
        const qint64 ms = timer.elapsed();
        qInfo("closing the window while the page check runs: kasp exited %lld ms after Ctrl+Q", ms);
        QVERIFY2(code == 0, kasp.describe());
        QVERIFY2(ms < 3000, qPrintable(QString::number(ms)));
        QVERIFY2(!processExists(check), "the page check outlived kasp");
        QVERIFY2(kasp.log().contains(QStringLiteral("page check stopped after")), kasp.describe());
    }
};

QTEST_MAIN(TestPageCheck)
#include "tst_pagecheck.moc"
