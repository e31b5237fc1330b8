#pragma once
// What the benches of the Sales Window through its real paths (kasp-bench-ring, kasp-bench-startup)
// share: secrets put in the keychain before the timed work reads them, waiting in the event loop
// the way kasp's own loop waits (blocking until events come, no busy loop that would take a core
// from kamailio or the caller), and the moment a widget's pixels reached the window.
#include <functional>
#include <QApplication>
#include <QString>

namespace kasp::bench {

// Writes `secret` under `key` in the keychain kasp uses ("KASP"); fails the bench when the keychain
// cannot (no Secret Service on the session bus: run under bench/with-keychain.sh).
void storeSecret(const QString &key, const QString &secret);

// Runs the event loop until done() or `ms` milliseconds have passed; false when the time ran out.
bool waitUntil(const std::function<bool()> &done, int ms);

// CLOCK_REALTIME in milliseconds: comparable with another process's timestamps on this host.
double realtimeMs();

// Notes the end of the first event, dispatched from the event loop, during which the watched
// widget (or one of its children) was painted while wanted() held: by then its pixels are in the
// window's backing store and flushed, what the user sees. Every event goes through notify(), so
// nothing is added to the path being timed but a pointer comparison per event.
class PaintWatchingApp : public QApplication
{
public:
    using QApplication::QApplication;

    void watch(QWidget *widget, std::function<bool()> wanted);
    double paintedAt() const { return m_paintedAt; } // realtimeMs(); 0 until painted

    bool notify(QObject *receiver, QEvent *event) override;

private:
    QWidget *m_watched = nullptr;
    std::function<bool()> m_wanted;
    bool m_paintedInDispatch = false;
    double m_paintedAt = 0;
    int m_depth = 0;
};

} // namespace kasp::bench
