// Colleagues' presence through kamailio on loopback. With a presence server (kamailio's presence
// and presence_xml modules): the desk (201) watches 202, sees it free once 202 publishes, busy while
// 202 talks to a guest (301), and free again after. With a PBX that refuses SUBSCRIBE and PUBLISH
// (489, as many small PBXs): nobody is known, and the phone goes on as before (registered, calls).
#include "sippeers.h"

using namespace kasp;
using namespace kasp::telephony;

class TestPresence : public QObject
{
    Q_OBJECT

    static bool registerAll(test::KamailioProcess &pbx,
                            const std::vector<std::pair<Softphone *, const char *>> &peers)
    {
        for (auto [phone, user] : peers)
            if (!phone->start().ok() ||
                !test::registerSipPeer(pbx, *phone, QLatin1String(user),
                                       QLatin1String(test::KamailioProcess::kPassword)))
                return false;
        return true;
    }

private slots:
    void initTestCase() { test::initTestEnvironment(); }

    void aColleagueOnTheLineIsBusy()
    {
        test::KamailioProcess pbx;
        pbx.enablePresence();
        QString error;
        QVERIFY2(pbx.start(&error), qPrintable(error));
        Softphone desk(test::sipPeerOptions(QStringLiteral("presence-desk")));
        Softphone colleague(test::sipPeerOptions(QStringLiteral("presence-colleague")));
        Softphone guest(test::sipPeerOptions(QStringLiteral("presence-guest")));
        QVERIFY2(registerAll(pbx, {{&desk, "201"}, {&colleague, "202"}, {&guest, "301"}}),
                 qPrintable(pbx.log().right(2000)));
        desk.watchPresence({QStringLiteral("202"), QStringLiteral("203")});
        QTRY_COMPARE_WITH_TIMEOUT(desk.presenceOf(QStringLiteral("202")), Presence::Free, 10'000);

        QSignalSpy rings(&colleague, &Softphone::incomingCall);
        QVERIFY(guest.dial(QStringLiteral("202")).ok());
        QVERIFY(rings.wait(10'000));
        QVERIFY(colleague.answer(rings.first().first().value<CallInfo>().id).ok());
        QTRY_COMPARE_WITH_TIMEOUT(desk.presenceOf(QStringLiteral("202")), Presence::Busy, 10'000);
        QCOMPARE(desk.presenceOf(QStringLiteral("203")), Presence::Unknown); // nobody there

        QVERIFY(guest.hangUp(guest.calls().first().id).ok());
        QTRY_COMPARE_WITH_TIMEOUT(desk.presenceOf(QStringLiteral("202")), Presence::Free, 10'000);
        desk.watchPresence({});
        QCOMPARE(desk.presenceOf(QStringLiteral("202")), Presence::Unknown);
    }

    void aPbxWithoutPresenceChangesNothingElse()
    {
        test::KamailioProcess pbx; // answers SUBSCRIBE and PUBLISH with 489 Bad Event
        QString error;
        QVERIFY2(pbx.start(&error), qPrintable(error));
        Softphone desk(test::sipPeerOptions(QStringLiteral("plain-desk")));
        Softphone colleague(test::sipPeerOptions(QStringLiteral("plain-colleague")));
        QVERIFY(registerAll(pbx, {{&desk, "201"}, {&colleague, "202"}}));
        QSignalSpy changed(&desk, &Softphone::presenceChanged);
        QSignalSpy registration(&desk, &Softphone::registrationChanged);
        desk.watchPresence({QStringLiteral("202")});
        QTest::qWait(2000);
        QCOMPARE(desk.presenceOf(QStringLiteral("202")), Presence::Unknown);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(registration.size(), 0); // no failure reported, no re-registration
        QCOMPARE(desk.registrationState(), RegistrationState::Registered);
        QSignalSpy rings(&colleague, &Softphone::incomingCall);
        QVERIFY(desk.dial(QStringLiteral("202")).ok());
        QVERIFY(rings.wait(10'000));
        QVERIFY(desk.hangUp(desk.calls().first().id).ok());
        QTRY_VERIFY_WITH_TIMEOUT(desk.calls().isEmpty() && colleague.calls().isEmpty(), 10'000);
    }
};

QTEST_GUILESS_MAIN(TestPresence)
#include "tst_presence.moc"
