#include "accountsdialog.h"

#include "kasp/session/settings.h"
#include "passworddialog.h"
#include "signindialog.h" // roleTitle

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace kasp::app {

AccountsDialog::AccountsDialog(session::LocalAccounts &accounts, session::Settings &settings, ModalRunner run,
                               QWidget *parent)
    : QDialog(parent), m_accounts(accounts), m_settings(settings), m_run(std::move(run)),
      m_table(new QTableWidget(0, 5)), m_note(new QLabel),
      m_setPassword(new QPushButton(tr("&Set password…"))),
      m_addConsultant(new QPushButton(tr("&Add consultant…"))), m_idle(new QSpinBox)
{
    setObjectName(QStringLiteral("accountsDialog"));
    setWindowTitle(tr("Desk accounts"));
    const Status admin = m_accounts.mayAdminister();
    m_administers = admin.ok();
    // The hash's name is for IT (the README and the log), not for the head of sales.
    auto *intro = new QLabel(tr("Who signs in at this desk. Passwords are not kept, only a check value "
                                "from which the password cannot be recovered."));
    intro->setWordWrap(true);
    m_note->setObjectName(QStringLiteral("accountsNote"));
    m_note->setWordWrap(true);
    // Why nothing can be changed here (not a refusal: nothing was asked yet).
    m_note->setText(admin.ok() ? QString()
                    : admin.error().code == QLatin1String("accounts.on_server")
                        ? tr("This desk works with the sync server: accounts and passwords are kept there, "
                             "and the list is shown here as it is.")
                        : admin.error().message);
    m_note->setVisible(!admin.ok());

    m_table->setObjectName(QStringLiteral("accountsTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Person"), tr("Login"), tr("Role"), tr("Password"), tr("Last sign-in")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);

    m_setPassword->setObjectName(QStringLiteral("setPasswordButton"));
    m_setPassword->setToolTip(tr("A new password for the chosen person (they forgot theirs, or are new)"));
    m_addConsultant->setObjectName(QStringLiteral("addConsultantButton"));
    m_setPassword->setEnabled(false);
    m_addConsultant->setEnabled(m_administers);
    connect(m_setPassword, &QPushButton::clicked, this, &AccountsDialog::setPasswordOfSelected);
    connect(m_addConsultant, &QPushButton::clicked, this, &AccountsDialog::addConsultant);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            [this] { m_setPassword->setEnabled(m_administers && m_table->currentRow() >= 0); });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this] {
        if (m_setPassword->isEnabled())
            setPasswordOfSelected();
    });
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_setPassword);
    actions->addWidget(m_addConsultant);
    actions->addStretch();

    // The idle lock: a desk setting (see LocalAccounts::setIdleLockMinutes).
    m_idle->setObjectName(QStringLiteral("idleLockMinutes"));
    m_idle->setRange(0, 240);
    //: The idle lock's minutes: "15 мин"
    m_idle->setSuffix(tr(" min"));
    //: The idle lock at 0 minutes
    m_idle->setSpecialValueText(tr("never"));
    m_idle->setKeyboardTracking(false); // typed "15" is one change, not "1" then "15"
    m_idle->setValue(m_settings.idleLockMinutes());
    m_idle->setEnabled(m_accounts.maySetIdleLock().ok());
    connect(m_idle, &QSpinBox::valueChanged, this, [this](int minutes) {
        if (auto s = m_accounts.setIdleLockMinutes(m_settings, minutes); !s.ok()) {
            emit message(s.error().message);
            return;
        }
        emit idleLockChanged(m_settings.idleLockMinutes());
    });
    auto *idleRow = new QHBoxLayout;
    auto *idleLabel = new QLabel(tr("&Lock the desk after no input for:"));
    idleLabel->setBuddy(m_idle);
    idleRow->addWidget(idleLabel);
    idleRow->addWidget(m_idle);
    idleRow->addStretch();
    auto *idleHint = new QLabel(tr("0 — never. The window is covered and asks for the password again; it "
                                   "applies at once and is kept on this desk."));
    idleHint->setWordWrap(true);
    idleHint->setEnabled(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_note);
    layout->addWidget(m_table, 1);
    layout->addLayout(actions);
    layout->addSpacing(8);
    layout->addLayout(idleRow);
    layout->addWidget(idleHint);
    layout->addWidget(buttons);
    resize(820, 520);
    reload();
}

void AccountsDialog::reload()
{
    const QString selected = m_table->currentRow() >= 0 && m_table->currentRow() < m_rows.size()
                                 ? m_rows[m_table->currentRow()].user.login
                                 : QString();
    auto rows = m_accounts.list();
    if (!rows.ok()) {
        m_note->setText(rows.error().message);
        m_note->show();
        return;
    }
    m_rows = rows.value();
    m_table->setRowCount(int(m_rows.size()));
    const QLocale locale;
    for (int r = 0; r < m_rows.size(); ++r) {
        const session::LocalAccount &a = m_rows[r];
        QString name = a.user.displayName;
        if (!a.user.active)
            name += tr(" (switched off)");
        const QString lastSignIn =
            a.signedInAt.isValid()
                ? locale.toString(a.signedInAt.toLocalTime(), QStringLiteral("dd.MM.yyyy HH:mm"))
                : tr("never");
        const QStringList cells{name, a.user.login, roleTitle(a.user.role),
                                a.hasPassword ? tr("set") : tr("not set"), lastSignIn};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(r, c, new QTableWidgetItem(cells[c]));
        if (!a.hasPassword)
            m_table->item(r, 3)->setForeground(QColor(0xb0, 0x00, 0x20));
    }
    m_table->resizeColumnsToContents();
    if (!selected.isEmpty())
        selectLogin(selected);
}

int AccountsDialog::selectLogin(const QString &login)
{
    for (int r = 0; r < m_rows.size(); ++r)
        if (m_rows[r].user.login == login) {
            m_table->selectRow(r);
            m_table->setCurrentCell(r, 0);
            return r;
        }
    return -1;
}

void AccountsDialog::setPasswordOfSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_rows.size())
        return;
    const User person = m_rows[row].user;
    PasswordDialog form(
        PasswordDialog::Mode::Set, person.displayName,
        [this, &form, login = person.login](const PasswordDialog::Typed &typed, PasswordDialog::Done done) {
            m_accounts.setPassword(login, typed.password, typed.repeated, &form, std::move(done));
        },
        this);
    m_run(form);
    if (form.result() != QDialog::Accepted)
        return;
    reload();
    emit message(tr("New password set: %1.").arg(person.displayName));
}

void AccountsDialog::addConsultant()
{
    PasswordDialog form(
        PasswordDialog::Mode::NewConsultant, QString(),
        [this, &form](const PasswordDialog::Typed &typed, PasswordDialog::Done done) {
            m_accounts.addConsultant(typed.login, typed.displayName, typed.password, typed.repeated, &form,
                                     std::move(done));
        },
        this);
    m_run(form);
    if (form.result() != QDialog::Accepted)
        return;
    reload();
    selectLogin(form.loginEdit()->text().trimmed());
    emit message(tr("Consultant %1 added: they sign in with the login «%2».")
                     .arg(form.nameEdit()->text().simplified(), form.loginEdit()->text().trimmed()));
}

} // namespace kasp::app
