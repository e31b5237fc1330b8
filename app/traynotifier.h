#pragma once
// Notifications for a consultant whose window is behind others (a task come due; later, a call):
// a tray balloon where the desktop has a tray, the taskbar entry flashing, and the status bar.
#include <QObject>
#include <QString>

class QMainWindow;
class QSystemTrayIcon;

namespace kasp::app {

class TrayNotifier : public QObject
{
    Q_OBJECT
public:
    explicit TrayNotifier(QMainWindow *window);

    void notify(const QString &title, const QString &text);
    // What was shown last (for tests; a tray is not there under Xvfb).
    const QString &lastTitle() const { return m_lastTitle; }
    const QString &lastText() const { return m_lastText; }

private:
    QMainWindow *m_window;
    QSystemTrayIcon *m_tray = nullptr;
    QString m_lastTitle;
    QString m_lastText;
};

} // namespace kasp::app
