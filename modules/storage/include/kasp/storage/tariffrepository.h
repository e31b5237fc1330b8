#pragma once
#include "kasp/core/clock.h"
#include "kasp/core/result.h"
#include "kasp/core/tariff.h"
#include <optional>
#include <QSqlDatabase>

namespace kasp::storage {

// The head of sales' price list: seasons, children's rules, discounts. Small (dozens of rows),
// read whole; saved as the differences from what is stored.
class TariffRepository
{
public:
    TariffRepository(QSqlDatabase db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}

    // Seasons by category, then first night; children's rules youngest first.
    Result<TariffBook> load() const;
    // Checks the edited book as a whole (validateTariffBook), then writes a create, update or
    // delete mutation for each record the editor changed, all in one transaction. `loaded` is the
    // book the editor started from (default: what is stored now); changes a sync brought in since
    // then are kept, not overwritten or deleted. Returns how many mutations.
    Result<int> save(const TariffBook &edited, const QHash<Id, QString> &categoryNames = {},
                     const std::optional<TariffBook> &loaded = std::nullopt);

private:
    QSqlDatabase m_db;
    const Clock &m_clock;
};

} // namespace kasp::storage
