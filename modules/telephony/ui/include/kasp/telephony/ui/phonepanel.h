#pragma once
// The phone panel: the account's state, a number to dial, the current call (who, how long) and
// every action as a button with its shortcut: answer (F3), hang up (F4), hold (F6), mute (F7);
// a dial pad that sends tones during a call and types digits otherwise.
#include "kasp/telephony/softphone.h"
#include <QElapsedTimer>
#include <QHash>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace kasp::telephony::ui {

class PhonePanel : public QWidget
{
    Q_OBJECT
public:
    explicit PhonePanel(Softphone &phone, QWidget *parent = nullptr);
    // Who is on the line, as the CRM knows them ("Звонкова Алла Петровна").
    void setCallerName(int callId, const QString &name);
    int currentCall() const { return m_call.id; }

public slots:
    void answer();
    void hangUp();
    void toggleHold();
    void toggleMute();
    void dial();
    void setStatus(const QString &text);

private:
    void showCall(const CallInfo &call);
    void callEnded(const CallInfo &call);
    void refresh();

    Softphone &m_phone;
    CallInfo m_call; // id 0: no call
    QString m_callerName;
    QHash<int, QString> m_names; // callers the CRM named, by call
    bool m_muted = false;
    QElapsedTimer m_talking;
    QLabel *m_status;
    QLineEdit *m_number;
    QLabel *m_callLabel;
    QLabel *m_timer;
    QPushButton *m_answer;
    QPushButton *m_hangUp;
    QPushButton *m_hold;
    QPushButton *m_mute;
    QTimer *m_tick;
};

} // namespace kasp::telephony::ui
