#pragma once
// Sign-in as one of the database's users. The database itself is already unlocked by its key;
// passwords and tokens come with the sync server.
#include "kasp/core/user.h"
#include <QDialog>

class QComboBox;

namespace kasp::app {

class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    SignInDialog(const QList<User> &users, const QString &lastLogin, QWidget *parent = nullptr);
    User selectedUser() const;

private:
    QList<User> m_users;
    QComboBox *m_combo;
};

QString roleTitle(Role role);

} // namespace kasp::app
