#pragma once
// Shared by the benchmark programs: a large demo database made once and reused, and statistics.
#include "kasp/storage/databasekey.h"
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QString>
#include <vector>

namespace kasp::bench {

// Synthetic benchmark data only: a fixed raw key derived from a constant, so a database built by
// one run can be reopened by the next. Never used for real data.
storage::DatabaseKey benchKey();

// Opens `path`, generating `guests` guests and `stays` stays first if the file does not exist.
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
