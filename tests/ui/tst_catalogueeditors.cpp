// The head of sales' editors under Xvfb, in Russian, on the demo base: a season added in the tariff
// editor (dates, prices, a cardiology programme ticked) prices the booking dialog's stay; a season
// over another one is refused in the dialog, which stays open with nothing written; a discount with
// a malformed date is refused; a room added next to another one sells at once, a duplicate number
// is refused; consultants do not get the editors. Screenshots: KASP_SCREENSHOT_DIR.
#include "appcontext.h"
#include "catalogueactions.h"
#include "clippedtexts.h"
#include "kasp/booking/bookingservice.h"
#include "kasp/booking/catalogueservice.h"
#include "kasp/booking/ui/roomstockdialog.h"
#include "kasp/booking/ui/tariffeditordialog.h"
#include "kasp/crm/guestservice.h"
#include "kasp/demo/demogenerator.h"
#include "kasp/session/settings.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/userrepository.h"
#include "kasp/testsupport/testdb.h"
#include "mainwindow.h"
#include "translations.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QtTest>

using namespace kasp;

namespace {

const QDate kToday{2027, 3, 10};

class EditorClock : public Clock
{
public:
    QDateTime now() const override { return QDateTime(kToday, QTime(10, 0), Qt::UTC); }
};

void saveShot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariableIsEmpty("KASP_SCREENSHOT_DIR")
                            ? test::makeTempDir(QStringLiteral("shots"))
                            : qEnvironmentVariable("KASP_SCREENSHOT_DIR");
    QVERIFY(w->grab().save(dir + QLatin1Char('/') + name));
}

void setCell(QTableWidget *table, int row, int column, const QVariant &value)
{
    table->item(row, column)->setData(Qt::EditRole, value);
}

} // namespace

class TestCatalogueEditors : public QObject
{
    Q_OBJECT
    test::TestDatabase t;
    EditorClock clock;
    User head, consultant;
    std::unique_ptr<booking::BookingService> service;
    std::unique_ptr<booking::CatalogueService> catalogue;

    qint64 queued() { return storage::Outbox(t.db).pendingCount().value(); }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QVERIFY(app::installTranslations(QStringLiteral("ru")));
        t = test::TestDatabase::create(QStringLiteral("editors"));
        demo::DemoOptions options;
        options.guests = 300;
        options.today = kToday;
        QVERIFY(demo::generateDemo(t.db, options).ok());
        for (const User &u : storage::UserRepository(t.db, clock).all().value()) {
            if (u.role == Role::HeadOfSales && head.id.isNull())
                head = u;
            if (u.role == Role::Consultant && consultant.id.isNull())
                consultant = u;
        }
        service = std::make_unique<booking::BookingService>(t.db, clock, head.id);
        catalogue = std::make_unique<booking::CatalogueService>(t.db, clock);
    }

    void aSeasonEnteredInTheEditorPricesTheStay()
    {
        booking::ui::TariffEditorDialog dialog(*catalogue, clock);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *category = dialog.findChild<QComboBox *>(QStringLiteral("category"));
        auto *seasons = dialog.findChild<QTableWidget *>(QStringLiteral("seasons"));
        QVERIFY(category && seasons);
        // A double room's category (the cheapest ones may be singles).
        const booking::RoomStock stock = service->roomStock().value();
        Room room;
        for (const Room &r : stock.rooms)
            if (stock.categories.value(r.categoryId).beds == 2) {
                room = r;
                break;
            }
        category->setCurrentIndex(category->findData(idToString(room.categoryId)));
        QCOMPARE(seasons->rowCount(), 0);
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("baseNote"))
                    ->text()
                    .contains(QStringLiteral("круглый год")));

        dialog.findChild<QPushButton *>(QStringLiteral("addSeason"))->click();
        QCOMPARE(seasons->rowCount(), 1);
        QApplication::processEvents();
        seasons->closePersistentEditor(seasons->item(0, 0));
        seasons->item(0, 0)->setText(QStringLiteral("Лето 2027"));
        setCell(seasons, 0, 1, QDate(2027, 6, 1));
        setCell(seasons, 0, 2, QDate(2027, 8, 31)); // the last night
        setCell(seasons, 0, 3, 4000.0);
        setCell(seasons, 0, 4, 2800.0);
        setCell(seasons, 0, 5, 7);
        seasons->selectRow(0);
        // Cardiology sold at 2000 ₽ per person per night.
        auto *cardio = dialog.findChild<QCheckBox *>(QStringLiteral("treatment_cardiology"));
        auto *cardioPrice = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("treatment_cardiology_price"));
        QVERIFY(cardio && cardioPrice);
        QCOMPARE(cardio->text(), QStringLiteral("Кардиология"));
        QVERIFY(!cardioPrice->isEnabled()); // not sold yet
        cardio->setChecked(true);
        QVERIFY(cardioPrice->isEnabled());
        cardioPrice->setValue(2000);
        saveShot(&dialog, QStringLiteral("tariff-editor.png"));
        const QStringList clipped = test::clippedTexts(&dialog);
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral(" | "))));

        const qint64 before = queued();
        dialog.findChild<QPushButton *>(QStringLiteral("saveButton"))->click();
        QVERIFY2(dialog.result() == QDialog::Accepted,
                 qPrintable(dialog.findChild<QLabel *>(QStringLiteral("error"))->text()));
        QCOMPARE(dialog.written(), 3); // the season, and the base children's rules now kept
        QCOMPARE(queued(), before + 3);

        service->reloadStock();
        QVERIFY(service->roomStock().ok());
        booking::Party party;
        party.treatment = TreatmentProfile::Cardiology;
        party.meals = MealPlan::FullBoard; // included (0 ₽) in a new season
        const Result<Quote> q = service->quote(room, Stay::make({2027, 7, 1}, {2027, 7, 11}).value(), party);
        QVERIFY2(q.ok(), q.ok() ? "" : qPrintable(q.error().message));
        QCOMPARE(q.value().total, Money::fromRubles(10 * 2 * (4000 + 2000)));
    }

    void anOverlappingSeasonIsShownAndNothingIsWritten()
    {
        booking::ui::TariffEditorDialog dialog(*catalogue, clock);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *category = dialog.findChild<QComboBox *>(QStringLiteral("category"));
        auto *seasons = dialog.findChild<QTableWidget *>(QStringLiteral("seasons"));
        for (int i = 0; i < category->count() && seasons->rowCount() == 0; ++i)
            category->setCurrentIndex(i);
        QCOMPARE(seasons->rowCount(), 1);
        dialog.findChild<QPushButton *>(QStringLiteral("addSeason"))->click();
        QCOMPARE(seasons->rowCount(), 2);
        setCell(seasons, 1, 1, QDate(2027, 8, 1)); // inside summer
        setCell(seasons, 1, 2, QDate(2027, 10, 31));
        const qint64 before = queued();
        dialog.findChild<QPushButton *>(QStringLiteral("saveButton"))->click();
        QVERIFY(dialog.isVisible());
        const QString error = dialog.findChild<QLabel *>(QStringLiteral("error"))->text();
        QVERIFY2(error.contains(QStringLiteral("Лето 2027")) && error.contains(QStringLiteral("01.08.2027")),
                 qPrintable(error));
        QCOMPARE(queued(), before);
        saveShot(&dialog, QStringLiteral("tariff-editor-overlap.png"));

        // A discount with a date that is not one.
        dialog.findChild<QPushButton *>(QStringLiteral("removeSeason"))->click();
        dialog.findChild<QPushButton *>(QStringLiteral("addDiscount"))->click();
        auto *discounts = dialog.findChild<QTableWidget *>(QStringLiteral("discounts"));
        discounts->item(0, 3)->setText(QStringLiteral("ВЕСНА"));
        discounts->item(0, 4)->setText(QStringLiteral("31.02.2027"));
        dialog.findChild<QPushButton *>(QStringLiteral("saveButton"))->click();
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("error"))
                    ->text()
                    .contains(QStringLiteral("01.06.2027")));
        QCOMPARE(queued(), before);
    }

    void aRoomAddedInTheStockEditorSells()
    {
        booking::ui::RoomStockDialog dialog(*catalogue);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *rooms = dialog.findChild<QTableWidget *>(QStringLiteral("rooms"));
        const int count = rooms->rowCount();
        QCOMPARE(count, service->roomStock().value().rooms.size());
        rooms->setCurrentCell(0, 0);
        dialog.findChild<QPushButton *>(QStringLiteral("addRoom"))->click();
        QCOMPARE(rooms->rowCount(), count + 1);
        QCOMPARE(rooms->item(count, 2)->text(), rooms->item(0, 2)->text()); // next to the selected room
        rooms->closePersistentEditor(rooms->item(count, 0));
        rooms->item(count, 0)->setText(rooms->item(0, 0)->text()); // the same number: refused
        dialog.findChild<QPushButton *>(QStringLiteral("saveButton"))->click();
        QVERIFY(dialog.isVisible());
        QVERIFY(
            dialog.findChild<QLabel *>(QStringLiteral("error"))->text().contains(rooms->item(0, 0)->text()));
        rooms->item(count, 0)->setText(QStringLiteral("777"));
        saveShot(&dialog, QStringLiteral("room-stock.png"));
        const QStringList clipped = test::clippedTexts(&dialog);
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral(" | "))));
        dialog.findChild<QPushButton *>(QStringLiteral("saveButton"))->click();
        QVERIFY2(dialog.result() == QDialog::Accepted,
                 qPrintable(dialog.findChild<QLabel *>(QStringLiteral("error"))->text()));
        QCOMPARE(dialog.written(), 1);
        service->reloadStock();
        bool found = false;
        for (const Room &r : service->roomStock().value().rooms)
            found = found || r.number == QStringLiteral("777");
        QVERIFY(found);
    }

    void onlyTheHeadOfSalesGetsTheEditors()
    {
        session::Settings settings(test::makeTempDir(QStringLiteral("settings")) +
                                   QStringLiteral("/kasp.ini"));
        for (const User &user : {head, consultant}) {
            app::AppContext context(t.db, clock, user, settings);
            app::MainWindow window(context);
            auto *tariffs = window.findChild<QAction *>(QStringLiteral("tariffsAction"));
            auto *stock = window.findChild<QAction *>(QStringLiteral("stockAction"));
            QVERIFY(tariffs && stock);
            QCOMPARE(tariffs->isEnabled(), user.role == Role::HeadOfSales);
            QCOMPARE(stock->isEnabled(), user.role == Role::HeadOfSales);
        }
    }

    void cleanupTestCase()
    {
        service.reset();
        catalogue.reset();
        t.close();
    }
};

QTEST_MAIN(TestCatalogueEditors)
#include "tst_catalogueeditors.moc"
