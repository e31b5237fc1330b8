// The "Гости" list model over a real encrypted database of a few thousand demo guests, read in
// pages of 50: the same code that scrolls a million (bench/kasp-bench-crm).
#include "kasp/crm/guestservice.h"
#include "kasp/crm/ui/guestlistmodel.h"
#include "kasp/demo/demogenerator.h"
#include "kasp/testsupport/testdb.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>

using namespace kasp;
using crm::ui::GuestListModel;

class TestGuestList : public QObject
{
    Q_OBJECT
    test::TestDatabase t;
    FixedClock clock{QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC)};

    QList<Id> idsInSqlOrder()
    {
        QSqlQuery q(t.db);
        if (!q.exec(QStringLiteral("SELECT id FROM guests ORDER BY search_name, rowid")))
            qFatal("order");
        QList<Id> ids;
        while (q.next())
            ids.append(idFromString(q.value(0).toString()));
        return ids;
    }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        t = test::TestDatabase::create();
        demo::DemoOptions options;
        options.guests = 2345;
        options.years = 1;
        options.today = QDate(2026, 11, 23);
        auto made = demo::generateDemo(t.db, options);
        QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().message));
    }

    void everyRowInAlphabeticalOrder()
    {
        GuestListModel model(storage::GuestList(t.db));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.reload().ok());
        QCOMPARE(model.rowCount(), 2345);
        QCOMPARE(model.columnCount(), int(GuestListModel::ColumnCount));
        model.finishIndexing();
        QVERIFY(!model.isIndexing());
        const QList<Id> expected = idsInSqlOrder();
        QList<Id> listed;
        for (int row = 0; row < model.rowCount(); ++row)
            listed.append(model.data(model.index(row, 0), GuestListModel::IdRole).value<Id>());
        QCOMPARE(listed.size(), expected.size());
        QCOMPARE(listed, expected);
        const int pages = (2345 + GuestListModel::kPageSize - 1) / GuestListModel::kPageSize;
        QCOMPARE(model.pagesLoaded(), pages); // each page read once
        QVERIFY(
            !model.data(model.index(2344, GuestListModel::NameColumn), Qt::DisplayRole).toString().isEmpty());
        QVERIFY(!model.data(model.index(2344, GuestListModel::PhoneColumn), Qt::DisplayRole)
                     .toString()
                     .isEmpty());
    }

    void farPagesFillInOnceTheirStartIsKnown()
    {
        GuestListModel model(storage::GuestList(t.db));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy finished(&model, &GuestListModel::indexingFinished);
        QVERIFY(model.reload().ok());
        QVERIFY(model.isIndexing());
        // The first page needs no walk; a far one is not known yet.
        QVERIFY(!model.data(model.index(5, 0), GuestListModel::IdRole).value<Id>().isNull());
        const QModelIndex far = model.index(2000, GuestListModel::NameColumn);
        QCOMPARE(model.data(far, Qt::DisplayRole).toString(), QStringLiteral("…"));
        QVERIFY(finished.wait(5000));
        bool repainted = false;
        for (const auto &args : changed)
            repainted = repainted ||
                        (args.at(0).toModelIndex().row() <= 2000 && args.at(1).toModelIndex().row() >= 2000);
        QVERIFY(repainted);
        QCOMPARE(model.data(far, GuestListModel::IdRole).value<Id>(), idsInSqlOrder().at(2000));
    }

    void typingJumpsToTheSurname()
    {
        GuestListModel model(storage::GuestList(t.db));
        QVERIFY(model.reload().ok());
        model.finishIndexing();
        for (const QString &prefix : {QStringLiteral("Ива"), QStringLiteral("с"), QStringLiteral("Ян"),
                                      QStringLiteral("Иванов Щ"), QStringLiteral("Кузнецова Ан")}) {
            Guest probe;
            probe.lastName = prefix;
            QSqlQuery q(t.db);
            q.prepare(QStringLiteral("SELECT id, search_name FROM guests WHERE search_name >= ? ORDER BY "
                                     "search_name, rowid LIMIT 1"));
            q.addBindValue(probe.searchName());
            QVERIFY(q.exec());
            const QModelIndexList hit =
                model.match(model.index(0, 0), Qt::DisplayRole, prefix, 1, Qt::MatchStartsWith);
            if (!q.next() || !q.value(1).toString().startsWith(probe.searchName())) {
                QVERIFY2(hit.isEmpty(), qPrintable(prefix)); // nobody by that name
                continue;
            }
            QVERIFY2(hit.size() == 1, qPrintable(prefix));
            QCOMPARE(model.guestAt(hit.first().row()), idFromString(q.value(0).toString()));
            QVERIFY(
                model.data(hit.first(), Qt::DisplayRole).toString().startsWith(prefix, Qt::CaseInsensitive));
        }
        QVERIFY(
            model.match(model.index(0, 0), Qt::DisplayRole, QStringLiteral("Щщщщ"), 1, Qt::MatchStartsWith)
                .isEmpty());
    }

    void cacheStaysBoundedAndReloadSeesNewGuests()
    {
        GuestListModel model(storage::GuestList(t.db), 4); // 4 pages kept
        QVERIFY(model.reload().ok());
        model.finishIndexing();
        for (int row = 0; row < model.rowCount(); row += GuestListModel::kPageSize)
            model.guestAt(row);
        const int pages = (2345 + GuestListModel::kPageSize - 1) / GuestListModel::kPageSize;
        QCOMPARE(model.pagesLoaded(), pages);
        model.guestAt(2344); // the last page is still cached
        QCOMPARE(model.pagesLoaded(), pages);
        model.guestAt(0); // the first one was dropped: read again
        QCOMPARE(model.pagesLoaded(), pages + 1);

        crm::GuestService service(t.db, clock);
        Guest g;
        g.lastName = QStringLiteral("Аааронова");
        g.phones = {Phone::parse(QStringLiteral("+7 999 000-00-01")).value()};
        auto id = service.save(g);
        QVERIFY(id.ok());
        QVERIFY(model.reload().ok());
        QCOMPARE(model.rowCount(), 2346);
        model.finishIndexing();
        const int at = int(idsInSqlOrder().indexOf(id.value()));
        QVERIFY(at >= 0);
        QCOMPARE(model.guestAt(at), id.value());
        QCOMPARE(model.data(model.index(at, GuestListModel::NameColumn), Qt::DisplayRole).toString(),
                 QStringLiteral("Аааронова"));
    }

    void aBrokenDatabaseIsReportedOnce()
    {
        GuestListModel model{storage::GuestList{QSqlDatabase{}}};
        QSignalSpy errors(&model, &GuestListModel::errorOccurred);
        QVERIFY(!model.reload().ok());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(errors.size(), 1);
        QVERIFY(!errors.first().first().toString().isEmpty());
    }

    void cleanupTestCase() { t.close(); }
};

QTEST_MAIN(TestGuestList)
#include "tst_guestlist.moc"
