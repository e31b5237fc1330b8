#pragma once
#include "kasp/core/clock.h"
#include "kasp/core/result.h"
#include "kasp/core/touch.h"
#include <QSqlDatabase>

namespace kasp::storage {

// Touches are append-only: there is no update and no delete.
class TouchRepository
{
public:
    TouchRepository(QSqlDatabase db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}
    Status add(const Touch &touch); // mutation touch.add
    // Newest first.
    Result<QList<Touch>> forGuest(const Id &guestId, int limit) const;
    // The guest's first touch (how they came to us), by the (guest_id, at) index.
    Result<std::optional<Touch>> firstFor(const Id &guestId) const;

private:
    QSqlDatabase m_db;
    const Clock &m_clock;
};

} // namespace kasp::storage
