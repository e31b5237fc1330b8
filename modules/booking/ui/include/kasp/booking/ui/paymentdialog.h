#pragma once
// "Take a payment": the amount (the prepayment the sanatorium asks for, or the rest of the price),
// how it was paid and the receipt or order number. The booking's status follows.
#include "kasp/booking/bookingservice.h"
#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QLabel;

namespace kasp::booking::ui {

class PaymentDialog : public QDialog
{
    Q_OBJECT
public:
    PaymentDialog(BookingService &service, const BookingView &booking, QWidget *parent = nullptr);

    void setAmount(Money amount);
    void setMethod(PaymentMethod method);
    QString errorText() const;

public slots:
    void accept() override;

private:
    Money amount() const;

    BookingService &m_service;
    BookingView m_booking;
    QDoubleSpinBox *m_amount;
    QComboBox *m_method;
    QLineEdit *m_reference;
    QLabel *m_error;
};

} // namespace kasp::booking::ui
