#pragma once
// The phone in the Sales Window: the dock with the phone panel, a ringing call opening its guest's
// card (loaded once, shared with the phone panel and the notification), click-to-call, recordings
// played from the card, the desktop-wide phone keys, and Tools → Phone (SIP)….
#include "kasp/core/id.h"
#include "kasp/core/phone.h"
#include "kasp/core/user.h"
#include "kasp/telephony/softphone.h"
#include "modalrunner.h"
#include <QHash>
#include <QObject>
#include <QPointer>

class QMainWindow;

namespace kasp::crm::ui {
class GuestEditDialog;
class GuestSearchPanel;
} // namespace kasp::crm::ui
namespace kasp::telephony::ui {
class PhonePanel;
}

namespace kasp::app {

class AppContext;
class CardController;
class GlobalHotkeys;
class PhoneSession;
class TrayNotifier;

class PhoneController : public QObject
{
    Q_OBJECT
public:
    PhoneController(AppContext &context, CardController &cards, crm::ui::GuestSearchPanel *search,
                    TrayNotifier *notifier, ModalRunner runModal, QMainWindow *window);

    // The softphone with this desk's SIP account: the phone dock on the right, registered.
    PhoneSession *enable(telephony::Softphone::Options options);
    PhoneSession *session() const { return m_session; }
    // Click-to-call: the desk's softphone dials the number; the call lands on this guest's card.
    void call(const kasp::Id &guestId, const kasp::Phone &phone);
    void playRecording(const QString &recording); // in the system's player, if this desk has it
    void editSettings();                          // Сервис → Телефон (SIP)…

signals:
    void callRecorded(const kasp::Id &guestId); // on the guest's timeline; the agenda may change
    void message(const QString &text, int timeoutMs = 10000);

private:
    void ringing(const kasp::telephony::CallInfo &call, const QList<kasp::Id> &guests, const QString &phone);
    void newCaller(int callId, const QString &phone);
    void dialled(const kasp::telephony::CallInfo &call, const QList<kasp::Id> &guests);
    QString guestName(const kasp::Id &guestId) const; // "" when the card cannot be read
    // Ctrl+Shift+F3 / F4 / F6 / F8 from any program (when the phone's settings allow).
    void installGlobalKeys();
    QString recordingsDir() const;           // <the database's folder>/recordings
    RecordingPolicy recordingPolicy() const; // this desk's setting, or the role's rule

    AppContext &m_context;
    CardController &m_cards;
    crm::ui::GuestSearchPanel *m_search;
    TrayNotifier *m_notifier;
    ModalRunner m_runModal;
    QMainWindow *m_window;
    PhoneSession *m_session = nullptr;
    // The new-guest forms opened for unknown callers, by call: when such a call ends unsaved, its
    // form completes the card the journal made rather than adding a second one.
    QHash<int, QPointer<crm::ui::GuestEditDialog>> m_newCallerForms;
    telephony::ui::PhonePanel *m_panel = nullptr;
    GlobalHotkeys *m_hotkeys = nullptr;
};

} // namespace kasp::app
