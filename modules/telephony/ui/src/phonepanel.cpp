#include "kasp/telephony/ui/phonepanel.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace kasp::telephony::ui {

namespace {
QPushButton *button(const QString &text, const char *name, const QKeySequence &key, const QString &tip)
{
    auto *b = new QPushButton(text);
    b->setObjectName(QLatin1String(name));
    if (!key.isEmpty()) {
        b->setShortcut(key);
        b->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
    } else {
        b->setToolTip(tip);
    }
    return b;
}
} // namespace

PhonePanel::PhonePanel(Softphone &phone, QWidget *parent)
    : QWidget(parent), m_phone(phone), m_status(new QLabel), m_number(new QLineEdit), m_callLabel(new QLabel),
      m_timer(new QLabel), m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("phonePanel"));
    m_status->setObjectName(QStringLiteral("phoneStatus"));
    m_status->setWordWrap(true);
    m_number->setObjectName(QStringLiteral("dialNumber"));
    m_number->setPlaceholderText(tr("Number to call"));
    m_callLabel->setObjectName(QStringLiteral("callLabel"));
    m_callLabel->setWordWrap(true);
    QFont big = m_callLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.15);
    big.setBold(true);
    m_callLabel->setFont(big);
    m_timer->setObjectName(QStringLiteral("callTimer"));

    auto *call = button(tr("Call"), "callButton", {}, tr("Call the number"));
    m_answer = button(tr("Answer"), "answerButton", QKeySequence(Qt::Key_F3), tr("Answer the ringing call"));
    m_hangUp = button(tr("Hang up"), "hangUpButton", QKeySequence(Qt::Key_F4), tr("End or decline the call"));
    m_hold =
        button(tr("Hold"), "holdButton", QKeySequence(Qt::Key_F6), tr("Put the caller on hold / take back"));
    m_mute = button(tr("Mute"), "muteButton", QKeySequence(Qt::Key_F7), tr("Switch the microphone off / on"));
    m_hold->setCheckable(true);
    m_mute->setCheckable(true);
    connect(call, &QPushButton::clicked, this, &PhonePanel::dial);
    connect(m_number, &QLineEdit::returnPressed, this, &PhonePanel::dial);
    connect(m_answer, &QPushButton::clicked, this, &PhonePanel::answer);
    connect(m_hangUp, &QPushButton::clicked, this, &PhonePanel::hangUp);
    connect(m_hold, &QPushButton::clicked, this, &PhonePanel::toggleHold);
    connect(m_mute, &QPushButton::clicked, this, &PhonePanel::toggleMute);

    auto *pad = new QGridLayout;
    const QString keys = QStringLiteral("123456789*0#");
    for (int i = 0; i < keys.size(); ++i) {
        auto *key = new QPushButton(keys.mid(i, 1));
        key->setObjectName(QStringLiteral("key_%1").arg(i));
        key->setFocusPolicy(Qt::NoFocus);
        connect(key, &QPushButton::clicked, this, [this, digit = keys.at(i)] {
            if (m_call.id && m_call.state == CallState::Connected)
                m_phone.sendDtmf(m_call.id, digit); // a menu on the other end listens
            else
                m_number->insert(QString(digit));
        });
        pad->addWidget(key, i / 3, i % 3);
    }

    auto *dialRow = new QHBoxLayout;
    dialRow->addWidget(m_number, 1);
    dialRow->addWidget(call);
    auto *actions = new QGridLayout;
    actions->addWidget(m_answer, 0, 0);
    actions->addWidget(m_hangUp, 0, 1);
    actions->addWidget(m_hold, 1, 0);
    actions->addWidget(m_mute, 1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addLayout(dialRow);
    layout->addWidget(m_callLabel);
    layout->addWidget(m_timer);
    layout->addLayout(actions);
    layout->addLayout(pad);
    layout->addStretch();

    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &PhonePanel::refresh);
    connect(&m_phone, &Softphone::incomingCall, this, &PhonePanel::showCall);
    connect(&m_phone, &Softphone::callStateChanged, this, &PhonePanel::showCall);
    connect(&m_phone, &Softphone::callEnded, this,
            [this](const CallInfo &c, CallResult, int) { callEnded(c); });
    connect(&m_phone, &Softphone::registrationChanged, this,
            [this](RegistrationState state, const QString &, const QString &text) {
                setStatus(text.isEmpty() ? registrationStateTitle(state) : text);
            });
    setStatus(registrationStateTitle(m_phone.registrationState()));
    refresh();
}

void PhonePanel::setStatus(const QString &text)
{
    m_status->setText(tr("Phone: %1").arg(text));
}

void PhonePanel::setCallerName(int callId, const QString &name)
{
    // May come before or after the panel hears of the call itself.
    m_names.insert(callId, name);
    if (callId == m_call.id) {
        m_callerName = name;
        refresh();
    }
}

void PhonePanel::showCall(const CallInfo &call)
{
    // A second call while talking (call waiting) shows as ringing; the first stays where it is.
    if (m_call.id && call.id != m_call.id && m_call.state == CallState::Connected &&
        call.state == CallState::Ringing)
        return;
    if (call.id != m_call.id) {
        m_callerName = m_names.value(call.id);
        m_muted = false;
    }
    if (call.state == CallState::Connected && m_call.state != CallState::Connected &&
        m_call.state != CallState::OnHold)
        m_talking.start();
    m_call = call;
    m_tick->start();
    refresh();
}

void PhonePanel::callEnded(const CallInfo &call)
{
    m_names.remove(call.id);
    if (call.id != m_call.id)
        return;
    m_call = CallInfo{};
    m_tick->stop();
    refresh();
}

void PhonePanel::refresh()
{
    const bool ringing = m_call.id && m_call.state == CallState::Ringing;
    const bool active = m_call.id != 0;
    m_answer->setEnabled(ringing);
    m_hangUp->setEnabled(active);
    m_hold->setEnabled(active && (m_call.state == CallState::Connected || m_call.state == CallState::OnHold));
    m_hold->setChecked(m_call.state == CallState::OnHold);
    m_mute->setEnabled(active && m_call.state == CallState::Connected);
    m_mute->setChecked(m_muted);
    if (!active) {
        m_callLabel->setText(tr("No call"));
        m_timer->clear();
        return;
    }
    const QString who = m_callerName.isEmpty()
                            ? m_call.remoteUser
                            : QStringLiteral("%1 · %2").arg(m_callerName, m_call.remoteUser);
    QString what;
    switch (m_call.state) {
    case CallState::Ringing:
        what = tr("Incoming call");
        break;
    case CallState::Dialing:
    case CallState::RemoteRinging:
        what = tr("Calling");
        break;
    case CallState::Connected:
        what =
            m_call.direction == CallDirection::Incoming ? tr("Talking (incoming)") : tr("Talking (outgoing)");
        break;
    case CallState::OnHold:
        what = tr("On hold");
        break;
    case CallState::HeldByRemote:
        what = tr("The other side put you on hold");
        break;
    case CallState::Ended:
        what = tr("Ended");
        break;
    }
    m_callLabel->setText(QStringLiteral("%1: %2").arg(what, who));
    if (m_call.state == CallState::Connected || m_call.state == CallState::OnHold) {
        const qint64 s = m_talking.isValid() ? m_talking.elapsed() / 1000 : 0;
        m_timer->setText(QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0')));
    } else {
        m_timer->clear();
    }
}

void PhonePanel::answer()
{
    if (m_call.id && m_call.state == CallState::Ringing)
        if (auto s = m_phone.answer(m_call.id); !s.ok())
            setStatus(s.error().message);
}

void PhonePanel::hangUp()
{
    if (!m_call.id)
        return;
    const Status s =
        m_call.state == CallState::Ringing ? m_phone.decline(m_call.id) : m_phone.hangUp(m_call.id);
    if (!s.ok())
        setStatus(s.error().message);
}

void PhonePanel::toggleHold()
{
    if (!m_call.id)
        return;
    const Status s = m_call.state == CallState::OnHold ? m_phone.resume(m_call.id) : m_phone.hold(m_call.id);
    if (!s.ok())
        setStatus(s.error().message);
    refresh();
}

void PhonePanel::toggleMute()
{
    if (!m_call.id)
        return;
    m_muted = !m_muted;
    m_phone.setMuted(m_call.id, m_muted);
    refresh();
}

void PhonePanel::dial()
{
    const QString number = m_number->text().trimmed();
    if (number.isEmpty())
        return;
    auto call = m_phone.dial(number);
    if (!call.ok())
        setStatus(call.error().message);
}

} // namespace kasp::telephony::ui
