#include "kasp/telephony/ui/phonepanel.h"

#include <algorithm>

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
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
    : QWidget(parent), m_phone(phone), m_status(new QLabel), m_note(new QLabel), m_number(new QLineEdit),
      m_callList(new QListWidget), m_callLabel(new QLabel), m_timer(new QLabel), m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("phonePanel"));
    m_status->setObjectName(QStringLiteral("phoneStatus"));
    m_status->setWordWrap(true);
    m_note->setObjectName(QStringLiteral("phoneNote"));
    m_note->setWordWrap(true);
    m_note->setVisible(false);
    m_note->setStyleSheet(QStringLiteral("color: #9a4a00;"));
    m_number->setObjectName(QStringLiteral("dialNumber"));
    m_number->setPlaceholderText(tr("Number to call"));
    m_number->setToolTip(tr("During a talk, digits typed here go to the other side as tones"));
    m_number->installEventFilter(this);
    m_callList->setObjectName(QStringLiteral("callList"));
    m_callList->setToolTip(
        tr("Every call on this phone; click one to switch to it (the other goes on hold)"));
    m_callList->setTextElideMode(Qt::ElideRight);
    m_callList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_callList->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_callList->setVisible(false);
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
    m_transfer = button(tr("Transfer…"), "transferButton", QKeySequence(Qt::Key_F8),
                        tr("Hand the call to a colleague or another number"));
    m_join = button(tr("Join"), "joinButton", QKeySequence(Qt::Key_F9),
                    tr("Hand the guest on hold to the colleague you are talking to"));
    m_record = button(tr("Record"), "recordButton", {}, tr("Record this conversation to its end"));
    m_hold->setCheckable(true);
    m_mute->setCheckable(true);
    m_record->setCheckable(true);
    m_join->setVisible(false);
    connect(call, &QPushButton::clicked, this, &PhonePanel::dial);
    connect(m_number, &QLineEdit::returnPressed, this, &PhonePanel::dial);
    connect(m_answer, &QPushButton::clicked, this, &PhonePanel::answer);
    connect(m_hangUp, &QPushButton::clicked, this, &PhonePanel::hangUp);
    connect(m_hold, &QPushButton::clicked, this, &PhonePanel::toggleHold);
    connect(m_mute, &QPushButton::clicked, this, &PhonePanel::toggleMute);
    connect(m_transfer, &QPushButton::clicked, this, &PhonePanel::transfer);
    connect(m_join, &QPushButton::clicked, this, &PhonePanel::join);
    connect(m_record, &QPushButton::clicked, this, &PhonePanel::record);
    connect(m_callList, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { switchTo(item->data(Qt::UserRole).toInt()); });

    auto *pad = new QGridLayout;
    const QString keys = QStringLiteral("123456789*0#");
    for (int i = 0; i < keys.size(); ++i) {
        auto *key = new QPushButton(keys.mid(i, 1));
        key->setObjectName(QStringLiteral("key_%1").arg(i));
        key->setFocusPolicy(Qt::NoFocus);
        key->setMinimumWidth(40); // one digit: the style's 80 px would make the dock wide
        connect(key, &QPushButton::clicked, this, [this, digit = keys.at(i)] {
            const CallInfo current = m_calls.value(m_current);
            if (current.id && current.state == CallState::Connected)
                m_phone.sendDtmf(current.id, digit); // a menu on the other end listens
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
    actions->addWidget(m_transfer, 2, 0);
    actions->addWidget(m_join, 2, 1);
    actions->addWidget(m_record, 3, 0, 1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_note);
    layout->addLayout(dialRow);
    layout->addWidget(m_callList);
    layout->addWidget(m_callLabel);
    layout->addWidget(m_timer);
    layout->addLayout(actions);
    layout->addLayout(pad);
    layout->addStretch();

    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &PhonePanel::refresh);
    connect(&m_phone, &Softphone::incomingCall, this, &PhonePanel::onCall);
    connect(&m_phone, &Softphone::callStateChanged, this, &PhonePanel::onCall);
    connect(&m_phone, &Softphone::callEnded, this,
            [this](const CallInfo &c, CallResult, int) { onEnded(c); });
    connect(&m_phone, &Softphone::recordingPolicyChanged, this, &PhonePanel::refresh);
    connect(&m_phone, &Softphone::transferFailed, this,
            [this](int callId, const QString &) { onTransferFailed(callId); });
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

QString PhonePanel::note() const
{
    return m_note->text();
}

void PhonePanel::say(const QString &text, int callId)
{
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
    // Every line of it: the dock's layout does not ask a word-wrapped label for its height.
    const int width = std::max(m_note->width(), m_callLabel->width());
    m_note->setMinimumHeight(text.isEmpty() || width <= 0 ? 0 : m_note->heightForWidth(width));
    m_noteCall = text.isEmpty() ? 0 : callId;
}

void PhonePanel::setCallerName(int callId, const QString &name)
{
    // May come before or after the panel hears of the call itself.
    m_names.insert(callId, name);
    refresh();
}

QString PhonePanel::who(const CallInfo &call) const
{
    const QString name = m_names.value(call.id);
    const QString number = call.remoteUser.isEmpty() ? tr("hidden number") : call.remoteUser;
    return name.isEmpty() ? number : QStringLiteral("%1 · %2").arg(name, number);
}

QString PhonePanel::stateText(const CallInfo &call) const
{
    switch (call.state) {
    case CallState::Ringing:
        return m_calls.size() > 1 ? tr("Second call") : tr("Incoming call");
    case CallState::Dialing:
    case CallState::RemoteRinging:
        return call.id == m_consult.consultCall ? tr("Calling the colleague") : tr("Calling");
    case CallState::Connected:
        if (call.id == m_consult.consultCall)
            return tr("Talking to the colleague");
        return call.direction == CallDirection::Incoming ? tr("Talking (incoming)")
                                                         : tr("Talking (outgoing)");
    case CallState::OnHold:
        return call.id == m_consult.guestCall ? tr("Waiting for the transfer") : tr("On hold");
    case CallState::HeldByRemote:
        return tr("The other side put you on hold");
    case CallState::Ended:
        return tr("Ended");
    }
    return {};
}

void PhonePanel::refreshList()
{
    m_callList->setVisible(m_calls.size() > 1);
    if (m_calls.size() < 2) {
        m_callList->clear();
        return;
    }
    // Rebuilt whole: two or three rows, and the order (by id) never jumps.
    m_callList->clear();
    for (const CallInfo &call : m_calls) {
        // The name alone when the CRM knows it (the list is narrow); the number in the tooltip.
        const QString name = m_names.value(call.id);
        auto *item = new QListWidgetItem(
            QStringLiteral("%1: %2").arg(stateText(call), name.isEmpty() ? who(call) : name), m_callList);
        item->setData(Qt::UserRole, call.id);
        item->setToolTip(QStringLiteral("%1: %2").arg(stateText(call), who(call)));
        if (call.id == m_current) {
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
            m_callList->setCurrentItem(item);
        }
    }
    // As tall as its rows: two or three calls, no empty space below them.
    m_callList->setFixedHeight(m_callList->sizeHintForRow(0) * m_callList->count() +
                               2 * m_callList->frameWidth());
}

void PhonePanel::refresh()
{
    if (m_current != m_shownCall) {
        m_shownCall = m_current;
        emit currentCallChanged(m_current);
    }
    const CallInfo current = m_calls.value(m_current);
    bool anyRinging = false;
    for (const CallInfo &c : m_calls)
        anyRinging = anyRinging || c.state == CallState::Ringing;
    const bool active = current.id != 0;
    const bool talking = current.state == CallState::Connected || current.state == CallState::OnHold;
    m_answer->setEnabled(anyRinging);
    m_hangUp->setEnabled(active);
    // A guest waiting for a transfer (or back from a failed one) is taken back with this button.
    const bool guestWaits = m_consult.guestCall != 0 && m_calls.contains(m_consult.guestCall);
    if (const QString text = guestWaits ? tr("Take back") : tr("Hold"); m_hold->text() != text) {
        m_hold->setText(text);
        m_hold->setShortcut(QKeySequence(Qt::Key_F6)); // setText() put the text's mnemonic in its place
    }
    m_hold->setToolTip(guestWaits ? tr("End the consultation and talk to the guest again (F6)")
                                  : tr("Put the caller on hold / take back (F6)"));
    m_hold->setEnabled(guestWaits ? !m_consult.joined : active && talking);
    m_hold->setChecked(!guestWaits && current.state == CallState::OnHold);
    m_mute->setEnabled(active && current.state == CallState::Connected);
    m_mute->setChecked(m_muted.contains(current.id));
    m_transfer->setEnabled(active && talking && !m_consult.guestCall);
    const CallInfo consult = m_calls.value(m_consult.consultCall);
    m_join->setVisible(m_consult.guestCall != 0);
    m_join->setEnabled(consult.state == CallState::Connected && !m_consult.joined);
    const RecordingPolicy policy = m_phone.recordingPolicy();
    const bool recording = !current.recording.isEmpty();
    m_record->setVisible(policy != RecordingPolicy::Never);
    m_record->setChecked(recording);
    m_record->setText(recording ? tr("● Recording") : tr("Record"));
    m_record->setEnabled(policy == RecordingPolicy::OnDemand && current.state == CallState::Connected &&
                         !recording);
    m_record->setToolTip(policy == RecordingPolicy::Always ? tr("Every conversation on this desk is recorded")
                                                           : tr("Record this conversation to its end"));
    refreshList();
    if (!active) {
        m_callLabel->setText(tr("No call"));
        m_timer->clear();
        return;
    }
    m_callLabel->setText(QStringLiteral("%1: %2").arg(stateText(current), who(current)));
    if (talking && m_talking.contains(current.id)) {
        const qint64 s = m_talking.value(current.id).elapsed() / 1000;
        m_timer->setText(QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0')));
    } else {
        m_timer->clear();
    }
}

} // namespace kasp::telephony::ui
