#pragma once
// The voucher a guest receives once the prepayment is in: who, where, when, what the путёвка
// includes, what is paid and what is due on arrival. An A4 PDF with the sanatorium's logo, text
// in DejaVu Sans (Cyrillic), made from an HTML page by QTextDocument.
#include "kasp/core/booking.h"
#include <QByteArray>
#include <QImage>
#include <QString>

namespace kasp::documents {

struct VoucherData
{
    QString sanatorium; // "Санаторий «Родник»"
    QString contacts;   // address, phone, e-mail of the sales department
    QImage logo;        // may be null
    QString number;     // the voucher's number: the booking's short id
    QString guestName;
    QString room;     // "101"
    QString category; // "Стандарт"
    QString building; // "Корпус 1 «Источник»"
    Booking booking;  // dates, party, programme, total, paid
    QDateTime issuedAt;
};

QString voucherHtml(const VoucherData &voucher);
// The PDF's bytes (empty on failure, which QPdfWriter does not report beyond that).
QByteArray voucherPdf(const VoucherData &voucher);
QString mealPlanTitle(MealPlan plan);
QString treatmentTitle(TreatmentProfile profile);

} // namespace kasp::documents
