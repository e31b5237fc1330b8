#pragma once
// Sign-in at the desk: a person picks themselves and types their password. The check itself (the
// server, this desk's verifier, the throttle) is given to the dialog, which only shows its answer;
// the dialog closes only when the check says yes. Also the lock screen: the signed-in person
// types their password again, or «Сменить пользователя» lets another person sign in (a shift
// change); there is no way past it without a password.
#include "kasp/core/result.h"
#include "kasp/core/user.h"
#include <functional>
#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTimer;

namespace kasp::app {

class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    // Answers once per call, now or later (a server's reply): the person, or why not (in words for
    // them; error.code for logs and tests).
    using Answer = std::function<void(const Result<User> &)>;
    using Check = std::function<void(const QString &login, const QString &password, Answer done)>;

    // Seconds `login` must still wait before the next attempt (the desk's throttle); 0: now.
    using Wait = std::function<qint64(const QString &login)>;

    enum class Mode { SignIn, Locked };

    // `login` is pre-selected (the last one, or --user). Locked: `login` is the signed-in person,
    // the list is closed until «Сменить пользователя», and Esc does not get past the lock.
    SignInDialog(const QList<User> &users, const QString &login, Check check, Mode mode = Mode::SignIn,
                 QWidget *parent = nullptr);

    // The person the check accepted (after Accepted).
    User signedIn() const { return m_signedIn; }
    // The login chosen in the list.
    QString selectedLogin() const;
    QString errorText() const;
    QString errorCode() const { return m_errorCode; }
    // While the chosen login must wait, «Войти» is disabled and a line counts the seconds down.
    void setWait(Wait wait);
    QString waitText() const;
    // A check is under way (the server, or the argon2id work off the UI thread): the window still
    // answers, shows a running bar and «Проверяем…», and takes no second attempt.
    bool isBusy() const { return m_busy; }
    QProgressBar *busyBar() const { return m_busyBar; }

    QComboBox *userBox() const { return m_combo; }
    QLineEdit *passwordEdit() const { return m_password; }
    QPushButton *signInButton() const { return m_signIn; }
    QPushButton *switchUserButton() const { return m_switchUser; } // null outside the lock

public slots:
    // As «Войти» pressed: checks the login and password typed.
    void submit();
    // Esc and «Отмена»; at the lock screen Esc does nothing («Выйти из КАСП» is its own button).
    void reject() override;

private:
    void showError(const QString &message);
    void setBusy(bool busy);
    void updateWait();

    Check m_check;
    Mode m_mode;
    QList<User> m_users;
    User m_signedIn;
    QString m_errorCode;
    bool m_busy = false;
    bool m_listOpen = false; // the person may be chosen (not at the lock before «Сменить пользователя»)
    QComboBox *m_combo;
    QLineEdit *m_password;
    QLabel *m_error;
    QLabel *m_wait;
    QProgressBar *m_busyBar;
    Wait m_waitFor;
    QTimer *m_waitTimer;
    QPushButton *m_signIn;
    QPushButton *m_switchUser = nullptr;
    QPushButton *m_cancel;
};

QString roleTitle(Role role);

} // namespace kasp::app
