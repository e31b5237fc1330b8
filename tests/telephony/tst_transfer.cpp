// Transfers between three real liblinphone endpoints through kamailio on loopback: the guest (301)
// calls the consultant's desk (201), who puts the call through to a colleague (202):
// - blind: the desk asks the guest's phone to call 202 and drops out once 202 answers;
// - attended: the desk holds the guest, calls 202, talks, then joins them (REFER with Replaces);
// - to a number nobody has: the transfer fails and the guest stays on hold with the desk;
// - call waiting: a second guest (302) rings while the desk talks; answering it holds the first,
//   and taking the first back holds the second.
#include "sippeers.h"

using namespace kasp;
using namespace kasp::telephony;

class TestTransfer : public QObject
{
    Q_OBJECT
    test::KamailioProcess pbx;
    std::unique_ptr<Softphone> desk, guest, colleague, secondGuest;

    // The guest calls the desk and the desk answers; returns the desk's id for the call.
    int connectGuestToDesk()
    {
        QSignalSpy rings(desk.get(), &Softphone::incomingCall);
        if (!guest->dial(QStringLiteral("201")).ok() || !rings.wait(10'000))
            return 0;
        const int id = rings.first().first().value<CallInfo>().id;
        if (!desk->answer(id).ok() || !test::waitForCallState(*desk, CallState::Connected) ||
            !test::waitForCallState(*guest, CallState::Connected))
            return 0;
        return id;
    }

    void hangUpEverything()
    {
        for (Softphone *phone : {desk.get(), guest.get(), colleague.get(), secondGuest.get()})
            for (const CallInfo &c : phone->calls())
                phone->hangUp(c.id);
        QTRY_VERIFY_WITH_TIMEOUT(desk->calls().isEmpty() && guest->calls().isEmpty() &&
                                     colleague->calls().isEmpty() && secondGuest->calls().isEmpty(),
                                 10'000);
    }

private slots:
    void initTestCase()
    {
        test::initTestEnvironment();
        QString error;
        QVERIFY2(pbx.start(&error), qPrintable(error));
        desk = std::make_unique<Softphone>(test::sipPeerOptions(QStringLiteral("desk")));
        guest = std::make_unique<Softphone>(test::sipPeerOptions(QStringLiteral("guest")));
        colleague = std::make_unique<Softphone>(test::sipPeerOptions(QStringLiteral("colleague")));
        secondGuest = std::make_unique<Softphone>(test::sipPeerOptions(QStringLiteral("second")));
        const QString password = QLatin1String(test::KamailioProcess::kPassword);
        for (auto [phone, user] : {std::pair{desk.get(), "201"},
                                   {colleague.get(), "202"},
                                   {guest.get(), "301"},
                                   {secondGuest.get(), "302"}}) {
            QVERIFY(phone->start().ok());
            QVERIFY2(test::registerSipPeer(pbx, *phone, QLatin1String(user), password),
                     qPrintable(pbx.log().right(1500)));
        }
    }

    void aBlindTransferPutsTheGuestThroughToAColleague()
    {
        const int call = connectGuestToDesk();
        QVERIFY(call);
        QSignalSpy colleagueRings(colleague.get(), &Softphone::incomingCall);
        QSignalSpy deskEnded(desk.get(), &Softphone::callEnded);
        QVERIFY(desk->transfer(call, QStringLiteral("202")).ok());
        QVERIFY(colleagueRings.wait(10'000));
        const CallInfo ring = colleagueRings.first().first().value<CallInfo>();
        QCOMPARE(ring.remoteUser, QStringLiteral("301")); // the guest calls, not the desk
        QTest::qWait(300);
        QCOMPARE(deskEnded.size(), 0); // while it rings, the guest is still on hold here
        QVERIFY(test::waitForCallState(*desk, CallState::OnHold));
        QVERIFY(colleague->answer(ring.id).ok());
        // The colleague answered: the desk drops out; its call ended answered, handed on.
        QTRY_COMPARE_WITH_TIMEOUT(deskEnded.size(), 1, 10'000);
        QCOMPARE(deskEnded.first().at(0).value<CallInfo>().transferredTo, QStringLiteral("202"));
        QCOMPARE(deskEnded.first().at(1).value<CallResult>(), CallResult::Answered);
        QVERIFY(test::waitForCallState(*colleague, CallState::Connected, 10'000, QStringLiteral("301")));
        QVERIFY(test::waitForCallState(*guest, CallState::Connected, 10'000, QStringLiteral("202")));
        QVERIFY(desk->calls().isEmpty());
        hangUpEverything();
    }

    void anAttendedTransferIntroducesTheGuestFirst()
    {
        const int call = connectGuestToDesk();
        QVERIFY(call);
        QVERIFY(desk->hold(call).ok());
        QVERIFY(test::waitForCallState(*desk, CallState::OnHold));
        QSignalSpy colleagueRings(colleague.get(), &Softphone::incomingCall);
        const Result<int> consult = desk->dial(QStringLiteral("202"));
        QVERIFY(consult.ok());
        QVERIFY(colleagueRings.wait(10'000));
        QCOMPARE(colleagueRings.first().first().value<CallInfo>().remoteUser, QStringLiteral("201"));
        QVERIFY(colleague->answer(colleagueRings.first().first().value<CallInfo>().id).ok());
        QVERIFY(test::waitForCallState(*desk, CallState::Connected, 10'000, QStringLiteral("202")));

        QSignalSpy deskEnded(desk.get(), &Softphone::callEnded);
        QVERIFY(desk->transferToCall(call, consult.value()).ok());
        // The guest's phone calls the colleague in place of the desk; both of the desk's legs end.
        QVERIFY(test::waitForCallState(*colleague, CallState::Connected, 15'000, QStringLiteral("301")));
        QVERIFY(test::waitForCallState(*guest, CallState::Connected, 10'000, QStringLiteral("202")));
        QTRY_VERIFY_WITH_TIMEOUT(desk->calls().isEmpty(), 10'000);
        QCOMPARE(deskEnded.size(), 2);
        bool handedOn = false;
        for (const QList<QVariant> &e : deskEnded)
            handedOn = handedOn || e.at(0).value<CallInfo>().transferredTo == QLatin1String("202");
        QVERIFY(handedOn);
        hangUpEverything();
    }

    void aTransferToNobodyLeavesTheGuestOnHold()
    {
        const int call = connectGuestToDesk();
        QVERIFY(call);
        QSignalSpy failed(desk.get(), &Softphone::transferFailed);
        QSignalSpy deskEnded(desk.get(), &Softphone::callEnded);
        QVERIFY(desk->transfer(call, QStringLiteral("999")).ok());
        QVERIFY(failed.wait(15'000));
        QCOMPARE(failed.first().at(0).toInt(), call);
        QVERIFY(!failed.first().at(1).toString().isEmpty());
        QCOMPARE(deskEnded.size(), 0);
        QVERIFY(test::waitForCallState(*desk, CallState::OnHold));
        QVERIFY(desk->resume(call).ok()); // the consultant takes the guest back
        // liblinphone on the guest's side paused its end to make the transfer call and tries to
        // resume at the same moment (the crossed re-INVITEs are retried here); a phone that
        // stayed on hold is taken off by its owner.
        QTRY_VERIFY_WITH_TIMEOUT(desk->calls().value(0).state == CallState::Connected ||
                                     desk->calls().value(0).state == CallState::HeldByRemote,
                                 10'000);
        for (const CallInfo &c : guest->calls())
            if (c.state == CallState::OnHold)
                guest->resume(c.id); // refused when its own resume is already under way: fine
        QVERIFY(test::waitForCallState(*desk, CallState::Connected));
        QVERIFY(test::waitForCallState(*guest, CallState::Connected, 10'000, QStringLiteral("201")));
        QCOMPARE(desk->transfer(4242, QStringLiteral("202")).error().code, QStringLiteral("sip.no_call"));
        hangUpEverything();
    }

    void aSecondCallWaitsAndTakingItHoldsTheFirst()
    {
        const int first = connectGuestToDesk();
        QVERIFY(first);
        QSignalSpy rings(desk.get(), &Softphone::incomingCall);
        QVERIFY(secondGuest->dial(QStringLiteral("201")).ok());
        QVERIFY(rings.wait(10'000));
        const CallInfo waiting = rings.first().first().value<CallInfo>();
        QCOMPARE(waiting.remoteUser, QStringLiteral("302"));
        QCOMPARE(waiting.state, CallState::Ringing);
        QVERIFY(test::waitForCallState(*desk, CallState::Connected, 1000, QStringLiteral("301")));

        // Taking the second call holds the first (the guest hears the hold, not the other talk).
        QVERIFY(desk->answer(waiting.id).ok());
        QVERIFY(test::waitForCallState(*desk, CallState::Connected, 10'000, QStringLiteral("302")));
        QVERIFY(test::waitForCallState(*desk, CallState::OnHold, 10'000, QStringLiteral("301")));
        QVERIFY(test::waitForCallState(*guest, CallState::HeldByRemote, 10'000, QStringLiteral("201")));

        // Back to the first guest: the second waits on hold in turn.
        QVERIFY(desk->resume(first).ok());
        QVERIFY(test::waitForCallState(*desk, CallState::Connected, 10'000, QStringLiteral("301")));
        QVERIFY(test::waitForCallState(*desk, CallState::OnHold, 10'000, QStringLiteral("302")));
        QVERIFY(test::waitForCallState(*guest, CallState::Connected, 10'000, QStringLiteral("201")));
        QVERIFY(test::waitForCallState(*secondGuest, CallState::HeldByRemote, 10'000, QStringLiteral("201")));
        QCOMPARE(desk->calls().size(), 2);
        hangUpEverything();
    }

    void cleanupTestCase()
    {
        secondGuest.reset();
        desk.reset();
        guest.reset();
        colleague.reset();
        pbx.stop();
    }
};

QTEST_GUILESS_MAIN(TestTransfer)
#include "tst_transfer.moc"
