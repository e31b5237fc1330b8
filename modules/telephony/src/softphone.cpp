#include "kasp/telephony/softphone.h"

#include "softphone_p.h"

#include <algorithm>
#include <QCoreApplication>

namespace kasp::telephony {

// Messages use QCoreApplication::translate with the context spelled out: both members and free
// functions call them, and lupdate files a tr() wrapper differently for each.
namespace {

constexpr int kReferAfterHoldMs = 300; // see the Paused case in onCallStateChanged
constexpr int kResumeRetries = 3;
constexpr int kResumeRetryMs = 400; // 400, 800, 1200 ms: the other side's re-INVITE finishes first
constexpr int kToneSpacingMs = 200; // a tone (RFC 2833, ~100 ms) and a pause before the next

QString fromStd(const std::string &s)
{
    return QString::fromStdString(s);
}

linphone::TransportType transportOf(SipTransport t)
{
    switch (t) {
    case SipTransport::Tcp:
        return linphone::TransportType::Tcp;
    case SipTransport::Tls:
        return linphone::TransportType::Tls;
    case SipTransport::Udp:
        break;
    }
    return linphone::TransportType::Udp;
}

// A registration failure in the consultant's words, with a stable code.
std::pair<QString, QString> registrationError(linphone::Reason reason, int sipCode, const QString &phrase)
{
    switch (reason) {
    case linphone::Reason::Unauthorized:
    case linphone::Reason::Forbidden:
        return {QStringLiteral("sip.auth"),
                QCoreApplication::translate("kasp::telephony", "The PBX refused the login or password")};
    case linphone::Reason::IOError:
    case linphone::Reason::NoResponse:
        return {QStringLiteral("sip.unreachable"),
                QCoreApplication::translate(
                    "kasp::telephony", "The PBX does not answer: check the server address and the network")};
    default:
        break;
    }
    if (sipCode == 401 || sipCode == 403 || sipCode == 407)
        return {QStringLiteral("sip.auth"),
                QCoreApplication::translate("kasp::telephony", "The PBX refused the login or password")};
    if (sipCode == 0 || sipCode == 408 || sipCode == 503)
        return {QStringLiteral("sip.unreachable"),
                QCoreApplication::translate(
                    "kasp::telephony", "The PBX does not answer: check the server address and the network")};
    return {QStringLiteral("sip.refused"),
            QCoreApplication::translate("kasp::telephony", "The PBX refused the registration: %1 %2")
                .arg(sipCode)
                .arg(phrase)};
}

} // namespace

Softphone::Softphone(Options options, QObject *parent) : QObject(parent), d(std::make_unique<Private>())
{
    qRegisterMetaType<CallInfo>();
    d->options = std::move(options);
    // The SIP stack's heartbeat: timers, retransmissions, callbacks. Every 10 ms: each SIP answer
    // waits for the next beat, and a call set-up takes several (kasp-bench-callsetup).
    d->iterate.setInterval(10);
    connect(&d->iterate, &QTimer::timeout, this, [this] {
        if (d->core)
            d->core->iterate();
    });
    d->keepRegistered.setInterval(std::max(1, d->options.keepRegisteredSecs) * 1000);
    d->retryRegister.setInterval(std::max(1, d->options.retryRegisterSecs) * 1000);
    d->tonePacer.setInterval(kToneSpacingMs);
    connect(&d->tonePacer, &QTimer::timeout, this, &Softphone::sendNextTone);
    d->watchPbx(this);
    for (QTimer *timer : {&d->keepRegistered, &d->retryRegister})
        connect(timer, &QTimer::timeout, this, [this] {
            if (d->account)
                d->account->refreshRegister();
        });
}

Softphone::~Softphone()
{
    d->iterate.stop();
    d->probe.stop();
    d->tonePacer.stop();
    d->keepRegistered.stop();
    d->retryRegister.stop();
    if (d->listener)
        d->listener->detach();
    if (d->core) {
        d->core->removeListener(d->listener);
        d->core->stop();
    }
}

Status Softphone::start()
{
    auto factory = linphone::Factory::get();
    if (qEnvironmentVariableIsSet("KASP_SIP_DEBUG")) // the SIP stack's own log on stderr
        linphone::LoggingService::get()->setLogLevel(linphone::LogLevel::Message);
    factory->setSoundResourcesDir("/usr/share/sounds/linphone"); // Debian's place for them
    factory->setRingResourcesDir("/usr/share/sounds/linphone/rings");
    // liblinphone appends file names to these without a separator: "dir/" + "call-history.db".
    QString dir = d->options.dataDir;
    if (!dir.isEmpty() && !dir.endsWith(QLatin1Char('/')))
        dir += QLatin1Char('/');
    factory->setDataDir(dir.toStdString());
    factory->setConfigDir(dir.toStdString());
    // From a config string: a bare createCore() would first bind the default port 5060.
    QString config = QStringLiteral("[sip]\nsip_port=-1\nsip_tcp_port=-1\nsip_tls_port=0\nguess_hostname=0\n"
                                    "[net]\nipv6=0\n[video]\ncapture=0\ndisplay=0\n");
    if (!d->options.bindAddress.isEmpty())
        config +=
            QStringLiteral("[sip]\nbind_address=%1\n[rtp]\nbind_address=%1\n").arg(d->options.bindAddress);
    auto cfg = factory->createConfigFromString(config.toStdString());
    d->core = factory->createCoreWithConfig(cfg, nullptr);
    if (!d->core)
        return Error{
            QStringLiteral("sip.start"),
            QCoreApplication::translate("kasp::telephony", "The phone could not start its SIP stack")};
    // Media on ports the system picks: a fixed default (7078) would be shared by two softphones on
    // one machine (a terminal server, or a test's guest), and their audio and tones would cross.
    d->core->setAudioPort(-1);
    d->core->setVideoPort(-1);
    d->core->setUserAgent(d->options.userAgent.toStdString(), "1");
    d->core->setIncTimeout(std::max(1, d->options.ringTimeoutSecs));
    d->core->setGuessHostname(false);
    d->core->enableIpv6(false);
    auto video = factory->createVideoActivationPolicy();
    video->setAutomaticallyAccept(false);
    video->setAutomaticallyInitiate(false);
    d->core->setVideoActivationPolicy(video);
    d->core->enableVideoCapture(false);
    d->core->enableVideoDisplay(false);
    // Tones in the media (RFC 2833), as PBX menus expect; never also as SIP INFO, or a menu that
    // reads both hears every digit twice.
    d->core->setUseInfoForDtmf(false);
    d->core->setUseRfc2833ForDtmf(true);
    if (d->options.useSoundFiles) {
        d->core->setUseFiles(true);
        if (!d->options.playFile.isEmpty())
            d->core->setPlayFile(d->options.playFile.toStdString());
    }
    d->listener = std::make_shared<SoftphoneListener>(this);
    d->core->addListener(d->listener);
    if (d->core->start() != 0)
        return Error{
            QStringLiteral("sip.start"),
            QCoreApplication::translate("kasp::telephony", "The phone could not start its SIP stack")};
    d->iterate.start();
    return {};
}

Status Softphone::registerAccount(const SipAccount &a, const QString &password)
{
    if (!d->core)
        return Error{QStringLiteral("sip.start"),
                     QCoreApplication::translate("kasp::telephony", "The phone is not started")};
    const QString host = a.server.section(QLatin1Char(':'), 0, 0).trimmed();
    const auto transport = transportOf(a.transport);
    auto server = d->core->createAddress(QStringLiteral("sip:%1").arg(a.server.trimmed()).toStdString());
    auto identity =
        d->core->createAddress(QStringLiteral("sip:%1@%2").arg(a.user.trimmed(), host).toStdString());
    if (host.isEmpty() || a.user.trimmed().isEmpty() || !server || !identity)
        return Error{
            QStringLiteral("sip.bad_address"),
            QCoreApplication::translate("kasp::telephony", "Check the PBX address and the login: «%1», «%2»")
                .arg(a.server, a.user)};
    server->setTransport(transport);
    if (!a.displayName.isEmpty())
        identity->setDisplayName(a.displayName.toStdString());
    unregister();
    // A new account starts from nothing: its Ok is news even when the last one was registered.
    m_registration = RegistrationState::None;
    d->core->clearAllAuthInfo();
    auto factory = linphone::Factory::get();
    d->core->addAuthInfo(factory->createAuthInfo(a.user.trimmed().toStdString(), "", password.toStdString(),
                                                 "", "", host.toStdString()));
    auto params = d->core->createAccountParams();
    params->setIdentityAddress(identity);
    params->setServerAddress(server);
    params->setTransport(transport);
    params->enableRegister(true);
    params->setExpires(300);
    params->enablePublish(true); // free / busy for colleagues, where the PBX takes it
    d->account = d->core->createAccount(params);
    if (!d->account || d->core->addAccount(d->account) != 0)
        return Error{QStringLiteral("sip.bad_address"),
                     QCoreApplication::translate("kasp::telephony", "The PBX account could not be set up")};
    d->core->setDefaultAccount(d->account);
    d->startProbe(host, a.server.section(QLatin1Char(':'), 1, 1).toInt(),
                  transport == linphone::TransportType::Udp, a.user.trimmed());
    return {};
}

void Softphone::unregister()
{
    d->keepRegistered.stop();
    d->retryRegister.stop();
    d->probe.stop();
    d->pbxLost = false;
    if (!d->core || !d->account)
        return;
    d->core->clearAccounts();
    d->account.reset();
}

void Softphone::Private::holdOthers(int keepId)
{
    for (Call &c : calls) {
        if (c.info.id == keepId)
            continue;
        c.resumeWanted = false; // a resume still being retried must not come back over this one
        if (c.call->getState() == linphone::Call::State::StreamsRunning)
            c.call->pause();
    }
}

std::shared_ptr<linphone::Address> Softphone::Private::addressFor(const QString &number) const
{
    const QString digits = number.trimmed();
    if (!core || !account || digits.isEmpty())
        return nullptr;
    const auto server = account->getParams()->getServerAddress();
    auto address = core->createAddress(
        QStringLiteral("sip:%1@%2").arg(digits, fromStd(server->getDomain())).toStdString());
    if (!address)
        return nullptr;
    if (server->getPort() > 0)
        address->setPort(server->getPort());
    address->setTransport(server->getTransport());
    return address;
}

Result<int> Softphone::dial(const QString &number)
{
    if (!d->core || !d->account || m_registration != RegistrationState::Registered)
        return Error{
            QStringLiteral("sip.not_registered"),
            QCoreApplication::translate("kasp::telephony", "The phone is not registered on the PBX")};
    const auto address = d->addressFor(number);
    if (!address)
        return Error{QStringLiteral("sip.bad_address"),
                     QCoreApplication::translate("kasp::telephony", "«%1» cannot be dialled").arg(number)};
    d->holdOthers(0);
    auto params = d->core->createCallParams(nullptr);
    // The call is numbered inside inviteAddressWithParams (OutgoingInit): it will be nextId.
    d->outgoingRecordPath = d->plannedRecording(number, d->nextId);
    if (params && !d->outgoingRecordPath.isEmpty())
        params->setRecordFile(d->outgoingRecordPath.toStdString());
    auto call = params ? d->core->inviteAddressWithParams(address, params) : d->core->inviteAddress(address);
    d->outgoingRecordPath.clear();
    if (!call)
        return Error{
            QStringLiteral("sip.call_failed"),
            QCoreApplication::translate("kasp::telephony", "The call to %1 could not start").arg(number)};
    return d->idOf(call); // numbered in OutgoingInit, inside inviteAddress
}

Status Softphone::answer(int id)
{
    Private::Call *c = d->find(id);
    if (c) {
        d->holdOthers(id);
        c->recordPath = d->plannedRecording(c->info.remoteUser, id);
    }
    const auto params = c ? d->core->createCallParams(c->call) : nullptr;
    if (params && c && !c->recordPath.isEmpty())
        params->setRecordFile(c->recordPath.toStdString());
    if (!c || (params ? c->call->acceptWithParams(params) : c->call->accept()) != 0)
        return Error{QStringLiteral("sip.no_call"),
                     QCoreApplication::translate("kasp::telephony", "There is no such call to answer")};
    return {};
}

Status Softphone::decline(int id)
{
    Private::Call *c = d->find(id);
    if (!c)
        return Error{QStringLiteral("sip.no_call"),
                     QCoreApplication::translate("kasp::telephony", "There is no such call")};
    c->declinedHere = true;
    c->call->decline(linphone::Reason::Busy);
    return {};
}

Status Softphone::hangUp(int id)
{
    Private::Call *c = d->find(id);
    if (c)
        c->hungUpHere = true;
    if (!c || c->call->terminate() != 0)
        return Error{QStringLiteral("sip.no_call"),
                     QCoreApplication::translate("kasp::telephony", "There is no such call")};
    return {};
}

Status Softphone::hold(int id)
{
    Private::Call *c = d->find(id);
    if (c)
        c->resumeWanted = false; // a retried resume must not take the call off hold again
    if (!c || c->call->pause() != 0)
        return Error{QStringLiteral("sip.no_call"),
                     QCoreApplication::translate("kasp::telephony", "This call cannot be put on hold now")};
    return {};
}

// A resume the other side crossed with its own re-INVITE fails with 491 Request Pending and
// liblinphone quietly stays paused (no state callback). RFC 3261 14.1: wait a moment and try again;
// liblinphone's Resuming state is not shown, so a call still OnHold here has not resumed yet.
void Softphone::retryResume(int id)
{
    Private::Call *c = d->find(id);
    if (!c || !c->resumeWanted || c->resumeRetries >= kResumeRetries)
        return;
    ++c->resumeRetries;
    QTimer::singleShot(kResumeRetryMs * c->resumeRetries, this, [this, id] {
        Private::Call *held = d->find(id);
        if (!held || !held->resumeWanted || held->info.state != CallState::OnHold)
            return;
        if (held->call->getState() == linphone::Call::State::Paused)
            held->call->resume();
        retryResume(id);
    });
}

Status Softphone::resume(int id)
{
    Private::Call *c = d->find(id);
    if (c)
        d->holdOthers(id);
    if (!c || c->call->resume() != 0)
        return Error{QStringLiteral("sip.no_call"),
                     QCoreApplication::translate("kasp::telephony", "This call cannot be resumed now")};
    c->resumeWanted = true;
    c->resumeRetries = 0;
    retryResume(id);
    return {};
}

Status Softphone::sendDtmf(int id, QChar digit)
{
    Private::Call *c = d->find(id);
    if (!c || !QStringLiteral("0123456789*#ABCD").contains(digit.toUpper()))
        return Error{QStringLiteral("sip.no_call"),
                     QCoreApplication::translate("kasp::telephony", "The tone could not be sent")};
    // Tones typed faster than they are played are queued: liblinphone sends one at a time and
    // drops one asked for while the last still sounds.
    c->tones.append(digit.toUpper());
    if (!d->tonePacer.isActive()) {
        sendNextTone();
        d->tonePacer.start();
    }
    return {};
}

void Softphone::sendNextTone()
{
    bool more = false;
    for (Private::Call &c : d->calls) {
        if (!c.tones.isEmpty())
            c.call->sendDtmf(c.tones.front().toLatin1());
        if (!c.tones.isEmpty())
            c.tones.remove(0, 1);
        more = more || !c.tones.isEmpty();
    }
    if (!more)
        d->tonePacer.stop();
}

Status Softphone::setMuted(int id, bool muted)
{
    Private::Call *c = d->find(id);
    if (!c)
        return Error{QStringLiteral("sip.no_call"),
                     QCoreApplication::translate("kasp::telephony", "There is no such call")};
    c->call->setMicrophoneMuted(muted);
    return {};
}

QList<CallInfo> Softphone::calls() const
{
    QList<CallInfo> out;
    for (const Private::Call &c : d->calls)
        out.append(c.info);
    return out;
}

// ---- callbacks: inside core->iterate(), on this object's thread -----------------------------------

void SoftphoneListener::onAccountRegistrationStateChanged(const std::shared_ptr<linphone::Core> &,
                                                          const std::shared_ptr<linphone::Account> &account,
                                                          linphone::RegistrationState state,
                                                          const std::string &message)
{
    if (!m_phone || account != m_phone->d->account)
        return;
    RegistrationState mapped = RegistrationState::None;
    QString code, text;
    switch (state) {
    case linphone::RegistrationState::Progress:
        // A renewal (every keepRegisteredSecs) is not news: the desk stays registered meanwhile.
        // Nor is a retry while the probe finds the PBX gone: the dock keeps saying it is.
        if (m_phone->m_registration == RegistrationState::Registered || m_phone->d->pbxLost)
            return;
        mapped = RegistrationState::Registering;
        text = QCoreApplication::translate("kasp::telephony", "Registering on the PBX…");
        break;
    case linphone::RegistrationState::Ok:
        mapped = RegistrationState::Registered;
        text = QCoreApplication::translate("kasp::telephony", "Registered on the PBX");
        break;
    case linphone::RegistrationState::Cleared:
        mapped = RegistrationState::Unregistered;
        text = QCoreApplication::translate("kasp::telephony", "Not registered");
        break;
    case linphone::RegistrationState::Failed: {
        mapped = RegistrationState::Failed;
        const auto info = account->getErrorInfo();
        std::tie(code, text) = registrationError(account->getError(), info ? info->getProtocolCode() : 0,
                                                 info ? fromStd(info->getPhrase()) : fromStd(message));
        break;
    }
    case linphone::RegistrationState::None:
        return;
    }
    // Registered: renew now and then. The PBX gone: knock until it is back. Refused: leave it.
    Softphone::Private &d = *m_phone->d;
    if (mapped == RegistrationState::Registered) {
        d.pbxLost = false;
        d.retryRegister.stop();
        d.keepRegistered.start();
        d.publishOwnPresence();
    } else if (mapped == RegistrationState::Failed) {
        d.keepRegistered.stop();
        if (code == QLatin1String("sip.unreachable"))
            d.retryRegister.start();
        else
            d.retryRegister.stop();
    } else if (mapped == RegistrationState::Unregistered) {
        d.keepRegistered.stop();
        d.retryRegister.stop();
    }
    if (mapped == RegistrationState::Registered && m_phone->m_registration == RegistrationState::Registered)
        return; // a renewal went through
    m_phone->m_registration = mapped;
    emit m_phone->registrationChanged(mapped, code, text);
}

void SoftphoneListener::onCallStateChanged(const std::shared_ptr<linphone::Core> &,
                                           const std::shared_ptr<linphone::Call> &call,
                                           linphone::Call::State state, const std::string &)
{
    if (!m_phone)
        return;
    Softphone::Private &d = *m_phone->d;
    using S = linphone::Call::State;
    int id = d.idOf(call);
    if (id == 0) {
        if (state != S::IncomingReceived && state != S::OutgoingInit)
            return; // not ours (already ended and forgotten)
        id = d.nextId++;
        d.ids[call->cPtr()] = id;
        Softphone::Private::Call c;
        c.call = call;
        c.info.id = id;
        c.info.direction = state == S::IncomingReceived ? CallDirection::Incoming : CallDirection::Outgoing;
        const auto remote = call->getRemoteAddress();
        c.info.remoteUser = remote ? fromStd(remote->getUsername()) : QString();
        c.info.remoteDisplayName = remote ? fromStd(remote->getDisplayName()) : QString();
        c.info.state = state == S::IncomingReceived ? CallState::Ringing : CallState::Dialing;
        if (state == S::OutgoingInit)
            c.recordPath = d.outgoingRecordPath;
        d.calls.insert(id, c);
        d.publishOwnPresence();
        if (state == S::IncomingReceived)
            emit m_phone->incomingCall(c.info);
        else
            emit m_phone->callStateChanged(c.info);
        return;
    }
    Softphone::Private::Call &c = d.calls[id];
    switch (state) {
    case S::OutgoingRinging:
    case S::OutgoingEarlyMedia:
        c.info.state = CallState::RemoteRinging;
        break;
    case S::Connected:
        // Answered: the talk starts now, the audio a moment later (StreamsRunning).
        if (!c.connected) {
            c.connected = true;
            c.talking.start();
            emit m_phone->callAnswered(id);
        }
        return;
    case S::StreamsRunning: {
        c.resumeWanted = false;
        // Recorded from the answer (policy "always"); the file's name is news for the panel.
        const bool recordingNow =
            d.options.recording == RecordingPolicy::Always && !c.recordingStarted && d.beginRecording(c);
        if (c.transferOnHold) // the hold for a blind transfer was refused: the call is back
            d.failTransfer(m_phone, c);
        if (c.info.state == CallState::Connected && !recordingNow)
            return; // after a re-INVITE that changed nothing we show
        c.info.state = CallState::Connected;
        break;
    }
    case S::Paused:
        c.info.state = CallState::OnHold;
        if (auto to = std::exchange(c.transferOnHold, nullptr)) {
            // Not inside this callback: the guest's side still holds the hold's INVITE transaction
            // open until our ACK, and answers a REFER sent now with 491 Request Pending.
            QTimer::singleShot(kReferAfterHoldMs, m_phone, [phone = m_phone, id, to] {
                Softphone::Private::Call *held = phone->d->find(id);
                if (held && held->info.state == CallState::OnHold) // not taken back meanwhile
                    phone->d->sendBlindTransfer(phone, *held, to);
            });
        }
        break;
    case S::PausedByRemote:
        c.info.state = CallState::HeldByRemote;
        break;
    case S::End:
    case S::Error: {
        c.info.state = CallState::Ended;
        // An attended transfer's guest leg ended by the guest's phone before the final NOTIFY
        // came: its Replaces went through (a failed one leaves the call here, on hold).
        if (state == S::End && !c.hungUpHere && !c.transferBlind && !c.transferTarget.isEmpty() &&
            c.info.transferredTo.isEmpty())
            c.info.transferredTo = c.transferTarget;
        CallResult result = CallResult::Answered;
        if (!c.connected) {
            const linphone::Reason reason = call->getReason();
            // An incoming call is declined only by the consultant's own «Отклонить». Whatever else
            // ends its ringing — the caller giving up, the PBX's no-answer rule, this desk's ring
            // timeout (liblinphone answers that one 486 Busy) — leaves a caller waiting for a
            // call back: missed.
            if (c.info.direction == CallDirection::Incoming)
                result = c.declinedHere ? CallResult::Declined : CallResult::Missed;
            else if (reason == linphone::Reason::Declined)
                result = CallResult::Declined;
            else if (reason == linphone::Reason::Busy)
                result = CallResult::Busy;
            else
                result = state == S::Error && reason != linphone::Reason::NotAnswered ? CallResult::Failed
                                                                                      : CallResult::Missed;
        }
        const int seconds = c.connected ? int(c.talking.elapsed() / 1000) : 0;
        const CallInfo info = c.info;
        d.ids.erase(call->cPtr());
        d.calls.remove(id);
        d.publishOwnPresence();
        emit m_phone->callEnded(info, result, seconds);
        return;
    }
    default:
        return;
    }
    emit m_phone->callStateChanged(c.info);
}

void SoftphoneListener::onDtmfReceived(const std::shared_ptr<linphone::Core> &,
                                       const std::shared_ptr<linphone::Call> &call, int dtmf)
{
    if (m_phone && m_phone->d->idOf(call))
        emit m_phone->dtmfReceived(m_phone->d->idOf(call), QChar(dtmf));
}

QString registrationStateTitle(RegistrationState state)
{
    switch (state) {
    case RegistrationState::None:
    case RegistrationState::Unregistered:
        return QCoreApplication::translate("kasp::telephony", "not registered");
    case RegistrationState::Registering:
        return QCoreApplication::translate("kasp::telephony", "registering…");
    case RegistrationState::Registered:
        return QCoreApplication::translate("kasp::telephony", "online");
    case RegistrationState::Failed:
        return QCoreApplication::translate("kasp::telephony", "registration failed");
    }
    return {};
}

} // namespace kasp::telephony
