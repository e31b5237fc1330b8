#include "benchdesk.h"

#include "benchsupport.h"
#include "kasp/credentials/credentialstore.h"

#include <ctime>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

namespace kasp::bench {

void storeSecret(const QString &key, const QString &secret)
{
    credentials::CredentialStore store(QStringLiteral("KASP"));
    bool written = false;
    QString error;
    QObject::connect(&store, &credentials::CredentialStore::writeFinished,
                     [&](const QString &) { written = true; });
    QObject::connect(&store, &credentials::CredentialStore::failed,
                     [&](const QString &, const QString &code, const QString &message) {
                         error = code + QStringLiteral(": ") + message;
                     });
    store.write(key, secret);
    if (!waitUntil([&] { return written || !error.isEmpty(); }, 15'000))
        error = QStringLiteral("no answer from the keychain in 15 s");
    if (!written)
        failBench(QStringLiteral("storing %1 in the keychain").arg(key), error);
}

bool waitUntil(const std::function<bool()> &done, int ms)
{
    QElapsedTimer t;
    t.start();
    QTimer wake; // the loop wakes for the deadline even when nothing else happens
    wake.start(20);
    while (!done()) {
        if (t.elapsed() > ms)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

double realtimeMs()
{
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    return double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
}

void PaintWatchingApp::watch(QWidget *widget, std::function<bool()> wanted)
{
    m_watched = widget;
    m_wanted = std::move(wanted);
    m_paintedInDispatch = false;
    m_paintedAt = 0;
}

bool PaintWatchingApp::notify(QObject *receiver, QEvent *event)
{
    if (m_watched && event->type() == QEvent::Paint && receiver->isWidgetType()) {
        auto *w = static_cast<QWidget *>(receiver);
        if ((w == m_watched || m_watched->isAncestorOf(w)) && m_wanted())
            m_paintedInDispatch = true;
    }
    ++m_depth;
    const bool result = QApplication::notify(receiver, event);
    if (--m_depth == 0 && m_paintedInDispatch) {
        m_paintedInDispatch = false;
        m_paintedAt = realtimeMs();
        m_watched = nullptr;
    }
    return result;
}

} // namespace kasp::bench
