#pragma once
// "Connect to server": the address of kasp-sync, a login and a password. The password goes to the
// server only; what the desktop keeps is the refresh token, in the OS keychain.
#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace kasp::app {

class SyncSession;

class ServerDialog : public QDialog
{
    Q_OBJECT
public:
    ServerDialog(SyncSession &session, const QString &url, const QString &login, QWidget *parent = nullptr);

    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *loginEdit() const { return m_login; }
    QLineEdit *passwordEdit() const { return m_password; }
    QPushButton *connectButton() const { return m_connect; }
    QString errorText() const;
    void showError(const QString &message); // e.g. why the server asks to sign in again
    // From the Sales Window (issue 20): the desk joins the server as the person signed in, who syncs
    // under their own account. The login is theirs and cannot be edited; another one is refused
    // before anything reaches the server.
    void fixLogin(const QString &login);

private:
    void tryConnect();
    void setBusy(bool busy);

    SyncSession &m_session;
    QLineEdit *m_url;
    QLineEdit *m_login;
    QLineEdit *m_password;
    QLabel *m_error;
    QString m_fixedLogin;
    QPushButton *m_connect;
};

} // namespace kasp::app
