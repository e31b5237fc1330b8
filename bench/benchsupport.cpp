#include "benchsupport.h"

#include "kasp/demo/demogenerator.h"
#include "kasp/storage/connectionfactory.h"

#include <algorithm>
#include <cstdio>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace kasp::bench {

storage::DatabaseKey benchKey()
{
    const QByteArray digest =
        QCryptographicHash::hash("kasp synthetic benchmark data", QCryptographicHash::Sha256);
    return storage::DatabaseKey::fromHex(QString::fromLatin1(digest.toHex())).value();
}

void failBench(const QString &what, const Error &error)
{
    failBench(what, error.code.isEmpty() ? error.message : error.code + QStringLiteral(": ") + error.message);
}

void failBench(const QString &what, const QString &why)
{
    std::fflush(stdout); // the figures printed before this one stay before the failure
    const QString program = QCoreApplication::instance() ? QCoreApplication::applicationName() : QString();
    std::fprintf(stderr, "%s%sFAILED: %s: %s\n", qPrintable(program), program.isEmpty() ? "" : ": ",
                 qPrintable(what.simplified()), qPrintable(why.simplified()));
    throw Failure{};
}

void requireOk(const Status &status, const QString &what)
{
    if (!status.ok())
        failBench(what, status.error());
}

void requireSql(bool ok, const QSqlQuery &query, const QString &what)
{
    if (ok)
        return;
    const QSqlError error = query.lastError();
    failBench(what, error.isValid() ? QStringLiteral("sql %1: %2").arg(error.nativeErrorCode(), error.text())
                                    : QStringLiteral("no row"));
}

QSqlDatabase openOrGenerate(const QString &path, int guests, qint64 stays, const QString &connection)
{
    const bool fresh = !QFileInfo::exists(path);
    auto opened = storage::ConnectionFactory::open({path, benchKey(), connection, true, true});
    if (!opened.ok())
        failBench(QStringLiteral("opening %1").arg(path), opened.error());
    if (fresh) {
        demo::DemoOptions options;
        options.guests = guests;
        options.stays = stays;
        options.today = QDate(2026, 11, 23);
        options.bulkIndexes = guests > 100000;
        QElapsedTimer timer;
        timer.start();
        int last = -1;
        auto summary = demo::generateDemo(opened.value(), options, [&](int percent, const QString &stage) {
            if (percent / 10 != last / 10)
                std::fprintf(stderr, "  generating: %3d%% %s, %.0f s\n", percent, qPrintable(stage),
                             timer.elapsed() / 1000.0);
            last = percent;
            return true;
        });
        if (!summary.ok())
            failBench(QStringLiteral("generating %1").arg(path), summary.error());
        std::printf("generated %lld guests, %lld stays, %lld touches, %lld deals, %lld rooms in %.1f s (%s, "
                    "%.0f MB)\n",
                    summary->guests, summary->stays, summary->touches, summary->deals, summary->rooms,
                    timer.elapsed() / 1000.0, qPrintable(path), QFileInfo(path).size() / 1e6);
    }
    return opened.value();
}

Stats stats(std::vector<double> samples)
{
    if (samples.empty())
        return {};
    std::sort(samples.begin(), samples.end());
    const auto at = [&](double q) {
        return samples[std::min(samples.size() - 1, size_t(q * double(samples.size())))];
    };
    return {at(0.5), at(0.95), samples.back()};
}

long peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return -1;
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

void printStats(const QString &what, const Stats &s)
{
    std::printf("%-52s median %8.2f ms  p95 %8.2f ms  max %8.2f ms\n", qPrintable(what), s.median, s.p95,
                s.max);
}

} // namespace kasp::bench
