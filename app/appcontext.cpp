#include "appcontext.h"

#include "kasp/booking/bookingservice.h"
#include "kasp/crm/dealservice.h"
#include "kasp/crm/duplicateservice.h"
#include "kasp/crm/guestservice.h"
#include "kasp/crm/taskservice.h"
#include "kasp/session/settings.h"
#include "kasp/storage/sessionwriter.h"
#include "kasp/syncproto/accessrules.h"

#include <QFileInfo>

namespace kasp::app {

AppContext::AppContext(QSqlDatabase db, const Clock &clock, const User &user, session::Settings &settings,
                       DatabaseInfo database, SyncSession *sync)
    : m_db(std::move(db)), m_clock(clock), m_user(user), m_settings(settings), m_info(std::move(database)),
      m_sync(sync), m_guests(std::make_unique<crm::GuestService>(m_db, m_clock)),
      m_booking(std::make_unique<booking::BookingService>(m_db, m_clock, m_user.id)),
      m_deals(std::make_unique<crm::DealService>(m_db, m_clock)),
      m_tasks(std::make_unique<crm::TaskService>(m_db, m_clock)),
      m_duplicates(std::make_unique<crm::DuplicateService>(m_db, m_clock, m_user.id))
{
    // Every write of this desk is the signed-in user's, held to the access rules kasp-sync applies.
    m_writerTicket = storage::setSessionWriter(m_db, storage::SessionWriter{m_user.id, m_user.role});
    // The department's booking rules (Сервис → Правила бронирования…, the head of sales').
    if (auto s = m_booking->loadRules(); !s.ok())
        qWarning("booking rules not read: %s", qPrintable(s.error().message));
}

AppContext::~AppContext()
{
    storage::clearSessionWriter(m_db, m_writerTicket);
}

bool AppContext::may(const char *mutationName) const
{
    return sync::roleMaySend(m_user.role, QLatin1String(mutationName));
}

QString AppContext::dataDir() const
{
    return QFileInfo(m_db.databaseName()).absolutePath();
}

bool AppContext::worksTheBase() const
{
    return may("guest.update");
}

void AppContext::setWorkerConnections(storage::ConnectionOpener opener)
{
    m_duplicates->setWorkerConnections(std::move(opener));
}

} // namespace kasp::app
