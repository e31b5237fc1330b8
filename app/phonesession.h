#pragma once
// The phone in the Sales Window: the desktop's SIP account (settings + the keychain's password),
// the softphone, and what a call means for the CRM. A ring looks the number up at once and asks the
// window to open that guest's card (or a new card with the number); when the call ends it is
// recorded on the guest's timeline (CallJournal), missed calls with a call-back task.
#include "kasp/crm/calljournal.h"
#include "kasp/telephony/softphone.h"
#include "kasp/telephony/ui/transferdialog.h"
#include <QHash>
#include <QObject>
#include <QSet>

namespace kasp::credentials {
class CredentialStore;
}
namespace kasp::session {
class Settings;
}

namespace kasp::app {

class PhoneSession : public QObject
{
    Q_OBJECT
public:
    PhoneSession(QSqlDatabase db, const Clock &clock, session::Settings &settings, Id userId,
                 telephony::Softphone::Options options, QObject *parent = nullptr);

    // Reads the password from the keychain and registers (when a server is set).
    void start();
    telephony::Softphone &phone() { return m_phone; }
    // The card the consultant works on during a call: the journal records the call there.
    void setGuestForCall(int callId, const Id &guestId) { m_guestOfCall.insert(callId, guestId); }
    // The same, unless the call already has its card (a number clicked on a card, then another
    // card opened before the answer: the call stays with the first).
    Id guestOfCall(int callId) const { return m_guestOfCall.value(callId); }
    void setGuestForCallIfNone(int callId, const Id &guestId)
    {
        if (!m_guestOfCall.contains(callId) && !m_consultations.contains(callId))
            m_guestOfCall.insert(callId, guestId);
    }
    // The consultant's call with a colleague before an attended transfer: it belongs to no guest
    // and lands on no timeline (it is not a contact with the guest whose card is open).
    void setConsultation(int callId)
    {
        m_consultations.insert(callId);
        m_guestOfCall.remove(callId);
    }

    // Colleagues whose desks have published their extension, for the transfer dialog (not oneself).
    QList<telephony::ui::Colleague> colleagues() const;

signals:
    // A call rings: the known guests of that number (usually one), or none with the number to fill in.
    void ringing(const kasp::telephony::CallInfo &call, const QList<kasp::Id> &guests, const QString &phone);
    // This desk dials a number (the number box, a card's link): its guests, as for a ring.
    void dialled(const kasp::telephony::CallInfo &call, const QList<kasp::Id> &guests);
    void callRecorded(const kasp::Id &guestId);
    // The same, naming the call: the form opened for that call's unknown number completes the card
    // the journal gave it.
    void callRecordedFor(int callId, const kasp::Id &guestId);
    void status(const QString &text); // registration state in words, errors included
    void message(const QString &text);

private:
    void onIncoming(const telephony::CallInfo &call);
    void onOutgoing(const telephony::CallInfo &call);
    void onEnded(const telephony::CallInfo &call, telephony::CallResult result, int seconds);
    // Registered: this user's record carries the desk's extension, so colleagues can transfer to it.
    void publishExtension();

    QSqlDatabase m_db;
    const Clock &m_clock;
    session::Settings &m_settings;
    Id m_userId;
    crm::CallJournal m_journal;
    telephony::Softphone m_phone;
    credentials::CredentialStore *m_keychain;
    QHash<int, Id> m_guestOfCall;
    QSet<int> m_consultations;
    QSet<int> m_outgoingSeen; // outgoing calls already looked up
    bool m_started = false;
};

QString callResultKey(telephony::CallResult result); // "answered", "missed", ...

} // namespace kasp::app
