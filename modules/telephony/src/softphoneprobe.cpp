// The PBX gone quiet under a registered desk (PbxProbe): said within seconds, not at the next
// renewal's timeout; registered again as soon as it answers.
#include "softphone_p.h"

#include <QCoreApplication>

namespace kasp::telephony {

void Softphone::Private::watchPbx(Softphone *phone)
{
    QObject::connect(&probe, &PbxProbe::unreachable, phone, [phone] {
        Private &d = *phone->d;
        if (phone->m_registration != RegistrationState::Registered)
            return;
        d.pbxLost = true;
        d.keepRegistered.stop();
        d.retryRegister.start(); // knocks until it is back (as after a failed renewal)
        phone->m_registration = RegistrationState::Failed;
        emit phone->registrationChanged(
            phone->m_registration, QStringLiteral("sip.unreachable"),
            QCoreApplication::translate("kasp::telephony",
                                        "The PBX does not answer: check the server address and the network"));
    });
    QObject::connect(&probe, &PbxProbe::reachable, phone, [phone] {
        Private &d = *phone->d;
        if (std::exchange(d.pbxLost, false) && d.account)
            d.account->refreshRegister(); // back: registered again without waiting for the retry
    });
}

void Softphone::Private::startProbe(const QString &host, int port, bool udp, const QString &user)
{
    if (options.probePbxSecs <= 0)
        return;
    const int interval = options.probePbxSecs * 1000;
    probe.start(host, port, udp, options.bindAddress, user, interval, interval - interval / 5,
                options.probeMisses);
}

} // namespace kasp::telephony
