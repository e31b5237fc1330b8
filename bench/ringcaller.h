#pragma once
// kasp-bench-ring's SIP peer: a second liblinphone core in a process of its own, so that its work
// (its own 10 ms timer, the replies it gets while the desk rings) never runs on the desk's thread
// and never counts in the desk's figure.
#include <QProcess>
#include <QString>

namespace kasp::bench {

// The caller process: `kasp-bench-ring --caller <kamailio host:port>`, driven by lines on stdin.
// "call <user>": registers as <user> (the number the desk will see) and dials 201, then says
// "dialled"; "hangup": gives up or ends its calls and says "ended" once they are over; any failure
// says "error <why>". End of input ends it.
int runRingCaller(int argc, char **argv);

// The desk's side of it. Every command waits for the caller's answer in the event loop (the desk
// keeps working meanwhile) and fails the bench when it is not the expected one.
class RingCallerProcess
{
public:
    ~RingCallerProcess();
    void start(const QString &program, const QString &server);
    void call(const QString &number);
    void hangUp();

private:
    void expect(const QByteArray &answer, const QString &what, int ms);

    QProcess m_process;
};

} // namespace kasp::bench
