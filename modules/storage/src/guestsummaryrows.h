#pragma once
// The columns of a guest's list row and their reading, shared by the search and the duplicates.
#include "kasp/storage/guestrepository.h"
#include <QSqlQuery>

namespace kasp::storage {

// "g.id, g.last_name, …": select them first from `guests g`, then read the row with readSummary.
extern const QString kSummaryColumns;
GuestSummary readSummary(const QSqlQuery &q);

} // namespace kasp::storage
