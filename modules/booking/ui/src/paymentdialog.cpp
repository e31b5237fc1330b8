#include "kasp/booking/ui/paymentdialog.h"
#include "kasp/core/textlimits.h"

#include <cmath>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>

namespace kasp::booking::ui {

PaymentDialog::PaymentDialog(BookingService &service, const BookingView &booking, QWidget *parent)
    : QDialog(parent), m_service(service), m_booking(booking), m_amount(new QDoubleSpinBox),
      m_method(new QComboBox), m_reference(new QLineEdit), m_error(new QLabel)
{
    setObjectName(QStringLiteral("paymentDialog"));
    setWindowTitle(tr("Take a payment"));
    const Booking &b = booking.booking;
    const Money due = b.total - b.prepaid;
    // First money: the prepayment the sanatorium asks for; afterwards, the rest.
    const Money suggested = b.prepaid > Money() ? due : b.total.percent(service.prepaymentPercent());

    m_amount->setObjectName(QStringLiteral("amount"));
    m_amount->setDecimals(2);
    m_amount->setRange(0.01, double(due.kopecks()) / 100.0);
    m_amount->setSuffix(QStringLiteral(" ₽"));
    m_amount->setGroupSeparatorShown(true);
    m_amount->setValue(double(suggested.kopecks()) / 100.0);
    m_amount->setToolTip(tr("Prepayment from %1 to %2; %3 is due in all")
                             .arg(b.total.percent(kMinPrepaymentPercent).toString(),
                                  b.total.percent(kMaxPrepaymentPercent).toString(), due.toString()));
    for (PaymentMethod m : {PaymentMethod::Cash, PaymentMethod::BankTransfer, PaymentMethod::Card})
        m_method->addItem(paymentMethodTitle(m), int(m));
    m_method->setObjectName(QStringLiteral("method"));
    m_reference->setObjectName(QStringLiteral("reference"));
    m_reference->setMaxLength(textlimits::kShortText);
    m_reference->setPlaceholderText(tr("Receipt or payment order number"));
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setStyleSheet(QStringLiteral("color: #b91c1c"));
    m_error->setWordWrap(true);

    const QLocale dates; // the UI's language (--lang)
    auto *summary = new QLabel(tr("%1 · %2 – %3<br>Total %4, paid %5, <b>due %6</b>")
                                   .arg(booking.guestName.toHtmlEscaped(),
                                        dates.toString(b.stay.checkIn(), QStringLiteral("d MMM")),
                                        dates.toString(b.stay.checkOut(), QStringLiteral("d MMM yyyy")),
                                        b.total.toString(), b.prepaid.toString(), due.toString()));
    auto *form = new QFormLayout;
    form->addRow(summary);
    form->addRow(tr("Amount:"), m_amount);
    form->addRow(tr("Paid by:"), m_method);
    form->addRow(tr("Document:"), m_reference);
    form->addRow(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton *take = buttons->addButton(tr("Record the payment"), QDialogButtonBox::AcceptRole);
    take->setObjectName(QStringLiteral("recordButton"));
    take->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &PaymentDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    setLayout(form);
}

Money PaymentDialog::amount() const
{
    return Money::fromKopecks(qint64(std::llround(m_amount->value() * 100.0)));
}

void PaymentDialog::setAmount(Money amount)
{
    m_amount->setValue(double(amount.kopecks()) / 100.0);
}

void PaymentDialog::setMethod(PaymentMethod method)
{
    m_method->setCurrentIndex(m_method->findData(int(method)));
}

QString PaymentDialog::errorText() const
{
    return m_error->text();
}

void PaymentDialog::accept()
{
    auto effect = m_service.recordPayment(
        m_booking.booking.id, amount(), PaymentMethod(m_method->currentData().toInt()), m_reference->text());
    if (!effect.ok()) {
        m_error->setText(effect.error().message);
        return;
    }
    QDialog::accept();
}

} // namespace kasp::booking::ui
