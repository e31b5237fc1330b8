#include "accountactions.h"

#include "accountsdialog.h"
#include "appcontext.h"
#include "kasp/session/localaccounts.h"
#include "passworddialog.h"
#include "syncsession.h"

#include <QAction>
#include <QLoggingCategory>
#include <QMenu>

Q_DECLARE_LOGGING_CATEGORY(lcApp)

namespace kasp::app {

AccountActions::AccountActions(AppContext &context, QWidget *window, ModalRunner run)
    : QObject(window), m_context(context), m_window(window), m_run(std::move(run)),
      m_accounts(std::make_unique<session::LocalAccounts>(context.database(), context.clock(),
                                                          context.sync() && context.sync()->isConfigured()))
{
}

AccountActions::~AccountActions() = default;

void AccountActions::addTo(QMenu *menu)
{
    m_accountsAction = menu->addAction(tr("&Accounts…"), this, &AccountActions::openAccounts);
    m_accountsAction->setObjectName(QStringLiteral("accountsAction"));
    m_accountsAction->setEnabled(session::LocalAccounts::administers(m_context.user().role));
    m_accountsAction->setToolTip(
        m_accountsAction->isEnabled()
            ? tr("Who signs in at this desk: passwords, a new consultant, the idle lock")
            : tr("The head of sales manages the desk's accounts"));
    m_changePasswordAction = menu->addAction(tr("Change &password…"), this, &AccountActions::changePassword);
    m_changePasswordAction->setObjectName(QStringLiteral("changePasswordAction"));
    const Status own = m_accounts->mayChangeOwn();
    m_changePasswordAction->setEnabled(own.ok());
    m_changePasswordAction->setToolTip(own.ok() ? tr("Your own password at this desk") : own.error().message);
    menu->setToolTipsVisible(true);
}

void AccountActions::openAccounts()
{
    // Asked again here: a call past a disabled action is refused, and nothing opens.
    if (!session::LocalAccounts::administers(m_context.user().role)) {
        qCInfo(lcApp).noquote() << "accounts refused for" << m_context.user().login;
        emit message(tr("Only the head of sales manages the desk's accounts: nothing was changed."));
        return;
    }
    AccountsDialog dialog(*m_accounts, m_context.settings(), m_run, m_window);
    connect(&dialog, &AccountsDialog::idleLockChanged, this, &AccountActions::idleLockChanged);
    connect(&dialog, &AccountsDialog::message, this, &AccountActions::message);
    m_run(dialog);
}

void AccountActions::changePassword()
{
    if (const Status own = m_accounts->mayChangeOwn(); !own.ok()) {
        emit message(own.error().message);
        return;
    }
    PasswordDialog form(
        PasswordDialog::Mode::Change, m_context.user().displayName,
        [this, &form](const PasswordDialog::Typed &typed, PasswordDialog::Done done) {
            m_accounts->changeOwnPassword(typed.current, typed.password, typed.repeated, &form,
                                          std::move(done));
        },
        m_window);
    m_run(form);
    if (form.result() == QDialog::Accepted)
        emit message(tr("Your password has been changed. Sign in with the new one from now on."));
}

} // namespace kasp::app
