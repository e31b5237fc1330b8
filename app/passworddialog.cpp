#include "passworddialog.h"

#include "kasp/session/localaccounts.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace kasp::app {

namespace {
QLineEdit *secret(const QString &objectName)
{
    auto *edit = new QLineEdit;
    edit->setEchoMode(QLineEdit::Password);
    edit->setObjectName(objectName);
    return edit;
}
} // namespace

PasswordDialog::PasswordDialog(Mode mode, const QString &whose, Submit submit, QWidget *parent)
    : QDialog(parent), m_mode(mode), m_submit(std::move(submit)),
      m_password(secret(QStringLiteral("newPassword"))), m_repeat(secret(QStringLiteral("repeatPassword"))),
      m_error(new QLabel), m_busyBar(new QProgressBar)
{
    setObjectName(QStringLiteral("passwordDialog"));
    auto *intro = new QLabel;
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    switch (mode) {
    case Mode::Set:
        setWindowTitle(tr("Set password"));
        intro->setText(tr("A new password for %1. Tell it to them in person; they can change it later "
                          "(Tools → Change password…).")
                           .arg(whose));
        break;
    case Mode::Change:
        setWindowTitle(tr("Change password"));
        intro->setText(tr("%1, type your current password and the new one twice.").arg(whose));
        m_current = secret(QStringLiteral("currentPassword"));
        form->addRow(tr("&Current password:"), m_current);
        break;
    case Mode::NewConsultant:
        setWindowTitle(tr("New consultant"));
        intro->setText(tr("A consultant who signs in at this desk with the login and password below."));
        m_login = new QLineEdit;
        m_login->setObjectName(QStringLiteral("newLogin"));
        m_login->setPlaceholderText(tr("ivanova"));
        m_name = new QLineEdit;
        m_name->setObjectName(QStringLiteral("newName"));
        m_name->setPlaceholderText(tr("Maria Ivanova"));
        form->addRow(tr("&Name:"), m_name);
        form->addRow(tr("&Login:"), m_login);
        break;
    }
    form->addRow(tr("&New password:"), m_password);
    form->addRow(tr("&Repeat it:"), m_repeat);
    auto *rule = new QLabel(tr("At least %1 characters.").arg(session::LocalAccounts::kMinPasswordLength));
    rule->setEnabled(false); // a hint, greyed
    form->addRow(QString(), rule);
    m_error->setObjectName(QStringLiteral("passwordError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumHeight(6);
    QSizePolicy keep = m_busyBar->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    m_busyBar->setSizePolicy(keep);
    m_busyBar->hide();
    // Parented first, so that setDefault() reaches the dialog: Enter saves.
    auto *buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(mode == Mode::NewConsultant ? tr("Add") : tr("Save"),
                              QDialogButtonBox::AcceptRole);
    m_ok->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &PasswordDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_busyBar);
    layout->addWidget(buttons);
    setMinimumWidth(480);
    (m_name ? m_name : m_current ? m_current : m_password)->setFocus();
}

QString PasswordDialog::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

void PasswordDialog::showError(const Error &error)
{
    m_errorCode = error.code;
    m_error->setText(error.message);
    m_error->show();
    QLineEdit *field = m_password;
    if (error.code == QLatin1String("accounts.bad_login") ||
        error.code == QLatin1String("accounts.login_taken"))
        field = m_login;
    else if (error.code == QLatin1String("accounts.no_name"))
        field = m_name;
    else if ((error.code == QLatin1String("signin.wrong_password") ||
              error.code == QLatin1String("accounts.no_current") ||
              error.code == QLatin1String("signin.throttled")) &&
             m_current)
        field = m_current;
    if (field) {
        field->selectAll();
        field->setFocus();
    }
}

void PasswordDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_busyBar->setVisible(busy);
    m_ok->setEnabled(!busy);
    for (QLineEdit *edit : {m_login, m_name, m_current, m_password, m_repeat})
        if (edit)
            edit->setEnabled(!busy);
}

void PasswordDialog::accept()
{
    if (m_busy)
        return;
    const Typed typed{m_login ? m_login->text().trimmed() : QString(), m_name ? m_name->text() : QString(),
                      m_current ? m_current->text() : QString(), m_password->text(), m_repeat->text()};
    // Enter in the first password field: on to the repeat.
    if (focusWidget() == m_password && m_repeat->text().isEmpty() && !m_password->text().isEmpty()) {
        m_repeat->setFocus();
        return;
    }
    m_error->hide();
    setBusy(true);
    QPointer<PasswordDialog> self(this);
    m_submit(typed, [self](const Status &s) {
        if (!self)
            return;
        self->setBusy(false);
        if (!s.ok()) {
            self->showError(s.error());
            return;
        }
        self->m_errorCode.clear();
        self->QDialog::accept();
    });
}

} // namespace kasp::app
