#pragma once
// Tells the user when the database file turns out damaged, never letting it pass for less data:
// the page check at start-up (now for a small file, in a background thread for a big one), and any
// read that meets a damaged page afterwards (the connection's damage watch). Once per session a
// message says so in plain words, with what to do; SQLite's own words go to the log. On a desk
// that syncs it offers to rebuild the replica from the server, keeping the unsent changes.
#include "kasp/core/result.h"
#include "kasp/storage/connectionfactory.h"
#include <atomic>
#include <QObject>
#include <QPointer>
#include <QSqlDatabase>

#include <QMessageBox>
class QSqlDriver;
class QThread;
class QWidget;

namespace kasp::app {

class DamageGuard : public QObject
{
    Q_OBJECT
public:
    // Files up to this size are checked before the window shows (~0.3 s); bigger ones in the
    // background while the desk works (bench/bench_pagecheck.cpp has the figure).
    static constexpr qint64 kCheckNowBytes = 64LL * 1024 * 1024;

    DamageGuard(QSqlDatabase db, bool canRebuild, QObject *parent = nullptr);
    ~DamageGuard() override; // stops a background check

    // The start-up check of a small file, in this thread.
    Status checkNow();
    // A big file's check on a connection of its own; damageFound() when it finds damage.
    void checkInBackground(storage::ConnectionOpener opener);
    bool backgroundCheckRunning() const { return m_thread != nullptr; }

    enum class Choice { Rebuild, Continue, Quit };
    // The start-up question over a damaged file, modal: rebuild from the server (a desk that
    // syncs), go on (every read that meets the damage says so), or quit.
    Choice askAtStartup(QWidget *parent = nullptr);
    // The message while the window is up, once per session (later ones go to the log only).
    void tell();
    QMessageBox *message() const { return m_box; }

signals:
    void damageFound();
    void rebuildRequested();
    void backgroundCheckFinished(bool damaged);

private:
    void onDamage(const QString &detail);

    QSqlDatabase m_db;
    bool m_canRebuild = false;
    bool m_told = false;
    QThread *m_thread = nullptr;
    std::atomic<QSqlDriver *> m_checking{nullptr};
    std::atomic<bool> m_stopping{false};
    QPointer<QMessageBox> m_box;
};

} // namespace kasp::app
