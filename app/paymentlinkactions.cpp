#include "paymentlinkactions.h"

#include "appcontext.h"

#include "kasp/booking/bookingservice.h"
#include "kasp/booking/paymentlinks.h"
#include "kasp/credentials/credentialstore.h"
#include "kasp/payments/yookassaprovider.h"
#include "kasp/session/settings.h"

#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QTimer>

namespace kasp::app {

namespace {
constexpr int kPollMs = 60'000; // a guest pays within minutes; the provider asks for no more
}

PaymentLinkActions::PaymentLinkActions(const AppContext &context, QWidget *window)
    : QObject(window), m_context(context), m_booking(context.booking()), m_settings(context.settings()),
      m_window(window), m_keychain(new credentials::CredentialStore(QStringLiteral("KASP"), this)),
      m_poll(new QTimer(this))
{
    m_poll->setInterval(kPollMs);
    connect(m_poll, &QTimer::timeout, this, [this] {
        if (m_links)
            m_links->poll();
    });
    connect(m_keychain, &credentials::CredentialStore::readFinished, this,
            [this](const QString &, const QString &secret) { connectProvider(secret); });
    connect(m_keychain, &credentials::CredentialStore::writeFinished, this, [this] {
        if (std::exchange(m_restartAfterWrite, false))
            start();
    });
    connect(m_keychain, &credentials::CredentialStore::failed, this,
            [this](const QString &, const QString &code, const QString &text) {
                m_restartAfterWrite = false;
                if (code != QLatin1String("keychain.not_found"))
                    emit message(
                        tr("Online payment is off: the keychain did not give the shop's key (%1)").arg(text));
            });
}

PaymentLinkActions::~PaymentLinkActions() = default;

void PaymentLinkActions::start()
{
    if (!m_settings.onlinePayments().shopId.isEmpty()) {
        m_keychain->read(QLatin1String(session::Settings::kOnlinePaymentSecretKey));
        return;
    }
    // No shop any more: stop watching (links already made stay in the table for later).
    m_poll->stop();
    m_links.reset();
    m_provider.reset();
}

void PaymentLinkActions::connectProvider(const QString &secret)
{
    const session::Settings::OnlinePayments config = m_settings.onlinePayments();
    m_links.reset(); // before the provider it calls
    m_provider = std::make_unique<payments::YooKassaProvider>(
        payments::YooKassaAccount{QUrl(config.apiUrl), config.shopId, secret, 20'000});
    m_links = std::make_unique<booking::PaymentLinks>(m_booking, *m_provider, config.returnUrl);
    connect(m_links.get(), &booking::PaymentLinks::linkReady, this,
            [this](const Id &bookingId, const QString &url, Money amount) {
                // Only a link a person asked for just now goes to the clipboard; a retried one
                // (the provider was down) is announced, not pasted over what the user copied.
                if (!m_asked.remove(bookingId)) {
                    emit message(
                        tr("The payment link for %1 is ready: the booking's menu makes a new one if needed")
                            .arg(amount.toString()));
                    return;
                }
                QApplication::clipboard()->setText(url);
                emit linkReady(url);
                emit message(
                    tr("Payment link for %1 copied: paste it into the guest's messenger, SMS or e-mail")
                        .arg(amount.toString()));
            });
    connect(m_links.get(), &booking::PaymentLinks::failed, this,
            [this](const Id &, const QString &text) { emit message(text); });
    connect(m_links.get(), &booking::PaymentLinks::paid, this, [this](const Id &bookingId, Money amount) {
        emit message(tr("The guest paid %1 online; the booking is prepaid").arg(amount.toString()));
        emit paid(bookingId);
    });
    m_poll->start();
    m_links->poll(); // links left open when the app last closed
}

void PaymentLinkActions::requestLink(const Id &bookingId)
{
    if (!m_links) {
        emit message(tr("Online payment is not set up: Tools → Online payment…"));
        return;
    }
    auto b = m_booking.booking(bookingId);
    if (!b.ok()) {
        emit message(b.error().message);
        return;
    }
    // First money: the prepayment the sanatorium asks for; afterwards, the rest.
    const Money due = b.value().total - b.value().prepaid;
    const Money suggested =
        b.value().prepaid > Money() ? due : b.value().total.percent(m_booking.prepaymentPercent());
    bool ok = false;
    const double rubles = QInputDialog::getDouble(
        m_window, tr("Online payment link"),
        tr("Amount the guest pays online (due in all: %1):").arg(due.toString()),
        double(suggested.kopecks()) / 100.0, 0.01, double(due.kopecks()) / 100.0, 2, &ok);
    if (!ok)
        return;
    m_asked.insert(bookingId);
    m_links->requestLink(bookingId, Money::fromKopecks(std::llround(rubles * 100.0)));
}

void PaymentLinkActions::editSettings()
{
    session::Settings::OnlinePayments config = m_settings.onlinePayments();
    QDialog dialog(m_window);
    dialog.setObjectName(QStringLiteral("onlinePaymentDialog"));
    dialog.setWindowTitle(tr("Online payment (YooKassa)"));
    auto *shop = new QLineEdit(config.shopId);
    auto *secret = new QLineEdit;
    secret->setEchoMode(QLineEdit::Password);
    secret->setPlaceholderText(ready() ? tr("kept in the keychain; type to replace")
                                       : tr("secret key from the shop's settings"));
    auto *api = new QLineEdit(config.apiUrl);
    auto *back = new QLineEdit(config.returnUrl);
    back->setPlaceholderText(QStringLiteral("https://sanatorium.ru/spasibo"));
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("Shop ID:"), shop);
    form->addRow(tr("Secret key:"), secret);
    form->addRow(tr("API address:"), api);
    form->addRow(tr("After paying, the guest sees:"), back);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    dialog.resize(560, dialog.sizeHint().height());
    if (dialog.exec() != QDialog::Accepted)
        return;
    config.shopId = shop->text().trimmed();
    config.apiUrl = api->text().trimmed();
    config.returnUrl = back->text().trimmed();
    m_settings.setOnlinePayments(config);
    if (!secret->text().isEmpty()) {
        // Written, then read back: the provider starts with what the keychain really holds.
        m_restartAfterWrite = true;
        m_keychain->write(QLatin1String(session::Settings::kOnlinePaymentSecretKey), secret->text());
    } else {
        start();
    }
}

} // namespace kasp::app
