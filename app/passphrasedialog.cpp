#include "passphrasedialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kasp::app {

PassphraseDialog::PassphraseDialog(const QString &reason, bool creating, QWidget *parent)
    : QDialog(parent), m_creating(creating), m_first(new QLineEdit), m_second(new QLineEdit),
      m_error(new QLabel)
{
    setWindowTitle(tr("Database passphrase"));
    auto *why = new QLabel(reason);
    why->setWordWrap(true);
    m_first->setEchoMode(QLineEdit::Password);
    m_second->setEchoMode(QLineEdit::Password);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Passphrase:"), m_first);
    if (creating)
        form->addRow(tr("Repeat:"), m_second);
    else
        m_second->hide();
    // Parented first, so that setDefault() reaches the dialog: Enter in either field is OK.
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &PassphraseDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(why);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(440);
    m_first->setFocus();
}

QString PassphraseDialog::passphrase() const
{
    return m_first->text();
}

void PassphraseDialog::showError(const QString &message)
{
    m_error->setText(message);
}

void PassphraseDialog::accept()
{
    // The length rule is for a new passphrase only: a database made with a shorter one (through
    // --passphrase-env, which has no rule) must still open with it (the first-day walk was locked
    // out of one made with "secret").
    if (!m_creating && m_first->text().isEmpty()) {
        showError(tr("Type the passphrase."));
        return;
    }
    if (m_creating && m_first->text().size() < 8) {
        showError(tr("Use at least 8 characters."));
        return;
    }
    if (m_creating && m_second->text().isEmpty()) { // Enter in the first field: on to the repeat
        m_second->setFocus();
        return;
    }
    if (m_creating && m_first->text() != m_second->text()) {
        showError(tr("The two passphrases differ."));
        return;
    }
    QDialog::accept();
}

} // namespace kasp::app
