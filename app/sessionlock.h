#pragma once
// The signed-in session at a shared desk (issue 20): after a set idle time (Settings, 15 minutes by
// default) with no key pressed and no click, the Sales Window is covered and the lock screen asks
// for the signed-in person's password; «Сменить пользователя» there lets a colleague sign in with
// theirs (a shift change). The same lock on request (the menu). Nobody gets past it without a
// password the desk's sign-in (DeskSignIn) accepts.
#include "kasp/core/user.h"
#include "signindialog.h"

#include <functional>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QWidget;

namespace kasp::app {

class SessionLock : public QObject
{
    Q_OBJECT
public:
    // `users` lists who may be chosen at the lock (read when it locks: colleagues may have come
    // with a sync). idleMs 0: no idle lock.
    SessionLock(const User &user, std::function<QList<User>()> users, SignInDialog::Check check, int idleMs,
                QObject *parent = nullptr);
    ~SessionLock() override;

    // The window the lock covers (its contents are hidden while locked).
    void setWindow(QWidget *window);
    // The throttle's wait, counted down at the lock screen.
    void setWait(SignInDialog::Wait wait) { m_wait = std::move(wait); }
    bool isLocked() const { return m_locked; }
    int idleMs() const { return m_idle.interval(); }
    // A new idle time (Сервис → Учётные записи…), from now on; 0: no idle lock.
    void setIdleMs(int idleMs);
    SignInDialog *lockScreen() const { return m_dialog; }

public slots:
    void lock();

signals:
    void locked();
    void unlocked();                         // the same person typed their password
    void switchTo(const kasp::User &person); // another person signed in at the lock
    void quitRequested();                    // «Выйти из КАСП» at the lock

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void cover(bool on);

    User m_user;
    std::function<QList<User>()> m_users;
    SignInDialog::Check m_check;
    SignInDialog::Wait m_wait;
    QTimer m_idle;
    QPointer<QWidget> m_window;
    QList<QPointer<QWidget>> m_covers; // one over each window open at the desk
    QPointer<SignInDialog> m_dialog;
    bool m_locked = false;
};

} // namespace kasp::app
