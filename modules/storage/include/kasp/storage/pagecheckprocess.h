#pragma once
// A big file's page check (checkPages: PRAGMA quick_check, ~7.5 minutes on the 7 GB bench base) in a
// process of its own, kasp-pagecheck, installed next to kasp. SQLite 3.15 (SQLCipher 3.4.1) cannot
// interrupt quick_check, so the check in a thread kept kasp from exiting until it ended; a process
// is killed at once. The key reaches the child through its standard input, never its command line
// or environment (both readable in /proc). The pipe stays open while the check runs: the child
// ends itself when it closes (kasp died), and on Linux it also dies with its parent.
#include "kasp/core/result.h"
#include "kasp/storage/connectionfactory.h"
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class QProcess;

namespace kasp::storage {

class PageCheckProcess : public QObject
{
    Q_OBJECT
public:
    enum class Outcome {
        Clean,   // every page reads
        Damaged, // at least one page does not (the child logged the first problems)
        Failed,  // the check could not run (no helper, the file would not open, it crashed)
    };
    Q_ENUM(Outcome)

    explicit PageCheckProcess(QObject *parent = nullptr);
    ~PageCheckProcess() override; // stop()

    // kasp-pagecheck next to the running executable.
    static QString defaultProgram();

    // Starts checking database.path with database.key; finished() follows, unless stop() comes
    // first. False when the helper could not be started (finished(Failed) is not emitted then).
    bool start(const QString &program, const OpenOptions &database);
    bool isRunning() const;
    qint64 processId() const; // 0 when not running
    // Kills the child and waits for it to end (a few milliseconds); finished() is not emitted.
    void stop();

signals:
    void finished(kasp::storage::PageCheckProcess::Outcome outcome, qint64 elapsedMs);

private:
    void onFinished(int exitCode, int exitStatus);

    QPointer<QProcess> m_process;
    QElapsedTimer m_timer;
};

// The child's side, kasp-pagecheck's main(): the key line from `keyLine` (as start() writes it),
// then the check of `path`. Returns the process's exit code (0 clean, 1 damaged, 2 failed).
int runPageCheck(const QString &path, const QByteArray &keyLine);

// The line start() writes to the child's standard input, and its reading.
QByteArray pageCheckKeyLine(const DatabaseKey &key);
Result<DatabaseKey> pageCheckKeyFromLine(const QByteArray &line);

} // namespace kasp::storage
