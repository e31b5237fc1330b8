// Every call in the CRM, on a real encrypted database: the ringing number in any form finds its
// guest; an answered call is a touch with its talk time and consultant; a missed call is a touch and
// a call-back task for the guest's manager (or the shared pool); a new number becomes a new card;
// hidden, malformed and absurdly long caller ids all land on one "hidden number" card; nothing is lost.
#include "kasp/crm/calljournal.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/storage/taskrepository.h"
#include "kasp/storage/touchrepository.h"
#include "kasp/testsupport/testdb.h"

#include <QtTest>

using namespace kasp;

namespace {
class JournalClock : public Clock
{
public:
    QDateTime now() const override { return QDateTime(QDate(2027, 3, 10), QTime(11, 0), Qt::UTC); }
};
} // namespace

class TestCallJournal : public QObject
{
    Q_OBJECT
    JournalClock clock;
    test::TestDatabase t;
    Id manager = newId();
    Id consultant = newId();
    Guest known;

    QList<Touch> touches(const Id &guest)
    {
        return storage::TouchRepository(t.db, clock).forGuest(guest, 100).value();
    }
    QList<Task> tasks(const Id &guest)
    {
        return storage::TaskRepository(t.db, clock).forGuest(guest).value();
    }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        t = test::TestDatabase::create(QStringLiteral("calls"));
        known.id = newId();
        known.lastName = QStringLiteral("Звонкова");
        known.firstName = QStringLiteral("Алла");
        known.phones = {Phone::parse(QStringLiteral("+7 916 555-12-34")).value()};
        known.managerId = manager;
        QVERIFY(storage::GuestRepository(t.db, clock).create(known).ok());
    }

    void theRingingNumberFindsItsGuestInAnyForm()
    {
        crm::CallJournal journal(t.db, clock);
        for (const QString &form : {QStringLiteral("+79165551234"), QStringLiteral("89165551234"),
                                    QStringLiteral("79165551234"), QStringLiteral("sip:89165551234@pbx")}) {
            const Result<crm::Caller> caller = journal.identify(form);
            QVERIFY(caller.ok());
            QCOMPARE(caller.value().phone.e164(), QStringLiteral("+79165551234"));
            QCOMPARE(caller.value().guests, QList<Id>{known.id});
        }
        const Result<crm::Caller> stranger = journal.identify(QStringLiteral("89031112233"));
        QVERIFY(stranger.value().guests.isEmpty());
        QVERIFY(!stranger.value().phone.isNull());
        for (const QString &junk : {QStringLiteral("anonymous"), QString(), QString(5000, QLatin1Char('9')),
                                    QStringLiteral("<script>"), QStringLiteral("203")})
            QVERIFY(journal.identify(junk).ok()); // no crash, no guest
    }

    void anAnsweredCallIsATouchWithItsTalkTime()
    {
        crm::CallJournal journal(t.db, clock);
        const Result<Id> on = journal.record({QStringLiteral("89165551234"), true, true, 95,
                                              QStringLiteral("answered"), known.id, consultant});
        QCOMPARE(on.value(), known.id);
        const Touch touch = touches(known.id).first();
        QCOMPARE(touch.kind, TouchKind::CallIn);
        QCOMPARE(touch.durationSecs, 95);
        QCOMPARE(touch.userId, consultant);
        QVERIFY(tasks(known.id).isEmpty());
    }

    void aCallPutThroughSaysToWhomAndColleaguesCallsAreNoTouches()
    {
        crm::CallJournal journal(t.db, clock);
        const int before = int(touches(known.id).size());
        crm::FinishedCall handedOn{QStringLiteral("+79165551234"), true,     true,      40,
                                   QStringLiteral("answered"),     known.id, consultant};
        handedOn.transferredTo = QStringLiteral("202");
        QCOMPARE(journal.record(handedOn).value(), known.id);
        const Touch touch = touches(known.id).first();
        QCOMPARE(touches(known.id).size(), before + 1);
        QCOMPARE(touch.kind, TouchKind::CallIn);
        QVERIFY2(touch.note.contains(QStringLiteral("202")), qPrintable(touch.note));

        // The consultation with the colleague before an attended transfer: no card, no touch.
        for (const QString &colleague : {QStringLiteral("202"), QStringLiteral("sip:20415@pbx")}) {
            const Result<Id> none =
                journal.record({colleague, false, true, 25, QStringLiteral("answered"), {}, consultant});
            QVERIFY(none.ok());
            QVERIFY(none.value().isNull());
        }
        QVERIFY(journal.identify(QStringLiteral("202")).value().guests.isEmpty());
        QVERIFY(crm::isInternalExtension(QStringLiteral("202")));
        QVERIFY(!crm::isInternalExtension(QStringLiteral("89165551234")));
        QVERIFY(!crm::isInternalExtension(QStringLiteral("anonymous")));
        QVERIFY(!crm::isInternalExtension(QStringLiteral("7")));
    }

    void aMissedCallIsATouchAndACallBackTaskForTheManager()
    {
        crm::CallJournal journal(t.db, clock);
        QVERIFY(journal
                    .record({QStringLiteral("+79165551234"),
                             true,
                             false,
                             0,
                             QStringLiteral("missed"),
                             {},
                             consultant})
                    .ok());
        QCOMPARE(touches(known.id).first().kind, TouchKind::CallMissed);
        QVERIFY(touches(known.id).first().userId.isNull());
        const QList<Task> open = tasks(known.id);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().assigneeId, manager);
        QCOMPARE(open.first().due, clock.now().addSecs(15 * 60));
        QCOMPARE(open.first().kind, TaskKind::CallBack);
        QVERIFY2(open.first().title.contains(known.displayName()), qPrintable(open.first().title));
    }

    // The call-back is done by the call: an answered call (either way) closes the consultant's own
    // and the pool's open call-backs for that guest; a colleague's, other kinds and unanswered
    // attempts stay open.
    void anAnsweredCallClosesTheCallBack()
    {
        storage::TaskRepository repo(t.db, clock);
        Guest g;
        g.id = newId();
        g.lastName = QStringLiteral("Перезвонова");
        g.phones = {Phone::parse(QStringLiteral("+7 916 555-77-88")).value()};
        QVERIFY(storage::GuestRepository(t.db, clock).create(g).ok());
        const Id colleague = newId();
        // Made an hour before the call and due by now, unless said otherwise.
        auto task = [&](const Id &assignee, TaskKind kind, const QDateTime &due, const QDateTime &created) {
            Task t{newId(), g.id, assignee, QStringLiteral("Перезвонить"), due, TaskStatus::Open,
                   created, {},   kind};
            return repo.create(t).ok() ? t.id : Id();
        };
        const QDateTime hourAgo = clock.now().addSecs(-3600);
        const Id mine = task(consultant, TaskKind::CallBack, hourAgo, hourAgo);
        const Id pool = task(Id(), TaskKind::CallBack, clock.now(), hourAgo);
        const Id theirs = task(colleague, TaskKind::CallBack, hourAgo, hourAgo);
        const Id offer = task(consultant, TaskKind::SendOffer, hourAgo, hourAgo);
        const Id later =
            task(consultant, TaskKind::CallBack, clock.now().addDays(2), hourAgo); // "in two days"
        const Id duringTheCall = task(consultant, TaskKind::CallBack, clock.now().addSecs(3600), clock.now());
        auto statusOf = [&](const Id &id) {
            for (const Task &t : tasks(g.id))
                if (t.id == id)
                    return t.status;
            return TaskStatus::Cancelled;
        };
        crm::CallJournal journal(t.db, clock);
        // Nobody answered the consultant's call: nothing is done yet.
        QVERIFY(journal
                    .record({QStringLiteral("+79165557788"), false, false, 0, QStringLiteral("busy"), g.id,
                             consultant})
                    .ok());
        QCOMPARE(statusOf(mine), TaskStatus::Open);
        QVERIFY(journal
                    .record({QStringLiteral("+79165557788"), false, true, 95, QStringLiteral("answered"),
                             g.id, consultant})
                    .ok());
        QCOMPARE(statusOf(mine), TaskStatus::Done);
        QCOMPARE(statusOf(pool), TaskStatus::Done);
        QCOMPARE(statusOf(theirs), TaskStatus::Open);
        QCOMPARE(statusOf(offer), TaskStatus::Open);
        QCOMPARE(statusOf(later), TaskStatus::Open);         // a planned follow-up, not this call's
        QCOMPARE(statusOf(duringTheCall), TaskStatus::Open); // set during the talk: for later
    }

    void aNewNumberBecomesANewCardAndItsTaskGoesToThePool()
    {
        crm::CallJournal journal(t.db, clock);
        const Result<Id> on = journal.record(
            {QStringLiteral("8 903 111-22-33"), true, false, 0, QStringLiteral("missed"), {}, consultant});
        QVERIFY(on.ok());
        QVERIFY(on.value() != known.id);
        const auto guest = storage::GuestRepository(t.db, clock).byId(on.value()).value();
        QVERIFY(guest.has_value());
        QCOMPARE(guest->phones.first().e164(), QStringLiteral("+79031112233"));
        QCOMPARE(tasks(on.value()).first().assigneeId, Id()); // the shared pool
        // The title names the number as people write it, not the raw caller id.
        const QString title = tasks(on.value()).first().title;
        QVERIFY2(title.contains(guest->phones.first().display()) &&
                     !title.contains(QStringLiteral("8 903 111-22-33")),
                 qPrintable(title));
        // The next call from it finds that card.
        QCOMPARE(journal.identify(QStringLiteral("89031112233")).value().guests, QList<Id>{on.value()});
    }

    void hiddenAndMalformedCallerIdsShareOneCard()
    {
        crm::CallJournal journal(t.db, clock);
        const Id first =
            journal
                .record(
                    {QStringLiteral("anonymous"), true, true, 30, QStringLiteral("answered"), {}, consultant})
                .value();
        const Id second = journal
                              .record({QString(5000, QLatin1Char('x')),
                                       true,
                                       false,
                                       0,
                                       QStringLiteral("missed"),
                                       {},
                                       consultant})
                              .value();
        QCOMPARE(second, first);
        QCOMPARE(touches(first).size(), 2);
    }

    void aBusyCallOutIsATouchWithoutATask()
    {
        crm::CallJournal journal(t.db, clock);
        const int before = touches(known.id).size();
        const int tasksBefore = tasks(known.id).size();
        QVERIFY(journal
                    .record({QStringLiteral("+79165551234"), false, false, 0, QStringLiteral("busy"),
                             known.id, consultant})
                    .ok());
        QCOMPARE(touches(known.id).size(), before + 1);
        QCOMPARE(touches(known.id).first().kind, TouchKind::CallOut);
        QCOMPARE(touches(known.id).first().result, QStringLiteral("busy"));
        QCOMPARE(tasks(known.id).size(), tasksBefore);
    }

    void cleanupTestCase() { t.close(); }
};

QTEST_GUILESS_MAIN(TestCallJournal)
#include "tst_calljournal.moc"
