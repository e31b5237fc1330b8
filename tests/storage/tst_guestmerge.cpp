// Duplicates over a real encrypted database: one card's look-alikes, the whole-base scan, pairs
// marked distinct, and a merge that moves every kind of history in one transaction with one
// mutation (and refuses, changing nothing, when a card is gone).
#include "kasp/core/guestmerge.h"
#include "kasp/storage/bookingrepository.h"
#include "kasp/storage/consentrepository.h"
#include "kasp/storage/dealrepository.h"
#include "kasp/storage/guestduplicates.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/paymentrepository.h"
#include "kasp/storage/roomrepository.h"
#include "kasp/storage/taskrepository.h"
#include "kasp/storage/touchrepository.h"
#include "kasp/testsupport/testdb.h"

#include <QSqlQuery>
#include <QtTest>

using namespace kasp;
using namespace kasp::storage;

namespace {

Guest guest(const QString &last, const QString &phone, const QDateTime &created)
{
    Guest g;
    g.id = newId();
    g.lastName = last;
    g.firstName = QStringLiteral("Анна");
    if (!phone.isEmpty())
        g.phones.append(Phone::parse(phone).value());
    g.createdAt = g.updatedAt = created;
    return g;
}

qint64 countWhere(QSqlDatabase db, const char *table, const Id &guestId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT count(*) FROM %1 WHERE guest_id = ?").arg(QLatin1String(table)));
    q.addBindValue(idToString(guestId));
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestGuestMergeStorage : public QObject
{
    Q_OBJECT
    test::TestDatabase t;
    FixedClock clock{QDateTime(QDate(2026, 11, 23), QTime(9, 30), Qt::UTC)};
    Id room;

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        t = test::TestDatabase::create();
        RoomRepository rooms(t.db, clock);
        Building b{newId(), QStringLiteral("Корпус 1"), {}};
        RoomCategory c{newId(), QStringLiteral("std"),  QStringLiteral("Стандарт"), 2,
                       1,       Money::fromRubles(4300)};
        QVERIFY(rooms.addBuilding(b).ok());
        QVERIFY(rooms.addCategory(c).ok());
        room = newId();
        QVERIFY(rooms.addRoom({room, b.id, c.id, QStringLiteral("101"), 1, 2}).ok());
    }

    void lookAlikesAreFoundByEachReason()
    {
        GuestRepository guests(t.db, clock);
        const QDateTime day = clock.now();
        Guest mother = guest(QStringLiteral("Лисицына"), QStringLiteral("+7 916 555-00-01"), day);
        Guest daughter = guest(QStringLiteral("Лисицына"), QStringLiteral("8 916 555 00 01"), day.addSecs(5));
        daughter.firstName = QStringLiteral("Дарья");
        Guest mailTwin = guest(QStringLiteral("Другая"), QStringLiteral("+7 903 555-00-02"), day);
        mailTwin.emails = {QStringLiteral("LIS@mail.ru")};
        mother.emails = {QStringLiteral("lis@mail.ru")};
        Guest nameTwin = guest(QStringLiteral("Лисицына"), QStringLiteral("+7 903 555-00-03"), day);
        mother.birthDate = nameTwin.birthDate = QDate(1970, 2, 3);
        Guest stranger = guest(QStringLiteral("Лисицына"), QStringLiteral("+7 903 555-00-04"), day);
        for (const Guest &g : {mother, daughter, mailTwin, nameTwin, stranger})
            QVERIFY(guests.create(g).ok());

        GuestDuplicates duplicates(t.db);
        auto found = duplicates.of(mother);
        QVERIFY(found.ok());
        QHash<Id, int> reasons;
        for (const DuplicateCandidate &c : found.value())
            reasons.insert(c.guest.id, c.reasons);
        QCOMPARE(reasons.size(), 3);
        QCOMPARE(reasons.value(daughter.id), int(SamePhone));
        QCOMPARE(reasons.value(mailTwin.id), int(SameEmail));
        QCOMPARE(reasons.value(nameTwin.id), int(SameNameAndBirth));
        QVERIFY(!reasons.contains(stranger.id)); // same surname, no birth date: not enough

        auto scanned = duplicates.scan(100);
        QVERIFY(scanned.ok());
        QCOMPARE(scanned.value().size(), 3);
        int steps = 0;
        QCOMPARE(duplicates.scan(100, [&](int, int) { return ++steps < 2; }).error().code,
                 QStringLiteral("duplicates.cancelled"));

        // A family sharing one phone: marked distinct, not offered again, the others still are.
        // The mark is one replicated mutation; marking the pair again adds nothing.
        const qint64 queued = Outbox(t.db).pendingCount().value();
        QVERIFY(duplicates.markDistinct(daughter.id, mother.id, Id(), clock.now()).ok());
        QCOMPARE(duplicates.of(mother).value().size(), 2);
        QCOMPARE(duplicates.scan(100).value().size(), 2);
        QCOMPARE(Outbox(t.db).pendingCount().value(), queued + 1);
        const OutboxEntry mark = Outbox(t.db).pending(100000).value().last();
        QCOMPARE(mark.name, QStringLiteral("guest_distinct.create"));
        QVERIFY(mark.args.value(QStringLiteral("firstId")).toString() <
                mark.args.value(QStringLiteral("secondId")).toString());
        QVERIFY(duplicates.markDistinct(mother.id, daughter.id, Id(), clock.now()).ok()); // again: no error
        QCOMPARE(Outbox(t.db).pendingCount().value(), queued + 1);
        QCOMPARE(duplicates.markDistinct(mother.id, mother.id, Id(), clock.now()).error().code,
                 QStringLiteral("guest.bad_pair"));

        // A third card on the family's phone: the mother is told apart from both daughters, and the
        // two daughters' cards are still offered as a pair (the group is paired every way).
        Guest second = guest(QStringLiteral("Лисицына"), QStringLiteral("+7 916 555-00-01"), day.addSecs(9));
        second.firstName = QStringLiteral("Ольга");
        QVERIFY(guests.create(second).ok());
        QVERIFY(duplicates.markDistinct(mother.id, second.id, Id(), clock.now()).ok());
        const QList<DuplicatePair> left = duplicates.scan(100).value();
        const bool sistersOffered = std::any_of(left.begin(), left.end(), [&](const DuplicatePair &p) {
            return (p.first.id == daughter.id && p.second.id == second.id) ||
                   (p.first.id == second.id && p.second.id == daughter.id);
        });
        QVERIFY(sistersOffered);
        QCOMPARE(left.size(), 3); // the sisters, the e-mail twin, the name twin
    }

    void mergeMovesEveryKindOfHistoryInOneMutation()
    {
        GuestRepository guests(t.db, clock);
        Guest keep = guest(QStringLiteral("Оставшаяся"), QStringLiteral("+7 916 600-00-01"), clock.now());
        Guest gone =
            guest(QStringLiteral("Ушедшая"), QStringLiteral("+7 916 600-00-01"), clock.now().addSecs(60));
        gone.emails = {QStringLiteral("gone@mail.ru")};
        QVERIFY(guests.create(keep).ok());
        QVERIFY(guests.create(gone).ok());
        QVERIFY(TouchRepository(t.db, clock)
                    .add(Touch{newId(), gone.id, Id(), TouchKind::CallIn, clock.now()})
                    .ok());
        Booking b;
        b.id = newId();
        b.guestId = gone.id;
        b.roomId = room;
        b.stay = Stay::make(QDate(2027, 7, 1), QDate(2027, 7, 8)).value();
        b.adults = 1;
        b.total = Money::fromRubles(30100);
        b.status = BookingStatus::Confirmed;
        QVERIFY(BookingRepository(t.db, clock).create(b).ok());
        QVERIFY(PaymentRepository(t.db, clock)
                    .add(Payment{newId(), b.id, gone.id, Money::fromRubles(5000), PaymentMethod::Cash,
                                 clock.now(), Id(), QStringLiteral("чек 1")})
                    .ok());
        DealRepository deals(t.db, clock);
        const Deal deal{newId(), gone.id, Id(), QStringLiteral("Июль"), dealstage::New};
        QVERIFY(deals.create(deal).ok());
        QVERIFY(deals.move(deal.id, dealstage::Offer, Id()).ok());
        QVERIFY(TaskRepository(t.db, clock)
                    .create(Task{newId(),
                                 gone.id,
                                 Id(),
                                 QStringLiteral("Перезвонить"),
                                 clock.now(),
                                 TaskStatus::Open,
                                 clock.now(),
                                 {}})
                    .ok());
        QVERIFY(ConsentRepository(t.db, clock)
                    .add(Consent{newId(), gone.id, ConsentChannel::Sms, true, clock.now(),
                                 ConsentMethod::RecordedCall, Id(), QStringLiteral("сказала на звонке")})
                    .ok());
        const qint64 goneTouches = countWhere(t.db, "touches", gone.id);

        // Refusals change nothing and log nothing.
        const qint64 before = Outbox(t.db).pendingCount().value();
        QCOMPARE(guests.merge(keep, keep.id).error().code, QStringLiteral("guest.merge_self"));
        QCOMPARE(guests.merge(keep, newId()).error().code, QStringLiteral("guest.not_found"));
        Guest broken = mergeGuests(keep, gone);
        broken.emails.append(QStringLiteral("not an e-mail"));
        QVERIFY(!guests.merge(broken, gone.id).ok());
        QCOMPARE(Outbox(t.db).pendingCount().value(), before);
        QCOMPARE(countWhere(t.db, "touches", gone.id), goneTouches);

        QVERIFY(guests.merge(mergeGuests(keep, gone, {MergeField::LastName}), gone.id).ok());
        const QList<OutboxEntry> logged = Outbox(t.db).pending(1000).value().mid(int(before));
        QCOMPARE(logged.size(), 1);
        QCOMPARE(logged.first().name, QStringLiteral("guest.merge"));
        QCOMPARE(logged.first().args.value(QStringLiteral("mergedId")).toString(), idToString(gone.id));
        QCOMPARE(logged.first().args.value(QStringLiteral("lastName")).toString(), QStringLiteral("Ушедшая"));
        QVERIFY(!logged.first().args.contains(QStringLiteral("phones"))); // unchanged: not sent

        QVERIFY(!guests.byId(gone.id).value().has_value());
        const Guest survivor = *guests.byId(keep.id).value();
        QCOMPARE(survivor.lastName, QStringLiteral("Ушедшая"));
        QCOMPARE(survivor.emails, QStringList{QStringLiteral("gone@mail.ru")});
        for (const char *table :
             {"touches", "consents", "bookings", "deals", "tasks", "payments", "deal_moves"}) {
            QVERIFY2(countWhere(t.db, table, gone.id) == 0, table);
            QVERIFY2(countWhere(t.db, table, keep.id) >= 1, table);
        }
        QCOMPARE(countWhere(t.db, "touches", keep.id), goneTouches);
        QCOMPARE(countWhere(t.db, "guest_phones", gone.id), 0);
        const GuestHistoryCounts counts = GuestDuplicates(t.db).historyCounts(keep.id).value();
        QCOMPARE(counts.bookings, 1);
        QCOMPARE(counts.payments, 1);
        QCOMPARE(counts.deals, 1);
        QCOMPARE(counts.tasks, 1);
        QCOMPARE(GuestDuplicates(t.db).of(survivor).value().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGuestMergeStorage)
#include "tst_guestmerge.moc"
