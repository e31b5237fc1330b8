#include "signindialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
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

SignInDialog::SignInDialog(const QList<User> &users, const QString &login, Check check, Mode mode,
                           QWidget *parent)
    : QDialog(parent), m_check(std::move(check)), m_mode(mode), m_combo(new QComboBox),
      m_password(new QLineEdit), m_error(new QLabel), m_wait(new QLabel), m_busyBar(new QProgressBar),
      m_waitTimer(new QTimer(this))
{
    setObjectName(mode == Mode::Locked ? QStringLiteral("lockScreen") : QStringLiteral("signInDialog"));
    setWindowTitle(mode == Mode::Locked ? tr("KASP — desk locked") : tr("KASP — sign in"));
    for (const User &u : users) {
        if (!u.active)
            continue;
        m_users.append(u);
        m_combo->addItem(QStringLiteral("%1 (%2)").arg(u.displayName, roleTitle(u.role)), u.login);
    }
    m_combo->setCurrentIndex(std::max(0, m_combo->findData(login)));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setObjectName(QStringLiteral("signInPassword"));
    m_error->setObjectName(QStringLiteral("signInError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_wait->setObjectName(QStringLiteral("signInWait"));
    m_wait->setWordWrap(true);
    m_wait->hide();
    m_busyBar->setObjectName(QStringLiteral("signInBusy"));
    m_listOpen = mode == Mode::SignIn;
    m_busyBar->setRange(0, 0); // running, with no end known
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumHeight(6);
    // Keeps its place while hidden: the dialog does not jump for a check of a tenth of a second.
    QSizePolicy keep = m_busyBar->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    m_busyBar->setSizePolicy(keep);
    m_busyBar->hide();
    m_waitTimer->setInterval(1000);
    connect(m_waitTimer, &QTimer::timeout, this, &SignInDialog::updateWait);

    auto *form = new QFormLayout;
    form->addRow(tr("&User:"), m_combo);
    form->addRow(tr("&Password:"), m_password);
    // Parented first, so that setDefault() reaches the dialog: Enter signs in.
    auto *buttons = new QDialogButtonBox(this);
    m_signIn =
        buttons->addButton(mode == Mode::Locked ? tr("Unlock") : tr("Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setDefault(true);
    if (mode == Mode::Locked) {
        m_switchUser = buttons->addButton(tr("Switch user"), QDialogButtonBox::ActionRole);
        connect(m_switchUser, &QPushButton::clicked, this, [this] {
            m_listOpen = true;
            m_combo->setEnabled(true);
            m_switchUser->setEnabled(false);
            m_signIn->setText(tr("Sign in"));
            m_password->clear();
            m_combo->setFocus();
        });
    }
    m_cancel = buttons->addButton(mode == Mode::Locked ? tr("Quit KASP") : tr("Cancel"),
                                  QDialogButtonBox::RejectRole);
    connect(m_signIn, &QPushButton::clicked, this, &SignInDialog::submit);
    connect(m_cancel, &QPushButton::clicked, this, [this] { QDialog::reject(); });

    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(mode == Mode::Locked ? tr("The desk is locked") : tr("Sales Window"));
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    title->setFont(f);
    layout->addWidget(title);
    if (mode == Mode::Locked) {
        auto *intro = new QLabel(tr("Type your password to go on, or let a colleague sign in with "
                                    "«Switch user»."));
        intro->setWordWrap(true);
        layout->addWidget(intro);
        m_combo->setEnabled(false);
    }
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_wait);
    layout->addWidget(m_busyBar);
    layout->addWidget(buttons);
    setMinimumWidth(460);
    connect(m_combo, &QComboBox::currentIndexChanged, this, [this] {
        m_error->hide();
        m_password->clear();
        updateWait(); // the throttle is per login: a colleague need not wait
    });
    // The password is what is left to type: the login is remembered or pre-selected.
    (m_users.isEmpty() || mode == Mode::Locked || !login.isEmpty() ? static_cast<QWidget *>(m_password)
                                                                   : m_combo)
        ->setFocus();
}

void SignInDialog::setWait(Wait wait)
{
    m_waitFor = std::move(wait);
    updateWait();
}

QString SignInDialog::waitText() const
{
    return m_wait->isVisible() ? m_wait->text() : QString();
}

void SignInDialog::updateWait()
{
    const qint64 secs = m_waitFor && !selectedLogin().isEmpty() ? m_waitFor(selectedLogin()) : 0;
    if (secs <= 0) {
        m_waitTimer->stop();
        m_wait->hide();
        if (!m_busy)
            m_signIn->setEnabled(true);
        return;
    }
    //: The countdown under the sign-in while the desk throttles failed attempts; %1 seconds
    m_wait->setText(tr("Next attempt in %1 s.").arg(secs));
    m_wait->show();
    m_signIn->setEnabled(false);
    if (!m_waitTimer->isActive())
        m_waitTimer->start();
}

QString SignInDialog::selectedLogin() const
{
    return m_combo->currentData().toString();
}

QString SignInDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void SignInDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
    m_password->selectAll();
    m_password->setFocus();
}

void SignInDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_signIn->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_busyBar->setVisible(busy);
    // The list stays as it is while its person is checked (at the lock: closed until «Сменить
    // пользователя»).
    m_combo->setEnabled(!busy && m_listOpen);
    if (m_switchUser)
        m_switchUser->setEnabled(!busy && !m_listOpen);
    if (busy)
        m_signIn->setText(tr("Checking…"));
    else
        m_signIn->setText(m_mode == Mode::Locked && !m_listOpen ? tr("Unlock") : tr("Sign in"));
}

void SignInDialog::submit()
{
    if (m_busy)
        return;
    const QString login = selectedLogin();
    if (login.isEmpty()) {
        m_errorCode = QStringLiteral("signin.no_user");
        showError(tr("Choose who you are."));
        return;
    }
    if (m_password->text().isEmpty()) {
        m_errorCode = QStringLiteral("signin.empty_password");
        showError(tr("Type your password."));
        return;
    }
    m_error->hide();
    setBusy(true);
    QPointer<SignInDialog> self(this);
    m_check(login, m_password->text(), [self](const Result<User> &answer) {
        if (!self)
            return; // closed meanwhile
        self->setBusy(false);
        if (!answer.ok()) {
            self->m_errorCode = answer.error().code;
            self->showError(answer.error().message);
            self->updateWait();
            return;
        }
        self->m_errorCode.clear();
        self->m_signedIn = answer.value();
        self->m_password->clear();
        self->accept();
    });
}

void SignInDialog::reject()
{
    // Esc at the lock screen does not get past it; «Выйти из КАСП» is a button of its own.
    if (m_mode == Mode::Locked)
        return;
    QDialog::reject();
}

} // namespace kasp::app
