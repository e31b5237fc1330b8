#include "traynotifier.h"

#include <QApplication>
#include <QMainWindow>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>

namespace kasp::app {

TrayNotifier::TrayNotifier(QMainWindow *window) : QObject(window), m_window(window) {}

void TrayNotifier::notify(const QString &title, const QString &text)
{
    m_lastTitle = title;
    m_lastText = text;
    m_window->statusBar()->showMessage(QStringLiteral("%1: %2").arg(title, text), 15000);
    if (m_window->isActiveWindow())
        return; // the consultant is looking at it
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        if (!m_tray) {
            QIcon icon = m_window->windowIcon();
            if (icon.isNull())
                icon = m_window->style()->standardIcon(QStyle::SP_MessageBoxInformation);
            m_tray = new QSystemTrayIcon(icon, this);
            m_tray->setToolTip(m_window->windowTitle());
            connect(m_tray, &QSystemTrayIcon::messageClicked, m_window, [this] {
                m_window->showNormal();
                m_window->raise();
                m_window->activateWindow();
            });
            m_tray->show();
        }
        m_tray->showMessage(title, text, QSystemTrayIcon::Information, 10000);
    }
    QApplication::alert(m_window); // the taskbar entry asks for attention until the window is used
}

} // namespace kasp::app
