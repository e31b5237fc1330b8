#pragma once
// The phone panel: the account's state, a number to dial, the current call (who, how long) and
// every action as a button with its shortcut: answer (F3), hang up (F4), hold (F6), mute (F7),
// transfer (F8), join a consulted colleague (F9); a dial pad that sends tones during a call and
// types digits otherwise. With more than one call (a second call ringing while talking, a guest on
// hold during a consultation) a list shows them all; a click there switches to that call.
#include "kasp/telephony/softphone.h"
#include "kasp/telephony/ui/transferdialog.h"
#include <functional>
#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QWidget>

class QKeyEvent;
class QLabel;
class QLineEdit;
class QListWidget;
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
    // Where the transfer dialog's colleagues come from (asked each time it opens).
    void setColleagueSource(std::function<QList<Colleague>()> source) { m_colleagues = std::move(source); }
    int currentCall() const { return m_current; }
    // The guest on hold while the consultant talks to a colleague (0: no consultation).
    int consultedGuestCall() const { return m_consult.guestCall; }
    // What the panel says about the calls now (a transfer under way, one that failed), "" when
    // nothing: it goes when the call it is about ends or talks again.
    QString note() const;

protected:
    // Digits typed during a talk (in the number box, or with the focus anywhere in the panel) are
    // tones for the other side's menu, as on a desk phone.
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

signals:
    // The call the panel shows (and its buttons act on) is another one now; 0: no call.
    void currentCallChanged(int callId);
    // The consultant dialled a colleague to talk before a transfer: a call about no guest.
    void consultationDialled(int callId);

public slots:
    void answer();
    void hangUp();
    void toggleHold();
    void toggleMute();
    void transfer(); // opens the transfer dialog
    void join();     // hands the guest on hold to the colleague on the line
    void record();   // starts recording the current call (policy "on demand")
    void dial();
    // The phone's own state (registration, the PBX unreachable): the panel's first line.
    void setStatus(const QString &text);
    void switchTo(int callId); // from the list of calls
    // Ends a consultation: the colleague's line (if any) is hung up and the guest taken off hold
    // (the hold button, F6, while a guest waits for a transfer or after one failed).
    void takeGuestBack();

private:
    // A consultation: the guest's call on hold while this desk calls `target` and talks first.
    struct Consultation
    {
        int guestCall = 0;
        QString target;
        QString targetName;  // the colleague's, for the panel
        int consultCall = 0; // 0 until dialled (after the guest's hold has gone through)
        bool joined = false; // «Соединить» pressed: the two legs are ending
    };

    void onCall(const CallInfo &call);
    void onEnded(const CallInfo &call);
    void onTransferFailed(int callId);
    // A message about `callId` under the phone's state, until that call ends or talks again.
    void say(const QString &text, int callId);
    void startTransfer(int callId, const QString &target, const QString &targetName, bool consultFirst);
    void dialConsultation();
    bool sendTone(QKeyEvent *event); // true when the key was a tone for the current talk
    int nextCurrent() const;
    QString who(const CallInfo &call) const;
    QString stateText(const CallInfo &call) const;
    void refresh();
    void refreshList();

    Softphone &m_phone;
    QMap<int, CallInfo> m_calls; // every call the softphone has, by id
    int m_current = 0;
    int m_shownCall = 0;         // the last current call announced
    QHash<int, QString> m_names; // callers the CRM named, by call
    QHash<int, QElapsedTimer> m_talking;
    QSet<int> m_muted;
    Consultation m_consult;
    std::function<QList<Colleague>()> m_colleagues;
    QLabel *m_status;
    QLabel *m_note;
    int m_noteCall = 0; // the call the note is about
    QLineEdit *m_number;
    QListWidget *m_callList;
    QLabel *m_callLabel;
    QLabel *m_timer;
    QPushButton *m_answer;
    QPushButton *m_hangUp;
    QPushButton *m_hold;
    QPushButton *m_mute;
    QPushButton *m_transfer;
    QPushButton *m_join;
    QPushButton *m_record;
    QTimer *m_tick;
};

} // namespace kasp::telephony::ui
