#include "appcontext.h"

#include "kasp/booking/bookingservice.h"
#include "kasp/crm/dealservice.h"
#include "kasp/crm/duplicateservice.h"
#include "kasp/crm/guestservice.h"
#include "kasp/crm/taskservice.h"
#include "kasp/session/settings.h"

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
    // This desk's booking rules (Tools → Booking rules…).
    m_booking->setHoldHours(m_settings.holdHours());
    m_booking->setPrepaymentPercent(m_settings.prepaymentPercent());
}

AppContext::~AppContext() = default;

QString AppContext::dataDir() const
{
    return QFileInfo(m_db.databaseName()).absolutePath();
}

bool AppContext::worksTheBase() const
{
    const Permissions can = permissions();
    return can.makesCalls || can.reassignsGuests;
}

void AppContext::setWorkerConnections(storage::ConnectionOpener opener)
{
    m_duplicates->setWorkerConnections(std::move(opener));
}

} // namespace kasp::app
