#include "phonesession.h"

#include "kasp/credentials/credentialstore.h"
#include "kasp/session/settings.h"
#include "kasp/storage/userrepository.h"

namespace kasp::app {

using telephony::CallInfo;
using telephony::CallResult;

QString callResultKey(CallResult result)
{
    switch (result) {
    case CallResult::Answered:
        return QStringLiteral("answered");
    case CallResult::Missed:
        return QStringLiteral("missed");
    case CallResult::Declined:
        return QStringLiteral("declined");
    case CallResult::Busy:
        return QStringLiteral("busy");
    case CallResult::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

PhoneSession::PhoneSession(QSqlDatabase db, const Clock &clock, session::Settings &settings, Id userId,
                           telephony::Softphone::Options options, QObject *parent)
    : QObject(parent), m_db(db), m_clock(clock), m_settings(settings), m_userId(userId), m_journal(db, clock),
      m_phone(std::move(options)), m_keychain(new credentials::CredentialStore(QStringLiteral("KASP"), this))
{
    connect(&m_phone, &telephony::Softphone::incomingCall, this, &PhoneSession::onIncoming);
    connect(&m_phone, &telephony::Softphone::callStateChanged, this, &PhoneSession::onOutgoing);
    connect(&m_phone, &telephony::Softphone::callEnded, this, &PhoneSession::onEnded);
    connect(&m_phone, &telephony::Softphone::registrationChanged, this,
            [this](telephony::RegistrationState state, const QString &, const QString &text) {
                emit status(text.isEmpty() ? telephony::registrationStateTitle(state) : text);
                if (state == telephony::RegistrationState::Registered) {
                    publishExtension();
                    // Colleagues' lines free or busy, where the PBX serves presence.
                    QStringList extensions;
                    for (const telephony::ui::Colleague &c : colleagues())
                        extensions.append(c.extension);
                    m_phone.watchPresence(extensions);
                }
            });
    connect(m_keychain, &credentials::CredentialStore::readFinished, this,
            [this](const QString &, const QString &password) {
                const session::Settings::Phone p = m_settings.phone();
                const telephony::SipTransport transport =
                    p.transport == QLatin1String("tcp")   ? telephony::SipTransport::Tcp
                    : p.transport == QLatin1String("tls") ? telephony::SipTransport::Tls
                                                          : telephony::SipTransport::Udp;
                if (auto s = m_phone.registerAccount({p.server, p.user, {}, transport}, password); !s.ok())
                    emit status(s.error().message);
            });
    connect(m_keychain, &credentials::CredentialStore::failed, this,
            [this](const QString &, const QString &, const QString &text) {
                emit status(tr("Phone off: no SIP password in the keychain (%1)").arg(text));
            });
}

void PhoneSession::start()
{
    if (m_settings.phone().server.isEmpty())
        return;
    if (!m_started) {
        if (auto s = m_phone.start(); !s.ok()) {
            emit status(s.error().message);
            return;
        }
        m_started = true;
    }
    // The headset chosen in the settings; an unplugged one is said, and the default serves.
    const session::Settings::Phone p = m_settings.phone();
    if (auto s = m_phone.setAudioDevices(p.microphone, p.speaker); !s.ok())
        emit status(s.error().message);
    m_keychain->read(QLatin1String(session::Settings::kSipPasswordKey));
}

void PhoneSession::publishExtension()
{
    const QString extension = m_settings.phone().user.trimmed();
    storage::UserRepository users(m_db, m_clock);
    auto all = users.all();
    if (!all.ok() || extension.isEmpty())
        return;
    for (const User &u : all.value())
        if (u.id == m_userId && u.extension != extension)
            if (auto s = users.setExtension(m_userId, extension); !s.ok())
                emit message(tr("The phone's extension could not be saved: %1").arg(s.error().message));
}

QList<telephony::ui::Colleague> PhoneSession::colleagues() const
{
    QList<telephony::ui::Colleague> out;
    auto all = storage::UserRepository(m_db, m_clock).all(); // by display name
    if (!all.ok())
        return out;
    const QString mine = m_settings.phone().user.trimmed();
    for (const User &u : all.value())
        if (u.active && !u.extension.isEmpty() && u.id != m_userId && u.extension != mine)
            out.append({u.displayName, u.extension, m_phone.presenceOf(u.extension)});
    return out;
}

void PhoneSession::onIncoming(const CallInfo &call)
{
    if (crm::isInternalExtension(call.remoteUser))
        return; // a colleague on the line: the phone dock shows it; no guest card to open
    // The card before the second ring: one indexed lookup, then the window paints it.
    auto caller = m_journal.identify(call.remoteUser);
    if (!caller.ok()) {
        emit message(caller.error().message);
        emit ringing(call, {}, QString());
        return;
    }
    emit ringing(call, caller.value().guests,
                 caller.value().phone.isNull() ? QString() : caller.value().phone.e164());
}

void PhoneSession::onOutgoing(const CallInfo &call)
{
    if (call.direction != telephony::CallDirection::Outgoing || m_outgoingSeen.contains(call.id))
        return;
    m_outgoingSeen.insert(call.id);
    if (crm::isInternalExtension(call.remoteUser))
        return; // a colleague
    auto callee = m_journal.identify(call.remoteUser);
    if (callee.ok() && !callee.value().guests.isEmpty())
        emit dialled(call, callee.value().guests);
}

void PhoneSession::onEnded(const CallInfo &call, CallResult result, int seconds)
{
    m_outgoingSeen.remove(call.id);
    if (m_consultations.remove(call.id)) {
        m_guestOfCall.remove(call.id);
        return; // a word with a colleague before a transfer: no guest's contact
    }
    crm::FinishedCall finished;
    finished.remoteUser = call.remoteUser;
    finished.incoming = call.direction == telephony::CallDirection::Incoming;
    finished.answered = result == CallResult::Answered;
    finished.talkSeconds = seconds;
    finished.result = callResultKey(result);
    finished.guestId = m_guestOfCall.take(call.id);
    finished.consultantId = m_userId;
    finished.transferredTo = call.transferredTo;
    finished.recording = call.recording;
    auto recorded = m_journal.record(finished);
    if (!recorded.ok()) {
        emit message(
            tr("The call with %1 could not be recorded: %2").arg(call.remoteUser, recorded.error().message));
        return;
    }
    if (recorded.value().isNull()) // null: a call with a colleague
        return;
    emit callRecordedFor(call.id, recorded.value());
    emit callRecorded(recorded.value());
}

} // namespace kasp::app
