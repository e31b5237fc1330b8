#include "mainwindow.h"

#include "catalogueactions.h"
#include "kasp/booking/bookingservice.h"
#include "kasp/booking/ui/bookingdialog.h"
#include "kasp/booking/ui/bookingpanel.h"
#include "kasp/credentials/credentialstore.h"
#include "kasp/crm/dealservice.h"
#include "kasp/crm/duplicateservice.h"
#include "kasp/crm/guestservice.h"
#include "kasp/crm/taskservice.h"
#include "kasp/crm/ui/dealboardpanel.h"
#include "kasp/crm/ui/duplicatesdialog.h"
#include "kasp/crm/ui/guestcardpanel.h"
#include "kasp/crm/ui/guesteditdialog.h"
#include "kasp/crm/ui/guestimportdialog.h"
#include "kasp/crm/ui/guestlistpanel.h"
#include "kasp/crm/ui/guestsearchpanel.h"
#include "kasp/crm/ui/taskagendapanel.h"
#include "kasp/session/settings.h"
#include "kasp/spreadsheet/xlsxreader.h"
#include "kasp/telephony/ui/phonepanel.h"
#include "listexportdialog.h"
#include "paymentlinkactions.h"
#include "phonesession.h"
#include "serverdialog.h"
#include "signindialog.h"
#include "syncsession.h"
#include "syncstatuswidget.h"
#include "traynotifier.h"
#include "voucheractions.h"
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QInputDialog>
#include <QLineEdit>

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>
#include <QTabWidget>
#include <QTimer>

namespace kasp::app {

MainWindow::MainWindow(crm::GuestService &guests, booking::BookingService &booking, const User &user,
                       const DatabaseInfo &database, session::Settings &settings, SyncSession *sync,
                       QWidget *parent)
    : QMainWindow(parent), m_guests(guests), m_user(user), m_settings(settings),
      m_search(new crm::ui::GuestSearchPanel(guests)),
      m_card(new crm::ui::GuestCardPanel(guests, booking.clock())),
      m_guestList(new crm::ui::GuestListPanel(guests.list())), m_tabs(new QTabWidget),
      m_bookingPanel(new booking::ui::BookingPanel(booking, guests, booking.clock())),
      m_vouchers(new VoucherActions(booking, settings, this)),
      m_catalogue(new CatalogueActions(booking, this)),
      m_paymentLinks(new PaymentLinkActions(booking, settings, this)), m_booking(booking),
      m_dbLabel(new QLabel), m_userLabel(new QLabel), m_sync(sync)
{
    setObjectName(QStringLiteral("salesWindow"));
    setWindowTitle(tr("KASP — Sales Window"));
    m_tabs->setObjectName(QStringLiteral("salesTabs"));
    m_tabs->addTab(m_card, tr("Guest card"));
    m_tabs->addTab(m_guestList, tr("Guests"));
    m_tabs->setTabToolTip(1, tr("Every guest of the base, alphabetically (Ctrl+L)"));
    m_tabs->addTab(m_bookingPanel, tr("Room grid"));
    m_tabs->setTabToolTip(2, tr("Rooms by night: book, move, cancel (Ctrl+G)"));
    m_dealService = std::make_unique<crm::DealService>(booking.database(), booking.clock());
    m_deals = new crm::ui::DealBoardPanel(*m_dealService, booking.clock());
    m_deals->setUser(user.id, user.role == Role::HeadOfSales);
    m_tabs->addTab(m_deals, tr("Deals"));
    m_tabs->setTabToolTip(3, tr("The sales pipeline: drag a deal to its next stage (Ctrl+D)"));
    if (auto users = guests.users(); users.ok()) {
        QHash<Id, QString> names;
        for (const User &u : users.value())
            names.insert(u.id, u.displayName);
        m_guestList->setUserNames(names);
        m_deals->setUserNames(std::move(names));
    }
    setCentralWidget(m_tabs);

    auto *searchDock = new QDockWidget(tr("Guest search"), this);
    searchDock->setObjectName(QStringLiteral("guestSearchDock"));
    searchDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    searchDock->setWidget(m_search);
    m_search->setMinimumWidth(240); // names and numbers stay readable whatever other docks take
    addDockWidget(Qt::LeftDockWidgetArea, searchDock);
    resizeDocks({searchDock}, {320}, Qt::Horizontal);

    m_taskService = std::make_unique<crm::TaskService>(booking.database(), booking.clock());
    m_tasks = new crm::ui::TaskAgendaPanel(*m_taskService, booking.clock());
    auto *tasksDock = new QDockWidget(tr("Tasks for today"), this);
    tasksDock->setObjectName(QStringLiteral("tasksDock"));
    tasksDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    tasksDock->setWidget(m_tasks);
    addDockWidget(Qt::LeftDockWidgetArea, tasksDock);
    splitDockWidget(searchDock, tasksDock, Qt::Vertical);
    m_tasks->setUser(user.id);
    connect(m_tasks, &crm::ui::TaskAgendaPanel::guestActivated, this, &MainWindow::openGuest);
    connect(m_tasks, &crm::ui::TaskAgendaPanel::callRequested, this, &MainWindow::callGuest);
    connect(m_tasks, &crm::ui::TaskAgendaPanel::errorOccurred, this, &MainWindow::showError);
    m_notifier = new TrayNotifier(this);
    connect(m_tasks, &crm::ui::TaskAgendaPanel::tasksDue, this, &MainWindow::remindTasks);
    connect(m_tasks, &crm::ui::TaskAgendaPanel::tasksChanged, this, [this](const Id &guestId) {
        if (!guestId.isNull() && m_card->currentGuest() == guestId)
            m_card->showGuest(guestId);
    });

    connect(m_search, &crm::ui::GuestSearchPanel::guestActivated, this, &MainWindow::openGuest);
    connect(m_search, &crm::ui::GuestSearchPanel::callRequested, this, &MainWindow::callGuest);
    connect(m_search, &crm::ui::GuestSearchPanel::errorOccurred, this, &MainWindow::showError);
    connect(m_card, &crm::ui::GuestCardPanel::errorOccurred, this, &MainWindow::showError);
    connect(m_guestList, &crm::ui::GuestListPanel::guestActivated, this, &MainWindow::openGuest);
    connect(m_guestList, &crm::ui::GuestListPanel::callRequested, this, &MainWindow::callGuest);
    connect(m_guestList, &crm::ui::GuestListPanel::errorOccurred, this, &MainWindow::showError);
    connect(m_card, &crm::ui::GuestCardPanel::editRequested, this, &MainWindow::editGuest);
    connect(m_card, &crm::ui::GuestCardPanel::compareRequested, this, &MainWindow::compareGuests);
    connect(m_card, &crm::ui::GuestCardPanel::taskRequested, this, &MainWindow::newTask);
    connect(m_card, &crm::ui::GuestCardPanel::callRequested, this, &MainWindow::callGuest);
    connect(m_card, &crm::ui::GuestCardPanel::guestChanged, m_guestList, &crm::ui::GuestListPanel::reload);
    connect(m_deals, &crm::ui::DealBoardPanel::guestActivated, this, &MainWindow::openGuest);
    connect(m_deals, &crm::ui::DealBoardPanel::errorOccurred, this, &MainWindow::showError);
    connect(m_deals, &crm::ui::DealBoardPanel::dealMoved, this, [this](const Id &guestId) {
        if (m_card->currentGuest() == guestId)
            m_card->showGuest(guestId);
    });
    connect(m_card, &crm::ui::GuestCardPanel::bookRequested, this, &MainWindow::bookForGuest);
    connect(m_bookingPanel, &booking::ui::BookingPanel::message, this, &MainWindow::showError);
    connect(m_bookingPanel, &booking::ui::BookingPanel::guestRequested, this, &MainWindow::openGuest);
    connect(m_bookingPanel, &booking::ui::BookingPanel::voucherRequested, m_vouchers,
            &VoucherActions::handle);
    connect(m_vouchers, &VoucherActions::message, this, &MainWindow::showError);
    connect(m_catalogue, &CatalogueActions::message, this, &MainWindow::showError);
    connect(m_paymentLinks, &PaymentLinkActions::message, this, &MainWindow::showError);
    connect(m_bookingPanel, &booking::ui::BookingPanel::paymentLinkRequested, m_paymentLinks,
            &PaymentLinkActions::requestLink);
    connect(m_paymentLinks, &PaymentLinkActions::paid, this, [this](const Id &bookingId) {
        m_bookingPanel->reload();
        if (!m_card->currentGuest().isNull())
            m_card->showGuest(m_card->currentGuest());
        m_vouchers->handle(bookingId, true); // the voucher goes out with the prepayment
    });
    connect(m_catalogue, &CatalogueActions::catalogueChanged, m_bookingPanel,
            &booking::ui::BookingPanel::reload);
    connect(m_vouchers, &VoucherActions::sent, this, [this] {
        if (!m_card->currentGuest().isNull())
            m_card->showGuest(m_card->currentGuest());
    });
    connect(m_bookingPanel, &booking::ui::BookingPanel::bookingChanged, this, [this] {
        if (!m_card->currentGuest().isNull())
            m_card->showGuest(m_card->currentGuest());
    });

    buildMenus();
    const Permissions can = Permissions::of(user.role);
    // The director reads; consultants and heads of sales work the base.
    const bool edits = can.makesCalls || can.reassignsGuests;
    m_newGuest->setEnabled(edits);
    m_editGuest->setEnabled(edits);
    m_importGuests->setEnabled(edits);
    m_findDuplicates->setEnabled(edits);
    m_newDeal->setEnabled(edits);
    m_card->setEditable(edits);
    m_card->setUser(user.id);
    m_bookingPanel->setEditable(edits);
    m_bookingPanel->setManagesStock(user.role == Role::HeadOfSales);
    m_tariffsAction->setEnabled(can.editsPricesAndStock);
    m_stockAction->setEnabled(can.editsPricesAndStock);
    // Each desktop's shop settings (the secret in its keychain): whoever takes payments sets them.
    m_onlinePaymentAction->setEnabled(edits);
    if (edits)
        m_paymentLinks->start(); // watches this desktop's open links (when a shop is configured)
    if (m_sync) {
        // Colleagues' bookings arrive with each sync; a booking the server refused is shown and
        // another room offered.
        // Rooms and prices the head of sales changed come with them too.
        connect(m_sync, &SyncSession::dataArrived, m_bookingPanel, [this] {
            m_booking.reloadStock();
            m_bookingPanel->reload();
            m_guestList->reload();
            m_deals->reload();
            m_tasks->reload();
        });
        connect(m_sync, &SyncSession::bookingLost, m_bookingPanel,
                &booking::ui::BookingPanel::addLostBooking);
    }

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
    m_importGuests =
        file->addAction(tr("&Import guests from Excel or CSV…"), this, &MainWindow::importGuests);
    m_importGuests->setToolTip(
        tr("Guests from an amoCRM or Bitrix24 export, an Excel workbook (.xlsx) or CSV"));
    m_findDuplicates = file->addAction(tr("D&uplicate cards…"), this, &MainWindow::findDuplicates);
    m_findDuplicates->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    m_findDuplicates->setToolTip(tr("Cards that look like one person (same phone, e-mail, or name and "
                                    "birth date): compare and merge"));
    m_newDeal = file->addAction(tr("New &deal…"), this, &MainWindow::newDeal);
    m_newDeal->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_newDeal->setToolTip(tr("A new deal for the open guest card, at the pipeline's first stage"));
    m_exportList = file->addAction(tr("E&xport the list…"), this, [this] { exportCurrentList(); });
    m_exportList->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_exportList->setToolTip(tr("The list of the open tab (guests or deals) to Excel or CSV"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    QAction *find = go->addAction(tr("&Find guest"), m_search, &crm::ui::GuestSearchPanel::focusSearch);
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    QAction *list = go->addAction(tr("All &guests"), this, &MainWindow::showGuestList);
    list->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    QAction *grid = go->addAction(tr("Room &grid"), this, &MainWindow::showGrid);
    grid->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    QAction *deals = go->addAction(tr("&Deals"), this, &MainWindow::showDeals);
    deals->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));

    if (m_sync) {
        QMenu *server = menuBar()->addMenu(tr("&Server"));
        server->addAction(tr("&Connect to server…"), this, &MainWindow::connectToServer)
            ->setToolTip(tr("Share the base with colleagues through kasp-sync"));
        QAction *syncNow = server->addAction(tr("&Sync now"), m_sync, &SyncSession::syncNow);
        syncNow->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    }

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    m_tariffsAction =
        tools->addAction(tr("&Tariffs and discounts…"), m_catalogue, &CatalogueActions::editTariffs);
    m_tariffsAction->setObjectName(QStringLiteral("tariffsAction"));
    m_tariffsAction->setToolTip(
        tr("Seasons, meal plans and programmes, children, discounts (head of sales)"));
    m_stockAction = tools->addAction(tr("&Room stock…"), m_catalogue, &CatalogueActions::editRoomStock);
    m_stockAction->setObjectName(QStringLiteral("stockAction"));
    m_stockAction->setToolTip(tr("Buildings, room categories and rooms (head of sales)"));
    m_onlinePaymentAction =
        tools->addAction(tr("&Online payment…"), m_paymentLinks, &PaymentLinkActions::editSettings);
    m_onlinePaymentAction->setObjectName(QStringLiteral("onlinePaymentAction"));
    tools->addAction(tr("&Phone (SIP)…"), this, &MainWindow::editPhoneSettings)
        ->setToolTip(tr("This desktop's extension on the sanatorium's PBX"));
    m_onlinePaymentAction->setToolTip(tr("The YooKassa shop guests pay prepayments to by card"));
    tools->addSeparator();
    tools->addAction(tr("&Booking rules…"), m_vouchers, &VoucherActions::editBookingRules)
        ->setToolTip(tr("How long an unpaid hold lasts; the prepayment asked for"));
    tools->addAction(tr("&Mail for vouchers…"), m_vouchers, &VoucherActions::editMailSettings)
        ->setToolTip(tr("The mail server vouchers are sent through"));

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
    m_tabs->setCurrentWidget(m_card);
    if (auto card = m_guests.card(guestId); card.ok())
        m_bookingPanel->setCurrentGuest(
            crm::GuestSummary{guestId, card.value().guest.displayName(), {}, {}, {}});
}

void MainWindow::showGrid()
{
    m_tabs->setCurrentWidget(m_bookingPanel);
    m_bookingPanel->setFocus();
}

void MainWindow::bookForGuest(const Id &guestId)
{
    if (guestId.isNull())
        return;
    // The dialog lists every free room: the consultant picks one and holds it.
    const QDate today = m_booking.clock().today();
    m_bookingPanel->openBookingDialog(Id(), today.addDays(1), today.addDays(15));
}

MainWindow::~MainWindow()
{
    delete m_duplicates; // before the service it holds a reference to
}

void MainWindow::showDeals()
{
    m_tabs->setCurrentWidget(m_deals);
    if (!m_deals->columnViews().isEmpty())
        m_deals->columnViews().first()->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::newDeal()
{
    const Id guestId = m_card->currentGuest();
    if (guestId.isNull()) {
        showError(tr("Open the guest's card first: a deal belongs to a guest."));
        return;
    }
    bool ok = false;
    const QString title = QInputDialog::getText(this, tr("New deal"), tr("What is the guest choosing?"),
                                                QLineEdit::Normal, tr("A stay"), &ok);
    if (!ok)
        return;
    auto deal = m_dealService->create(guestId, m_user.id, title, Money());
    if (!deal.ok()) {
        showError(deal.error().message);
        return;
    }
    m_card->showGuest(guestId);
    m_deals->reload();
    statusBar()->showMessage(tr("Deal \"%1\" created.").arg(deal.value().title), 5000);
}

QString MainWindow::exportCurrentList(const QString &testPath)
{
    QString saved;
    if (m_tabs->currentWidget() == m_deals) {
        crm::ModelExportSource source(*m_deals->listView()->model());
        saved = exportListInteractively(this, source, tr("Deals"), m_booking.clock().today(), testPath);
    } else {
        QHash<Id, QString> names;
        if (auto users = m_guests.users(); users.ok())
            for (const User &u : users.value())
                names.insert(u.id, u.displayName);
        crm::GuestExportSource source(m_guests.list(), std::move(names));
        saved = exportListInteractively(this, source, tr("Guests"), m_booking.clock().today(), testPath);
    }
    if (!saved.isEmpty())
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(saved)), 8000);
    return saved;
}

void MainWindow::showGuestList()
{
    m_tabs->setCurrentWidget(m_guestList);
    m_guestList->view()->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::guestSaved(const Id &guestId)
{
    m_guestList->reload();
    openGuest(guestId);
}

void MainWindow::importGuests()
{
    if (!m_importGuests->isEnabled())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Import guests"), QString(),
                                                      tr("Spreadsheets (*.xlsx *.csv *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showError(tr("Could not read %1: %2").arg(path, file.errorString()));
        return;
    }
    auto text = spreadsheet::importableText(file.readAll()); // an .xlsx's first sheet, or the CSV itself
    if (!text.ok()) {
        showError(tr("Could not read %1: %2").arg(QFileInfo(path).fileName(), text.error().message));
        return;
    }
    crm::GuestImporter importer = m_guests.importer();
    crm::ui::GuestImportDialog dialog(importer, text.value(), QFileInfo(path).fileName(), this);
    connect(&dialog, &crm::ui::GuestImportDialog::imported, m_guestList, &crm::ui::GuestListPanel::reload);
    dialog.exec();
}

void MainWindow::newGuest()
{
    if (!m_newGuest->isEnabled())
        return;
    crm::ui::GuestEditDialog dialog(m_guests, Guest{}, m_user.role == Role::Consultant ? m_user.id : Id(),
                                    this);
    if (dialog.exec() == QDialog::Accepted)
        guestSaved(dialog.savedGuestId());
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
    if (dialog.exec() != QDialog::Accepted)
        return;
    guestSaved(dialog.savedGuestId());
    m_card->offerUndo(card.value().guest);
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
