#pragma once
// Shared state of one demo generation run (internal to the demo module).
#include "kasp/core/id.h"
#include "kasp/core/money.h"
#include "kasp/core/result.h"
#include "kasp/demo/demogenerator.h"
#include "kasp/storage/bulkwriter.h"
#include <concepts>
#include <QRandomGenerator64>
#include <QSqlQuery>
#include <QVector>

namespace kasp::demo {

// Deterministic pseudo-random source; also makes deterministic v4-shaped UUIDs.
class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed) : m_rng(seed) {}
    int between(int lo, int hiInclusive) { return lo + int(m_rng.bounded(quint64(hiInclusive - lo + 1))); }
    double unit() { return m_rng.generateDouble(); }
    bool chance(double p) { return unit() < p; }
    template <typename T> const T &pick(const QVector<T> &v)
    {
        return v[int(m_rng.bounded(quint64(v.size())))];
    }
    Id id();

private:
    QRandomGenerator64 m_rng;
    qint64 m_sequence = 0;
};

// One prepared INSERT reused for many rows, committing every few thousand rows so a large load
// neither holds one giant transaction nor pays a commit per row. Values bind by their C++ type
// (QString, integers, QVariant for NULLs) through storage::BulkWriter, with no QVariant per value.
class BulkInsert
{
public:
    BulkInsert(QSqlDatabase db, const QString &table, const QStringList &columns);
    template <typename... Values> Status add(const Values &...values)
    {
        (bind(values), ...);
        return insertRow();
    }
    qint64 rows() const { return m_writer.rows(); }

private:
    void bind(const QString &value) { m_writer.text(value); }
    template <std::integral T> void bind(T value) { m_writer.integer(qint64(value)); }
    void bind(const QVariant &value); // NULL, text or integer, decided at run time
    Status insertRow();

    QSqlDatabase m_db;
    storage::BulkWriter m_writer;
};

// Rows written outside a BulkInsert (the guests' rows, through storage::GuestRowWriter): counted
// toward the next commit like a BulkInsert's.
Status rowsWritten(QSqlDatabase db, int rows);

struct DemoCategory
{
    Id id;
    int beds;
    Money pricePerBedNight;
};

struct DemoRoom
{
    Id id;
    int categoryIndex;
};

struct DemoContext
{
    DemoOptions options;
    DemoRandom random;
    QSqlDatabase db;
    DemoSummary summary;
    QVector<Id> consultants;
    QVector<DemoCategory> categories;
    QVector<DemoRoom> rooms;
    QVector<Id> guests;
    QVector<int> guestManager; // index into consultants
    DemoProgress progress;
    bool report(int percent, const QString &stage) { return !progress || progress(percent, stage); }
};

Status generateRoomStock(DemoContext &ctx);
Status generateUsers(DemoContext &ctx);
Status generateGuests(DemoContext &ctx);
Status generatePriceList(DemoContext &ctx);
Status generateStays(DemoContext &ctx);

// Name material (russiannames.cpp).
struct RussianName
{
    QString last, first, middle;
    bool female;
};
RussianName randomRussianName(DemoRandom &random);
QString transliterate(const QString &cyrillic);

} // namespace kasp::demo
