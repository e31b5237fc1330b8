#pragma once
#include "kasp/core/clock.h"
#include "kasp/core/result.h"
#include "kasp/core/tariff.h"
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
    // delete mutation for each record that differs, all in one transaction. Returns how many.
    Result<int> save(const TariffBook &edited, const QHash<Id, QString> &categoryNames = {});

private:
    QSqlDatabase m_db;
    const Clock &m_clock;
};

} // namespace kasp::storage
