#pragma once
// Сервис → Учётные записи… and Сервис → Сменить пароль… (issue 20), for the Sales Window's
// signed-in person. «Учётные записи…» is the administrator's (LocalAccounts::administers: the head
// of sales, as for user records; the director's account reads and a consultant does not manage
// staff): the action is disabled for others, and a forced call is refused with a message and opens
// nothing. «Сменить пароль…» is everyone's on a desk without a server; on a desk that syncs the
// password is the server's (kasp-sync has no way to change it from a desk): disabled, saying so.
#include "modalrunner.h"

#include <memory>
#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace kasp::session {
class LocalAccounts;
}

namespace kasp::app {

class AppContext;

class AccountActions : public QObject
{
    Q_OBJECT
public:
    AccountActions(AppContext &context, QWidget *window, ModalRunner run);
    ~AccountActions() override;

    // Adds «Учётные записи…» and «Сменить пароль…» to `menu`, enabled as the rules say.
    void addTo(QMenu *menu);
    QAction *accountsAction() const { return m_accountsAction; }
    QAction *changePasswordAction() const { return m_changePasswordAction; }
    session::LocalAccounts &accounts() const { return *m_accounts; }

public slots:
    void openAccounts();
    void changePassword();

signals:
    // The idle lock's minutes were changed (0: never); the session lock follows at once.
    void idleLockChanged(int minutes);
    void message(const QString &text);

private:
    AppContext &m_context;
    QWidget *m_window;
    ModalRunner m_run;
    std::unique_ptr<session::LocalAccounts> m_accounts;
    QAction *m_accountsAction = nullptr;
    QAction *m_changePasswordAction = nullptr;
};

} // namespace kasp::app
