// The Гости tab's filter bar (issue 21) under Xvfb, in Russian, on a demo base with the desk's clock
// on 10 February 2027: each filter ticked as a consultant ticks it (my guests, birthdays this month,
// a tag, a segment, the last stay in a period, the search text), then together; the rows shown and
// the count against the base asked directly (from the bookings, not the list's own summary);
// «Сбросить»; the export writes what the list shows; the bar fits at the window's minimum width.
#include "appcontext.h"
#include "clippedtexts.h"
#include "kasp/crm/ui/guestlistpanel.h"
#include "kasp/demo/demogenerator.h"
#include "kasp/session/settings.h"
#include "kasp/storage/userrepository.h"
#include "kasp/testsupport/testdb.h"
#include "kasp/testsupport/xlsxfixture.h"
#include "mainwindow.h"
#include "translations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableView>
#include <QtTest>

using namespace kasp;

class TestGuestListFilters : public QObject
{
    Q_OBJECT
    test::TestDatabase t;
    FixedClock clock{QDateTime(QDate(2027, 2, 10), QTime(9, 0), Qt::UTC)};
    std::unique_ptr<session::Settings> settings;
    User consultant;
    std::unique_ptr<app::AppContext> context;
    std::unique_ptr<app::MainWindow> window;
    crm::ui::GuestListPanel *panel = nullptr;

    template <typename W> W *child(const char *name)
    {
        auto *w = panel->findChild<W *>(QLatin1String(name));
        if (!w)
            qFatal("no %s", name);
        return w;
    }

    // The guests the base says pass, alphabetically as the list orders them.
    QList<Id> expected(const QString &where, const QVariantList &values = {})
    {
        QSqlQuery q(t.db);
        if (!q.prepare(QStringLiteral("SELECT g.id FROM guests g WHERE %1 ORDER BY g.search_name, g.rowid")
                           .arg(where)))
            qFatal("prepare %s", qPrintable(where));
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec())
            qFatal("exec %s", qPrintable(where));
        QList<Id> ids;
        while (q.next())
            ids.append(idFromString(q.value(0).toString()));
        return ids;
    }

    QList<Id> shownIds()
    {
        auto *model = panel->model();
        model->finishIndexing();
        QList<Id> ids;
        for (int row = 0; row < model->rowCount(); ++row)
            ids.append(model->data(model->index(row, 0), crm::ui::GuestListModel::IdRole).value<Id>());
        return ids;
    }

    void checkShown(const QList<Id> &want, const char *what)
    {
        const QList<Id> shown = shownIds();
        QVERIFY2(shown == want, qPrintable(QStringLiteral("%1: shown %2, expected %3")
                                               .arg(QLatin1String(what))
                                               .arg(shown.size())
                                               .arg(want.size())));
        const QString status = child<QLabel>("guestListStatus")->text();
        QVERIFY2(status ==
                     QStringLiteral("Показано гостей: %1 (по фильтрам)").arg(QLocale().toString(want.size())),
                 qPrintable(status));
        QVERIFY(child<QPushButton>("guestListReset")->isEnabled());
    }

    void click(QAbstractButton *button)
    {
        QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(8, button->height() / 2));
    }

    void reset()
    {
        click(child<QPushButton>("guestListReset"));
        QVERIFY(!child<QPushButton>("guestListReset")->isEnabled());
        QCOMPARE(panel->model()->rowCount(), 400);
    }

    void shoot(const QString &name)
    {
        if (!qEnvironmentVariableIsEmpty("KASP_SCREENSHOT_DIR"))
            window->grab().save(qEnvironmentVariable("KASP_SCREENSHOT_DIR") + u'/' + name);
    }

    const QString bought = QStringLiteral("('prepaid', 'paid', 'checked_in')");

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QVERIFY(app::installTranslations(QStringLiteral("ru")));
        t = test::TestDatabase::create(QStringLiteral("filters"));
        demo::DemoOptions options;
        options.guests = 400;
        options.today = clock.today();
        QVERIFY(demo::generateDemo(t.db, options).ok());
        settings = std::make_unique<session::Settings>(test::makeTempDir(QStringLiteral("settings")) +
                                                       QStringLiteral("/k.ini"));
        for (const User &u : storage::UserRepository(t.db, clock).all().value())
            if (u.role == Role::Consultant && consultant.id.isNull())
                consultant = u;
        QVERIFY(!consultant.id.isNull());
        context = std::make_unique<app::AppContext>(t.db, clock, consultant, *settings,
                                                    app::DatabaseInfo{t.path, 1, true});
        window = std::make_unique<app::MainWindow>(*context);
        window->resize(1366, 768);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->showGuestList();
        panel = window->guestList();
        QCOMPARE(panel->model()->rowCount(), 400);
        QVERIFY(!child<QPushButton>("guestListReset")->isEnabled());
    }

    void myGuests()
    {
        click(child<QCheckBox>("guestListMine"));
        const QList<Id> mine = expected(QStringLiteral("g.manager_id = ?"), {idToString(consultant.id)});
        QVERIFY(mine.size() > 10 && mine.size() < 400);
        checkShown(mine, "my guests");
        reset();
    }

    void birthdaysThisMonth()
    {
        click(child<QCheckBox>("guestListBirthdays"));
        const QList<Id> born = expected(QStringLiteral("substr(g.birth_date, 6, 2) = '02'"));
        QVERIFY(!born.isEmpty());
        checkShown(born, "born in February");
        shoot(QStringLiteral("guestlist-birthdays-1366.png"));
        reset();
    }

    void aTag()
    {
        auto *tags = child<QComboBox>("guestListTag");
        QVERIFY(tags->count() > 2); // «любой» and the demo's tags
        QCOMPARE(tags->itemText(0), QStringLiteral("любой"));
        tags->setCurrentIndex(2);
        const QString tag = tags->currentText();
        checkShown(expected(QStringLiteral("g.id IN (SELECT guest_id FROM guest_tags WHERE tag = ?)"), {tag}),
                   "a tag");
        reset();
        QCOMPARE(tags->currentIndex(), 0);
    }

    void segments()
    {
        auto *segment = child<QComboBox>("guestListSegment");
        QCOMPARE(segment->count(), 4);
        segment->setCurrentIndex(1);
        QCOMPARE(segment->currentText(), QStringLiteral("постоянные гости (уже отдыхали)"));
        checkShown(expected(QStringLiteral("EXISTS (SELECT 1 FROM bookings b WHERE b.guest_id = g.id AND "
                                           "b.status IN %1 AND b.check_out <= '2027-02-10')")
                                .arg(bought)),
                   "stayed before");
        segment->setCurrentIndex(2);
        checkShown(expected(QStringLiteral("EXISTS (SELECT 1 FROM bookings b WHERE b.guest_id = g.id AND "
                                           "b.status <> 'cancelled' AND b.check_in > '2027-02-10')")),
                   "a stay ahead");
        segment->setCurrentIndex(3);
        checkShown(expected(QStringLiteral("NOT EXISTS (SELECT 1 FROM bookings b WHERE b.guest_id = g.id AND "
                                           "b.status IN %1 AND b.check_in <= '2027-02-10')")
                                .arg(bought)),
                   "never stayed");
        reset();
    }

    void lastStayInAPeriod()
    {
        click(child<QCheckBox>("guestListLastStay"));
        QVERIFY(child<QDateEdit>("guestListStayFrom")->isEnabled());
        QCOMPARE(child<QDateEdit>("guestListStayFrom")->date(), QDate(2026, 2, 10));
        QCOMPARE(child<QDateEdit>("guestListStayTo")->date(), QDate(2027, 2, 10));
        const QString last =
            QStringLiteral("(SELECT max(b.check_in) FROM bookings b WHERE b.guest_id = g.id AND "
                           "b.status IN %1 AND b.check_in <= '2027-02-10') BETWEEN ? AND ?")
                .arg(bought);
        checkShown(expected(last, {QStringLiteral("2026-02-10"), QStringLiteral("2027-02-10")}),
                   "the last year");
        // A narrow period around the earliest last stay of the base: a few guests, not most.
        QSqlQuery q(t.db);
        QVERIFY(q.exec(QStringLiteral(
                           "SELECT min(last) FROM (SELECT (SELECT max(b.check_in) FROM bookings b "
                           "WHERE b.guest_id = g.id AND b.status IN %1 AND b.check_in <= '2027-02-10') "
                           "AS last FROM guests g) WHERE last IS NOT NULL")
                           .arg(bought)) &&
                q.next());
        const QDate earliest = QDate::fromString(q.value(0).toString(), Qt::ISODate);
        QVERIFY(earliest.isValid());
        child<QDateEdit>("guestListStayTo")->setDate(earliest.addDays(90));
        child<QDateEdit>("guestListStayFrom")->setDate(earliest);
        const QList<Id> in2024 =
            expected(last, {earliest.toString(Qt::ISODate), earliest.addDays(90).toString(Qt::ISODate)});
        QVERIFY(!in2024.isEmpty());
        checkShown(in2024, "90 days from the earliest last stay");
        reset();
    }

    void filtersCombineWithTheText()
    {
        click(child<QCheckBox>("guestListMine"));
        click(child<QCheckBox>("guestListBirthdays"));
        const QString mineFeb = QStringLiteral("g.manager_id = ? AND substr(g.birth_date, 6, 2) = '02'");
        checkShown(expected(mineFeb, {idToString(consultant.id)}), "mine, born in February");
        // The first letter of the first of them, typed: fewer still, all of them starting with it.
        const QList<Id> both = shownIds();
        QVERIFY(!both.isEmpty());
        const QString letter =
            panel->model()->index(0, crm::ui::GuestListModel::NameColumn).data().toString().left(1);
        auto *text = child<QLineEdit>("guestListText");
        text->setFocus();
        text->insert(letter); // typed: QTest cannot type Cyrillic keys
        QTest::keyClick(text, Qt::Key_Return);
        Guest probe;
        probe.lastName = letter;
        checkShown(expected(mineFeb + QStringLiteral(" AND g.search_name >= ? AND g.search_name < ?"),
                            {idToString(consultant.id), probe.searchName(),
                             probe.searchName() + QString::fromUcs4(U"\U0010FFFF")}),
                   "mine, February, the letter");
        shoot(QStringLiteral("guestlist-combined-1366.png"));
        QVERIFY2(test::clippedTexts(child<QWidget>("guestListFilters")).isEmpty(),
                 qPrintable(test::clippedTexts(child<QWidget>("guestListFilters")).join(u'|')));

        // The window at its narrowest: the bar wraps, nothing is cut, the table keeps its room.
        window->resize(818, 768);
        QTRY_COMPARE(window->width(), std::max(818, window->minimumWidth()));
        QTest::qWait(50);
        QVERIFY2(test::clippedTexts(child<QWidget>("guestListFilters")).isEmpty(),
                 qPrintable(test::clippedTexts(child<QWidget>("guestListFilters")).join(u'|')));
        const QWidget *bar = child<QWidget>("guestListFilters");
        for (QWidget *w : bar->findChildren<QWidget *>())
            if (w->isVisible())
                QVERIFY2(bar->rect().contains(QRect(w->mapTo(bar, QPoint(0, 0)), w->size())),
                         qPrintable(w->objectName()));
        QVERIFY(panel->view()->height() > 200);
        shoot(QStringLiteral("guestlist-combined-818.png"));
        window->resize(1366, 768);
        reset();
        QVERIFY(text->text().isEmpty());
    }

    // The export writes what the list shows: the filtered guests, not the base.
    void theExportFollowsTheFilters()
    {
        click(child<QCheckBox>("guestListBirthdays"));
        const qint64 shown = panel->model()->guestCount();
        QVERIFY(shown > 0 && shown < 400);
        const QString path = test::makeTempDir(QStringLiteral("exports")) + QStringLiteral("/feb.csv");
        QCOMPARE(window->exportCurrentList(path), path);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QStringList> rows = test::csvRows(f.readAll());
        QCOMPARE(qint64(rows.size()), shown + 1);
        reset();
    }

    void cleanupTestCase()
    {
        window.reset();
        context.reset();
        t.close();
    }
};

QTEST_MAIN(TestGuestListFilters)
#include "tst_guestlistfilters.moc"
