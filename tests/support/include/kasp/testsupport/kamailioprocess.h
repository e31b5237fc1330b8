#pragma once
// A real kamailio on 127.0.0.1 for the softphone tests: registrar (REGISTER challenged with digest
// auth; every test user's password is kPassword) and stateful proxy for calls between registered
// users, on a free port (UDP and TCP). SUBSCRIBE / PUBLISH are refused (no presence server), as many
// small PBXs do, unless enablePresence() makes it a presence server too. Stopped and reaped by the
// destructor; stop() and start() again model a PBX that goes away and comes back on the same port.
#include <memory>
#include <QProcess>
#include <QString>

namespace kasp::test {

class KamailioProcess
{
public:
    static constexpr const char *kPassword = "sip-secret";
    static constexpr const char *kDomain = "127.0.0.1";

    KamailioProcess() = default;
    ~KamailioProcess() { stop(); }

    // A presence server too (kamailio's presence + presence_xml over db_text), instead of
    // refusing SUBSCRIBE and PUBLISH. Before start().
    void enablePresence() { m_presence = true; }
    // Before start(): kamailio writes a line for every INVITE it sends on, at the moment it sends it
    // ("kasp-invite-sent <unix time s.us> <destination port>"): when a call reached a desk, by the
    // PBX's clock (the same host's). kasp-bench-ring times a ring from there.
    void logInvitesSent() { m_logInvites = true; }
    // Before start(): an INVITE carrying Replaces (the guest's new call of an attended transfer) is
    // answered 488 instead of routed, as a PBX that cannot route it does.
    void refuseReplaces() { m_refuseReplaces = true; }
    bool start(QString *error); // the first start picks a free port; later starts reuse it
    void stop();
    bool isRunning() const { return m_process && m_process->state() == QProcess::Running; }
    int port() const { return m_port; }
    QString server() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    QString log() const { return m_log; }
    // What kamailio has written so far, read now (log() has it only once kamailio stopped).
    QString output();

private:
    std::unique_ptr<QProcess> m_process;
    QString m_dir;
    int m_port = 0;
    bool m_presence = false;
    bool m_logInvites = false;
    bool m_refuseReplaces = false;
    QString m_log;
};

} // namespace kasp::test
