#pragma once
// Tells the user when the database file turns out damaged, never letting it pass for less data:
// the page check at start-up (now for a small file, in the background for a big one), and any
// read that meets a damaged page afterwards (the connection's damage watch). A big file is checked
// by kasp-pagecheck, a process of its own that closing kasp kills at once. Once per session a
// message says so in plain words, with what to do; SQLite's own words go to the log. On a desk
// that syncs it offers to rebuild the replica from the server, keeping the unsent changes.
#include "kasp/core/result.h"
#include "kasp/storage/connectionfactory.h"
#include "kasp/storage/pagecheckprocess.h"
#include <QObject>
#include <QPointer>
#include <QSqlDatabase>

#include <QMessageBox>
class QWidget;

namespace kasp::app {

class DamageGuard : public QObject
{
    Q_OBJECT
public:
    // Files up to this size are checked before the window shows (~0.3 s); bigger ones in the
    // background while the desk works (bench/bench_pagecheck.cpp has the figure).
    static constexpr qint64 kCheckNowBytes = 64LL * 1024 * 1024;
    // kCheckNowBytes, or KASP_PAGE_CHECK_NOW_BYTES when set (tests check small files behind).
    static qint64 checkNowBytes();

    DamageGuard(QSqlDatabase db, bool canRebuild, QObject *parent = nullptr);
    ~DamageGuard() override; // kills a background check

    // The start-up check of a small file, in this thread.
    Status checkNow();
    // A big file's check in a process of its own (kasp-pagecheck, given the file and its key);
    // damageFound() and the message when it finds damage. False when the helper would not start
    // (logged: the reads still report damage).
    bool checkInBackground(const storage::OpenOptions &database,
                           const QString &program = storage::PageCheckProcess::defaultProgram());
    // `opener` whose connections (a worker thread's: the duplicates scan) are watched like the
    // window's: a damaged page one of them meets is told the same way, in this object's thread.
    storage::ConnectionOpener watching(storage::ConnectionOpener opener);
    bool backgroundCheckRunning() const { return m_check.isRunning(); }
    qint64 backgroundCheckProcessId() const { return m_check.processId(); }

    enum class Choice { Rebuild, Continue, Quit };
    // The start-up question over a damaged file, modal: rebuild from the server (a desk that
    // syncs), go on (every read that meets the damage says so), or quit.
    Choice askAtStartup(QWidget *parent = nullptr);
    // The message while the window is up, once per session (later ones go to the log only).
    void tell();
    // Start-up: damage found before the window shows (the background check may end while the
    // sign-in is open) is told once `window` is there, over it, instead of over a dialog that
    // closes with it. holdUntilShown() first; showIn() after each window (a shift change's too).
    void holdUntilShown() { m_holding = true; }
    void showIn(QWidget *window);
    QMessageBox *message() const { return m_box; }

signals:
    void damageFound();
    void rebuildRequested();
    void backgroundCheckFinished(bool damaged);

private:
    void onDamage(const QString &detail);
    void tellOnce();

    QSqlDatabase m_db;
    bool m_canRebuild = false;
    bool m_told = false;
    bool m_holding = false;
    bool m_pending = false; // found while holding
    QPointer<QWidget> m_window;
    storage::PageCheckProcess m_check;
    QPointer<QMessageBox> m_box;
};

} // namespace kasp::app
