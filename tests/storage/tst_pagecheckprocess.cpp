// A big file's page check in a process of its own (issue 20): the real kasp-pagecheck over real
// SQLCipher files says clean, damaged (damage only a check of every page meets) or failed (a wrong
// key); the key reaches it through the pipe, never its command line or environment; and stop()
// ends a check at once, leaving no process behind.
#include "kasp/storage/pagecheckprocess.h"
#include "kasp/testsupport/damagedfile.h"
#include "kasp/testsupport/testdb.h"

#include <csignal>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>

using namespace kasp;
using namespace kasp::storage;

namespace {

const QString kPassphrase = QStringLiteral("минеральные воды");

// A passphrase-protected file with `megabytes` of filler; `damaged`: 16 bytes inverted in five
// of the filler's pages, which nothing but the page check reads.
QString makeFile(const QString &hint, int megabytes, bool damaged)
{
    const QString path = test::makeTempDir(hint) + QStringLiteral("/kasp.db");
    const QString connection = QStringLiteral("make-") + hint;
    QPair<qint64, qint64> pages;
    {
        auto opened =
            ConnectionFactory::open({path, DatabaseKey::fromPassphrase(kPassphrase), connection, true, true});
        if (!opened.ok())
            qFatal("%s", qPrintable(opened.error().message));
        pages = test::addFiller(opened.value(), megabytes);
    }
    ConnectionFactory::close(connection);
    if (pages.first == 0 ||
        (damaged && !test::flipBytesInPages(path, test::spreadPages(pages.first, pages.second, 5))))
        qFatal("filler");
    return path;
}

OpenOptions optionsFor(const QString &path, const QString &passphrase = kPassphrase)
{
    return {path, DatabaseKey::fromPassphrase(passphrase), QStringLiteral("unused"), false, false};
}

PageCheckProcess::Outcome checkToTheEnd(const OpenOptions &options)
{
    PageCheckProcess check;
    QSignalSpy finished(&check, &PageCheckProcess::finished);
    if (!check.start(QStringLiteral(KASP_PAGECHECK_BINARY), options))
        return PageCheckProcess::Outcome::Failed;
    if (!finished.wait(60'000))
        qFatal("the page check did not end in a minute");
    return finished.first().first().value<PageCheckProcess::Outcome>();
}

bool processExists(qint64 pid)
{
    // Gone, or at most a zombie nobody has reaped yet.
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close < 0 || line.mid(close + 2, 1) != "Z";
}

QByteArray procFile(qint64 pid, const char *name)
{
    QFile f(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(name)));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestPageCheckProcess : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::initTestEnvironment(); }

    void wholeFileIsClean()
    {
        QCOMPARE(checkToTheEnd(optionsFor(makeFile(QStringLiteral("clean"), 4, false))),
                 PageCheckProcess::Outcome::Clean);
    }

    void damageOnlyTheWholeCheckMeetsIsFound()
    {
        QCOMPARE(checkToTheEnd(optionsFor(makeFile(QStringLiteral("damaged"), 4, true))),
                 PageCheckProcess::Outcome::Damaged);
    }

    void rawKeyFromTheKeychainWorksToo()
    {
        test::TestDatabase t = test::TestDatabase::create(QStringLiteral("raw"));
        QVERIFY(test::addFiller(t.db, 1).first > 0);
        t.close();
        QCOMPARE(checkToTheEnd({t.path, t.key, QStringLiteral("unused"), false, false}),
                 PageCheckProcess::Outcome::Clean);
    }

    void wrongKeyIsAFailureNotDamage()
    {
        const QString path = makeFile(QStringLiteral("wrongkey"), 1, false);
        QCOMPARE(checkToTheEnd(optionsFor(path, QStringLiteral("не та фраза"))),
                 PageCheckProcess::Outcome::Failed);
    }

    void missingHelperDoesNotStart()
    {
        PageCheckProcess check;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot start")));
        QVERIFY(!check.start(QStringLiteral("/nonexistent/kasp-pagecheck"),
                             optionsFor(makeFile(QStringLiteral("nohelper"), 1, false))));
        QVERIFY(!check.isRunning());
    }

    // /proc/PID/cmdline and environ are readable by every process of the user: the key is in
    // neither. The passphrase goes through the pipe, and the check still opens the file with it.
    void keyIsNeverOnTheCommandLineOrInTheEnvironment()
    {
        const QString path = makeFile(QStringLiteral("secret"), 1, false);
        PageCheckProcess check;
        QSignalSpy finished(&check, &PageCheckProcess::finished);
        QVERIFY(check.start(QStringLiteral(KASP_PAGECHECK_BINARY), optionsFor(path)));
        const qint64 pid = check.processId();
        QVERIFY(pid > 0);
        // No event loop has run since start(): the key is not even written yet, the child waits.
        // The child may still be the fork before its exec (the test's own command line): wait for
        // the helper's, without running the event loop.
        QByteArray cmdline = procFile(pid, "cmdline");
        for (int i = 0; i < 500 && !cmdline.contains(path.toUtf8()); ++i) {
            QThread::msleep(10);
            cmdline = procFile(pid, "cmdline");
        }
        const QByteArray environ = procFile(pid, "environ");
        QVERIFY(cmdline.contains(path.toUtf8()));
        QVERIFY(!environ.isEmpty());
        for (const QByteArray &secret : {kPassphrase.toUtf8(), kPassphrase.toUtf8().toBase64()}) {
            QVERIFY(!cmdline.contains(secret));
            QVERIFY(!environ.contains(secret));
        }
        QVERIFY(finished.wait(60'000));
        QCOMPARE(finished.first().first().value<PageCheckProcess::Outcome>(),
                 PageCheckProcess::Outcome::Clean);
    }

    // A check that would run for minutes (7.5 on the 7 GB bench base) is held where it is with
    // SIGSTOP once it has the file open: stop() still ends it at once, and no process is left.
    void stopEndsARunningCheckAtOnce()
    {
        const QString path = makeFile(QStringLiteral("stop"), 64, false);
        PageCheckProcess check;
        QSignalSpy finished(&check, &PageCheckProcess::finished);
        QVERIFY(check.start(QStringLiteral(KASP_PAGECHECK_BINARY), optionsFor(path)));
        const qint64 pid = check.processId();
        QVERIFY(QTest::qWaitFor(
            [&] {
                const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
                for (const QString &fd :
                     fds.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot))
                    if (QFile::symLinkTarget(fds.filePath(fd)) == QFileInfo(path).canonicalFilePath())
                        return true;
                return false;
            },
            20'000));
        QVERIFY2(finished.isEmpty(), "the check ended before it could be held");
        QCOMPARE(::kill(pid_t(pid), SIGSTOP), 0);
        QElapsedTimer timer;
        timer.start();
        check.stop();
        const qint64 ms = timer.elapsed();
        qInfo("stop() of a running check: %lld ms", ms);
        QVERIFY2(ms < 2000, qPrintable(QString::number(ms)));
        QVERIFY(!check.isRunning());
        QVERIFY(!processExists(pid));
        QTest::qWait(50);
        QVERIFY(finished.isEmpty()); // a stopped check tells nothing
    }

    // kasp killed outright (no stop()): the pipe closes and the child ends by itself.
    void childEndsWhenThePipeCloses()
    {
        const QString path = makeFile(QStringLiteral("orphan"), 16, false);
        QProcess child;
        child.start(QStringLiteral(KASP_PAGECHECK_BINARY), {path});
        QVERIFY(child.waitForStarted());
        child.write(pageCheckKeyLine(DatabaseKey::fromPassphrase(kPassphrase)));
        QVERIFY(child.waitForBytesWritten());
        QElapsedTimer timer;
        timer.start();
        child.closeWriteChannel();
        QVERIFY(child.waitForFinished(5000));
        qInfo("the check ended %lld ms after its pipe closed", timer.elapsed());
        QCOMPARE(child.exitCode(), 3); // its own exit on the pipe's end, not the check's 0
    }
};

QTEST_GUILESS_MAIN(TestPageCheckProcess)
#include "tst_pagecheckprocess.moc"
