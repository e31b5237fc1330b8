// The head of sales' catalogue on a real encrypted database with the demo stock: seasons, children's
// rules and discounts saved as their differences (each a named mutation in the outbox, in one
// transaction), the booking dialog's prices following them at once, bad price lists refused with
// nothing written; the room stock edited (new building, category and room, a renamed category) and
// its mistakes refused (a room number twice in a building, a room without a category).
#include "kasp/booking/bookingservice.h"
#include "kasp/booking/catalogueservice.h"
#include "kasp/core/mutation.h"
#include "kasp/demo/demogenerator.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/replicastore.h"
#include "kasp/storage/userrepository.h"
#include "kasp/testsupport/testdb.h"

#include <QtTest>

using namespace kasp;

namespace {

const QDate kToday{2027, 3, 10};

class CatalogueClock : public Clock
{
public:
    QDateTime now() const override { return QDateTime(kToday, QTime(11, 0), Qt::UTC); }
};

Stay stay(QDate in, int nights)
{
    return Stay::make(in, in.addDays(nights)).value();
}

} // namespace

class TestCatalogue : public QObject
{
    Q_OBJECT

    CatalogueClock clock;
    test::TestDatabase t;
    std::unique_ptr<booking::BookingService> bookings;
    std::unique_ptr<booking::CatalogueService> catalogue;
    Room room;             // a double room
    RoomCategory category; // its category

    QList<storage::OutboxEntry> outbox() { return storage::Outbox(t.db).pending(100000).value(); }
    QStringList newMutations(int before)
    {
        QStringList names;
        const auto all = outbox();
        for (int i = before; i < all.size(); ++i)
            names.append(all[i].name);
        return names;
    }

    Tariff summer()
    {
        Tariff s;
        s.id = newId();
        s.categoryId = category.id;
        s.season = QStringLiteral("Лето 2027");
        s.from = QDate(2027, 6, 1);
        s.to = QDate(2027, 9, 1);
        s.mainBed = Money::fromRubles(4000);
        s.extraBed = Money::fromRubles(2800);
        s.meals = {{MealPlan::FullBoard, Money::fromRubles(1500)}};
        s.treatments = {{TreatmentProfile::General, Money::fromRubles(1000)}};
        s.minNights = 10;
        return s;
    }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        t = test::TestDatabase::create(QStringLiteral("catalogue"));
        demo::DemoOptions options;
        options.guests = 200;
        options.today = kToday;
        QVERIFY(demo::generateDemo(t.db, options).ok());
        Id head;
        for (const User &u : storage::UserRepository(t.db, clock).all().value())
            if (u.role == Role::HeadOfSales)
                head = u.id;
        bookings = std::make_unique<booking::BookingService>(t.db, clock, head);
        catalogue = std::make_unique<booking::CatalogueService>(t.db, clock);
        const booking::RoomStock stock = bookings->roomStock().value();
        for (const Room &r : stock.rooms) // a double room: the cheapest categories may be singles
            if (stock.categories.value(r.categoryId).beds == 2) {
                room = r;
                break;
            }
        QVERIFY(!room.id.isNull());
        category = stock.categories.value(room.categoryId);
    }

    void seasonPricesTheStayAndIsOneMutation()
    {
        // Before: the base tariff, the category's bed-night price.
        const booking::Party two; // 2 adults, full board, general programme
        const Result<Quote> before = bookings->quote(room, stay({2027, 7, 1}, 14), two);
        QVERIFY(before.ok());
        QCOMPARE(before.value().total, category.pricePerBedNight * 28);

        const int queued = outbox().size();
        TariffBook book = catalogue->tariffs().value();
        QVERIFY(book.tariffs.isEmpty());
        book.tariffs.append(summer());
        QCOMPARE(catalogue->saveTariffs(book).value(), 1);
        QCOMPARE(newMutations(queued), QStringList{QStringLiteral("tariff.create")});
        // Stored exactly as the wire carries it: the replica's record is the codec's.
        auto stored =
            storage::ReplicaStore(t.db).load(sync::EntityKind::Tariff, idToString(book.tariffs[0].id));
        QVERIFY(stored.ok() && stored.value());
        QCOMPARE(*stored.value(), toJson(book.tariffs[0]));

        bookings->reloadStock();
        QVERIFY(bookings->roomStock().ok());
        // 14 summer nights x 2 adults x (4000 + 1500 + 1000).
        const Result<Quote> after = bookings->quote(room, stay({2027, 7, 1}, 14), two);
        QVERIFY2(after.ok(), after.ok() ? "" : qPrintable(after.error().message));
        QCOMPARE(after.value().total, Money::fromRubles(14 * 2 * 6500));
        // The season's minimum stay, with its name in the message.
        const Result<Quote> short_ = bookings->quote(room, stay({2027, 7, 1}, 7), two);
        QCOMPARE(short_.error().code, QStringLiteral("price.min_stay"));
        QVERIFY(short_.error().message.contains(QStringLiteral("Лето 2027")));
        // Outside its season this category now has no price: the head of sales must cover the year.
        QCOMPARE(bookings->quote(room, stay({2027, 10, 1}, 7), two).error().code,
                 QStringLiteral("price.no_tariff"));
        // Other categories still sell at their base tariff.
        const booking::RoomStock stock = bookings->roomStock().value();
        for (const Room &r : stock.rooms)
            if (r.categoryId != category.id && r.beds >= 2) {
                QVERIFY(bookings->quote(r, stay({2027, 10, 1}, 7), two).ok());
                break;
            }
    }

    void changesAreUpdatesOfTheChangedFieldsOnly()
    {
        TariffBook book = catalogue->tariffs().value();
        QCOMPARE(book.tariffs.size(), 1);
        const int queued = outbox().size();
        book.tariffs[0].mainBed = Money::fromRubles(4200);
        QCOMPARE(catalogue->saveTariffs(book).value(), 1);
        const auto entries = outbox();
        QCOMPARE(entries.size(), queued + 1);
        QCOMPARE(entries.last().name, QStringLiteral("tariff.update"));
        QCOMPARE(entries.last().args.keys(), (QStringList{QStringLiteral("id"), QStringLiteral("mainBed")}));
        QCOMPARE(entries.last().args.value(QStringLiteral("mainBed")).toInteger(), 420000);
        // Saving the same book again writes nothing.
        QCOMPARE(catalogue->saveTariffs(catalogue->tariffs().value()).value(), 0);
        QCOMPARE(outbox().size(), queued + 1);
    }

    void discountsAndChildRules()
    {
        TariffBook book = catalogue->tariffs().value();
        Discount promo;
        promo.id = newId();
        promo.kind = Discount::Kind::PromoCode;
        promo.percent = 10;
        promo.code = QStringLiteral("ЛЕТО10");
        book.discounts.append(promo);
        book.childRules = {{0, 5, 0, false, newId()}, {6, 17, 50, true, newId()}};
        const int queued = outbox().size();
        QCOMPARE(catalogue->saveTariffs(book).value(), 3);
        QCOMPARE(newMutations(queued),
                 (QStringList{QStringLiteral("child_rule.create"), QStringLiteral("child_rule.create"),
                              QStringLiteral("discount.create")}));
        bookings->reloadStock();
        QVERIFY(bookings->roomStock().ok());
        booking::Party party;
        party.adults = 1;
        party.childAges = {8};
        party.promoCode = QStringLiteral("лето10");
        // (4200 + 1500 + 1000) x (1 adult + a child at 50 %) x 10 nights, less 10 %.
        const Result<Quote> q = bookings->quote(room, stay({2027, 7, 1}, 10), party);
        QVERIFY2(q.ok(), q.ok() ? "" : qPrintable(q.error().message));
        QCOMPARE(q.value().total, Money::fromRubles(6700 * 15 / 10 * 10).percent(90));

        // A rule removed is a delete.
        book = catalogue->tariffs().value();
        book.childRules.removeLast();
        QCOMPARE(catalogue->saveTariffs(book).value(), 1);
        QCOMPARE(outbox().last().name, QStringLiteral("child_rule.delete"));
    }

    void badPriceListsAreRefusedWholeAndWriteNothing()
    {
        const TariffBook good = catalogue->tariffs().value();
        const int queued = outbox().size();

        TariffBook overlap = good;
        Tariff autumn = summer();
        autumn.season = QStringLiteral("Осень 2027");
        autumn.from = QDate(2027, 8, 25); // a week inside summer
        autumn.to = QDate(2027, 11, 1);
        overlap.tariffs.append(autumn);
        overlap.tariffs[0].mainBed = Money::fromRubles(5000); // a good change in the same save
        const Result<int> refused = catalogue->saveTariffs(overlap);
        QCOMPARE(refused.error().code, QStringLiteral("tariff.season_overlap"));
        QVERIFY2(refused.error().message.contains(category.name), qPrintable(refused.error().message));

        TariffBook orphan = good;
        Tariff stray = summer();
        stray.categoryId = newId();
        stray.from = QDate(2028, 1, 1);
        stray.to = QDate(2028, 2, 1);
        orphan.tariffs.append(stray);
        QCOMPARE(catalogue->saveTariffs(orphan).error().code, QStringLiteral("tariff.unknown_category"));

        QCOMPARE(outbox().size(), queued);
        QCOMPARE(catalogue->tariffs().value().tariffs.size(), good.tariffs.size());
        QCOMPARE(catalogue->tariffs().value().tariffs[0].mainBed, good.tariffs[0].mainBed);
    }

    void aColleaguesSyncedChangesSurviveTheEditorsSave()
    {
        const TariffBook opened = catalogue->tariffs().value(); // the editor opens
        QCOMPARE(opened.tariffs.size(), 1);
        // Meanwhile a sync brings a colleague's changes: a long-stay discount, summer's extra bed.
        TariffBook theirs = opened;
        Discount longStay;
        longStay.id = newId();
        longStay.kind = Discount::Kind::LongStay;
        longStay.percent = 6;
        longStay.minNights = 14;
        theirs.discounts.append(longStay);
        theirs.tariffs[0].extraBed = Money::fromRubles(3100);
        QVERIFY(catalogue->saveTariffs(theirs).ok());
        // The editor changed only summer's minimum stay.
        TariffBook mine = opened;
        mine.tariffs[0].minNights = 12;
        const int queued = outbox().size();
        QCOMPARE(catalogue->saveTariffs(mine, opened).value(), 1);
        QCOMPARE(outbox().size(), queued + 1);
        QCOMPARE(outbox().last().args.keys(),
                 (QStringList{QStringLiteral("id"), QStringLiteral("minNights")}));
        const TariffBook now = catalogue->tariffs().value();
        QCOMPARE(now.tariffs[0].minNights, 12);
        QCOMPARE(now.tariffs[0].extraBed, Money::fromRubles(3100));  // the colleague's price stays
        QCOMPARE(now.discounts.size(), opened.discounts.size() + 1); // and their discount
    }

    void writesAreOrderedSoEachFitsAlone()
    {
        // The sync server checks each price mutation against what it holds, so a save's writes
        // must never pass through two seasons sharing a night, whatever order the editor lists
        // them in.
        TariffBook book = catalogue->tariffs().value();
        QCOMPARE(book.tariffs.size(), 1);
        Tariff autumn = summer();
        autumn.season = QStringLiteral("Осень 2027");
        autumn.from = book.tariffs[0].to;
        autumn.to = QDate(2027, 11, 1);
        book.tariffs.append(autumn);
        QVERIFY(catalogue->saveTariffs(book).ok());

        auto replayedOk = [&](int from, const TariffBook &before) {
            TariffBook state = before;
            const auto all = outbox();
            for (int i = from; i < all.size(); ++i) {
                const QString id = all[i].args.value(QStringLiteral("id")).toString();
                auto at = std::find_if(state.tariffs.begin(), state.tariffs.end(),
                                       [&](const Tariff &t) { return idToString(t.id) == id; });
                if (all[i].name == QLatin1String("tariff.delete")) {
                    state.tariffs.erase(at);
                    continue;
                }
                QJsonObject json = at == state.tariffs.end() ? QJsonObject{} : toJson(*at);
                for (auto it = all[i].args.begin(); it != all[i].args.end(); ++it)
                    json.insert(it.key(), it.value());
                const Tariff next = tariffFromJson(json).value();
                if (auto s = checkAgainstBook(next, state); !s.ok()) {
                    qWarning() << all[i].name << s.error().message;
                    return false;
                }
                if (at == state.tariffs.end())
                    state.tariffs.append(next);
                else
                    *at = next;
            }
            return true;
        };

        // Summer ends two weeks earlier and autumn starts then; the editor lists autumn first.
        const TariffBook before = catalogue->tariffs().value();
        TariffBook shifted = before;
        std::sort(shifted.tariffs.begin(), shifted.tariffs.end(),
                  [](const Tariff &a, const Tariff &b) { return a.from > b.from; });
        shifted.tariffs[1].to = QDate(2027, 8, 15);
        shifted.tariffs[0].from = QDate(2027, 8, 15);
        int queued = outbox().size();
        QCOMPARE(catalogue->saveTariffs(shifted, before).value(), 2);
        QVERIFY(replayedOk(queued, before));

        // Two seasons swap their dates: no order fits, so one is written again under a new id.
        const TariffBook beforeSwap = catalogue->tariffs().value();
        TariffBook swapped = beforeSwap;
        std::swap(swapped.tariffs[0].from, swapped.tariffs[1].from);
        std::swap(swapped.tariffs[0].to, swapped.tariffs[1].to);
        queued = outbox().size();
        QVERIFY(catalogue->saveTariffs(swapped, beforeSwap).ok());
        QVERIFY(replayedOk(queued, beforeSwap));
        const TariffBook now = catalogue->tariffs().value();
        QCOMPARE(now.tariffs.size(), 2);
        for (const Tariff &t : swapped.tariffs) { // every season at its new dates, by name
            auto it = std::find_if(now.tariffs.begin(), now.tariffs.end(),
                                   [&](const Tariff &n) { return n.season == t.season; });
            QVERIFY(it != now.tariffs.end());
            QCOMPARE(it->from, t.from);
            QCOMPARE(it->to, t.to);
        }

        // Put the single summer back for the tests that follow.
        TariffBook restore = now;
        restore.tariffs.removeIf(
            [](const Tariff &t) { return t.season.startsWith(QStringLiteral("Осень")); });
        restore.tariffs[0].from = QDate(2027, 6, 1);
        restore.tariffs[0].to = QDate(2027, 9, 1);
        QVERIFY(catalogue->saveTariffs(restore, now).ok());
        QCOMPARE(catalogue->tariffs().value().tariffs.size(), 1);
    }

    void aColleaguesClashingSeasonRefusesTheSave()
    {
        const TariffBook opened = catalogue->tariffs().value(); // the editor opens
        // Meanwhile a sync brings a colleague's autumn from 1 September.
        TariffBook theirs = opened;
        Tariff autumn = summer();
        autumn.season = QStringLiteral("Осень 2027");
        autumn.from = QDate(2027, 9, 1);
        autumn.to = QDate(2027, 11, 1);
        theirs.tariffs.append(autumn);
        QVERIFY(catalogue->saveTariffs(theirs).ok());
        // The editor, not knowing, stretches summer to mid-September and adds a promo code.
        TariffBook mine = opened;
        mine.tariffs[0].to = QDate(2027, 9, 15);
        mine.discounts.append(
            Discount{Discount::Kind::PromoCode, 5, 0, QStringLiteral("ВЕРЕСК"), {}, {}, newId()});
        const int queued = outbox().size();
        const Result<int> refused = catalogue->saveTariffs(mine, opened);
        QCOMPARE(refused.error().code, QStringLiteral("tariff.season_overlap"));
        QVERIFY2(refused.error().message.contains(QStringLiteral("Осень 2027")),
                 qPrintable(refused.error().message));
        QCOMPARE(outbox().size(), queued); // nothing of the save is written
        const TariffBook now = catalogue->tariffs().value();
        QCOMPARE(now.tariffs.size(), 2);
        QCOMPARE(now.discounts.size(), opened.discounts.size());

        TariffBook restore = now; // back to the single summer
        restore.tariffs.removeIf(
            [](const Tariff &t) { return t.season.startsWith(QStringLiteral("Осень")); });
        QVERIFY(catalogue->saveTariffs(restore, now).ok());
    }

    void aColleaguesNewDatesAreOrderedByWhatWillBeStored()
    {
        const TariffBook opened = catalogue->tariffs().value(); // summer, 1 June - 1 September
        // A colleague ends summer on 1 August and adds autumn from then.
        TariffBook theirs = opened;
        theirs.tariffs[0].to = QDate(2027, 8, 1);
        Tariff autumn = summer();
        autumn.season = QStringLiteral("Осень 2027");
        autumn.from = QDate(2027, 8, 1);
        autumn.to = QDate(2027, 11, 1);
        theirs.tariffs.append(autumn);
        QVERIFY(catalogue->saveTariffs(theirs).ok());
        // The editor, opened before that, only reprices summer. Its summer still ends in September,
        // but what will be stored keeps the colleague's dates: no clash, one update of one field.
        TariffBook mine = opened;
        mine.tariffs[0].mainBed = opened.tariffs[0].mainBed + Money::fromRubles(150);
        const int queued = outbox().size();
        const Result<int> saved = catalogue->saveTariffs(mine, opened);
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
        QCOMPARE(outbox().size(), queued + 1);
        QCOMPARE(outbox().last().name, QStringLiteral("tariff.update"));
        QCOMPARE(outbox().last().args.keys(), (QStringList{QStringLiteral("id"), QStringLiteral("mainBed")}));
        const TariffBook now = catalogue->tariffs().value();
        QCOMPARE(now.tariffs.size(), 2);
        QCOMPARE(now.tariffs[0].to, QDate(2027, 8, 1));
        QCOMPARE(now.tariffs[0].mainBed, mine.tariffs[0].mainBed);

        TariffBook restore = now; // back to the single summer
        restore.tariffs.removeIf(
            [](const Tariff &t) { return t.season.startsWith(QStringLiteral("Осень")); });
        restore.tariffs[0].to = QDate(2027, 9, 1);
        QVERIFY(catalogue->saveTariffs(restore, now).ok());
    }

    void roomStockGrowsAndIsRenamed()
    {
        booking::RoomStock stock = catalogue->stock().value();
        const int rooms = stock.rooms.size();
        const int queued = outbox().size();
        Building villa{newId(), QStringLiteral("Вилла «Родник»"), QStringLiteral("ул. Курортная, 3")};
        RoomCategory cottage{newId(), QStringLiteral("cottage"), QStringLiteral("Коттедж"), 4,
                             2,       Money::fromRubles(9000)};
        Room one{newId(), villa.id, cottage.id, QStringLiteral("В-1"), 1, 4};
        stock.buildings.append(villa);
        stock.categories.insert(cottage.id, cottage);
        stock.rooms.append(one);
        stock.categories[category.id].name = category.name + QStringLiteral(" (обновлён)");
        QCOMPARE(catalogue->saveStock(stock).value(), 4);
        QStringList written = newMutations(queued);
        QCOMPARE(written.first(), QStringLiteral("building.create")); // parents before the room
        QCOMPARE(written.last(), QStringLiteral("room.create"));
        written.sort();
        QCOMPARE(written, (QStringList{QStringLiteral("building.create"), QStringLiteral("room.create"),
                                       QStringLiteral("room_category.create"),
                                       QStringLiteral("room_category.update")}));

        bookings->reloadStock();
        const booking::RoomStock after = bookings->roomStock().value();
        QCOMPARE(after.rooms.size(), rooms + 1);
        QCOMPARE(after.categories.value(category.id).name, category.name + QStringLiteral(" (обновлён)"));
        // The new cottage sells at once, at its base tariff: 4 adults x 9000 x 7.
        booking::Party four;
        four.adults = 4;
        const Result<Quote> q = bookings->quote(one, stay({2027, 10, 1}, 7), four);
        QVERIFY2(q.ok(), q.ok() ? "" : qPrintable(q.error().message));
        QCOMPARE(q.value().total, Money::fromRubles(4 * 9000 * 7));
    }

    void stockMistakesAreRefused()
    {
        const booking::RoomStock good = catalogue->stock().value();
        const int queued = outbox().size();

        booking::RoomStock twice = good;
        Room copy = good.rooms.first();
        copy.id = newId();
        copy.number = QStringLiteral(" ") + copy.number; // spaces do not make it another room
        twice.rooms.append(copy);
        QCOMPARE(catalogue->saveStock(twice).error().code, QStringLiteral("stock.duplicate_room"));

        booking::RoomStock noCategory = good;
        Room stray = good.rooms.first();
        stray.id = newId();
        stray.number = QStringLiteral("999");
        stray.categoryId = newId();
        noCategory.rooms.append(stray);
        QCOMPARE(catalogue->saveStock(noCategory).error().code, QStringLiteral("stock.no_category"));

        booking::RoomStock badBeds = good;
        badBeds.categories[category.id].beds = 0;
        QCOMPARE(catalogue->saveStock(badBeds).error().code, QStringLiteral("stock.bad_beds"));

        booking::RoomStock sameCode = good;
        RoomCategory clash = good.categories.value(category.id);
        clash.id = newId();
        clash.name = QStringLiteral("Другая");
        sameCode.categories.insert(clash.id, clash);
        QCOMPARE(catalogue->saveStock(sameCode).error().code, QStringLiteral("stock.duplicate_code"));

        QCOMPARE(outbox().size(), queued);
    }

    void cleanupTestCase()
    {
        bookings.reset();
        catalogue.reset();
        t.close();
    }
};

QTEST_GUILESS_MAIN(TestCatalogue)
#include "tst_catalogue.moc"
