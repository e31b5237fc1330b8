#pragma once
// A password typed twice (issue 20): the administrator setting a person's password, a new
// consultant (login, name and password), or a person changing their own (the current one first).
// The dialog only collects and shows: the check and the write are given to it (they answer later,
// the argon2id work being off the UI thread), and it closes only when they say yes.
#include "kasp/core/result.h"

#include <functional>
#include <QDialog>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace kasp::app {

class PasswordDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Set, Change, NewConsultant };
    struct Typed
    {
        QString login;       // NewConsultant
        QString displayName; // NewConsultant
        QString current;     // Change
        QString password;
        QString repeated;
    };
    using Done = std::function<void(const Status &)>;
    using Submit = std::function<void(const Typed &typed, Done done)>;

    // `whose`: the person's name (Set), the signed-in person's (Change); unused for NewConsultant.
    PasswordDialog(Mode mode, const QString &whose, Submit submit, QWidget *parent = nullptr);

    QLineEdit *loginEdit() const { return m_login; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *currentEdit() const { return m_current; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLineEdit *repeatEdit() const { return m_repeat; }
    QPushButton *okButton() const { return m_ok; }
    QString errorText() const;
    QString errorCode() const { return m_errorCode; }
    bool isBusy() const { return m_busy; }

public slots:
    void accept() override;

private:
    void setBusy(bool busy);
    void showError(const Error &error);

    Mode m_mode;
    Submit m_submit;
    QLineEdit *m_login = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_current = nullptr;
    QLineEdit *m_password;
    QLineEdit *m_repeat;
    QLabel *m_error;
    QProgressBar *m_busyBar;
    QPushButton *m_ok = nullptr;
    QString m_errorCode;
    bool m_busy = false;
};

} // namespace kasp::app
