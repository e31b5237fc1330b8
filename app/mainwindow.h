#pragma once
// The Sales Window: composes the panels (tabs and docks) and the controllers that work between
// them; each panel owns its area, each controller one job (cardcontroller.h, phonecontroller.h,
// taskscontroller.h, dealscontroller.h, duplicatescontroller.h). It builds no service: everything
// comes from the AppContext start-up made.
#include "kasp/core/id.h"
#include "kasp/telephony/softphone.h"
#include "modalrunner.h"
#include <QMainWindow>

class QLabel;
class QAction;
class QDialog;
class QTabWidget;

namespace kasp::booking::ui {
class BookingPanel;
}
namespace kasp::crm::ui {
class GuestSearchPanel;
class GuestCardPanel;
class GuestListPanel;
class DealBoardPanel;
class TaskAgendaPanel;
class DuplicatesDialog;
} // namespace kasp::crm::ui

namespace kasp::app {

class AccountActions;
class AppContext;
class CardController;
class CatalogueActions;
class DealsController;
class DuplicatesController;
class PaymentLinkActions;
class PhoneController;
class PhoneSession;
class SyncStatusWidget;
class TasksController;
class TrayNotifier;
class NotificationArea;
class VoucherActions;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // `context` must outlive the window.
    explicit MainWindow(AppContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    AppContext &context() const { return m_context; }
    crm::ui::GuestSearchPanel *searchPanel() const { return m_search; }
    crm::ui::GuestCardPanel *cardPanel() const { return m_card; }
    crm::ui::GuestListPanel *guestList() const { return m_guestList; }
    crm::ui::DealBoardPanel *dealBoard() const { return m_deals; }
    crm::ui::TaskAgendaPanel *taskAgenda() const { return m_tasks; }
    booking::ui::BookingPanel *bookingPanel() const { return m_bookingPanel; }
    QTabWidget *tabs() const { return m_tabs; }
    QAction *newDealAction() const { return m_newDeal; }
    QAction *newGuestAction() const { return m_newGuest; }
    QAction *findDuplicatesAction() const { return m_findDuplicates; }
    crm::ui::DuplicatesDialog *duplicatesDialog() const;
    SyncStatusWidget *syncStatus() const { return m_syncStatus; }
    // The status bar's messages in full («Сообщения (2)»); the bar shows their short form.
    NotificationArea *notifications() const { return m_notifications; }
    VoucherActions *vouchers() const { return m_vouchers; }
    CatalogueActions *catalogue() const { return m_catalogue; }
    PaymentLinkActions *paymentLinks() const { return m_paymentLinks; }
    TrayNotifier *notifier() const { return m_notifier; }
    CardController *cards() const { return m_cards; }
    PhoneController *phoneController() const { return m_phone; }
    TasksController *tasksController() const { return m_taskActions; }
    // Сервис → Учётные записи… and Сменить пароль… (the idle lock's minutes come from there).
    AccountActions *accountActions() const { return m_accounts; }
    // The softphone (when this desktop has a SIP account in its settings): the phone panel on the
    // right, a ring opens the caller's card, every call lands on the guest's timeline.
    PhoneSession *enablePhone(telephony::Softphone::Options options);
    PhoneSession *phone() const;
    // For tests: runs instead of a form's exec() (the form is set up, not yet shown).
    std::function<void(QDialog &)> modalHook;

public slots:
    void newGuest();
    void editGuest();
    void openGuest(const kasp::Id &guestId);
    void connectToServer();
    // Сервер → Синхронизировать сейчас (Ctrl+Shift+S): says what to do when no server is set.
    void syncNow();
    void bookForGuest(const kasp::Id &guestId);
    void showGrid();
    void showGuestList();
    void showDeals();
    void newDeal();
    // The open tab's list (the deals' list on the Сделки tab, otherwise the whole guest base) to a
    // file the user picks; `testPath` skips the file dialog. Returns the saved path or "".
    QString exportCurrentList(const QString &testPath = {});
    void importGuests();
    void findDuplicates(); // Гость → Дубли карточек: the whole base's likely duplicates
    void editPhoneSettings(); // Сервис → Телефон (SIP)…

signals:
    // Гость → «Заблокировать / сменить пользователя» (Ctrl+Shift+L): start-up's session lock.
    void lockRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildTabs();
    void buildDocks();
    void buildControllers();
    void connectPanels();
    void connectBookings();
    void connectSync();
    void buildMenus();
    void applyPermissions();
    void buildStatusBar();
    void showError(const QString &message); // in the status bar for 10 s
    void showMessage(const QString &message, int timeoutMs);
    void runModal(QDialog &dialog);

    AppContext &m_context;
    crm::ui::GuestSearchPanel *m_search;
    crm::ui::GuestCardPanel *m_card;
    crm::ui::GuestListPanel *m_guestList;
    QTabWidget *m_tabs;
    booking::ui::BookingPanel *m_bookingPanel;
    crm::ui::DealBoardPanel *m_deals;
    crm::ui::TaskAgendaPanel *m_tasks;
    VoucherActions *m_vouchers;
    CatalogueActions *m_catalogue;
    PaymentLinkActions *m_paymentLinks;
    TrayNotifier *m_notifier;
    CardController *m_cards = nullptr;
    PhoneController *m_phone = nullptr;
    TasksController *m_taskActions = nullptr;
    DealsController *m_dealActions = nullptr;
    DuplicatesController *m_duplicates = nullptr;
    AccountActions *m_accounts = nullptr;
    QAction *m_newGuest = nullptr;
    QAction *m_tariffsAction = nullptr;
    QAction *m_stockAction = nullptr;
    QAction *m_onlinePaymentAction = nullptr;
    QAction *m_editGuest = nullptr;
    QAction *m_importGuests = nullptr;
    QAction *m_newDeal = nullptr;
    QAction *m_exportList = nullptr;
    QAction *m_findDuplicates = nullptr;
    SyncStatusWidget *m_syncStatus = nullptr;
    NotificationArea *m_notifications = nullptr;
};

} // namespace kasp::app
