#pragma once
// The status bar's word on the server: online or not, how many changes wait to be sent, when the
// last sync finished, and a progress bar while a first sync brings the base in.
#include <QDateTime>
#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;

namespace kasp::sync {
class SyncClient;
}

namespace kasp::app {

class SyncSession;

class SyncStatusWidget : public QWidget
{
    Q_OBJECT
public:
    explicit SyncStatusWidget(SyncSession &session, QWidget *parent = nullptr);
    QString text() const;
    bool progressVisible() const;

private:
    void attach(sync::SyncClient *client);
    void refresh();
    void onProgress(qint64 cursor, qint64 head);

    SyncSession &m_session;
    // Guarded: the session replaces its client (a sign-in, another server) and the old one is gone
    // by the time clientChanged arrives.
    QPointer<sync::SyncClient> m_client;
    QLabel *m_label;
    QProgressBar *m_progress;
    qint64 m_firstCursor = -1;
};

} // namespace kasp::app
