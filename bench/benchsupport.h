#pragma once
// Shared by the benchmark programs: a large demo database made once and reused, statistics, and
// the end of a bench whose timed work failed.
#include "kasp/core/result.h"
#include "kasp/storage/databasekey.h"
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QString>
#include <utility>
#include <vector>

class QSqlQuery;

namespace kasp::bench {

// Synthetic benchmark data only: a fixed raw key derived from a constant, so a database built by
// one run can be reopened by the next. Never used for real data.
storage::DatabaseKey benchKey();

// The work a bench times failed (or what it stands on: the database, a server, a query): no
// figure may be printed for it. failBench prints one line on stderr ("kasp-bench-x: FAILED: what:
// code: message") and throws Failure; every main() is a function-try-block that catches it and
// returns 1, so that destructors still run (a PostgreSQL cluster, kasp-sync or kamailio started
// by the bench is stopped). Never call it from a slot (no exception may cross Qt's event loop):
// a slot records the error, the code after the wait fails with it.
struct Failure
{
};
[[noreturn]] void failBench(const QString &what, const Error &error);
[[noreturn]] void failBench(const QString &what, const QString &why);

template <typename T> T requireOk(Result<T> result, const QString &what)
{
    if (!result.ok())
        failBench(what, result.error());
    return std::move(result).value();
}
void requireOk(const Status &status, const QString &what);
// `ok` is what QSqlQuery::exec() / prepare() / next() returned; false fails with the query's error.
void requireSql(bool ok, const QSqlQuery &query, const QString &what);

// Opens `path`, generating `guests` guests and `stays` stays first if the file does not exist;
// fails the bench (failBench) when it cannot.
QSqlDatabase openOrGenerate(const QString &path, int guests, qint64 stays, const QString &connection);

struct Stats
{
    double median = 0, p95 = 0, max = 0;
};
Stats stats(std::vector<double> samples);
long peakRssKb(); // VmHWM of this process

double msSince(const QElapsedTimer &timer);
// "what   median x ms  p95 y ms  max z ms", one line.
void printStats(const QString &what, const Stats &s);

} // namespace kasp::bench
