// Cold start to a usable Sales Window at scale: process start -> database open -> sign-in data ->
// window shown and the search box ready, plus the first search. Prints peak RSS.
//   kasp-bench-startup [--db /tmp/kasp-bench-1000000.db]   (made by kasp-bench-storage)
// Run it under Xvfb (or QT_QPA_PLATFORM=offscreen). Drop the page cache first for a truly cold disk.
#include "appcontext.h"
#include "benchsupport.h"
#include "kasp/crm/ui/guestsearchmodel.h"
#include "kasp/crm/ui/guestsearchpanel.h"
#include "kasp/session/settings.h"
#include "kasp/storage/connectionfactory.h"
#include "kasp/storage/migrations.h"
#include "kasp/storage/userrepository.h"
#include "mainwindow.h"

#include <cstdio>
#include <ctime>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <unistd.h>

using namespace kasp;

namespace {
// Milliseconds since this process was started by the kernel (includes dynamic loading).
double msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        bench::failBench(QStringLiteral("reading /proc/self/stat"), stat.errorString());
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    const double startTicks = fields.value(19).toDouble(); // field 22 overall
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowMs = double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
    return nowMs - startTicks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}
} // namespace

int main(int argc, char *argv[])
try {
    QApplication app(argc, argv);
    const double atMain = msSinceProcessStart();
    QString path = QStringLiteral("/tmp/kasp-bench-1000000.db");
    const QStringList args = QApplication::arguments();
    if (args.indexOf(QStringLiteral("--db")) > 0)
        path = args.value(args.indexOf(QStringLiteral("--db")) + 1);
    if (!QFile::exists(path))
        bench::failBench(QStringLiteral("opening ") + path,
                         QStringLiteral("it does not exist: run kasp-bench-storage first"));
    QElapsedTimer timer;
    timer.start();
    auto opened =
        storage::ConnectionFactory::open({path, bench::benchKey(), QStringLiteral("main"), false, true});
    const double openMs = double(timer.nsecsElapsed()) / 1e6;
    QSqlDatabase db = bench::requireOk(std::move(opened), QStringLiteral("opening ") + path);
    SystemClock clock;
    User user;
    for (const User &u :
         bench::requireOk(storage::UserRepository(db, clock).all(), QStringLiteral("reading the users")))
        if (u.role == Role::Consultant && user.id.isNull())
            user = u;
    session::Settings settings(QStringLiteral("/tmp/kasp-bench-settings.ini"));
    app::AppContext context(db, clock, user, settings, {path, storage::Migrator::currentVersion(db), true});
    app::MainWindow window(context);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        bench::failBench(QStringLiteral("showing the Sales Window"), QStringLiteral("not exposed in 5 s"));
    QString searchError; // the search panel's message, if the first search fails
    QObject::connect(window.searchPanel(), &crm::ui::GuestSearchPanel::errorOccurred,
                     [&](const QString &message) { searchError = message; });
    window.searchPanel()->focusSearch();
    QApplication::processEvents();
    const double usable = msSinceProcessStart();
    timer.restart();
    window.searchPanel()->setQuery(QStringLiteral("Иванова"));
    const double firstSearchMs = double(timer.nsecsElapsed()) / 1e6;
    if (!searchError.isEmpty())
        bench::failBench(QStringLiteral("first search \"Иванова\""), searchError);
    std::printf(
        "cold start: main() at %.0f ms, database open %.1f ms, window usable at %.0f ms after process "
        "start (target < 1500 ms); first search %.1f ms (%d rows); peak RSS %ld MB (target < 250 MB)\n",
        atMain, openMs, usable, firstSearchMs, window.searchPanel()->model()->rowCount(),
        bench::peakRssKb() / 1024);
    return 0;
} catch (const bench::Failure &) {
    return 1;
}
