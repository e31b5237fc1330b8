#include "serverdialog.h"

#include "syncsession.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace kasp::app {

ServerDialog::ServerDialog(SyncSession &session, const QString &url, const QString &login, QWidget *parent)
    : QDialog(parent), m_session(session), m_url(new QLineEdit(url)), m_login(new QLineEdit(login)),
      m_password(new QLineEdit), m_error(new QLabel)
{
    setObjectName(QStringLiteral("serverDialog"));
    setWindowTitle(tr("Connect to server"));
    m_url->setPlaceholderText(QStringLiteral("https://kasp.sanatorium.local:8765"));
    m_url->setToolTip(tr("The address of kasp-sync, as IT gave it"));
    m_password->setEchoMode(QLineEdit::Password);
    m_error->setObjectName(QStringLiteral("serverError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("Server address:"), m_url);
    form->addRow(tr("Login:"), m_login);
    form->addRow(tr("Password:"), m_password);
    // The box belongs to the dialog before setDefault(): a parentless button cannot tell its dialog
    // that it is the default one, and on show QDialog then made the first auto-default button in
    // the focus chain (Cancel) the default, so Enter in the password field cancelled.
    auto *buttons = new QDialogButtonBox(this);
    m_connect = buttons->addButton(tr("Connect"), QDialogButtonBox::AcceptRole);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_connect->setDefault(true); // Enter in any field connects
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_connect, &QPushButton::clicked, this, &ServerDialog::tryConnect);

    auto *layout = new QVBoxLayout(this);
    auto *intro =
        new QLabel(tr("Colleagues' guests, calls and bookings come through the server. Without it this "
                      "desktop keeps working on its own copy."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(460);
    setTabOrder(m_url, m_login);
    setTabOrder(m_login, m_password);
    setTabOrder(m_password, m_connect);
    setTabOrder(m_connect, cancel);

    connect(&m_session, &SyncSession::signedIn, this, [this] {
        setBusy(false);
        accept();
    });
    connect(&m_session, &SyncSession::signInFailed, this, [this](const QString &message) {
        setBusy(false);
        m_error->setText(message);
        m_error->show();
        m_password->selectAll();
        m_password->setFocus();
    });
    (login.isEmpty() ? (url.isEmpty() ? m_url : m_login) : m_password)->setFocus();
}

void ServerDialog::fixLogin(const QString &login)
{
    m_fixedLogin = login;
    m_login->setText(login);
    m_login->setReadOnly(true);
    m_login->setToolTip(tr("The desk connects as the person signed in. To connect as someone else, they "
                           "sign in at the desk first (Guest → Lock or switch user)."));
    // A desk joining its first server: the address first.
    (m_url->text().trimmed().isEmpty() ? m_url : m_password)->setFocus();
}

void ServerDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

QString ServerDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void ServerDialog::tryConnect()
{
    const QUrl url = QUrl::fromUserInput(m_url->text().trimmed());
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
        url.host().isEmpty()) {
        m_error->setText(tr("Enter the server address, for example https://kasp.sanatorium.local:8765"));
        m_error->show();
        m_url->setFocus();
        return;
    }
    if (m_login->text().trimmed().isEmpty() || m_password->text().isEmpty()) {
        m_error->setText(tr("Enter your login and password."));
        m_error->show();
        return;
    }
    if (!m_fixedLogin.isEmpty() && m_login->text().trimmed() != m_fixedLogin) {
        m_error->setText(tr("The desk connects to the server only as the person signed in (%1): the "
                            "changes made here are theirs. To connect as %2, let them sign in at the desk "
                            "first (Guest → Lock or switch user).")
                             .arg(m_fixedLogin, m_login->text().trimmed()));
        m_error->show();
        adjustSize(); // the wrapped lines need their height
        return;
    }
    m_error->hide();
    setBusy(true);
    m_session.connectTo(url.toString(QUrl::StripTrailingSlash), m_login->text().trimmed(),
                        m_password->text());
}

void ServerDialog::setBusy(bool busy)
{
    m_connect->setEnabled(!busy);
    m_connect->setText(busy ? tr("Connecting…") : tr("Connect"));
}

} // namespace kasp::app
