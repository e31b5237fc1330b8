#pragma once
// Fills an empty (migrated) database with a deterministic sanatorium: 3 buildings, ~120 rooms in
// 6 categories, staff in the three roles, guests with Russian names and +7 phones, five years of
// stays with seasonality, the calls and web requests behind them, deals and tasks.
// The same seed and sizes always give the same rows (ids included), so tests can rely on them.
#include "kasp/core/result.h"
#include <functional>
#include <QDate>
#include <QSqlDatabase>

namespace kasp::demo {

struct DemoOptions
{
    quint64 seed = 20261123;
    int guests = 20000;
    // 0: as many stays as the rooms hold at ~70 % occupancy over `years`. Otherwise the room stock
    // grows until it can hold this many stays without two sharing a room-night.
    qint64 stays = 0;
    int years = 5;
    QDate today;              // required: the "now" of the data set; stays run up to ~3 months after it
    bool bulkIndexes = false; // drop and rebuild secondary indexes around the load (large sets)
    // Seasons for last year, this year and next (spring, summer, velvet, autumn, New Year) with
    // meal and programme prices, children's rules and discounts. Off: every category sells at its
    // base bed-night price (tests and benchmarks price against that).
    bool priceList = false;
};

struct DemoSummary
{
    qint64 users = 0, buildings = 0, categories = 0, rooms = 0, guests = 0, stays = 0, touches = 0, deals = 0,
           tasks = 0;
};

// progress(percent, stage) returns false to cancel; the database is then left without demo rows.
using DemoProgress = std::function<bool(int percent, const QString &stage)>;

// The demo password of a demo staff login (README: the login with "-demo"); "" for any other.
// The demo database keeps only their argon2id verifiers.
QString demoPassword(const QString &login);

Result<DemoSummary> generateDemo(QSqlDatabase db, const DemoOptions &options,
                                 const DemoProgress &progress = {});

} // namespace kasp::demo
