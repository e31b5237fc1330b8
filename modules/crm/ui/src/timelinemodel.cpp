#include "kasp/crm/ui/timelinemodel.h"

#include "kasp/core/programtext.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QLocale>
#include <QSet>

namespace kasp::crm::ui {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("kasp::crm::ui", text);
}
} // namespace

// How a call ended, in words (CallJournal stores "answered", "missed", "declined", "busy", "failed").
QString callOutcomeTitle(const QString &result)
{
    if (result == QLatin1String("answered"))
        return tr("talked");
    if (result == QLatin1String("missed"))
        return tr("not answered");
    if (result == QLatin1String("declined"))
        return tr("declined");
    if (result == QLatin1String("busy"))
        return tr("line busy");
    if (result == QLatin1String("failed"))
        return tr("did not go through");
    return result;
}

QString touchKindTitle(TouchKind kind)
{
    switch (kind) {
    case TouchKind::CallIn:
        return tr("Incoming call");
    case TouchKind::CallOut:
        return tr("Outgoing call");
    case TouchKind::CallMissed:
        return tr("Missed call");
    case TouchKind::WebRequest:
        return tr("Web request");
    case TouchKind::CallbackRequest:
        return tr("Callback request");
    case TouchKind::Booking:
        return tr("Booking");
    case TouchKind::Email:
        return tr("E-mail");
    case TouchKind::Sms:
        return tr("SMS");
    case TouchKind::Note:
        return tr("Note");
    case TouchKind::DealStage:
        return tr("Deal stage");
    }
    return {};
}

QString touchCategory(TouchKind kind)
{
    switch (kind) {
    case TouchKind::CallIn:
    case TouchKind::CallOut:
    case TouchKind::CallMissed:
        return QStringLiteral("call");
    case TouchKind::WebRequest:
    case TouchKind::CallbackRequest:
        return QStringLiteral("request");
    case TouchKind::Booking:
        return QStringLiteral("booking");
    case TouchKind::Email:
    case TouchKind::Sms:
        return QStringLiteral("message");
    case TouchKind::DealStage:
        return QStringLiteral("deal");
    case TouchKind::Note:
        break;
    }
    return QStringLiteral("note");
}

QString bookingStatusTitle(BookingStatus status)
{
    switch (status) {
    case BookingStatus::Hold:
        return tr("hold");
    case BookingStatus::Confirmed:
        return tr("confirmed");
    case BookingStatus::Prepaid:
        return tr("prepaid");
    case BookingStatus::Paid:
        return tr("paid");
    case BookingStatus::Cancelled:
        return tr("cancelled");
    case BookingStatus::CheckedIn:
        return tr("checked in");
    }
    return {};
}

void TimelineModel::setCard(const GuestCard &card, const QDateTime &now)
{
    beginResetModel();
    m_entries.clear();
    const QLocale locale;
    // A hold the server refused is marked by the «refused» touch that repeats its note.
    QSet<QString> refusedHolds;
    for (const Touch &t : card.touches)
        if (t.kind == TouchKind::Booking && t.result == QLatin1String(kRefusedBookingResult))
            refusedHolds.insert(t.note.left(t.note.indexOf(QStringLiteral(" — "))));
    for (const Touch &t : card.touches) {
        QString details = t.result;
        if (isCall(t.kind)) {
            // "разговор 2:05"; an unanswered call says how it ended, not the stored key.
            details = callOutcomeTitle(t.result);
            if (t.durationSecs > 0)
                details = tr("talk %1:%2")
                              .arg(t.durationSecs / 60)
                              .arg(t.durationSecs % 60, 2, 10, QLatin1Char('0'));
        }
        if (!t.note.isEmpty())
            details += (details.isEmpty() ? QString() : QStringLiteral(" — ")) + t.note;
        if (t.kind == TouchKind::DealStage)
            details = t.note; // the result is the new stage's key; the note says it in words
        if (t.kind == TouchKind::Booking) {
            if (t.result == QLatin1String(kRefusedBookingResult))
                details = tr("refused by the server") + QStringLiteral(" — ") + t.note;
            else if (refusedHolds.contains(t.note))
                //: the hold a colleague's earlier booking of the same room beat; %1 its status
                details = tr("%1, then refused by the server").arg(t.result) + QStringLiteral(" — ") + t.note;
            else if (auto status = bookingStatusFromKey(t.result))
                details = bookingStatusTitle(*status);
        }
        if (!t.recording.isEmpty())
            details += tr(" · recording ▶");
        // What the program wrote («в брони — Номер 101…») in the reader's language; a person's words as
        // typed.
        m_entries.append({t.at, touchCategory(t.kind), touchKindTitle(t.kind), programtext::display(details),
                          card.userNames.value(t.userId), t.recording});
    }
    for (const Booking &b : card.stays) {
        const QDateTime at(b.stay.checkIn(), QTime(12, 0));
        m_entries.append({at, QStringLiteral("stay"),
                          QCoreApplication::translate("kasp::crm::ui::TimelineModel", "Stay, %n night(s)",
                                                      nullptr, b.stay.nights()),
                          QStringLiteral("%1 – %2, %3, %4")
                              .arg(locale.toString(b.stay.checkIn(), QLocale::ShortFormat),
                                   locale.toString(b.stay.checkOut(), QLocale::ShortFormat),
                                   b.total.toString(), bookingStatusTitle(b.status)),
                          card.userNames.value(b.createdBy)});
    }
    for (const Deal &d : card.deals) {
        QString details = card.pipeline.title(d.stage);
        if (!d.lostReason.isEmpty())
            details += QStringLiteral(": ") + programtext::display(d.lostReason);
        m_entries.append({d.createdAt, QStringLiteral("deal"),
                          tr("Deal: %1").arg(programtext::display(d.title)), details,
                          card.userNames.value(d.ownerId)});
    }
    for (const Task &t : card.tasks) {
        m_entries.append({t.due, QStringLiteral("task"), tr("Task: %1").arg(programtext::display(t.title)),
                          t.status == TaskStatus::Open
                              ? tr("open")
                              : (t.status == TaskStatus::Done ? tr("done") : tr("cancelled")),
                          card.userNames.value(t.assigneeId)});
    }
    for (Entry &e : m_entries)
        e.ahead = now.isValid() && e.at > now;
    // What is ahead first, the nearest on top; then what happened, the latest on top.
    std::stable_sort(m_entries.begin(), m_entries.end(), [](const Entry &a, const Entry &b) {
        if (a.ahead != b.ahead)
            return a.ahead;
        return a.ahead ? a.at < b.at : a.at > b.at;
    });
    endResetModel();
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries[index.row()];
    if (role == KindRole)
        return e.kind;
    if (role == RecordingRole)
        return e.recording;
    if (role == AheadRole)
        return e.ahead;
    if (role == Qt::FontRole && e.ahead) {
        QFont font;
        font.setItalic(true);
        return font;
    }
    if (role == Qt::ForegroundRole && e.ahead)
        return QColor(0x1f, 0x5f, 0x99);
    if (role == Qt::ToolTipRole && e.ahead && index.column() == WhenColumn)
        return tr("Still ahead: it has not happened yet");
    if (role == Qt::ToolTipRole && !e.recording.isEmpty())
        return tr("Double-click to listen to the recording");
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case WhenColumn: {
            const QString when = QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat);
            return e.ahead ? tr("ahead: %1").arg(when) : when;
        }
        case WhatColumn:
            return e.what;
        case DetailsColumn:
            return e.details;
        case WhoColumn:
            return e.who;
        }
    }
    return {};
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case WhenColumn:
        return tr("When");
    case WhatColumn:
        return tr("What");
    case DetailsColumn:
        return tr("Details");
    case WhoColumn:
        return tr("Who");
    }
    return {};
}

} // namespace kasp::crm::ui
