#include "voucheractions.h"

#include "appcontext.h"

#include "kasp/booking/bookingservice.h"
#include "kasp/credentials/credentialstore.h"
#include "kasp/session/settings.h"
#include "kasp/storage/sessionwriter.h"

#include <memory>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QThread>

namespace kasp::app {

VoucherActions::VoucherActions(const AppContext &context, QWidget *window)
    : QObject(window), m_context(context), m_booking(context.booking()), m_settings(context.settings()),
      m_window(window), m_keychain(new credentials::CredentialStore(QStringLiteral("KASP"), this))
{
    // Queued vouchers (this desk's, kept in its database across restarts) are tried when their
    // time comes; the first look is right after the window opens.
    m_retry.setInterval(5000);
    connect(&m_retry, &QTimer::timeout, this, &VoucherActions::retryDue);
    m_retry.start();
    QTimer::singleShot(0, this, &VoucherActions::retryDue);
    const QString key = QLatin1String(session::Settings::kMailPasswordKey);
    connect(m_keychain, &credentials::CredentialStore::readFinished, this,
            [this, key](const QString &which, const QString &secret) {
                if (which != key)
                    return;
                m_reading = false;
                if (!m_password) // a password typed in the form meanwhile is newer
                    m_password = secret;
                for (Waiting &w : std::exchange(m_waiting, {})) {
                    w.server.password = *m_password;
                    deliver(w.bookingId, w.message, w.server);
                }
            });
    connect(m_keychain, &credentials::CredentialStore::failed, this,
            [this, key](const QString &which, const QString &, const QString &text) {
                if (which != key)
                    return;
                if (!m_reading) { // the write of a password typed in the form
                    emit message(tr("The mailbox's password could not be kept in the keychain (%1); it "
                                    "is used until the program closes.")
                                     .arg(text));
                    return;
                }
                m_reading = false;
                for (const Waiting &w : std::exchange(m_waiting, {}))
                    failed(w.bookingId, Error{QStringLiteral("mail.password"), text});
            });
}

booking::VoucherQueue VoucherActions::queue() const
{
    return booking::VoucherQueue(m_context.database(), m_context.clock(), m_context.user().id);
}

void VoucherActions::retryDue()
{
    // A queued voucher goes out as the signed-in person, its touch theirs: not from a desk where
    // the director is signed in (the consultant's voucher waits for them).
    if (!m_context.may("touch.add"))
        return;
    auto due = queue().due();
    if (!due.ok())
        return;
    for (const storage::QueuedVoucher &v : due.value())
        if (!m_inFlight.contains(v.bookingId))
            attempt(v.bookingId);
}

void VoucherActions::failed(const Id &bookingId, const Error &error)
{
    m_inFlight.remove(bookingId);
    const qint64 taskAfter = qint64(m_settings.mail().taskAfterMinutes) * 60;
    auto reason = queue().failed(bookingId, error, taskAfter);
    const QString why = reason.ok() ? reason.value() : booking::VoucherQueue::reasonFor(error);
    emit message(tr("The voucher was not sent: %1. It will be sent by itself once the mail server takes it.")
                     .arg(why));
    emit notSent(bookingId, why);
}

booking::VoucherMailer VoucherActions::mailer() const
{
    const session::Settings::Mail mail = m_settings.mail();
    const QImage logo = mail.logoPath.isEmpty() ? QImage() : QImage(mail.logoPath);
    return booking::VoucherMailer(m_context.database(), m_context.clock(), m_context.user().id,
                                  {mail.sanatorium.isEmpty() ? tr("Sanatorium") : mail.sanatorium,
                                   mail.contacts, mail.fromAddress, logo});
}

void VoucherActions::handle(const Id &bookingId, bool email)
{
    auto voucherMailer = mailer();
    if (!email) {
        auto v = voucherMailer.voucher(bookingId);
        if (!v.ok()) {
            emit message(v.error().message);
            return;
        }
        // The Documents folder, made when a new account has none yet: the dialog opened in the
        // program's working directory instead (first-day walk), as the list export once did.
        QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        if (dir.isEmpty() || !QDir().mkpath(dir))
            dir = QDir::homePath();
        const QString suggested =
            QDir(dir).filePath(QStringLiteral("%1.pdf").arg(tr("Voucher %1").arg(v.value().number)));
        const QString path = QFileDialog::getSaveFileName(m_window, tr("Save the voucher"), suggested,
                                                          tr("PDF documents (*.pdf)"));
        if (path.isEmpty())
            return;
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(documents::voucherPdf(v.value())) < 0) {
            emit message(tr("The voucher could not be saved: %1").arg(file.errorString()));
            return;
        }
        emit message(tr("The voucher is saved: %1").arg(path));
        return;
    }

    // Made now to say at once what stands in the way (no prepayment yet, no card); queued, and
    // tried at once.
    auto built = voucherMailer.message(bookingId);
    if (!built.ok()) {
        emit message(built.error().message);
        return;
    }
    if (auto s = queue().enqueue(bookingId); !s.ok()) {
        emit message(s.error().message);
        return;
    }
    if (!m_inFlight.contains(bookingId))
        attempt(bookingId);
}

void VoucherActions::attempt(const Id &bookingId)
{
    m_inFlight.insert(bookingId);
    const session::Settings::Mail settings = m_settings.mail();
    if (settings.host.isEmpty() || settings.fromAddress.isEmpty()) {
        failed(bookingId, Error{QStringLiteral("mail.not_configured"), QStringLiteral("no mail server set")});
        return;
    }
    auto built = mailer().message(bookingId);
    if (!built.ok()) {
        m_inFlight.remove(bookingId);
        // Cancelled, or the card deleted, since it was queued: nothing to send any more.
        if (built.error().code == QLatin1String("voucher.not_prepaid") ||
            built.error().code.endsWith(QLatin1String("not_found")))
            queue().dropped(bookingId);
        else
            failed(bookingId, built.error());
        return;
    }
    mail::SmtpServer server;
    server.host = settings.host;
    server.port = settings.port;
    server.security = settings.security == QLatin1String("none")  ? mail::SmtpServer::Security::None
                      : settings.security == QLatin1String("tls") ? mail::SmtpServer::Security::Tls
                                                                  : mail::SmtpServer::Security::StartTls;
    server.user = settings.user;
    server.caFile = settings.caFile;
    if (!server.user.isEmpty() && !m_password) {
        // The first read waits for the keychain; the ones after it join the queue.
        m_waiting.append({bookingId, built.value(), server});
        if (!m_reading) {
            m_reading = true;
            m_keychain->read(QLatin1String(session::Settings::kMailPasswordKey));
        }
        return;
    }
    server.password = m_password.value_or(QString());
    deliver(bookingId, built.value(), server);
}

void VoucherActions::deliver(const Id &bookingId, const mail::MailMessage &mailMessage,
                             const mail::SmtpServer &server)
{
    // Delivery only on the worker: no database there. The touch is written back here.
    auto result = std::make_shared<Status>();
    QThread *worker =
        QThread::create([server, mailMessage, result] { *result = mail::sendMail(server, mailMessage); });
    ++m_sending;
    emit message(tr("Sending the voucher to %1…").arg(mailMessage.to.join(QStringLiteral(", "))));
    connect(worker, &QThread::finished, this, [this, worker, result, bookingId, mailMessage] {
        --m_sending;
        worker->deleteLater();
        if (!result->ok()) {
            failed(bookingId, result->error());
            return;
        }
        m_inFlight.remove(bookingId);
        queue().sent(bookingId);
        if (auto s = mailer().recordSent(bookingId, mailMessage); !s.ok()) {
            emit message(s.error().message);
            return;
        }
        emit message(tr("The voucher was sent to %1.").arg(mailMessage.to.join(QStringLiteral(", "))));
        emit sent(bookingId);
    });
    worker->start();
}

void VoucherActions::editBookingRules()
{
    QDialog dialog(m_window);
    dialog.setObjectName(QStringLiteral("bookingRulesDialog"));
    dialog.setWindowTitle(tr("Booking rules"));
    auto *hours = new QSpinBox;
    hours->setObjectName(QStringLiteral("holdHours"));
    hours->setRange(1, 720);
    hours->setValue(m_booking.holdHours());
    hours->setSuffix(tr(" h"));
    hours->setToolTip(tr("An unpaid hold is cancelled after this time"));
    auto *percent = new QSpinBox;
    percent->setObjectName(QStringLiteral("prepaymentPercent"));
    percent->setRange(kMinPrepaymentPercent, kMaxPrepaymentPercent);
    percent->setValue(m_booking.prepaymentPercent());
    percent->setSuffix(QStringLiteral(" %"));
    percent->setToolTip(tr("The first payment must reach this share of the price"));
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("Hold without prepayment:"), hours);
    form->addRow(tr("Prepayment:"), percent);
    // The department's rules: the head of sales sets them (the access rules' answer for prices);
    // everyone else reads them here.
    if (!m_changesBookingRules) {
        hours->setEnabled(false);
        percent->setEnabled(false);
        auto *who = new QLabel(tr("The head of sales sets these rules."));
        who->setObjectName(QStringLiteral("bookingRulesReadOnly"));
        form->addRow(who);
    }
    auto *buttons = new QDialogButtonBox(
        m_changesBookingRules ? QDialogButtonBox::Save | QDialogButtonBox::Cancel : QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted || !m_changesBookingRules)
        return;
    // One record for every desk: the write path refuses it for anyone but the head of sales.
    if (auto saved = m_booking.saveRules(hours->value(), percent->value()); !saved.ok()) {
        emit message(saved.error().message);
        return;
    }
    // «For every desk» only where there is a server to carry them (the first-day walk read it on a
    // desk with none).
    const bool synced = !m_settings.syncServerUrl().isEmpty();
    emit message((synced ? tr("Booking rules saved; every desk gets them at its next sync: holds last %1 h, "
                              "prepayment %2 %.")
                         : tr("Booking rules saved on this desk: holds last %1 h, prepayment %2 %."))
                     .arg(m_booking.holdHours())
                     .arg(m_booking.prepaymentPercent()));
}

void VoucherActions::editMailSettings()
{
    session::Settings::Mail m = m_settings.mail();
    QDialog dialog(m_window);
    dialog.setObjectName(QStringLiteral("mailSettingsDialog"));
    dialog.setWindowTitle(tr("Mail for vouchers"));
    auto *name = new QLineEdit(m.sanatorium);
    auto *contacts = new QLineEdit(m.contacts);
    auto *from = new QLineEdit(m.fromAddress);
    auto *logo = new QLineEdit(m.logoPath);
    logo->setPlaceholderText(tr("PNG or JPEG file"));
    auto *browse = new QPushButton(tr("Choose…"));
    connect(browse, &QPushButton::clicked, &dialog, [&dialog, logo] {
        const QString path = QFileDialog::getOpenFileName(&dialog, tr("The sanatorium's logo"), logo->text(),
                                                          tr("Images (*.png *.jpg *.jpeg)"));
        if (!path.isEmpty())
            logo->setText(path);
    });
    auto *logoRow = new QHBoxLayout;
    logoRow->addWidget(logo, 1);
    logoRow->addWidget(browse);
    auto *host = new QLineEdit(m.host);
    auto *port = new QSpinBox;
    port->setRange(1, 65535);
    port->setValue(m.port);
    auto *user = new QLineEdit(m.user);
    user->setObjectName(QStringLiteral("mailUser"));
    user->setPlaceholderText(tr("empty for an office relay without a login"));
    auto *password = new QLineEdit;
    password->setObjectName(QStringLiteral("mailPassword"));
    password->setEchoMode(QLineEdit::Password);
    password->setPlaceholderText(m.user.isEmpty() ? tr("the mailbox's password")
                                                  : tr("kept in the keychain; type to replace"));
    auto *caFile = new QLineEdit(m.caFile);
    caFile->setObjectName(QStringLiteral("mailCaFile"));
    caFile->setPlaceholderText(tr("only for a server with its own certificate authority"));
    caFile->setToolTip(tr("A CA certificate (PEM) from IT. Public mail services need none."));
    auto *taskAfter = new QSpinBox;
    taskAfter->setObjectName(QStringLiteral("voucherTaskAfter"));
    taskAfter->setRange(1, 24 * 60);
    taskAfter->setValue(m.taskAfterMinutes);
    taskAfter->setSuffix(tr(" min"));
    taskAfter->setToolTip(tr("A voucher the mail server has not taken by then becomes a task for you"));
    auto *security = new QComboBox;
    security->addItem(tr("STARTTLS (port 587 or 25)"), QStringLiteral("starttls"));
    security->addItem(tr("TLS (port 465)"), QStringLiteral("tls"));
    security->addItem(tr("None (office relay)"), QStringLiteral("none"));
    security->setCurrentIndex(std::max(0, security->findData(m.security)));
    name->setPlaceholderText(tr("Санаторий «Родник»"));
    contacts->setPlaceholderText(tr("Address · phone · e-mail of the sales department"));
    from->setPlaceholderText(QStringLiteral("sales@sanatorium.ru"));
    host->setPlaceholderText(QStringLiteral("mail.sanatorium.ru"));
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("Sanatorium:"), name);
    form->addRow(tr("Contacts:"), contacts);
    form->addRow(tr("Sender address:"), from);
    form->addRow(tr("Logo:"), logoRow);
    form->addRow(tr("Mail server:"), host);
    form->addRow(tr("Port:"), port);
    form->addRow(tr("Encryption:"), security);
    form->addRow(tr("Login:"), user);
    form->addRow(tr("Password:"), password);
    form->addRow(tr("CA certificate:"), caFile);
    form->addRow(tr("Task if not sent within:"), taskAfter);
    // The desk's mail server is for those who send vouchers (each one a touch on the guest's
    // timeline: the access rules' answer); everyone else reads it here.
    const bool changes = m_context.may("touch.add");
    if (!changes) {
        for (QWidget *field : dialog.findChildren<QWidget *>())
            field->setEnabled(false);
        auto *who = new QLabel(tr("Consultants and the head of sales set the mail for vouchers."));
        who->setObjectName(QStringLiteral("mailSettingsReadOnly"));
        form->addRow(who);
    }
    auto *buttons = new QDialogButtonBox(changes ? QDialogButtonBox::Save | QDialogButtonBox::Cancel
                                                 : QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    dialog.resize(520, dialog.sizeHint().height());
    if (dialog.exec() != QDialog::Accepted || !changes)
        return;
    m.sanatorium = name->text().trimmed();
    m.contacts = contacts->text().trimmed();
    m.fromAddress = from->text().trimmed();
    m.logoPath = logo->text().trimmed();
    m.host = host->text().trimmed();
    m.port = port->value();
    m.security = security->currentData().toString();
    m.user = user->text().trimmed();
    m.caFile = caFile->text().trimmed();
    m.taskAfterMinutes = taskAfter->value();
    if (auto saved = saveMailSettings(m, password->text()); !saved.ok())
        emit message(saved.error().message);
}

Status VoucherActions::saveMailSettings(const session::Settings::Mail &mail, const QString &password)
{
    if (auto s = storage::authorizeWrite(m_context.database(), QStringLiteral("touch.add")); !s.ok())
        return s;
    m_settings.setMail(mail);
    m_settings.sync();
    if (!password.isEmpty()) {
        // Used from now on; the keychain keeps it for the next session.
        m_password = password;
        m_keychain->write(QLatin1String(session::Settings::kMailPasswordKey), password);
    }
    emit message(tr("Mail settings saved."));
    // Vouchers that waited for the server go now, with the new settings.
    queue().retryAllNow();
    retryDue();
    return {};
}

} // namespace kasp::app
