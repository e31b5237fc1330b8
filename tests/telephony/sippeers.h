#pragma once
// Helpers for tests with liblinphone endpoints on loopback: a Softphone that plays a file instead
// of a sound card, registration against the fixture's kamailio, waiting for a call's state.
#include "kasp/telephony/softphone.h"
#include "kasp/testsupport/kamailioprocess.h"
#include "kasp/testsupport/testenv.h"

#include <QSignalSpy>
#include <QtTest>

namespace kasp::test {

inline telephony::Softphone::Options sipPeerOptions(const QString &name)
{
    telephony::Softphone::Options o;
    o.dataDir = makeTempDir(name);
    o.bindAddress = QStringLiteral("127.0.0.1");
    o.useSoundFiles = true;
    o.playFile = QStringLiteral("/usr/share/sounds/linphone/hello8000.wav");
    o.transferTimeoutSecs = 6; // a lost final NOTIFY must not hold a test for 45 s
    return o;
}

// Waits for a call of `phone` to reach `state` (signals arrive from the SIP heartbeat); with
// remoteUser, only a call with that party counts.
inline bool waitForCallState(telephony::Softphone &phone, telephony::CallState state, int ms = 10'000,
                             const QString &remoteUser = {})
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        for (const telephony::CallInfo &c : phone.calls())
            if (c.state == state && (remoteUser.isEmpty() || c.remoteUser == remoteUser))
                return true;
        QTest::qWait(20);
    }
    return false;
}

inline bool registerSipPeer(const KamailioProcess &pbx, telephony::Softphone &phone, const QString &user,
                            const QString &password, QString *code = nullptr)
{
    using telephony::RegistrationState;
    QSignalSpy changed(&phone, &telephony::Softphone::registrationChanged);
    if (!phone.registerAccount({pbx.server(), user, {}, telephony::SipTransport::Udp}, password).ok())
        return false;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 15'000) {
        changed.wait(500);
        for (const QList<QVariant> &c : changed) {
            const auto state = c.at(0).value<RegistrationState>();
            if (state == RegistrationState::Registered)
                return true;
            if (state == RegistrationState::Failed) {
                if (code)
                    *code = c.at(1).toString();
                return false;
            }
        }
    }
    return false;
}

} // namespace kasp::test
