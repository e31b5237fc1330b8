#pragma once
// The composition root's product: what the Sales Window works with, built once (by Startup after
// the sign-in, or by a test or a bench over a database it opened) and handed to MainWindow. The
// services share this one connection and this one clock; nobody else builds a service or asks one
// service for another's database or clock.
#include "kasp/core/clock.h"
#include "kasp/core/user.h"
#include "kasp/storage/connectionfactory.h"
#include <memory>
#include <QSqlDatabase>
#include <QString>

namespace kasp::booking {
class BookingService;
}
namespace kasp::crm {
class DealService;
class DuplicateService;
class GuestService;
class TaskService;
} // namespace kasp::crm
namespace kasp::session {
class Settings;
}

namespace kasp::app {

class SyncSession;

struct DatabaseInfo
{
    QString path;
    int schemaVersion = 0;
    bool encrypted = true;
};

class AppContext
{
public:
    // `clock`, `settings` and `sync` (none: this desk has no server) must outlive the context.
    AppContext(QSqlDatabase db, const Clock &clock, const User &user, session::Settings &settings,
               DatabaseInfo database = {}, SyncSession *sync = nullptr);
    ~AppContext();
    AppContext(const AppContext &) = delete;
    AppContext &operator=(const AppContext &) = delete;

    QSqlDatabase database() const { return m_db; }
    const DatabaseInfo &databaseInfo() const { return m_info; }
    // The database file's folder: the phone's own files (sip/) and call recordings live beside it.
    QString dataDir() const;
    const Clock &clock() const { return m_clock; }
    const User &user() const { return m_user; }
    Permissions permissions() const { return Permissions::of(m_user.role); }
    // Whether the signed-in user may send this mutation ("deal.move"): the access rules the write
    // path and kasp-sync apply (syncproto accessrules.h), asked before an action is enabled.
    bool may(const char *mutationName) const;
    // Consultants and heads of sales work the base (cards, deals, tasks, bookings); the director
    // reads. The rules' answer for a card's change.
    bool worksTheBase() const;
    session::Settings &settings() const { return m_settings; }
    SyncSession *sync() const { return m_sync; }

    crm::GuestService &guests() const { return *m_guests; }
    booking::BookingService &booking() const { return *m_booking; }
    crm::DealService &deals() const { return *m_deals; }
    crm::TaskService &tasks() const { return *m_tasks; }
    crm::DuplicateService &duplicates() const { return *m_duplicates; }

    // More connections to the database for work off the GUI thread (the duplicates scan).
    void setWorkerConnections(storage::ConnectionOpener opener);

private:
    QSqlDatabase m_db;
    const Clock &m_clock;
    User m_user;
    quint64 m_writerTicket = 0; // this session's writer on the connection (storage sessionwriter.h)
    session::Settings &m_settings;
    DatabaseInfo m_info;
    SyncSession *m_sync;
    std::unique_ptr<crm::GuestService> m_guests;
    std::unique_ptr<booking::BookingService> m_booking;
    std::unique_ptr<crm::DealService> m_deals;
    std::unique_ptr<crm::TaskService> m_tasks;
    std::unique_ptr<crm::DuplicateService> m_duplicates;
};

} // namespace kasp::app
