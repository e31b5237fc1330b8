#pragma once
// Сервис → Учётные записи… (issue 20): the people of this desk (name, login, role, whether a
// password is set here, the last sign-in here), the administrator's «Задать пароль…» and «Добавить
// консультанта…», and how long the desk waits without input before it locks. The list and the
// writes are session::LocalAccounts'; the forms are run through the window's ModalRunner.
#include "kasp/session/localaccounts.h"
#include "modalrunner.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace kasp::session {
class Settings;
}

namespace kasp::app {

class AccountsDialog : public QDialog
{
    Q_OBJECT
public:
    AccountsDialog(session::LocalAccounts &accounts, session::Settings &settings, ModalRunner run,
                   QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QPushButton *setPasswordButton() const { return m_setPassword; }
    QPushButton *addConsultantButton() const { return m_addConsultant; }
    QSpinBox *idleLockBox() const { return m_idle; }
    // The row of `login` (-1: not listed); selects it.
    int selectLogin(const QString &login);

public slots:
    void reload();
    void setPasswordOfSelected();
    void addConsultant();

signals:
    void idleLockChanged(int minutes);
    void message(const QString &text);

private:
    session::LocalAccounts &m_accounts;
    session::Settings &m_settings;
    ModalRunner m_run;
    QList<session::LocalAccount> m_rows;
    QTableWidget *m_table;
    QLabel *m_note;
    QPushButton *m_setPassword;
    QPushButton *m_addConsultant;
    QSpinBox *m_idle;
    bool m_administers = false;
};

} // namespace kasp::app
