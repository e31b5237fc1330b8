#include "mainwindow.h"

#include "kasp/crm/guestservice.h"
#include "kasp/crm/ui/guestcardpanel.h"
#include "kasp/crm/ui/guesteditdialog.h"
#include "kasp/crm/ui/guestsearchpanel.h"
#include "kasp/session/settings.h"
#include "serverdialog.h"
#include "signindialog.h"
#include "syncsession.h"
#include "syncstatuswidget.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace kasp::app {

MainWindow::MainWindow(crm::GuestService &guests, const User &user, const DatabaseInfo &database,
                       session::Settings &settings, SyncSession *sync, QWidget *parent)
    : QMainWindow(parent), m_guests(guests), m_user(user), m_settings(settings),
      m_search(new crm::ui::GuestSearchPanel(guests)), m_card(new crm::ui::GuestCardPanel(guests)),
      m_dbLabel(new QLabel), m_userLabel(new QLabel), m_sync(sync)
{
    setObjectName(QStringLiteral("salesWindow"));
    setWindowTitle(tr("KASP — Sales Window"));
    setCentralWidget(m_card);

    auto *searchDock = new QDockWidget(tr("Guest search"), this);
    searchDock->setObjectName(QStringLiteral("guestSearchDock"));
    searchDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    searchDock->setWidget(m_search);
    addDockWidget(Qt::LeftDockWidgetArea, searchDock);
    resizeDocks({searchDock}, {320}, Qt::Horizontal);

    connect(m_search, &crm::ui::GuestSearchPanel::guestActivated, this, &MainWindow::openGuest);
    connect(m_search, &crm::ui::GuestSearchPanel::errorOccurred, this, &MainWindow::showError);
    connect(m_card, &crm::ui::GuestCardPanel::errorOccurred, this, &MainWindow::showError);
    connect(m_card, &crm::ui::GuestCardPanel::editRequested, this, &MainWindow::editGuest);

    buildMenus();
    const Permissions can = Permissions::of(user.role);
    // The director reads; consultants and heads of sales work the base.
    const bool edits = can.makesCalls || can.reassignsGuests;
    m_newGuest->setEnabled(edits);
    m_editGuest->setEnabled(edits);
    m_card->setEditable(edits);

    m_dbLabel->setObjectName(QStringLiteral("databaseState"));
    m_dbLabel->setText(tr("Local database: %1 · encrypted · schema %2")
                           .arg(QFileInfo(database.path).fileName())
                           .arg(database.schemaVersion));
    m_dbLabel->setToolTip(database.path);
    m_userLabel->setText(QStringLiteral("%1 · %2").arg(user.displayName, roleTitle(user.role)));
    if (m_sync) {
        m_syncStatus = new SyncStatusWidget(*m_sync);
        statusBar()->addPermanentWidget(m_syncStatus);
        connect(m_sync, &SyncSession::changeRejected, this, [this](const QString &message) {
            // Not modal: the consultant may be on a call; the message stays until read.
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Not saved on the server"), message,
                                        QMessageBox::Ok, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        });
    }
    statusBar()->addPermanentWidget(m_dbLabel);
    statusBar()->addPermanentWidget(m_userLabel);

    resize(1280, 800);
    restoreGeometry(m_settings.windowGeometry());
    restoreState(m_settings.windowState());
}

void MainWindow::connectToServer()
{
    ServerDialog dialog(*m_sync, m_sync->serverUrl(), m_settings.syncLogin(), this);
    dialog.exec();
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&Guest"));
    m_newGuest = file->addAction(tr("&New guest…"), this, &MainWindow::newGuest);
    m_newGuest->setShortcut(QKeySequence::New);
    m_newGuest->setToolTip(tr("Create a guest card (Ctrl+N)"));
    m_editGuest = file->addAction(tr("&Edit guest…"), this, &MainWindow::editGuest);
    m_editGuest->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    QAction *find = go->addAction(tr("&Find guest"), m_search, &crm::ui::GuestSearchPanel::focusSearch);
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));

    if (m_sync) {
        QMenu *server = menuBar()->addMenu(tr("&Server"));
        server->addAction(tr("&Connect to server…"), this, &MainWindow::connectToServer)
            ->setToolTip(tr("Share the base with colleagues through kasp-sync"));
        QAction *syncNow = server->addAction(tr("&Sync now"), m_sync, &SyncSession::syncNow);
        syncNow->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About KASP"), this, [this] {
        QMessageBox::about(this, tr("About KASP"),
                           tr("<b>KASP %1</b><br>Sales workstation for sanatorium sales departments.")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::openGuest(const Id &guestId)
{
    m_card->showGuest(guestId);
}

void MainWindow::newGuest()
{
    if (!m_newGuest->isEnabled())
        return;
    crm::ui::GuestEditDialog dialog(m_guests, Guest{}, m_user.role == Role::Consultant ? m_user.id : Id(),
                                    this);
    if (dialog.exec() == QDialog::Accepted)
        openGuest(dialog.savedGuestId());
}

void MainWindow::editGuest()
{
    if (!m_editGuest->isEnabled() || m_card->currentGuest().isNull())
        return;
    auto card = m_guests.card(m_card->currentGuest());
    if (!card.ok()) {
        showError(card.error().message);
        return;
    }
    crm::ui::GuestEditDialog dialog(m_guests, card.value().guest, Id(), this);
    if (dialog.exec() == QDialog::Accepted)
        openGuest(dialog.savedGuestId());
}

void MainWindow::showError(const QString &message)
{
    statusBar()->showMessage(message, 10000);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    m_settings.sync();
    QMainWindow::closeEvent(event);
}

} // namespace kasp::app
