#include "kasp/documents/voucher.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QLocale>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

namespace kasp::documents {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    // lupdate files the tr() of free functions under their namespace.
    return QCoreApplication::translate("kasp::documents", text, disambiguation, n);
}

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

QString mealPlanTitle(MealPlan plan)
{
    switch (plan) {
    case MealPlan::FullBoard:
        return tr("full board");
    case MealPlan::HalfBoard:
        return tr("half board");
    case MealPlan::Breakfast:
        return tr("breakfast");
    case MealPlan::None:
        return tr("no meals");
    }
    return {};
}

QString treatmentTitle(TreatmentProfile profile)
{
    switch (profile) {
    case TreatmentProfile::General:
        return tr("general health programme");
    case TreatmentProfile::Cardiology:
        return tr("cardiology programme");
    case TreatmentProfile::Neurology:
        return tr("neurology programme");
    case TreatmentProfile::Musculoskeletal:
        return tr("musculoskeletal programme");
    case TreatmentProfile::Digestive:
        return tr("digestive system programme");
    case TreatmentProfile::Respiratory:
        return tr("respiratory programme");
    case TreatmentProfile::None:
        return tr("no treatment");
    }
    return {};
}

QString voucherHtml(const VoucherData &v)
{
    const QLocale ru(QLocale::Russian);
    const Booking &b = v.booking;
    const Money due = b.total - b.prepaid;
    auto row = [](const QString &name, const QString &value) {
        return QStringLiteral("<tr><td style='color:#4b5563; padding:4px 16px 4px 0'>%1</td>"
                              "<td style='padding:4px 0'><b>%2</b></td></tr>")
            .arg(esc(name), value);
    };
    QString people = tr("%n adult(s)", "", b.adults);
    if (b.children > 0)
        people += QStringLiteral(", ") + tr("%n child(ren)", "", b.children);
    QString html;
    html += QStringLiteral("<html><body style='font-family:\"DejaVu Sans\"; font-size:11pt'>");
    html += QStringLiteral("<table width='100%'><tr>");
    if (!v.logo.isNull()) {
        // Fitted into 180×72 with its own proportions: a wide logo stays wide (issue 21).
        const QSize drawn = v.logo.size().scaled(QSize(180, 72), Qt::KeepAspectRatio);
        html += QStringLiteral("<td width='%1'><img src='kasp:logo' width='%2' height='%3'></td>")
                    .arg(drawn.width() + 18)
                    .arg(drawn.width())
                    .arg(drawn.height());
    }
    html += QStringLiteral("<td><span style='font-size:16pt'><b>%1</b></span><br>"
                           "<span style='color:#4b5563'>%2</span></td></tr></table>")
                .arg(esc(v.sanatorium), esc(v.contacts));
    html += QStringLiteral("<hr><h2>%1</h2>").arg(esc(tr("Voucher No. %1").arg(v.number)));
    html += QStringLiteral("<table>");
    html += row(tr("Guest"), esc(v.guestName));
    html += row(tr("Arrival"), esc(ru.toString(b.stay.checkIn(), QStringLiteral("d MMMM yyyy, dddd"))));
    html += row(tr("Departure"), esc(ru.toString(b.stay.checkOut(), QStringLiteral("d MMMM yyyy, dddd"))));
    html += row(tr("Nights"), QString::number(b.stay.nights()));
    html += row(tr("Room"), esc(tr("%1, %2, %3").arg(v.room, v.category, v.building)));
    html += row(tr("Guests"), esc(people));
    html += row(tr("Programme"),
                esc(tr("accommodation, %1, %2").arg(mealPlanTitle(b.meals), treatmentTitle(b.treatment))));
    html += row(tr("Price"), esc(b.total.toString()));
    html += row(tr("Paid"), esc(b.prepaid.toString()));
    html += row(tr("Due on arrival"), esc(due.toString()));
    html += QStringLiteral("</table>");
    html +=
        QStringLiteral("<p style='color:#4b5563'>%1</p>")
            .arg(esc(tr("Please bring your passport, this voucher and a spa card (санаторно-курортная карта) "
                        "from your doctor. Check-in from 14:00, check-out until 12:00.")));
    html +=
        QStringLiteral("<p style='color:#9ca3af; font-size:9pt'>%1</p>")
            .arg(esc(tr("Issued %1")
                         .arg(ru.toString(v.issuedAt.toLocalTime(), QStringLiteral("d MMMM yyyy HH:mm")))));
    html += QStringLiteral("</body></html>");
    return html;
}

QByteArray voucherPdf(const VoucherData &v)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter pdf(&buffer);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
        pdf.setResolution(300);
        pdf.setTitle(tr("Voucher No. %1").arg(v.number));
        pdf.setCreator(QStringLiteral("KASP"));
        QTextDocument doc;
        doc.setDefaultFont(QFont(QStringLiteral("DejaVu Sans"), 11));
        if (!v.logo.isNull())
            doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("kasp:logo")), v.logo);
        doc.setHtml(voucherHtml(v));
        QPainter painter(&pdf);
        // QTextDocument lays out in points-ish device units; scale to the writer's resolution.
        const double scale = pdf.resolution() / 96.0;
        painter.scale(scale, scale);
        doc.setPageSize(QSizeF(pdf.width() / scale, pdf.height() / scale));
        doc.drawContents(&painter);
    }
    return bytes;
}

} // namespace kasp::documents
