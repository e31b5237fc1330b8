#include "mainwindow.h"

#include "accountactions.h"
#include "appcontext.h"
#include "cardcontroller.h"
#include "catalogueactions.h"
#include "dealscontroller.h"
#include "duplicatescontroller.h"
#include "helpdialog.h"
#include "kasp/booking/bookingservice.h"
#include "kasp/booking/ui/bookingpanel.h"
#include "kasp/crm/guestservice.h"
#include "kasp/crm/ui/dealboardpanel.h"
#include "kasp/crm/ui/guestcardpanel.h"
#include "kasp/crm/ui/guestimportdialog.h"
#include "kasp/crm/ui/guestlistpanel.h"
#include "kasp/crm/ui/guestsearchpanel.h"
#include "kasp/crm/ui/taskagendapanel.h"
#include "kasp/session/settings.h"
#include "kasp/spreadsheet/xlsxreader.h"
#include "listexportdialog.h"
#include "notificationarea.h"
#include "paymentlinkactions.h"
#include "phonecontroller.h"
#include "serverdialog.h"
#include "signindialog.h" // roleTitle
#include "syncsession.h"
#include "syncstatuswidget.h"
#include "taskscontroller.h"
#include "traynotifier.h"
#include "voucheractions.h"

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
#include <type_traits>

namespace kasp::app {

MainWindow::MainWindow(AppContext &context, QWidget *parent)
    : QMainWindow(parent), m_context(context), m_search(new crm::ui::GuestSearchPanel(context.guests())),
      m_card(new crm::ui::GuestCardPanel(context.guests(), context.clock())),
      m_guestList(new crm::ui::GuestListPanel(context.guests().list())), m_tabs(new QTabWidget),
      m_bookingPanel(new booking::ui::BookingPanel(context.booking(), context.guests(), context.clock())),
      m_deals(new crm::ui::DealBoardPanel(context.deals(), context.clock())),
      m_tasks(new crm::ui::TaskAgendaPanel(context.tasks(), context.clock())),
      m_vouchers(new VoucherActions(context, this)), m_catalogue(new CatalogueActions(context, this)),
      m_paymentLinks(new PaymentLinkActions(context, this)), m_notifier(new TrayNotifier(this))
{
    setObjectName(QStringLiteral("salesWindow"));
    setWindowTitle(tr("KASP — Sales Window"));
    buildTabs();
    buildDocks();
    buildControllers();
    connectPanels();
    connectBookings();
    buildMenus();
    applyPermissions();
    connectSync();
    buildStatusBar();
    resize(1280, 800);
    restoreGeometry(m_context.settings().windowGeometry());
    restoreState(m_context.settings().windowState());
}

MainWindow::~MainWindow() = default;

void MainWindow::buildTabs()
{
    m_tabs->setObjectName(QStringLiteral("salesTabs"));
    m_tabs->addTab(m_card, tr("Guest card"));
    m_tabs->addTab(m_guestList, tr("Guests"));
    m_guestList->setDesk(m_context.clock(), m_context.user().id); // its filters: today, «Мои гости»
    m_tabs->setTabToolTip(1, tr("Every guest of the base, alphabetically (Ctrl+L)"));
    m_tabs->addTab(m_bookingPanel, tr("Room grid"));
    m_tabs->setTabToolTip(2, tr("Rooms by night: book, move, cancel (Ctrl+G)"));
    const User &user = m_context.user();
    m_deals->setUser(user.id, m_context.may("deal_stage.update"));
    m_tabs->addTab(m_deals, tr("Deals"));
    m_tabs->setTabToolTip(3, tr("The sales pipeline: drag a deal to its next stage (Ctrl+D)"));
    if (auto users = m_context.guests().users(); users.ok()) {
        QHash<Id, QString> names;
        for (const User &u : users.value())
            names.insert(u.id, u.displayName);
        m_guestList->setUserNames(names);
        m_deals->setUserNames(std::move(names));
    }
    setCentralWidget(m_tabs);
}

void MainWindow::buildDocks()
{
    auto *searchDock = new QDockWidget(tr("Guest search"), this);
    searchDock->setObjectName(QStringLiteral("guestSearchDock"));
    searchDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    searchDock->setWidget(m_search);
    m_search->setMinimumWidth(240); // names and numbers stay readable whatever other docks take
    addDockWidget(Qt::LeftDockWidgetArea, searchDock);
    resizeDocks({searchDock}, {320}, Qt::Horizontal);

    auto *tasksDock = new QDockWidget(tr("Tasks for today"), this);
    tasksDock->setObjectName(QStringLiteral("tasksDock"));
    tasksDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    tasksDock->setWidget(m_tasks);
    addDockWidget(Qt::LeftDockWidgetArea, tasksDock);
    splitDockWidget(searchDock, tasksDock, Qt::Vertical);
    m_tasks->setUser(m_context.user().id);
}

void MainWindow::buildControllers()
{
    const ModalRunner run = [this](QDialog &dialog) { runModal(dialog); };
    m_cards = new CardController(m_context, m_card, m_bookingPanel, m_tabs, run, this);
    m_phone = new PhoneController(m_context, *m_cards, m_search, m_notifier, run, this);
    m_taskActions = new TasksController(m_context, *m_cards, m_tasks, m_notifier, run, this);
    m_dealActions = new DealsController(m_context, *m_cards, m_deals, this);
    m_duplicates = new DuplicatesController(m_context, *m_cards, this);
    m_accounts = new AccountActions(m_context, this, run);
    connect(m_cards, &CardController::message, this, &MainWindow::showMessage);
    connect(m_phone, &PhoneController::message, this, &MainWindow::showMessage);
    connect(m_taskActions, &TasksController::message, this, &MainWindow::showMessage);
    connect(m_dealActions, &DealsController::message, this, &MainWindow::showMessage);
    connect(m_duplicates, &DuplicatesController::message, this, &MainWindow::showMessage);
    connect(m_accounts, &AccountActions::message, this, &MainWindow::showError);
    // What changes the guest list: a card saved, two cards merged.
    connect(m_cards, &CardController::guestSaved, m_guestList, &crm::ui::GuestListPanel::reload);
    connect(m_duplicates, &DuplicatesController::merged, m_guestList, &crm::ui::GuestListPanel::reload);
    // A call recorded may have opened or closed a call-back task.
    connect(m_phone, &PhoneController::callRecorded, m_tasks, &crm::ui::TaskAgendaPanel::reload);
}

void MainWindow::connectPanels()
{
    // Every list that names guests opens them on the card and calls their numbers.
    const auto opensGuests = [this](auto *panel) {
        using Panel = std::remove_pointer_t<decltype(panel)>;
        connect(panel, &Panel::guestActivated, this, &MainWindow::openGuest);
        connect(panel, &Panel::errorOccurred, this, &MainWindow::showError);
    };
    opensGuests(m_search);
    opensGuests(m_guestList);
    opensGuests(m_tasks);
    opensGuests(m_deals);
    connect(m_search, &crm::ui::GuestSearchPanel::callRequested, m_phone, &PhoneController::call);
    connect(m_guestList, &crm::ui::GuestListPanel::callRequested, m_phone, &PhoneController::call);
    connect(m_tasks, &crm::ui::TaskAgendaPanel::callRequested, m_phone, &PhoneController::call);
    connect(m_card, &crm::ui::GuestCardPanel::callRequested, m_phone, &PhoneController::call);
    connect(m_card, &crm::ui::GuestCardPanel::errorOccurred, this, &MainWindow::showError);
    connect(m_card, &crm::ui::GuestCardPanel::compareRequested, m_duplicates, &DuplicatesController::compare);
    connect(m_card, &crm::ui::GuestCardPanel::taskRequested, m_taskActions, &TasksController::newTask);
    connect(m_card, &crm::ui::GuestCardPanel::recordingRequested, m_phone, &PhoneController::playRecording);
    connect(m_card, &crm::ui::GuestCardPanel::guestChanged, m_guestList, &crm::ui::GuestListPanel::reload);
    connect(m_card, &crm::ui::GuestCardPanel::bookRequested, this, &MainWindow::bookForGuest);
}

void MainWindow::connectBookings()
{
    connect(m_bookingPanel, &booking::ui::BookingPanel::message, this, &MainWindow::showError);
    connect(m_bookingPanel, &booking::ui::BookingPanel::guestRequested, this, &MainWindow::openGuest);
    connect(m_bookingPanel, &booking::ui::BookingPanel::voucherRequested, m_vouchers,
            &VoucherActions::handle);
    connect(m_bookingPanel, &booking::ui::BookingPanel::paymentLinkRequested, m_paymentLinks,
            &PaymentLinkActions::requestLink);
    connect(m_vouchers, &VoucherActions::message, this, &MainWindow::showError);
    connect(m_catalogue, &CatalogueActions::message, this, &MainWindow::showError);
    connect(m_paymentLinks, &PaymentLinkActions::message, this, &MainWindow::showError);
    connect(m_paymentLinks, &PaymentLinkActions::paid, this, [this](const Id &bookingId) {
        m_bookingPanel->reload();
        m_cards->refresh();
        m_vouchers->handle(bookingId, true); // the voucher goes out with the prepayment
    });
    connect(m_catalogue, &CatalogueActions::catalogueChanged, m_bookingPanel,
            &booking::ui::BookingPanel::reload);
    // A booking held, moved, cancelled or paid, a voucher sent: the open card shows it.
    connect(m_vouchers, &VoucherActions::sent, m_cards, &CardController::refresh);
    connect(m_vouchers, &VoucherActions::notSent, m_cards, &CardController::refresh); // «не отправлен»
    // The grid marks a booking whose voucher has not gone, and clears the mark once it has.
    connect(m_vouchers, &VoucherActions::sent, m_bookingPanel, &booking::ui::BookingPanel::reload);
    connect(m_vouchers, &VoucherActions::notSent, m_bookingPanel, &booking::ui::BookingPanel::reload);
    connect(m_bookingPanel, &booking::ui::BookingPanel::bookingChanged, m_cards, &CardController::refresh);
}

void MainWindow::applyPermissions()
{
    // Every action asks the access rules the write path and kasp-sync apply (a director reads; a
    // consultant does not change rooms, prices or staff).
    const AppContext &c = m_context;
    const bool edits = c.worksTheBase();
    m_newGuest->setEnabled(c.may("guest.create"));
    m_editGuest->setEnabled(edits);
    m_importGuests->setEnabled(c.may("guest.create"));
    m_findDuplicates->setEnabled(c.may("guest.merge"));
    m_newDeal->setEnabled(c.may("deal.create"));
    m_deals->setCanMoveDeals(c.may("deal.move"));
    m_card->setEditable(edits);
    m_card->setCanRecordConsent(c.may("consent.add"));
    m_card->setCanMerge(c.may("guest.merge"));
    m_tasks->setCanWork(c.may("task.set_status"));
    m_card->setUser(c.user().id);
    m_bookingPanel->setEditable(c.may("booking.create"));
    m_bookingPanel->setManagesStock(c.may("room_closure.create"));
    m_tariffsAction->setEnabled(c.may("tariff.update"));
    m_stockAction->setEnabled(c.may("room.update"));
    m_vouchers->setChangesBookingRules(c.may("tariff.update")); // the department's prices and rules
    // Each desktop's shop settings (the secret in its keychain): whoever takes payments sets them.
    m_onlinePaymentAction->setEnabled(c.may("payment.add"));
    if (c.may("payment.add"))
        m_paymentLinks->start(); // watches this desktop's open links (when a shop is configured)
}

void MainWindow::connectSync()
{
    SyncSession *sync = m_context.sync();
    if (!sync)
        return;
    // Colleagues' bookings arrive with each sync; a booking the server refused is shown and
    // another room offered. Rooms and prices the head of sales changed come with them too.
    connect(sync, &SyncSession::dataArrived, m_bookingPanel, [this] {
        m_context.booking().reloadStock();
        if (auto s = m_context.booking().loadRules(); !s.ok()) // the head of sales' new rules
            showMessage(s.error().message, 0);
        m_bookingPanel->reload();
        m_guestList->reload();
        m_deals->reload();
        m_tasks->reload();
        // What is open follows too: the card and the search results (issue 21).
        m_cards->refresh();
        m_search->refresh();
    });
    connect(sync, &SyncSession::bookingLost, m_bookingPanel, &booking::ui::BookingPanel::addLostBooking);
    connect(sync, &SyncSession::changeRejected, this, [this](const QString &message) {
        // Not modal: the consultant may be on a call; the message stays until read.
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Not saved on the server"), message,
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}

void MainWindow::buildStatusBar()
{
    const DatabaseInfo &database = m_context.databaseInfo();
    auto *databaseLabel = new QLabel;
    databaseLabel->setObjectName(QStringLiteral("databaseState"));
    // Short: the status bar's permanent texts add up to the window's minimum width.
    databaseLabel->setText(
        tr("Database %1 · schema %2").arg(QFileInfo(database.path).fileName()).arg(database.schemaVersion));
    databaseLabel->setToolTip(tr("Local database: %1 · encrypted · schema %2")
                                  .arg(QDir::toNativeSeparators(database.path))
                                  .arg(database.schemaVersion));
    const User &user = m_context.user();
    auto *userLabel = new QLabel(QStringLiteral("%1 · %2").arg(user.displayName, roleTitle(user.role)));
    m_notifications = new NotificationArea(m_context.clock());
    statusBar()->addPermanentWidget(m_notifications);
    if (m_context.sync()) {
        m_syncStatus = new SyncStatusWidget(*m_context.sync());
        statusBar()->addPermanentWidget(m_syncStatus);
    }
    statusBar()->addPermanentWidget(databaseLabel);
    statusBar()->addPermanentWidget(userLabel);
}

void MainWindow::connectToServer()
{
    SyncSession *sync = m_context.sync();
    // As the person signed in: the desk then syncs under their own account (issue 20).
    ServerDialog dialog(*sync, sync->serverUrl(), m_context.user().login, this);
    dialog.fixLogin(m_context.user().login);
    runModal(dialog);
}

PhoneSession *MainWindow::enablePhone(telephony::Softphone::Options options)
{
    return m_phone->enable(std::move(options));
}

PhoneSession *MainWindow::phone() const
{
    return m_phone->session();
}

crm::ui::DuplicatesDialog *MainWindow::duplicatesDialog() const
{
    return m_duplicates->dialog();
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
    QAction *lock = file->addAction(tr("&Lock or switch user"), this, &MainWindow::lockRequested);
    lock->setObjectName(QStringLiteral("lockAction"));
    lock->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    lock->setToolTip(tr("Leave the desk: the window is covered until a password is typed (a shift "
                        "change: a colleague signs in with theirs)"));
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
    if (m_context.permissions().seesDepartmentKpi) { // the head of sales and the director
        QAction *team = go->addAction(tr("The team's &tasks…"), m_taskActions, &TasksController::showTeam);
        team->setObjectName(QStringLiteral("teamTasksAction"));
        team->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
        team->setToolTip(tr("Each person's tasks for today and how many are overdue"));
    }

    if (m_context.sync()) {
        QMenu *server = menuBar()->addMenu(tr("&Server"));
        server->addAction(tr("&Connect to server…"), this, &MainWindow::connectToServer)
            ->setToolTip(tr("Share the base with colleagues through kasp-sync"));
        QAction *syncNow = server->addAction(tr("&Sync now"), this, &MainWindow::syncNow);
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
    // Calls land on the guests' timelines: a role that records no touches (the director) has no
    // phone, as the server would refuse its calls' records.
    QAction *phone = tools->addAction(tr("&Phone (SIP)…"), this, &MainWindow::editPhoneSettings);
    phone->setObjectName(QStringLiteral("phoneSettingsAction"));
    phone->setEnabled(m_context.permissions().makesCalls);
    phone->setToolTip(m_context.permissions().makesCalls
                          ? tr("This desktop's extension on the sanatorium's PBX")
                          : tr("Consultants and the head of sales make the calls"));
    m_onlinePaymentAction->setToolTip(tr("The YooKassa shop guests pay prepayments to by card"));
    tools->addSeparator();
    tools->addAction(tr("&Booking rules…"), m_vouchers, &VoucherActions::editBookingRules)
        ->setToolTip(tr("How long an unpaid hold lasts; the prepayment asked for"));
    tools->addAction(tr("&Mail for vouchers…"), m_vouchers, &VoucherActions::editMailSettings)
        ->setToolTip(tr("The mail server vouchers are sent through"));
    tools->addSeparator();
    m_accounts->addTo(tools);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *guide = help->addAction(tr("&Keys and first day"), this, [this] {
        HelpDialog dialog(this, m_context.user().role, this);
        dialog.exec();
    });
    guide->setObjectName(QStringLiteral("helpAction"));
    guide->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About KASP"), this, [this] {
        QMessageBox::about(this, tr("About KASP"),
                           tr("<b>KASP %1</b><br>Sales workstation for sanatorium sales departments.")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::openGuest(const Id &guestId)
{
    m_cards->open(guestId);
}

void MainWindow::newGuest()
{
    m_cards->newGuest();
}

void MainWindow::editGuest()
{
    m_cards->editGuest();
}

void MainWindow::newDeal()
{
    m_dealActions->newDeal();
}

void MainWindow::findDuplicates()
{
    m_duplicates->findDuplicates();
}

void MainWindow::editPhoneSettings()
{
    if (!m_context.permissions().makesCalls)
        return;
    m_phone->editSettings();
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
    const QDate today = m_context.clock().today();
    m_bookingPanel->openBookingDialog(Id(), today.addDays(1), today.addDays(15));
}

void MainWindow::showDeals()
{
    m_tabs->setCurrentWidget(m_deals);
    if (!m_deals->columnViews().isEmpty())
        m_deals->columnViews().first()->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::showGuestList()
{
    m_tabs->setCurrentWidget(m_guestList);
    m_guestList->view()->setFocus(Qt::ShortcutFocusReason);
}

QString MainWindow::exportCurrentList(const QString &testPath)
{
    QString saved;
    if (m_tabs->currentWidget() == m_deals) {
        if (auto all = m_deals->loadAllDeals(); !all.ok()) {
            showError(all.error().message);
            return {};
        }
        crm::ModelExportSource source(*m_deals->listView()->model());
        saved = exportListInteractively(this, source, tr("Deals"), m_context.clock().today(), testPath);
    } else {
        // What the list shows: the Гости tab's list as it is, or else the search's results.
        const QHash<Id, QString> names = m_guestList->model()->userNames();
        const bool fromList = m_tabs->currentWidget() == m_guestList;
        const auto source =
            fromList ? std::make_unique<crm::GuestExportSource>(m_guestList->model()->list(), names,
                                                                m_context.guests().consents())
                     : std::make_unique<crm::GuestExportSource>(shownGuests(*m_search->model()), names,
                                                                m_context.guests().consents());
        if (!fromList && source->rowCountHint() == 0) {
            showMessage(tr("Nothing to export: open the guest list (Ctrl+L) or find guests first"), 8000);
            return {};
        }
        source->setContacts(m_context.permissions().exportsContacts);
        saved = exportListInteractively(this, *source, fromList ? tr("Guests") : tr("Found guests"),
                                        m_context.clock().today(), testPath);
        if (!saved.isEmpty() && !source->contacts()) {
            showMessage(tr("Saved %1 without phones: only the head of sales exports guests' contacts")
                            .arg(QDir::toNativeSeparators(saved)),
                        8000);
            return saved;
        }
    }
    if (!saved.isEmpty())
        showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(saved)), 8000);
    return saved;
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
    crm::GuestImporter importer = m_context.guests().importer();
    crm::ui::GuestImportDialog dialog(importer, text.value(), QFileInfo(path).fileName(), this);
    connect(&dialog, &crm::ui::GuestImportDialog::imported, m_guestList, &crm::ui::GuestListPanel::reload);
    dialog.exec();
}

void MainWindow::runModal(QDialog &dialog)
{
    if (modalHook)
        modalHook(dialog);
    else
        dialog.exec();
}

void MainWindow::showError(const QString &message)
{
    showMessage(message, 10000);
}

void MainWindow::showMessage(const QString &message, int timeoutMs)
{
    // The whole text goes to the notification area; the bar shows what fits left of its permanent
    // widgets (the notification button is the first of them).
    if (!m_notifications) { // before the status bar is built
        statusBar()->showMessage(message, timeoutMs);
        return;
    }
    m_notifications->add(message);
    const int room = m_notifications->isVisible() && m_notifications->x() > 0 ? m_notifications->x() - 16
                                                                              : statusBar()->width() / 2;
    statusBar()->showMessage(NotificationArea::shortForm(message, statusBar()->fontMetrics(), room),
                             timeoutMs);
}

void MainWindow::syncNow()
{
    SyncSession *sync = m_context.sync();
    if (!sync)
        return;
    if (!sync->isConfigured() || !sync->client()) {
        showMessage(tr("This desk has no server to sync with: it works alone. To share the base with "
                       "colleagues, choose Server → Connect to server…"),
                    15000);
        return;
    }
    showMessage(tr("Syncing with the server…"), 3000);
    sync->syncNow();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    session::Settings &settings = m_context.settings();
    settings.setWindowGeometry(saveGeometry());
    settings.setWindowState(saveState());
    settings.sync();
    QMainWindow::closeEvent(event);
}

} // namespace kasp::app
