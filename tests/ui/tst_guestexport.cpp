// Гость → Экспорт списка… of guests under Xvfb, in Russian, on a demo base (issue 21): the save
// dialog in Russian starting in Documents; the workbook read back as a spreadsheet program reads it
// (zipfile + xml): a Russian sheet and headers, dates as Excel dates, columns as wide as the longest
// name; what the list shows (the Гости tab's list, or the search's results on the card's tab); and
// the role's rule: only the head of sales' export carries the guests' phones.
#include "appcontext.h"
#include "kasp/crm/guestservice.h"
#include "kasp/crm/ui/guestlistpanel.h"
#include "kasp/crm/ui/guestsearchmodel.h"
#include "kasp/crm/ui/guestsearchpanel.h"
#include "kasp/demo/demogenerator.h"
#include "kasp/session/settings.h"
#include "kasp/spreadsheet/xlsxreader.h"
#include "kasp/storage/userrepository.h"
#include "kasp/testsupport/testdb.h"
#include "kasp/testsupport/xlsxfixture.h"
#include "mainwindow.h"
#include "translations.h"

#include <QFileDialog>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTimer>
#include <QtTest>

using namespace kasp;

namespace {

QList<QStringList> sheetRows(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    auto csv = spreadsheet::xlsxFirstSheetAsCsv(f.readAll());
    return csv.ok() ? test::csvRows(csv.value()) : QList<QStringList>();
}

QStringList headerOf(const QJsonObject &seen)
{
    QStringList out;
    for (const QJsonValue &cell : seen.value(QLatin1String("rows")).toArray().at(0).toArray())
        out.append(cell[QLatin1String("value")].toString());
    return out;
}

} // namespace

class TestGuestExport : public QObject
{
    Q_OBJECT
    test::TestDatabase t;
    SystemClock clock;
    std::unique_ptr<session::Settings> settings;
    QHash<Role, User> byRole;
    QString dir;

    struct Desk
    {
        std::unique_ptr<app::AppContext> context;
        std::unique_ptr<app::MainWindow> window;
    };
    Desk open(Role role)
    {
        Desk d;
        d.context = std::make_unique<app::AppContext>(t.db, clock, byRole.value(role), *settings,
                                                      app::DatabaseInfo{t.path, 1, true});
        d.window = std::make_unique<app::MainWindow>(*d.context);
        d.window->resize(1280, 800);
        d.window->show();
        return d;
    }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QVERIFY(app::installTranslations(QStringLiteral("ru")));
        t = test::TestDatabase::create(QStringLiteral("export"));
        demo::DemoOptions options;
        options.guests = 400;
        options.today = clock.today();
        QVERIFY(demo::generateDemo(t.db, options).ok());
        settings = std::make_unique<session::Settings>(test::makeTempDir(QStringLiteral("settings")) +
                                                       QStringLiteral("/k.ini"));
        for (const User &u : storage::UserRepository(t.db, clock).all().value())
            if (!byRole.contains(u.role))
                byRole.insert(u.role, u);
        QCOMPARE(byRole.size(), 3);
        dir = test::makeTempDir(QStringLiteral("exports"));
    }

    // The dialog was English and opened in the working directory (a new account has no Documents).
    void theSaveDialogIsRussianAndStartsInDocuments()
    {
        const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        QDir(documents).removeRecursively();
        Desk desk = open(Role::HeadOfSales);
        desk.window->showGuestList();
        QString title, directory, file;
        QStringList filters;
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            title = dialog->windowTitle();
            filters = dialog->nameFilters();
            directory = dialog->directory().absolutePath();
            file = dialog->selectedFiles().value(0);
            if (!qEnvironmentVariableIsEmpty("KASP_SCREENSHOT_DIR"))
                dialog->grab().save(qEnvironmentVariable("KASP_SCREENSHOT_DIR") +
                                    QStringLiteral("/export-dialog.png"));
            dialog->reject();
        });
        poll.start(50);
        QCOMPARE(desk.window->exportCurrentList(), QString()); // cancelled in the dialog
        poll.stop();
        QCOMPARE(title, QStringLiteral("Экспорт списка"));
        QCOMPARE(filters, (QStringList{QStringLiteral("Книга Excel (*.xlsx)"),
                                       QStringLiteral("CSV для Excel (*.csv)")}));
        QCOMPARE(directory, QDir(documents).absolutePath());
        QVERIFY2(file.endsWith(QStringLiteral("/Гости %1.xlsx").arg(clock.today().toString(Qt::ISODate))),
                 qPrintable(file));
    }

    // The head of sales exports the Гости tab's list: Russian, dates as dates, names fit, phones in.
    void theListInRussianWithDatesAndFittedColumns()
    {
        Desk desk = open(Role::HeadOfSales);
        desk.window->showGuestList();
        const QString path = dir + QStringLiteral("/head.xlsx");
        QCOMPARE(desk.window->exportCurrentList(path), path);
        const QJsonObject seen = test::inspectXlsx(path, 400);
        QCOMPARE(seen.value(QLatin1String("sheet")).toString(), QStringLiteral("Гости"));
        const QStringList header = headerOf(seen);
        QCOMPARE(header.mid(0, 5), (QStringList{QStringLiteral("Гость"), QStringLiteral("Телефон"),
                                                QStringLiteral("Дата рождения"), QStringLiteral("Менеджер"),
                                                QStringLiteral("В базе с")}));
        QVERIFY2(header.value(5).startsWith(QStringLiteral("Согласие: ")), qPrintable(header.join(u'|')));
        int dates = 0, longest = 0;
        const QJsonArray rows = seen.value(QLatin1String("rows")).toArray();
        for (int r = 1; r < rows.size(); ++r) {
            const QJsonArray row = rows.at(r).toArray();
            QVERIFY(row.at(1)[QLatin1String("value")].toString().startsWith(QLatin1String("+7")));
            longest = std::max(longest, int(row.at(0)[QLatin1String("value")].toString().size()));
            for (const QJsonValue &cell : row) {
                const QString ref = cell[QLatin1String("ref")].toString();
                if (ref.startsWith(u'C') || ref.startsWith(u'E')) { // birth date, in the base since
                    QCOMPARE(cell[QLatin1String("type")].toString(), QStringLiteral("n"));
                    QVERIFY(cell[QLatin1String("date")].toBool());
                    QCOMPARE(cell[QLatin1String("format")].toString(), QStringLiteral("dd.mm.yyyy"));
                    ++dates;
                }
            }
        }
        QVERIFY2(dates > rows.size(), qPrintable(QString::number(dates))); // every «В базе с», most births
        QCOMPARE(seen.value(QLatin1String("cols")).toArray().at(0)[QLatin1String("min")].toInt(), 1);
        QVERIFY2(seen.value(QLatin1String("cols")).toArray().at(0)[QLatin1String("width")].toDouble() >=
                     longest,
                 qPrintable(QString::number(longest)));
        QCOMPARE(qint64(sheetRows(path).size()), desk.window->guestList()->model()->guestCount() + 1);
    }

    // On the card's tab, the export writes the search's results, not the whole base.
    void theSearchResultsAsShown()
    {
        Desk desk = open(Role::HeadOfSales);
        desk.window->tabs()->setCurrentIndex(0);
        auto *search = desk.window->findChild<crm::ui::GuestSearchPanel *>();
        QVERIFY(search);
        search->setQuery(QStringLiteral("Ива"));
        QTRY_VERIFY(search->model()->rowCount() > 0);
        const QString path = dir + QStringLiteral("/found.xlsx");
        QCOMPARE(desk.window->exportCurrentList(path), path);
        const QList<QStringList> rows = sheetRows(path);
        QCOMPARE(rows.size(), search->model()->rowCount() + 1);
        QCOMPARE(rows.at(1).first(), search->model()->at(0)->displayName);
        QVERIFY(qint64(rows.size()) < desk.context->guests().guestCount().value());
        QCOMPARE(test::inspectXlsx(path, 1).value(QLatin1String("sheet")).toString(),
                 QStringLiteral("Найденные гости"));

        search->setQuery(QStringLiteral("Ъъъъъ"));
        QTRY_COMPARE(search->model()->rowCount(), 0);
        QCOMPARE(desk.window->exportCurrentList(dir + QStringLiteral("/nothing.xlsx")), QString());
        QVERIFY(!QFile::exists(dir + QStringLiteral("/nothing.xlsx")));
    }

    // A consultant and the director export names, dates and managers, never the phones.
    void onlyTheHeadOfSalesExportsContacts()
    {
        for (Role role : {Role::Consultant, Role::Director}) {
            Desk desk = open(role);
            desk.window->showGuestList();
            for (const char *name : {"/noContacts.xlsx", "/noContacts.csv"}) {
                const QString path = dir + QLatin1String(name);
                QCOMPARE(desk.window->exportCurrentList(path), path);
                QList<QStringList> all;
                if (path.endsWith(QLatin1String(".xlsx"))) {
                    all = sheetRows(path);
                } else {
                    QFile f(path);
                    QVERIFY(f.open(QIODevice::ReadOnly));
                    all = test::csvRows(f.readAll());
                }
                QCOMPARE(qint64(all.size()), desk.window->guestList()->model()->guestCount() + 1);
                QVERIFY(!all.first().contains(QStringLiteral("Телефон")));
                QCOMPARE(all.first().mid(0, 4),
                         (QStringList{QStringLiteral("Гость"), QStringLiteral("Дата рождения"),
                                      QStringLiteral("Менеджер"), QStringLiteral("В базе с")}));
                for (const QStringList &row : std::as_const(all))
                    for (const QString &cell : row)
                        QVERIFY2(!cell.contains(QRegularExpression(QStringLiteral("\\+7|@"))),
                                 qPrintable(cell));
            }
        }
        QVERIFY(Permissions::of(Role::HeadOfSales).exportsContacts);
        QVERIFY(!Permissions::of(Role::Consultant).exportsContacts);
        QVERIFY(!Permissions::of(Role::Director).exportsContacts);
    }

    void cleanupTestCase() { t.close(); }
};

QTEST_MAIN(TestGuestExport)
#include "tst_guestexport.moc"
