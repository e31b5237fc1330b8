// What the phone panel's buttons do, and how it follows the softphone's calls: which one is the
// current call, a second call waiting, a consultation before a transfer.
#include "kasp/telephony/ui/phonepanel.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QTimer>

namespace kasp::telephony::ui {

void PhonePanel::onCall(const CallInfo &call)
{
    const bool known = m_calls.contains(call.id);
    m_calls.insert(call.id, call);
    if (call.state == CallState::Connected && !m_talking.contains(call.id))
        m_talking[call.id].start();
    if (!known && m_noteCall == 0)
        say({}, 0); // a message about no call in particular (a number that could not be dialled)
    // A failed transfer's guest, a colleague's ended line: said until that call talks again.
    if (call.id == m_noteCall && call.state == CallState::Connected)
        say({}, 0);
    // A second call rings while the consultant talks: it waits in the list; the talk stays current.
    if (!m_current || !m_calls.contains(m_current))
        m_current = call.id;
    else if (!known && call.state != CallState::Ringing)
        m_current = call.id; // one this desk made (a consultation, a click-to-call)
    // The guest's hold has gone through: now call the colleague.
    // (After the SIP stack's callback has returned, not inside it.)
    if (call.id == m_consult.guestCall && call.state == CallState::OnHold && !m_consult.consultCall &&
        !m_consult.joined)
        QTimer::singleShot(0, this, [this, guest = call.id] {
            if (m_consult.guestCall == guest && !m_consult.consultCall && !m_consult.joined)
                dialConsultation();
        });
    m_tick->start();
    refresh();
}

void PhonePanel::onEnded(const CallInfo &call)
{
    m_calls.remove(call.id);
    m_names.remove(call.id);
    m_talking.remove(call.id);
    m_muted.remove(call.id);
    if (call.id == m_consult.consultCall || call.id == m_consult.guestCall) {
        if (call.id == m_consult.consultCall && m_calls.contains(m_consult.guestCall) && m_consult.joined) {
            // Joined: the guest's leg ends in a moment too, or the transfer fails and the guest
            // comes back (onTransferFailed); until then it is not to be taken back.
            m_consult.consultCall = 0;
        } else if (call.id == m_consult.consultCall && m_calls.contains(m_consult.guestCall)) {
            // The colleague did not take it or hung up: the guest is an ordinary call on hold again.
            const int guest = m_consult.guestCall;
            m_consult = {};
            say(tr("The colleague's line has ended; the guest is on hold: take the call back (F6)"), guest);
        } else {
            m_consult = {}; // put through, or the guest hung up while waiting
        }
    }
    if (call.id == m_noteCall || m_calls.isEmpty())
        say({}, 0);
    if (m_current == call.id)
        m_current = nextCurrent();
    if (m_calls.isEmpty())
        m_tick->stop();
    refresh();
}

void PhonePanel::dialConsultation()
{
    auto consult = m_phone.dial(m_consult.target);
    if (consult.ok()) {
        m_consult.consultCall = consult.value();
        m_current = consult.value();
        if (!m_consult.targetName.isEmpty())
            m_names.insert(consult.value(), m_consult.targetName);
        emit consultationDialled(consult.value());
    } else {
        say(consult.error().message, m_consult.guestCall);
        m_consult = {};
    }
}

void PhonePanel::onTransferFailed(int callId)
{
    if (!m_calls.contains(callId))
        return;
    if (callId == m_consult.guestCall) {
        // The guest's phone could not reach the colleague (the PBX refused the joined call):
        // the guest is still on hold here, to be taken back or joined again.
        m_consult.joined = false;
        say(tr("The transfer did not go through; the guest is on hold: «Take back» (F6) returns them to you"),
            callId);
    } else {
        m_current = callId;
        say(tr("The transfer did not go through; the guest is on hold: take the call back (F6)"), callId);
    }
    refresh();
}

void PhonePanel::takeGuestBack()
{
    const int guest = m_consult.guestCall;
    const int colleague = m_consult.consultCall;
    if (!guest || m_consult.joined || !m_calls.contains(guest))
        return;
    m_consult = {};
    if (colleague && m_calls.contains(colleague))
        m_phone.hangUp(colleague);
    m_current = guest;
    if (m_calls.value(guest).state == CallState::OnHold)
        if (auto s = m_phone.resume(guest); !s.ok())
            say(s.error().message, guest);
    refresh();
}

int PhonePanel::nextCurrent() const
{
    // A talk first, then a ringing call, then whatever waits on hold.
    for (const CallState wanted : {CallState::Connected, CallState::Ringing})
        for (const CallInfo &c : m_calls)
            if (c.state == wanted)
                return c.id;
    return m_calls.isEmpty() ? 0 : m_calls.firstKey();
}

void PhonePanel::answer()
{
    int id = m_calls.value(m_current).state == CallState::Ringing ? m_current : 0;
    for (auto it = m_calls.cbegin(); !id && it != m_calls.cend(); ++it)
        if (it->state == CallState::Ringing)
            id = it->id;
    if (!id)
        return;
    if (auto s = m_phone.answer(id); !s.ok()) {
        say(s.error().message, id);
        return;
    }
    m_current = id;
    refresh();
}

void PhonePanel::hangUp()
{
    const CallInfo current = m_calls.value(m_current);
    if (!current.id)
        return;
    const Status s =
        current.state == CallState::Ringing ? m_phone.decline(current.id) : m_phone.hangUp(current.id);
    if (!s.ok())
        say(s.error().message, current.id);
}

void PhonePanel::toggleHold()
{
    if (m_consult.guestCall && m_calls.contains(m_consult.guestCall)) {
        takeGuestBack(); // (not while the joined transfer is under way)
        return;
    }
    const CallInfo current = m_calls.value(m_current);
    if (!current.id)
        return;
    Status s;
    if (current.state == CallState::OnHold) {
        s = m_phone.resume(current.id);
    } else {
        s = m_phone.hold(current.id);
    }
    if (!s.ok())
        say(s.error().message, current.id);
    refresh();
}

void PhonePanel::toggleMute()
{
    const int id = m_current;
    if (!id)
        return;
    const bool muted = !m_muted.contains(id);
    if (muted)
        m_muted.insert(id);
    else
        m_muted.remove(id);
    m_phone.setMuted(id, muted);
    refresh();
}

void PhonePanel::switchTo(int callId)
{
    const CallInfo call = m_calls.value(callId);
    if (!call.id || callId == m_current)
        return;
    if (callId == m_consult.guestCall) {
        takeGuestBack(); // a click on the waiting guest ends the consultation
        return;
    }
    m_current = callId;
    if (call.state == CallState::Ringing) {
        answer();
        return;
    }
    if (call.state == CallState::OnHold) {
        if (auto s = m_phone.resume(callId); !s.ok())
            say(s.error().message, callId);
    }
    refresh();
}

void PhonePanel::transfer()
{
    const CallInfo current = m_calls.value(m_current);
    if (!current.id || m_consult.guestCall || findChild<TransferDialog *>() ||
        (current.state != CallState::Connected && current.state != CallState::OnHold))
        return; // (one dialog at a time: F8 held down, or pressed again)
    auto *dialog = new TransferDialog(m_colleagues ? m_colleagues() : QList<Colleague>{}, who(current), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, callId = current.id] {
        startTransfer(callId, dialog->target(), dialog->targetName(), dialog->consultFirst());
    });
    dialog->open();
}

void PhonePanel::startTransfer(int callId, const QString &target, const QString &targetName,
                               bool consultFirst)
{
    const CallInfo call = m_calls.value(callId);
    if (!call.id || target.isEmpty()) {
        say(tr("the call has ended before the transfer"), 0);
        return;
    }
    if (!consultFirst) {
        if (auto s = m_phone.transfer(callId, target); !s.ok())
            say(s.error().message, callId);
        else
            say(tr("transferring to %1…").arg(target), callId);
        return;
    }
    // The colleague is dialled once the guest is on hold (onCall), not before: a new call while
    // the guest still talks would cross the hold's re-INVITE.
    m_consult = Consultation{callId, target, targetName, 0};
    if (call.state == CallState::OnHold) {
        dialConsultation();
        refresh();
        return;
    }
    if (auto s = m_phone.hold(callId); !s.ok()) {
        say(s.error().message, callId);
        m_consult = {};
    }
    refresh();
}

void PhonePanel::join()
{
    const CallInfo consult = m_calls.value(m_consult.consultCall);
    if (!m_consult.guestCall || m_consult.joined || consult.state != CallState::Connected)
        return;
    if (auto s = m_phone.transferToCall(m_consult.guestCall, m_consult.consultCall); !s.ok()) {
        say(s.error().message, m_consult.guestCall);
        return;
    }
    say(tr("the guest is handed to %1…").arg(m_consult.target), m_consult.guestCall);
    // Both legs end on their own now; until then the guest's leg is not to be taken back.
    m_consult.joined = true;
    refresh();
}

bool PhonePanel::sendTone(QKeyEvent *event)
{
    const CallInfo current = m_calls.value(m_current);
    const QString text = event->text();
    if (current.state != CallState::Connected || text.size() != 1 ||
        !QStringLiteral("0123456789*#").contains(text) ||
        (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)))
        return false;
    if (auto s = m_phone.sendDtmf(current.id, text.at(0)); !s.ok())
        say(s.error().message, current.id);
    return true;
}

bool PhonePanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_number && event->type() == QEvent::KeyPress && sendTone(static_cast<QKeyEvent *>(event)))
        return true;
    return QWidget::eventFilter(watched, event);
}

void PhonePanel::keyPressEvent(QKeyEvent *event)
{
    if (!sendTone(event))
        QWidget::keyPressEvent(event);
}

void PhonePanel::record()
{
    if (auto s = m_phone.startRecording(m_current); !s.ok())
        say(s.error().message, m_current);
    refresh();
}

void PhonePanel::dial()
{
    const QString number = m_number->text().trimmed();
    if (number.isEmpty())
        return;
    auto call = m_phone.dial(number);
    if (!call.ok())
        say(call.error().message, 0);
}

} // namespace kasp::telephony::ui
