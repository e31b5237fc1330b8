// The head of sales' price list and room stock between desktops, through a real kasp-sync on a
// throwaway PostgreSQL: seasons, children's rules, promo codes and a renamed category reach a
// consultant's desktop; a consultant's own discount is refused and rolled back; two heads of sales
// editing offline never leave two seasons pricing one night (the server checks each price record
// against the live list); a moved season boundary goes through in an order the server accepts.
// The deals' pipeline, also the head of sales' to set, and deals' moves between desktops.
#include "kasp/core/guestmerge.h"
#include "kasp/core/mutation.h"
#include "kasp/storage/dealrepository.h"
#include "kasp/storage/guestduplicates.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/roomrepository.h"
#include "kasp/storage/tariffrepository.h"
#include "kasp/storage/taskrepository.h"
#include "kasp/storage/touchrepository.h"
#include "kasp/testsupport/pgcluster.h"
#include "kasp/testsupport/syncserverprocess.h"
#include "syncdata.h"
#include "syncdesktop.h"

#include <QtTest>

using namespace kasp;
using namespace kasp::storage;
using test::Desktop;
using test::kPassword;

class TestSyncPriceList : public QObject
{
    Q_OBJECT
    test::PgCluster pg;
    std::unique_ptr<test::SyncServerProcess> server;
    std::unique_ptr<Desktop> head, anna, boris;
    RoomCategory category;

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QString error;
        QVERIFY2(pg.start(&error), qPrintable(error));
        server = std::make_unique<test::SyncServerProcess>(pg, QStringLiteral(KASP_SYNC_BINARY));
        QVERIFY2(server->initDb(&error), qPrintable(error));
        for (const auto &[login, role] : QList<std::pair<QString, QString>>{{"galina", "head_of_sales"},
                                                                            {"vera", "head_of_sales"},
                                                                            {"anna", "consultant"},
                                                                            {"boris", "consultant"}})
            QVERIFY2(server->addUser(QStringLiteral("Санаторий"), login, role, kPassword, &error),
                     qPrintable(error));
        QVERIFY2(server->start(&error), qPrintable(error));

        // The head of sales enters a category with one room; it reaches the server.
        head = std::make_unique<Desktop>(QStringLiteral("head"), server->baseUrl());
        QVERIFY(head->signIn(QStringLiteral("galina")));
        RoomRepository stock(head->t.db, head->clock);
        const Building b{newId(), QStringLiteral("Корпус 1"), {}};
        category = RoomCategory{newId(), QStringLiteral("std"),     QStringLiteral("Стандарт"), 2,
                                1,       Money::fromKopecks(350000)};
        QVERIFY(stock.addBuilding(b).ok());
        QVERIFY(stock.addCategory(category).ok());
        QVERIFY(stock.addRoom(Room{newId(), b.id, category.id, QStringLiteral("101"), 1, 2}).ok());
        QVERIFY(head->syncOnce());
        QCOMPARE(head->client->pendingCount(), 0);
        anna = std::make_unique<Desktop>(QStringLiteral("anna"), server->baseUrl());
        boris = std::make_unique<Desktop>(QStringLiteral("boris"), server->baseUrl());
        QVERIFY(anna->signIn(QStringLiteral("anna")));
        QVERIFY(boris->signIn(QStringLiteral("boris")));
        QVERIFY(anna->syncOnce());
        QVERIFY(boris->syncOnce());
    }

    void priceListAndStockEditsTravelAndOnlyTheHeadMakesThem()
    {
        // The head of sales enters a season, a children's rule and a promo code, and renames a
        // category; Boris's desktop prices with exactly that after a sync.
        TariffBook book;
        Tariff summer;
        summer.id = newId();
        summer.categoryId = category.id;
        summer.season = QStringLiteral("Лето 2028");
        summer.from = QDate(2028, 6, 1);
        summer.to = QDate(2028, 9, 1);
        summer.mainBed = Money::fromRubles(4100);
        summer.extraBed = Money::fromRubles(2900);
        summer.meals = {{MealPlan::FullBoard, Money::fromRubles(1600)}};
        summer.treatments = {{TreatmentProfile::Cardiology, Money::fromRubles(2200)}};
        summer.minNights = 10;
        book.tariffs = {summer};
        book.childRules = {{0, 4, 0, false, newId()}};
        Discount promo;
        promo.id = newId();
        promo.percent = 7;
        promo.code = QStringLiteral("РОДНИК");
        book.discounts = {promo};
        QCOMPARE(TariffRepository(head->t.db, head->clock).save(book).value(), 3);
        RoomCategory renamed = category;
        renamed.name = QStringLiteral("Стандарт с балконом");
        QVERIFY(RoomRepository(head->t.db, head->clock).updateCategory(renamed).value());
        QSignalSpy rejected(head->client.get(), &sync::SyncClient::mutationRejected);
        QVERIFY(head->syncOnce());
        QCOMPARE(rejected.size(), 0);
        QVERIFY(boris->syncOnce());
        auto seen = TariffRepository(boris->t.db, boris->clock).load();
        QVERIFY(seen.ok());
        QCOMPARE(seen.value().tariffs.size(), 1);
        QCOMPARE(toJson(seen.value().tariffs[0]), toJson(summer));
        QCOMPARE(toJson(seen.value().childRules.value(0)), toJson(book.childRules[0]));
        QCOMPARE(toJson(seen.value().discounts.value(0)), toJson(promo));
        QCOMPARE(RoomRepository(boris->t.db, boris->clock).categories().value().first().name, renamed.name);

        // A price change and a withdrawn promo code travel as an update and a delete.
        book.tariffs[0].mainBed = Money::fromRubles(4300);
        book.discounts.clear();
        QCOMPARE(TariffRepository(head->t.db, head->clock).save(book).value(), 2);
        QVERIFY(head->syncOnce());
        QVERIFY(boris->syncOnce());
        seen = TariffRepository(boris->t.db, boris->clock).load();
        QCOMPARE(seen.value().tariffs.value(0).mainBed, Money::fromRubles(4300));
        QVERIFY(seen.value().discounts.isEmpty());

        // A consultant's own discount is accepted locally, refused by the server, rolled back.
        QVERIFY(anna->syncOnce());
        TariffBook annas = TariffRepository(anna->t.db, anna->clock).load().value();
        Discount mine = promo;
        mine.id = newId();
        mine.code = QStringLiteral("ДРУЗЬЯ");
        annas.discounts.append(mine);
        QCOMPARE(TariffRepository(anna->t.db, anna->clock).save(annas).value(), 1);
        QSignalSpy forbidden(anna->client.get(), &sync::SyncClient::mutationRejected);
        QVERIFY(anna->syncOnce());
        QCOMPARE(forbidden.size(), 1);
        QCOMPARE(forbidden.first().at(2).toString(), QStringLiteral("auth.forbidden"));
        QVERIFY(TariffRepository(anna->t.db, anna->clock).load().value().discounts.isEmpty());
    }

    void twoHeadsOfSalesNeverLeaveTwoSeasonsOnOneNight()
    {
        // Galina and Vera both edit the price list offline. Each save is consistent on its own
        // desktop; together they would price September twice. The server takes the first and
        // refuses the second, which Vera's desktop rolls back.
        Desktop vera(QStringLiteral("vera"), server->baseUrl());
        QVERIFY(vera.signIn(QStringLiteral("vera")));
        QVERIFY(head->syncOnce());
        QVERIFY(vera.syncOnce());
        TariffRepository galinas(head->t.db, head->clock), veras(vera.t.db, vera.clock);
        const TariffBook common = galinas.load().value();
        QCOMPARE(veras.load().value().tariffs.size(), common.tariffs.size());
        const Tariff summer = common.tariffs.value(0); // 1 June - 1 September 2028
        QCOMPARE(summer.to, QDate(2028, 9, 1));

        auto withSeason = [&](const QString &name, QDate from, QDate to) {
            TariffBook book = common;
            Tariff t = summer;
            t.id = newId();
            t.season = name;
            t.from = from;
            t.to = to;
            book.tariffs.append(t);
            return book;
        };
        QVERIFY(
            galinas.save(withSeason(QStringLiteral("Осень 2028"), {2028, 9, 1}, {2028, 11, 1}), {}, common)
                .ok());
        QVERIFY(
            veras.save(withSeason(QStringLiteral("Бархатный сезон"), {2028, 9, 1}, {2028, 10, 1}), {}, common)
                .ok());
        QSignalSpy galinaRejected(head->client.get(), &sync::SyncClient::mutationRejected);
        QVERIFY(head->syncOnce());
        QCOMPARE(galinaRejected.size(), 0);
        QSignalSpy veraRejected(vera.client.get(), &sync::SyncClient::mutationRejected);
        QVERIFY(vera.syncOnce());
        QCOMPARE(veraRejected.size(), 1);
        QCOMPARE(veraRejected.first().at(2).toString(), QStringLiteral("tariff.season_overlap"));
        const QString message = veraRejected.first().at(3).toString();
        QVERIFY2(message.contains(QStringLiteral("Осень 2028")) &&
                     message.contains(QStringLiteral("Бархатный сезон")),
                 qPrintable(message));
        QVERIFY(vera.syncOnce());
        const TariffBook verasNow = veras.load().value();
        QCOMPARE(verasNow.tariffs.size(), 2); // summer and Galina's autumn; her own was rolled back
        QVERIFY(validateTariffBook(verasNow).ok());

        // Galina moves the boundary: summer ends on 15 August, autumn starts then. The writes
        // reach the server in an order where each fits (summer shrinks first), so none is refused.
        TariffBook shifted = galinas.load().value();
        for (Tariff &t : shifted.tariffs) {
            if (t.id == summer.id)
                t.to = QDate(2028, 8, 15);
            else
                t.from = QDate(2028, 8, 15);
        }
        std::sort(shifted.tariffs.begin(), shifted.tariffs.end(),
                  [](const Tariff &a, const Tariff &b) { return a.from > b.from; }); // autumn listed first
        QVERIFY(galinas.save(shifted, {}, galinas.load().value()).ok());
        QVERIFY(head->syncOnce());
        QCOMPARE(galinaRejected.size(), 0);
        QVERIFY(boris->syncOnce());
        const TariffBook borisSees = TariffRepository(boris->t.db, boris->clock).load().value();
        QCOMPARE(borisSees.tariffs.size(), 2);
        QVERIFY(validateTariffBook(borisSees).ok());
        QCOMPARE(borisSees.tariffs[0].to, QDate(2028, 8, 15));
        QCOMPARE(borisSees.tariffs[1].from, QDate(2028, 8, 15));

        // Back to summer alone for the tests that follow.
        TariffBook alone = galinas.load().value();
        alone.tariffs.removeIf([&](const Tariff &t) { return t.id != summer.id; });
        alone.tariffs[0].to = summer.to;
        QVERIFY(galinas.save(alone, {}, galinas.load().value()).ok());
        QVERIFY(head->syncOnce());
        QCOMPARE(galinaRejected.size(), 0);
        QVERIFY(boris->syncOnce());
    }

    // The head of sales' pipeline reaches consultants; a consultant cannot change it. A deal's move
    // travels as its new stage, its DealMove and its touch. Two consultants moving one deal
    // offline: the first to sync closes it; the second's move and its history entry are refused
    // and rolled back, so the funnel never counts a move that did not happen.
    void pipelineAndDealMovesTravel()
    {
        DealRepository headDeals(head->t.db, head->clock);
        DealStageDef mine{Id(), QStringLiteral("sea_view"), QStringLiteral("Хотят вид на море"), 35, true};
        QVERIFY(headDeals.saveStage(mine).ok());
        const DealPipeline headPipeline = headDeals.pipeline().value();
        DealStageDef prepaid = headPipeline.stages().at(headPipeline.indexOf(dealstage::Prepaid));
        QCOMPARE(prepaid.key, dealstage::Prepaid);
        prepaid.active = false;
        QVERIFY(headDeals.saveStage(prepaid).ok());
        QSignalSpy headRejected(head->client.get(), &sync::SyncClient::mutationRejected);
        QVERIFY(head->syncOnce());
        QCOMPARE(headRejected.size(), 0);

        QVERIFY(anna->syncOnce());
        DealRepository annas(anna->t.db, anna->clock), boriss(boris->t.db, boris->clock);
        const DealPipeline seen = annas.pipeline().value();
        QCOMPARE(seen.indexOf(QStringLiteral("sea_view")), 3);
        QCOMPARE(seen.title(QStringLiteral("sea_view")), mine.title);
        QVERIFY(!seen.stages().at(seen.indexOf(dealstage::Prepaid)).active);

        DealStageDef annasOwn{Id(), QStringLiteral("annas"), QStringLiteral("Моя стадия"), 5, true};
        QVERIFY(annas.saveStage(annasOwn).ok());
        QSignalSpy annaRejected(anna->client.get(), &sync::SyncClient::mutationRejected);
        QVERIFY(anna->syncOnce());
        QCOMPARE(annaRejected.size(), 1);
        QCOMPARE(annaRejected.first().at(2).toString(), QStringLiteral("auth.forbidden"));
        QCOMPARE(annas.pipeline().value().indexOf(QStringLiteral("annas")), -1); // rolled back

        const Guest guest = test::makeGuest(QStringLiteral("Сделкина"), QStringLiteral("+7 916 700-10-01"));
        QVERIFY(anna->guests().create(guest).ok());
        const Deal deal{newId(), guest.id, Id(), QStringLiteral("Путёвка на август"), dealstage::New};
        QVERIFY(annas.create(deal).ok());
        QVERIFY(annas.move(deal.id, QStringLiteral("sea_view"), Id()).ok());
        QVERIFY(anna->syncOnce());
        QCOMPARE(annaRejected.size(), 1);
        QVERIFY(boris->syncOnce());
        QCOMPARE(boriss.find(deal.id).value()->stage, QStringLiteral("sea_view"));
        QCOMPARE(boriss.moves(deal.id).value().size(), 1);

        // Offline from each other: Boris loses the deal, Anna books it.
        QVERIFY(boriss.move(deal.id, dealstage::Lost, Id(), QStringLiteral("дорого")).ok());
        QVERIFY(annas.move(deal.id, dealstage::Booked, Id()).ok());
        QCOMPARE(annas.moves(deal.id).value().size(), 2);
        QVERIFY(boris->syncOnce());
        QVERIFY(anna->syncOnce());
        QCOMPARE(annaRejected.size(), 3);
        QCOMPARE(annaRejected.at(1).at(2).toString(), QStringLiteral("deal.bad_move"));
        QCOMPARE(annaRejected.at(2).at(1).toString(), QStringLiteral("deal_move.add"));
        QCOMPARE(annaRejected.at(2).at(2).toString(), QStringLiteral("deal_move.stale"));
        QVERIFY(anna->syncOnce());
        const Deal settled = *annas.find(deal.id).value();
        QCOMPARE(settled.stage, dealstage::Lost);
        QCOMPARE(settled.lostReason, QStringLiteral("дорого"));
        const QList<DealMove> history = annas.moves(deal.id).value();
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.last().toStage, dealstage::Lost);
        QCOMPARE(anna->client->pendingCount(), 0);
    }

    // guest.merge is one mutation: the server moves the merged card's history to the survivor,
    // every desktop sees the same; a merge of a card already merged elsewhere is refused and rolled
    // back (the card and its history come back to the desktop that tried).
    void guestMergeTravels()
    {
        Guest older = test::makeGuest(QStringLiteral("Дублёва"), QStringLiteral("+7 916 700-20-01"));
        Guest newer = test::makeGuest(QStringLiteral("Дублева"), QStringLiteral("+7 916 700-20-01"));
        newer.phones.append(Phone::parse(QStringLiteral("+7 903 700-20-02")).value());
        newer.emails = {QStringLiteral("dubleva@mail.ru")};
        newer.birthDate = QDate(1980, 3, 4);
        QVERIFY(anna->guests().create(older).ok());
        QVERIFY(anna->guests().create(newer).ok());
        TouchRepository annaTouches(anna->t.db, anna->clock);
        QVERIFY(annaTouches
                    .add(Touch{newId(), older.id, Id(), TouchKind::CallIn, QDateTime::currentDateTimeUtc()})
                    .ok());
        for (int i = 0; i < 3; ++i)
            QVERIFY(annaTouches
                        .add(Touch{newId(), newer.id, Id(), TouchKind::WebRequest,
                                   QDateTime::currentDateTimeUtc().addSecs(i)})
                        .ok());
        DealRepository annas(anna->t.db, anna->clock);
        const Deal deal{newId(), newer.id, Id(), QStringLiteral("Путёвка на май"), dealstage::New};
        QVERIFY(annas.create(deal).ok());
        QVERIFY(annas.move(deal.id, dealstage::Qualified, Id()).ok());
        const Task task{newId(),
                        newer.id,
                        Id(),
                        QStringLiteral("Перезвонить"),
                        QDateTime::currentDateTimeUtc(),
                        TaskStatus::Open,
                        QDateTime::currentDateTimeUtc(),
                        {}};
        QVERIFY(TaskRepository(anna->t.db, anna->clock).create(task).ok());
        QSignalSpy annaRejected(anna->client.get(), &sync::SyncClient::mutationRejected);
        QVERIFY(anna->syncOnce());
        QVERIFY(boris->syncOnce());
        TouchRepository borisTouches(boris->t.db, boris->clock);
        const qsizetype newerTouches = annaTouches.forGuest(newer.id, 100).value().size();
        QVERIFY(newerTouches >= 4); // 3 requests and the deal's stage change
        QCOMPARE(borisTouches.forGuest(newer.id, 100).value().size(), newerTouches);

        const Guest merged = mergeGuests(older, newer, {MergeField::LastName});
        QVERIFY(anna->guests().merge(merged, newer.id).ok());
        QCOMPARE(Outbox(anna->t.db).pending(100).value().last().name, QStringLiteral("guest.merge"));
        // Meanwhile Boris gives the merged card another phone: the merge keeps it.
        Guest borisEdit = *boris->guests().byId(newer.id).value();
        borisEdit.phones.append(Phone::parse(QStringLiteral("+7 925 700-20-03")).value());
        QVERIFY(boris->guests().update(borisEdit).ok());
        QVERIFY(boris->syncOnce());
        QVERIFY(anna->syncOnce());
        QCOMPARE(annaRejected.size(), 0);
        QCOMPARE(anna->client->pendingCount(), 0);
        QVERIFY(anna->syncOnce());
        QCOMPARE(anna->guests().byId(older.id).value()->phones.size(), 3);
        // ...and, not yet knowing of the merge, takes a call for the merged card: it lands on the survivor.
        const Touch lateCall{newId(), newer.id, Id(), TouchKind::CallIn, QDateTime::currentDateTimeUtc()};
        QVERIFY(borisTouches.add(lateCall).ok());
        QSignalSpy borisLate(boris->client.get(), &sync::SyncClient::mutationRejected);
        QVERIFY(boris->syncOnce());
        QCOMPARE(borisLate.size(), 0);
        QVERIFY(boris->syncOnce());
        QVERIFY(!boris->guests().byId(newer.id).value().has_value());
        const Guest seen = *boris->guests().byId(older.id).value();
        QCOMPARE(seen.lastName, QStringLiteral("Дублева"));
        QCOMPARE(seen.phones.size(), 3);
        QCOMPARE(seen.phones.last().e164(), QStringLiteral("+79257002003"));
        QCOMPARE(seen.emails, QStringList{QStringLiteral("dubleva@mail.ru")});
        QCOMPARE(seen.birthDate, QDate(1980, 3, 4));
        QCOMPARE(borisTouches.forGuest(older.id, 100).value().size(), newerTouches + 2);
        QVERIFY(anna->syncOnce());
        QCOMPARE(annaTouches.forGuest(older.id, 100).value().size(), newerTouches + 2);
        const QList<Touch> annaSees = annaTouches.forGuest(older.id, 100).value();
        QVERIFY(std::any_of(annaSees.begin(), annaSees.end(),
                            [&](const Touch &t) { return t.id == lateCall.id; }));
        QCOMPARE(borisTouches.forGuest(newer.id, 100).value().size(), 0);
        DealRepository boriss(boris->t.db, boris->clock);
        QCOMPARE(boriss.find(deal.id).value()->guestId, older.id);
        QCOMPARE(boriss.moves(deal.id).value().first().guestId, older.id);
        QCOMPARE(TaskRepository(boris->t.db, boris->clock).forGuest(older.id).value().size(), 1);

        // Offline from each other, Anna and Boris merge one card into two different ones.
        const Guest a = test::makeGuest(QStringLiteral("Первая"), QStringLiteral("+7 916 700-30-01"));
        const Guest b = test::makeGuest(QStringLiteral("Вторая"), QStringLiteral("+7 916 700-30-01"));
        const Guest c = test::makeGuest(QStringLiteral("Третья"), QStringLiteral("+7 916 700-30-01"));
        for (const Guest &g : {a, b, c})
            QVERIFY(anna->guests().create(g).ok());
        const Touch bsCall{newId(), b.id, Id(), TouchKind::CallIn, QDateTime::currentDateTimeUtc()};
        QVERIFY(annaTouches.add(bsCall).ok());
        QVERIFY(anna->syncOnce());
        QVERIFY(boris->syncOnce());
        QVERIFY(anna->guests().merge(mergeGuests(a, b), b.id).ok());
        QVERIFY(boris->guests().merge(mergeGuests(c, b), b.id).ok());
        QCOMPARE(borisTouches.forGuest(c.id, 10).value().size(), 1); // optimistic, before the server
        QVERIFY(anna->syncOnce());
        QSignalSpy borisRejected(boris->client.get(), &sync::SyncClient::mutationRejected);
        QVERIFY(boris->syncOnce());
        QCOMPARE(borisRejected.size(), 1);
        QCOMPARE(borisRejected.first().at(2).toString(), QStringLiteral("guest.merge_gone"));
        QVERIFY(boris->syncOnce());
        QCOMPARE(boris->client->pendingCount(), 0);
        QVERIFY(!boris->guests().byId(b.id).value().has_value());
        QCOMPARE(borisTouches.forGuest(a.id, 10).value().size(), 1);
        QCOMPARE(borisTouches.forGuest(a.id, 10).value().first().id, bsCall.id);
        QCOMPARE(borisTouches.forGuest(c.id, 10).value().size(), 0);
        QCOMPARE(boris->guests().byId(c.id).value()->phones.size(), 1);
    }

    // «Не дубль» on one desk: the other desk stops offering the pair too. A mark with the cards in
    // the wrong order (a malformed record) is refused and changes nothing.
    void notADuplicateTravels()
    {
        const Guest mother = test::makeGuest(QStringLiteral("Семейная"), QStringLiteral("+7 916 700-40-01"));
        const Guest daughter =
            test::makeGuest(QStringLiteral("Семейная-Дочь"), QStringLiteral("+7 916 700-40-01"));
        QVERIFY(anna->guests().create(mother).ok());
        QVERIFY(anna->guests().create(daughter).ok());
        QVERIFY(anna->syncOnce());
        QVERIFY(boris->syncOnce());
        GuestDuplicates borisSees(boris->t.db);
        QCOMPARE(borisSees.of(mother).value().size(), 1);

        QVERIFY(
            GuestDuplicates(anna->t.db).markDistinct(mother.id, daughter.id, Id(), anna->clock.now()).ok());
        QSignalSpy annaRejected(anna->client.get(), &sync::SyncClient::mutationRejected);
        QVERIFY(anna->syncOnce());
        QCOMPARE(annaRejected.size(), 0);
        QCOMPARE(anna->client->pendingCount(), 0);
        QVERIFY(boris->syncOnce());
        QCOMPARE(borisSees.of(mother).value().size(), 0);
        QCOMPARE(borisSees.of(daughter).value().size(), 0);
        const qint64 borisQueued = Outbox(boris->t.db).pendingCount().value();
        QVERIFY(borisSees.markDistinct(daughter.id, mother.id, Id(), boris->clock.now()).ok());
        QCOMPARE(Outbox(boris->t.db).pendingCount().value(), borisQueued); // known already: no record

        const Guest other =
            test::makeGuest(QStringLiteral("Семейная-Внучка"), QStringLiteral("+7 916 700-40-01"));
        QVERIFY(anna->guests().create(other).ok());
        QVERIFY(anna->syncOnce());
        const QString x = idToString(other.id), y = idToString(mother.id);
        const QJsonObject reversed{
            {QStringLiteral("id"), idToString(newId())},
            {QStringLiteral("firstId"), std::max(x, y)},
            {QStringLiteral("secondId"), std::min(x, y)},
            {QStringLiteral("userId"), QString()},
            {QStringLiteral("at"), anna->clock.now().toUTC().toString(Qt::ISODateWithMs)}};
        QVERIFY(Outbox(anna->t.db)
                    .append(Mutation{QStringLiteral("guest_distinct.create"), reversed}, anna->clock.now())
                    .ok());
        QVERIFY(anna->syncOnce());
        QCOMPARE(annaRejected.size(), 1);
        QCOMPARE(annaRejected.first().at(2).toString(), QStringLiteral("json.bad_value"));
        QCOMPARE(anna->client->pendingCount(), 0);
        QVERIFY(boris->syncOnce());
        QCOMPARE(borisSees.of(other).value().size(), 2); // still offered with the mother and the daughter
    }

    void cleanupTestCase()
    {
        head.reset();
        anna.reset();
        boris.reset();
        server.reset();
    }
};

QTEST_GUILESS_MAIN(TestSyncPriceList)
#include "tst_pricelist.moc"
