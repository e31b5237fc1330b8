#pragma once
// Softphone's insides, shared by softphone.cpp (registration, calls) and softphonetransfer.cpp
// (blind and attended transfers). liblinphone stays behind this header.
#include "kasp/telephony/softphone.h"
#include "pbxprobe.h"

#include <linphone++/linphone.hh>
#include <map>
#include <QElapsedTimer>
#include <QHash>
#include <QTimer>

namespace kasp::telephony {

class SoftphoneListener : public linphone::CoreListener
{
public:
    explicit SoftphoneListener(Softphone *phone) : m_phone(phone) {}
    void detach() { m_phone = nullptr; }

    void onAccountRegistrationStateChanged(const std::shared_ptr<linphone::Core> &,
                                           const std::shared_ptr<linphone::Account> &account,
                                           linphone::RegistrationState state,
                                           const std::string &message) override;
    void onCallStateChanged(const std::shared_ptr<linphone::Core> &,
                            const std::shared_ptr<linphone::Call> &call, linphone::Call::State state,
                            const std::string &message) override;
    void onDtmfReceived(const std::shared_ptr<linphone::Core> &, const std::shared_ptr<linphone::Call> &call,
                        int dtmf) override;
    // The other party's progress with a call we asked it to make (REFER's NOTIFYs).
    void onNotifyPresenceReceived(const std::shared_ptr<linphone::Core> &,
                                  const std::shared_ptr<linphone::Friend> &linphoneFriend) override;
    void onTransferStateChanged(const std::shared_ptr<linphone::Core> &,
                                const std::shared_ptr<linphone::Call> &transferred,
                                linphone::Call::State state) override;

private:
    Softphone *m_phone;
};

struct Softphone::Private
{
    struct Call
    {
        std::shared_ptr<linphone::Call> call;
        CallInfo info;
        bool connected = false; // was ever answered
        bool declinedHere = false;
        bool hungUpHere = false; // this desk ended it (F4), not the other side
        QElapsedTimer talking;   // from the answer
        // A blind transfer asked for while the call was not yet on hold: sent once it is.
        std::shared_ptr<linphone::Address> transferOnHold;
        QString transferTarget;     // whom the other party was asked to call
        QString lateTransferTarget; // a transfer reported failed that may still be answered
        bool transferBlind = false;
        int transferAttempt = 0; // which transfer the time limit's timer belongs to
        // A resume the consultant asked for and the other side crossed with its own re-INVITE
        // (491 Request Pending, e.g. right after a failed transfer): tried again a moment later.
        bool resumeWanted = false;
        int resumeRetries = 0;
        QString tones;      // typed, not sent yet (Softphone::sendNextTone)
        QString recordPath; // absolute; given to liblinphone when answered or dialled
        bool recordingStarted = false;
    };

    Options options;
    std::shared_ptr<linphone::Core> core;
    std::shared_ptr<SoftphoneListener> listener;
    std::shared_ptr<linphone::Account> account;
    QTimer iterate;
    QTimer keepRegistered;           // renews a registration (see Options::keepRegisteredSecs)
    QTimer retryRegister;            // registers again while the PBX is away
    QTimer tonePacer;                // sends queued tones one by one
    PbxProbe probe;                  // notices a PBX gone quiet (Options::probePbxSecs)
    bool pbxLost = false;            // the probe found the PBX gone; registering again when it answers
    std::map<const void *, int> ids; // by the C object: wrappers may differ between callbacks
    QHash<int, Call> calls;
    int nextId = 1;
    QString outgoingRecordPath; // for the call dial() is creating (numbered in its callback)
    QHash<QString, std::shared_ptr<linphone::Friend>> watched; // by user (extension)
    QHash<QString, Presence> presence;
    // Publishes busy while there is a call, free otherwise (softphonepresence.cpp).
    void publishOwnPresence();

    Call *find(int id) { return calls.contains(id) ? &calls[id] : nullptr; }
    // Puts every call that talks now, except `keepId`, on hold (see dial, answer, resume).
    void holdOthers(int keepId);
    // The file a new call with `remote` would be recorded to (its folder made); "" when this desk
    // does not record. softphonerecording.cpp.
    QString plannedRecording(const QString &remote, int id) const;
    // The call is talking: starts its recording (once); false when it has no file.
    bool beginRecording(Call &c);
    // A number or login on the account's server, as dial() and transfers address it.
    std::shared_ptr<linphone::Address> addressFor(const QString &number) const;
    // The probe's findings become the registration's state (softphoneprobe.cpp).
    void watchPbx(Softphone *phone);
    void startProbe(const QString &host, int port, bool udp, const QString &user);
    // Sends the REFER of a blind transfer (the call is on hold by now).
    void sendBlindTransfer(Softphone *phone, Call &c, const std::shared_ptr<linphone::Address> &to);
    // Starts the transfer's time limit; the failure, if it comes, is reported once.
    void watchTransfer(Softphone *phone, Call &c);
    void failTransfer(Softphone *phone, Call &c);
    int idOf(const std::shared_ptr<linphone::Call> &call) const
    {
        const auto it = ids.find(call->cPtr());
        return it == ids.end() ? 0 : it->second;
    }
};

} // namespace kasp::telephony
