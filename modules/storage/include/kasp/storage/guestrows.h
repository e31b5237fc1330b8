#pragma once
// A guest's rows described once: the guests table's columns, the child tables (phones, e-mails,
// tags), and how each value derives from a Guest (the search name, the main phone, a phone's
// reversed digits). Every writer of guest rows goes through here: the desk's write path
// (GuestRepository::storeLocal), a pulled page (ReplicaStore), the demo generator. The card's
// single-value fields come from core's guestFields() (a new one needs no change here); a derived
// column is added in guestrows.cpp once.
#include "kasp/core/guest.h"
#include "kasp/core/result.h"
#include "kasp/storage/bulkwriter.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace kasp::storage {

// The guests table's stored columns ("id, last_name, …", the derived ones left out) for a SELECT,
// and such a row read back into a card (its columns first, in that order); phones, e-mails and
// tags are read from their own tables.
QString guestColumnsSql();
void readGuestRow(const QSqlQuery &q, Guest &guest);

class GuestRowWriter
{
public:
    // Statements are prepared on first use and come back from the connection's idle statements,
    // so a writer made per call is cheap. The caller owns the transaction.
    explicit GuestRowWriter(QSqlDatabase db);

    // New rows: the guest and its phones, e-mails and tags. Times the card lacks become `now`.
    Status insert(const Guest &guest, const QDateTime &now);
    // The guest's row updated in place ("guest.not_found" when there is none); its phones,
    // e-mails and tags replaced.
    Status update(const Guest &guest, const QDateTime &now);
    // Every row of the guest gone.
    Status remove(const Id &id);

private:
    Status bindAndRun(BulkWriter &writer, const Guest &guest, const QDateTime &now, bool update);
    Status removeChildren(const Id &id);
    Status insertChildren(const Guest &guest);

    QSqlDatabase m_db;
    BulkWriter m_insert, m_update, m_delete;
    BulkWriter m_deletePhones, m_deleteEmails, m_deleteTags;
    BulkWriter m_phone, m_email, m_tag;
};

} // namespace kasp::storage
