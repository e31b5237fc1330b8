#pragma once
// The guest's history in one list, newest first: touches, stays, deals and tasks. What is still
// ahead (a stay checking in later, a task due later) is kept apart, above the history, the nearest
// first and marked as ahead: it has not happened.
#include "kasp/crm/guestservice.h"
#include <QAbstractTableModel>

namespace kasp::crm::ui {

class TimelineModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { WhenColumn, WhatColumn, DetailsColumn, WhoColumn, ColumnCount };
    // What an entry is, for filtering: "call", "request" (web / callback), "booking", "message"
    // (e-mail, SMS), "note", "stay", "deal", "task".
    // RecordingRole: a recorded call's file under the recording desk's folder ("" otherwise).
    // AheadRole: true for an entry after `now` (setCard).
    enum Roles { KindRole = Qt::UserRole + 1, RecordingRole, AheadRole };
    using QAbstractTableModel::QAbstractTableModel;

    void setCard(const GuestCard &card, const QDateTime &now);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    struct Entry
    {
        QDateTime at;
        QString kind;
        QString what;
        QString details;
        QString who;
        QString recording = {};
        bool ahead = false;
    };

private:
    QList<Entry> m_entries;
};

QString touchKindTitle(TouchKind kind);
QString callOutcomeTitle(const QString &result); // "answered" -> "разговор", "missed" -> ...
QString touchCategory(TouchKind kind);
QString bookingStatusTitle(BookingStatus status);

} // namespace kasp::crm::ui
