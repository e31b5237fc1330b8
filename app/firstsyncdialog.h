#pragma once
// The window a new desktop shows while it brings the base in from kasp-sync for the first time:
// how far the load is, the records received so far, a clear message when the server is away or
// refuses (the client keeps retrying; «Повторить» asks at once), and Cancel to give up. It is
// also the one visible window of the application between the server sign-in and the Sales Window.
#include <QDialog>
#include <QPointer>

class QLabel;
class QProgressBar;
class QPushButton;

namespace kasp::sync {
class SyncClient;
}

namespace kasp::app {

class SyncSession;

class FirstSyncDialog : public QDialog
{
    Q_OBJECT
public:
    explicit FirstSyncDialog(SyncSession &session, QWidget *parent = nullptr);

    void setProgress(qint64 cursor, qint64 head);
    void addRecords(int count);
    void showError(const QString &message);
    void clearError();

    QString statusText() const;
    QString errorText() const;
    qint64 records() const { return m_records; }
    QProgressBar *progressBar() const { return m_bar; }
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *cancelButton() const { return m_cancel; }

private:
    void attach(sync::SyncClient *client);
    void fitContents();

    SyncSession &m_session;
    QPointer<sync::SyncClient> m_client;
    QLabel *m_status;
    QLabel *m_count;
    QLabel *m_error;
    QProgressBar *m_bar;
    QPushButton *m_retry;
    QPushButton *m_cancel;
    qint64 m_records = 0;
};

} // namespace kasp::app
