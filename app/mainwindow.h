#pragma once
// The Sales Window: composes the panels; each panel owns its area. Telephony, booking, scripts and
// KPI panels join here as their issues land.
#include "kasp/core/phone.h"
#include "kasp/core/user.h"
#include "kasp/storage/connectionfactory.h"
#include "kasp/telephony/softphone.h"
#include <functional>
#include <memory>
#include <QMainWindow>

class QLabel;
class QAction;
class QDialog;
class QTabWidget;

namespace kasp::booking {
class BookingService;
namespace ui {
class BookingPanel;
}
} // namespace kasp::booking
namespace kasp::crm {
class DealService;
class DuplicateService;
class GuestService;
class TaskService;
} // namespace kasp::crm
namespace kasp::crm::ui {
class GuestSearchPanel;
class GuestCardPanel;
class GuestListPanel;
class DealBoardPanel;
class TaskAgendaPanel;
class DuplicatesDialog;
} // namespace kasp::crm::ui
namespace kasp::telephony::ui {
class PhonePanel;
}
namespace kasp::storage {
struct AgendaTask;
}
namespace kasp::session {
class Settings;
}

namespace kasp::app {

class SyncSession;
class SyncStatusWidget;
class CatalogueActions;
class PaymentLinkActions;
class PhoneSession;
class GlobalHotkeys;
class VoucherActions;
class TrayNotifier;

struct DatabaseInfo
{
    QString path;
    int schemaVersion = 0;
    bool encrypted = true;
};

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(crm::GuestService &guests, booking::BookingService &booking, const User &user,
               const DatabaseInfo &database, session::Settings &settings, SyncSession *sync = nullptr,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    crm::ui::GuestSearchPanel *searchPanel() const { return m_search; }
    crm::ui::GuestCardPanel *cardPanel() const { return m_card; }
    crm::ui::GuestListPanel *guestList() const { return m_guestList; }
    crm::ui::DealBoardPanel *dealBoard() const { return m_deals; }
    crm::ui::TaskAgendaPanel *taskAgenda() const { return m_tasks; }
    QAction *newDealAction() const { return m_newDeal; }
    QAction *newGuestAction() const { return m_newGuest; }
    QAction *findDuplicatesAction() const { return m_findDuplicates; }
    crm::ui::DuplicatesDialog *duplicatesDialog() const { return m_duplicates; }
    // More connections to the database for work off the GUI thread (the duplicates scan).
    void setWorkerConnections(storage::ConnectionOpener opener);
    SyncStatusWidget *syncStatus() const { return m_syncStatus; }
    booking::ui::BookingPanel *bookingPanel() const { return m_bookingPanel; }
    QTabWidget *tabs() const { return m_tabs; }
    VoucherActions *vouchers() const { return m_vouchers; }
    CatalogueActions *catalogue() const { return m_catalogue; }
    PaymentLinkActions *paymentLinks() const { return m_paymentLinks; }
    // The softphone (when this desktop has a SIP account in its settings): the phone panel on the
    // right, a ring opens the caller's card, every call lands on the guest's timeline.
    PhoneSession *enablePhone(telephony::Softphone::Options options);
    PhoneSession *phone() const { return m_phone; }
    TrayNotifier *notifier() const { return m_notifier; }
    // Tasks just come due: a tray notification when the window is behind others (cardactions.cpp).
    void remindTasks(const QList<kasp::storage::AgendaTask> &tasks);
    // For tests: runs instead of a form's exec() (the form is set up, not yet shown).
    std::function<void(QDialog &)> modalHook;
    void editPhoneSettings(); // Сервис → Телефон (SIP)…

public slots:
    void newGuest();
    void editGuest();
    void openGuest(const kasp::Id &guestId);
    void connectToServer();
    void bookForGuest(const kasp::Id &guestId);
    void showGrid();
    void showGuestList();
    void showDeals();
    void newDeal();
    // The open tab's list (the deals' list on the Сделки tab, otherwise the whole guest base) to a
    // file the user picks; `testPath` skips the file dialog. Returns the saved path or "".
    QString exportCurrentList(const QString &testPath = {});
    void importGuests();
    // Гость → Дубли карточек: the whole base's likely duplicates (duplicateswiring.cpp).
    void findDuplicates();
    // The card's "looks like" link: these two cards side by side.
    void compareGuests(const kasp::Id &a, const kasp::Id &b);
    // The card's "Задача…" (Ctrl+T): a task about the guest (cardactions.cpp).
    void newTask(const kasp::Id &guestId);
    // Click-to-call: the desk's softphone dials the number; the call lands on this guest's card.
    void callGuest(const kasp::Id &guestId, const kasp::Phone &phone);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void showError(const QString &message);
    void callRinging(const kasp::telephony::CallInfo &call, const QList<kasp::Id> &guests,
                     const QString &phone);
    // Ctrl+Shift+F3 / F4 / F6 / F8 from any program (when the phone's settings allow).
    void installGlobalKeys();
    QString recordingsDir() const;                // <the database's folder>/recordings
    void playRecording(const QString &recording); // in the system's player, if this desk has it
    RecordingPolicy recordingPolicy() const;      // this desk's setting, or the role's rule
    void guestSaved(const kasp::Id &guestId);     // the list learns of it, the card opens
    crm::ui::DuplicatesDialog *ensureDuplicatesDialog();

    crm::GuestService &m_guests;
    User m_user;
    session::Settings &m_settings;
    crm::ui::GuestSearchPanel *m_search;
    crm::ui::GuestCardPanel *m_card;
    crm::ui::GuestListPanel *m_guestList;
    QTabWidget *m_tabs;
    booking::ui::BookingPanel *m_bookingPanel;
    VoucherActions *m_vouchers;
    CatalogueActions *m_catalogue;
    PaymentLinkActions *m_paymentLinks;
    PhoneSession *m_phone = nullptr;
    telephony::ui::PhonePanel *m_phonePanel = nullptr;
    GlobalHotkeys *m_hotkeys = nullptr;
    booking::BookingService &m_booking;
    QAction *m_newGuest = nullptr;
    QAction *m_tariffsAction = nullptr;
    QAction *m_stockAction = nullptr;
    QAction *m_onlinePaymentAction = nullptr;
    QAction *m_editGuest = nullptr;
    QAction *m_importGuests = nullptr;
    QAction *m_newDeal = nullptr;
    QAction *m_exportList = nullptr;
    QAction *m_findDuplicates = nullptr;
    std::unique_ptr<crm::DuplicateService> m_duplicateService;
    crm::ui::DuplicatesDialog *m_duplicates = nullptr;
    storage::ConnectionOpener m_workerConnections;
    std::unique_ptr<crm::DealService> m_dealService;
    crm::ui::DealBoardPanel *m_deals = nullptr;
    std::unique_ptr<crm::TaskService> m_taskService;
    crm::ui::TaskAgendaPanel *m_tasks = nullptr;
    TrayNotifier *m_notifier = nullptr;
    QLabel *m_dbLabel;
    QLabel *m_userLabel;
    SyncSession *m_sync = nullptr;
    SyncStatusWidget *m_syncStatus = nullptr;
};

} // namespace kasp::app
