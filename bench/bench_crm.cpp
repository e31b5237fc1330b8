// CRM figures at 1,000,000 guests (issue 5), on the benchmark database (made by kasp-bench-storage,
// or here; ~3 min and 7 GB the first time):
//  - the one search box, to the first 50 results, for each kind of query a consultant types;
//  - a guest card with 500 touches: loaded, filled and painted (1100x760);
//  - the Гости list (GuestListPanel, 1100x760): open, then frames while scrolling by wheel steps,
//    by pages and by jumps of the scroll bar, before and after the page starts are known.
//   kasp-bench-crm [--db /tmp/kasp-bench-1000000.db] [--guests 1000000] [--stays 5000000] [--queries 200]
#include "benchsupport.h"
#include "kasp/crm/guestservice.h"
#include "kasp/crm/ui/guestcardpanel.h"
#include "kasp/crm/ui/guestlistpanel.h"
#include "kasp/storage/sqlhelpers.h"
#include "kasp/storage/touchrepository.h"

#include <cstdio>
#include <functional>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSqlQuery>
#include <QTableView>

using namespace kasp;

namespace {

void print(const QString &what, const bench::Stats &s, const QString &extra = {})
{
    std::printf("%-58s median %7.2f ms  p95 %7.2f ms  max %7.2f ms  %s\n", qPrintable(what), s.median, s.p95,
                s.max, qPrintable(extra));
}

QStringList sample(QSqlDatabase db, const QString &sqlText)
{
    QSqlQuery q(db);
    bench::requireSql(q.exec(sqlText), q, QStringLiteral("sampling: ") + sqlText.left(60));
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

Id makeGuest(crm::GuestService &service)
{
    Guest g;
    g.lastName = QStringLiteral("Бенчмаркова");
    g.firstName = QStringLiteral("Пятьсот");
    g.middleName = QStringLiteral("Касаний");
    g.phones = {Phone::parse(QStringLiteral("+7 999 500-05-00")).value()};
    return bench::requireOk(service.save(g), QStringLiteral("saving the guest with 500 touches"));
}

// The guest with 500 touches (made once, then found again by its name).
Id guestWithTouches(crm::GuestService &service, QSqlDatabase db, int touches)
{
    const QString name = QStringLiteral("Бенчмаркова Пятьсот Касаний");
    Id id;
    if (const auto found =
            bench::requireOk(service.search(name, 1), QStringLiteral("search \"%1\"").arg(name));
        !found.isEmpty())
        id = found.first().id;
    else
        id = makeGuest(service);
    SystemClock clock;
    storage::TouchRepository repo(db, clock);
    const TouchKind kinds[] = {TouchKind::CallIn,     TouchKind::CallOut, TouchKind::CallMissed,
                               TouchKind::WebRequest, TouchKind::Email,   TouchKind::Sms,
                               TouchKind::Note};
    const int have =
        int(bench::requireOk(service.card(id), QStringLiteral("the card of the guest with 500 touches"))
                .touches.size());
    storage::sql::WriteTransaction transaction(db); // one commit, not 500
    if (auto begun = transaction.begin(); !begun.ok())
        bench::failBench(QStringLiteral("adding touches: begin"), begun.error());
    for (int i = have; i < touches; ++i) {
        Touch t;
        t.id = newId();
        t.guestId = id;
        t.kind = kinds[i % 7];
        t.at = QDateTime::currentDateTimeUtc().addSecs(-3600LL * 7 * i);
        t.durationSecs = isCall(t.kind) ? 60 + i % 400 : 0;
        t.result = QStringLiteral("думает");
        t.note =
            QStringLiteral("Спрашивала про кардиологию и трансфер от вокзала, перезвонить после %1").arg(i);
        if (auto added = repo.add(t); !added.ok())
            bench::failBench(QStringLiteral("adding touch %1").arg(i), added.error());
    }
    if (auto committed = transaction.commit(); !committed.ok())
        bench::failBench(QStringLiteral("adding touches: commit"), committed.error());
    return id;
}

} // namespace

int main(int argc, char *argv[])
try {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions(
        {{QStringLiteral("guests"), QStringLiteral("guests"), QStringLiteral("n"), QStringLiteral("1000000")},
         {QStringLiteral("stays"), QStringLiteral("stays"), QStringLiteral("n"), QStringLiteral("5000000")},
         {QStringLiteral("queries"), QStringLiteral("queries per kind"), QStringLiteral("n"),
          QStringLiteral("200")},
         {QStringLiteral("db"), QStringLiteral("database file"), QStringLiteral("path")}});
    parser.process(app);
    const int guests = parser.value(QStringLiteral("guests")).toInt();
    const QString path = parser.isSet(QStringLiteral("db"))
                             ? parser.value(QStringLiteral("db"))
                             : QStringLiteral("/tmp/kasp-bench-%1.db").arg(guests);
    QElapsedTimer opening;
    opening.start();
    QSqlDatabase db = bench::openOrGenerate(path, guests, parser.value(QStringLiteral("stays")).toLongLong(),
                                            QStringLiteral("crm"));
    std::printf("opened (and migrated when needed) in %.0f ms\n", bench::msSince(opening));
    SystemClock clock;
    crm::GuestService service(db, clock);
    const qint64 guestCount = bench::requireOk(service.guestCount(), QStringLiteral("counting the guests"));
    const int n = parser.value(QStringLiteral("queries")).toInt();

    // --- search -----------------------------------------------------------------------------
    // Values of random rows (rowids are dense: the data set was loaded, never deleted from).
    const auto randomOf = [&](const QString &column, const QString &table) {
        return sample(db, QStringLiteral("SELECT %1 FROM %2 WHERE rowid IN (SELECT abs(random()) % "
                                         "(SELECT max(rowid) FROM %2) + 1 FROM guests LIMIT %3)")
                              .arg(column, table, QString::number(n)));
    };
    const QStringList phones = randomOf(QStringLiteral("e164"), QStringLiteral("guest_phones"));
    const QStringList surnames = randomOf(QStringLiteral("last_name"), QStringLiteral("guests"));
    const QStringList emails = randomOf(QStringLiteral("email"), QStringLiteral("guest_emails"));
    const QStringList bookingIds = randomOf(QStringLiteral("id"), QStringLiteral("bookings"));
    struct Kind
    {
        QString title;
        std::function<QString(int)> query;
        int count;
    };
    const auto latinKeys = [](const QString &cyrillic) {
        static const QString latin = QStringLiteral("qwertyuiop[]asdfghjkl;'zxcvbnm,.`");
        static const QString russian = QStringLiteral("йцукенгшщзхъфывапролджэячсмитьбюё");
        QString out;
        for (QChar c : cyrillic.toLower())
            out += russian.indexOf(c) >= 0 ? latin.at(russian.indexOf(c)) : c;
        return out;
    };
    const QList<Kind> kinds{
        {QStringLiteral("phone prefix \"8 916 55\" (8 digits)"),
         [&](int i) { return QLatin1Char('8') + phones[i % phones.size()].mid(2, 6); }, int(phones.size())},
        {QStringLiteral("phone, last 4 digits"), [&](int i) { return phones[i % phones.size()].right(4); },
         int(phones.size())},
        {QStringLiteral("surname prefix, 3 letters, Cyrillic"),
         [&](int i) { return surnames[i % surnames.size()].left(3); }, int(surnames.size())},
        {QStringLiteral("surname + first letter of the name"),
         [&](int i) { return surnames[i % surnames.size()] + QStringLiteral(" а"); }, int(surnames.size())},
        {QStringLiteral("surname typed on the Latin layout (two searches)"),
         [&](int i) { return latinKeys(surnames[i % surnames.size()].left(5)); }, int(surnames.size())},
        {QStringLiteral("e-mail prefix (up to the @)"),
         [&](int i) { return emails[i % emails.size()].section(QLatin1Char('@'), 0, 0) + QLatin1Char('@'); },
         int(emails.size())},
        {QStringLiteral("booking number (8 hex digits)"),
         [&](int i) { return bookingNumber(idFromString(bookingIds[i % bookingIds.size()])); },
         int(bookingIds.size())},
    };
    std::printf("\nsearch to the first 50 results, %lld guests in %s, %d queries per kind (target < 20 ms)\n",
                guestCount, qPrintable(path), n);
    for (const Kind &kind : kinds) {
        if (kind.count == 0)
            continue;
        std::vector<double> times;
        qint64 results = 0;
        for (int i = 0; i < n; ++i) {
            const QString text = kind.query(i);
            QElapsedTimer timer;
            timer.start();
            auto found = service.search(text, 50);
            times.push_back(bench::msSince(timer));
            if (!found.ok())
                bench::failBench(QStringLiteral("search \"%1\" (%2)").arg(text, kind.title), found.error());
            results += found.value().size();
        }
        print(kind.title, bench::stats(times),
              QStringLiteral("%1 results on average").arg(double(results) / n, 0, 'f', 1));
    }

    // --- a card with 500 touches ---------------------------------------------------------------
    const Id busy = guestWithTouches(service, db, 500);
    crm::ui::GuestCardPanel card(service, clock);
    card.resize(1100, 760);
    QString uiError; // a panel's message (card, list) when its data did not load
    QObject::connect(&card, &crm::ui::GuestCardPanel::errorOccurred,
                     [&](const QString &message) { uiError = message; });
    QImage cardImage(card.size(), QImage::Format_ARGB32_Premultiplied);
    // In the window the card page has been laid out and painted before (another guest, a call):
    // one other card first, so that the first timed open is cold for its data only.
    if (const auto other =
            bench::requireOk(service.search(QStringLiteral("Ива"), 1), QStringLiteral("search \"Ива\""));
        !other.isEmpty()) {
        if (!card.showGuest(other.first().id))
            bench::failBench(QStringLiteral("loading another guest's card"), uiError);
        QPainter painter(&cardImage);
        static_cast<QWidget &>(card).render(&painter);
    }
    std::vector<double> cardTimes;
    for (int i = 0; i < 50; ++i) {
        QElapsedTimer timer;
        timer.start();
        const bool shown = card.showGuest(busy);
        QPainter painter(&cardImage);
        static_cast<QWidget &>(card).render(&painter);
        painter.end();
        cardTimes.push_back(bench::msSince(timer));
        if (!shown)
            bench::failBench(QStringLiteral("loading the card with 500 touches"), uiError);
    }
    std::printf("\n");
    print(QStringLiteral("card with %1 touches: loaded, filled, painted (< 30 ms)")
              .arg(bench::requireOk(service.card(busy), QStringLiteral("the card with 500 touches"))
                       .touches.size()),
          bench::stats(cardTimes));

    // --- the Гости list --------------------------------------------------------------------------
    crm::ui::GuestListPanel panel(service.list());
    panel.resize(1100, 760);
    QImage listImage(panel.size(), QImage::Format_ARGB32_Premultiplied);
    QObject::connect(&panel, &crm::ui::GuestListPanel::errorOccurred,
                     [&](const QString &message) { uiError = message; });
    QTableView *view = panel.view();
    QScrollBar *bar = view->verticalScrollBar();
    const auto paint = [&] {
        QPainter painter(&listImage);
        panel.render(&painter);
    };
    QElapsedTimer timer;
    timer.start();
    panel.show(); // reload: the count, page 0
    paint();
    const double openMs = bench::msSince(timer);
    if (!uiError.isEmpty())
        bench::failBench(QStringLiteral("opening the guest list"), uiError);
    std::printf("\nthe guest list, %lld rows, 1100x760, %d rows a page\n", panel.model()->guestCount(),
                crm::ui::GuestListModel::kPageSize);
    std::printf("%-58s %7.2f ms\n", "open (count + first page + first paint)", openMs);

    const auto frames = [&](const QString &what, int count, const std::function<void(int)> &step) {
        std::vector<double> times;
        const int loadedBefore = panel.model()->pagesLoaded();
        for (int i = 0; i < count; ++i) {
            QElapsedTimer t;
            t.start();
            step(i);
            paint();
            times.push_back(bench::msSince(t));
            if (!uiError.isEmpty())
                bench::failBench(what, uiError);
        }
        print(what, bench::stats(times),
              QStringLiteral("%1 frames, %2 pages read")
                  .arg(count)
                  .arg(panel.model()->pagesLoaded() - loadedBefore));
    };
    QRandomGenerator random(42);
    frames(QStringLiteral("jumps of the scroll bar while the index is read"), 100,
           [&](int) { bar->setValue(random.bounded(bar->maximum())); });
    timer.restart();
    while (panel.model()->isIndexing() && uiError.isEmpty())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    if (!uiError.isEmpty())
        bench::failBench(QStringLiteral("the walk that learns the page starts"), uiError);
    std::printf("%-58s %7.0f ms\n", "page starts known (the walk, in 6 ms slices)", bench::msSince(timer));
    bar->setValue(0);
    frames(QStringLiteral("wheel: 3 rows a frame (no frame over 16 ms)"), 600,
           [&](int) { bar->setValue(bar->value() + 3); });
    frames(QStringLiteral("Page Down a frame"), 400,
           [&](int) { bar->setValue(bar->value() + bar->pageStep()); });
    frames(QStringLiteral("jumps of the scroll bar anywhere"), 400,
           [&](int) { bar->setValue(random.bounded(bar->maximum())); });
    frames(QStringLiteral("drag of the scroll bar (1/2000 of the list a frame)"), 400,
           [&](int i) { bar->setValue(int(qint64(bar->maximum()) * (i % 2000) / 2000)); });
    std::printf("peak RSS %ld MB\n", bench::peakRssKb() / 1024);
    return 0;
} catch (const bench::Failure &) {
    return 1;
}
