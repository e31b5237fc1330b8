#pragma once
// The Sales Window's phone: one SIP account on the sanatorium's PBX, calls in and out, through
// liblinphone. Driven from the Qt event loop (a 10 ms timer runs the SIP stack; every signal comes
// from there, on the thread that made the Softphone). Runs with no sound card (files) for tests.
#include "kasp/core/clock.h"
#include "kasp/core/result.h"
#include "kasp/core/user.h"
#include <memory>
#include <QObject>
#include <QString>

namespace kasp::telephony {

enum class SipTransport { Udp, Tcp, Tls };

struct SipAccount
{
    QString server; // "pbx.sanatorium.ru" or "10.0.0.5:5060"
    QString user;   // the extension / SIP login, "201"
    QString displayName;
    SipTransport transport = SipTransport::Udp;
};

enum class RegistrationState { None, Registering, Registered, Unregistered, Failed };

enum class CallDirection { Incoming, Outgoing };
enum class CallState { Ringing, Dialing, RemoteRinging, Connected, OnHold, HeldByRemote, Ended };
// How a call ended, as the guest's timeline records it.
enum class CallResult { Answered, Missed, Declined, Busy, Failed };

struct CallInfo
{
    int id = 0; // this softphone's own number for the call
    CallDirection direction = CallDirection::Incoming;
    QString remoteUser;        // the number or login on the other end: "+79161234567", "203"
    QString remoteDisplayName; // as the PBX passes it, often empty
    CallState state = CallState::Ringing;
    QString transferredTo; // set when this desk handed the call on: whom to ("203")
    // Being recorded: the file's path under Options::recordingsDir ("2026-12/…wav"); "" when not.
    QString recording;
};

// A sound card as the phone sees it (a headset, the laptop's speakers).
struct AudioDevice
{
    QString id;   // stable between runs: what the settings keep
    QString name; // "Jabra EVOLVE 20 MS" (driver in brackets when two share a name)
    bool microphone = false;
    bool speaker = false;
};

// A colleague's phone as the PBX tells it: free, busy (on a call), or not known (the PBX serves no
// presence, or the colleague's desk is not registered).
enum class Presence { Unknown, Free, Busy };

class SoftphoneListener;

class Softphone : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString dataDir;            // liblinphone's own files (call history database); must exist
        QString bindAddress;        // "" = every interface; tests: 127.0.0.1
        bool useSoundFiles = false; // no sound card: play a file, record to a file
        QString playFile;           // what the other side hears when useSoundFiles
        QString userAgent = QStringLiteral("KASP");
        // A transfer not answered by then has failed (the guest stays on hold here). Covers a
        // ringing nobody takes and a transferee that never sends the final NOTIFY.
        int transferTimeoutSecs = 45;
        // An incoming call nobody answers rings this long before the desk ends it itself (a
        // missed call). liblinphone's own default, 30 s, declined the call as busy and left no
        // call-back; the caller and the PBX's no-answer rule usually end it first.
        int ringTimeoutSecs = 600;
        // While registered, the registration is renewed this often: a PBX that restarted (and forgot
        // this desk) learns of it again, and one that went away is noticed (over TCP at once, over
        // UDP after SIP's transaction timeout, 32 s).
        int keepRegisteredSecs = 60;
        // While registered, the PBX is asked this often whether it is there (SIP OPTIONS over UDP,
        // a connection to its port over TCP / TLS): `probeMisses` unanswered in a row and the desk
        // says the PBX is unreachable (5 s × 3: within 20 s, where the renewal alone took up to
        // 90 s), and registers again as soon as it answers. 0: no probe.
        int probePbxSecs = 5;
        int probeMisses = 3;
        // While the PBX does not answer, registering is tried again this often until it does. A
        // refused password is not retried (the PBX might lock the extension).
        int retryRegisterSecs = 10;
        // Where calls are recorded (WAV, a folder per month); "" = this desk records nothing.
        QString recordingsDir;
        RecordingPolicy recording = RecordingPolicy::Never;
        // Names the recordings by its local time (the month's folder, the file); must outlive the
        // softphone. None: the system clock.
        const Clock *clock = nullptr;
    };

    explicit Softphone(Options options, QObject *parent = nullptr);
    ~Softphone() override;

    // Creates and starts the SIP stack. Errors: "sip.start".
    Status start();
    // Registers (and keeps registered) the account; the password is used for digest auth only.
    // Progress and errors arrive as registrationChanged. Errors right away: "sip.bad_address".
    Status registerAccount(const SipAccount &account, const QString &password);
    void unregister();
    RegistrationState registrationState() const { return m_registration; }

    // One conversation at a time: dialling, answering or resuming a call first puts the call in
    // progress (if any) on hold. A second call rings while one talks (call waiting).
    //
    // Dials a number or login on the account's server. Returns the call's id. "sip.not_registered",
    // "sip.bad_address", "sip.call_failed".
    Result<int> dial(const QString &number);
    Status answer(int callId);
    Status decline(int callId); // busy here
    Status hangUp(int callId);
    Status hold(int callId);
    Status resume(int callId);
    Status sendDtmf(int callId, QChar digit); // 0-9, *, #, A-D
    Status setMuted(int callId, bool muted);
    QList<CallInfo> calls() const;

    // Recording: with RecordingPolicy::Always every call is recorded from its answer; with
    // OnDemand, from startRecording() to its end. Applies to calls answered or made from now on.
    void setRecordingPolicy(RecordingPolicy policy);
    RecordingPolicy recordingPolicy() const;
    // "sip.no_call" (none, or not talking yet), "sip.recording_off" (the policy or no folder).
    Status startRecording(int callId);

    // The sound cards (after start()); a machine without any lists none and calls still work
    // (tests play files). setAudioDevices: "" = the system's default; applies to the call in
    // progress too. "sip.no_device" when an id is not among audioDevices() (unplugged).
    QList<AudioDevice> audioDevices() const;
    Status setAudioDevices(const QString &microphoneId, const QString &speakerId);

    // Colleagues' presence where the PBX serves it (SUBSCRIBE / NOTIFY with PIDF): watch these
    // extensions (replacing the last list). This desk publishes its own: busy while it has a
    // call, free otherwise. A PBX that refuses both leaves everyone Unknown, without complaint.
    void watchPresence(const QStringList &users);
    Presence presenceOf(const QString &user) const;

    // Blind transfer: the call goes on hold (if it is not) and the other party is asked (REFER) to
    // call `number`; once that call is answered, this desk's leg ends. Errors at once:
    // "sip.no_call", "sip.bad_address"; later: transferFailed, with the call still on hold.
    Status transfer(int callId, const QString &number);
    // Attended transfer: `callId` (the guest, on hold) is handed to `consultCallId` (the colleague
    // this desk called and talked to): the guest's phone calls the colleague in place of this desk
    // (REFER with Replaces) and both of this desk's legs end. "sip.no_call".
    Status transferToCall(int callId, int consultCallId);

signals:
    // message: Russian, for the consultant; code: "sip.auth", "sip.unreachable", "sip.refused", ""
    void registrationChanged(kasp::telephony::RegistrationState state, const QString &code,
                             const QString &message);
    void incomingCall(const kasp::telephony::CallInfo &call);
    void callStateChanged(const kasp::telephony::CallInfo &call);
    void callEnded(const kasp::telephony::CallInfo &call, kasp::telephony::CallResult result,
                   int durationSecs);
    void dtmfReceived(int callId, QChar digit);
    // The other side has answered (SIP 200 OK); the state turns Connected a moment later, once
    // the audio runs.
    void callAnswered(int callId);
    // The other party could not reach the transfer's target; the call stays here, on hold.
    void transferFailed(int callId, const QString &message);
    void recordingPolicyChanged();
    void presenceChanged(const QString &user, kasp::telephony::Presence presence);

private:
    friend class SoftphoneListener;
    void retryResume(int callId);
    void sendNextTone();
    struct Private;
    std::unique_ptr<Private> d;
    RegistrationState m_registration = RegistrationState::None;
};

QString registrationStateTitle(RegistrationState state); // "в сети", "нет регистрации", ...

} // namespace kasp::telephony

Q_DECLARE_METATYPE(kasp::telephony::CallInfo)
