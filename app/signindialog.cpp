#include "signindialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace kasp::app {

QString roleTitle(Role role)
{
    switch (role) {
    case Role::Consultant:
        return QObject::tr("consultant");
    case Role::HeadOfSales:
        return QObject::tr("head of sales");
    case Role::Director:
        return QObject::tr("director");
    }
    return {};
}

SignInDialog::SignInDialog(const QList<User> &users, const QString &lastLogin, QWidget *parent)
    : QDialog(parent), m_combo(new QComboBox)
{
    setWindowTitle(tr("KASP — sign in"));
    for (const User &u : users) {
        if (!u.active)
            continue;
        m_users.append(u);
        m_combo->addItem(QStringLiteral("%1 (%2)").arg(u.displayName, roleTitle(u.role)), u.login);
    }
    m_combo->setCurrentIndex(std::max(0, m_combo->findData(lastLogin)));
    auto *form = new QFormLayout;
    form->addRow(tr("&User:"), m_combo);
    // Parented first, so that setDefault() reaches the dialog: Enter signs in.
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("Sales Window"));
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    title->setFont(f);
    layout->addWidget(title);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(420);
    m_combo->setFocus();
}

User SignInDialog::selectedUser() const
{
    const int i = m_combo->currentIndex();
    return i >= 0 && i < m_users.size() ? m_users[i] : User{};
}

} // namespace kasp::app
