#pragma once
// Asks the PBX now and then whether it is there, independently of the registration (whose renewal
// notices a dead PBX only after its renewal period and SIP's 32 s transaction timeout): over UDP a
// SIP OPTIONS request (any SIP answer, even 401 or 404, means the PBX is alive); over TCP / TLS a
// connection to its port. `misses` unanswered probes in a row: unreachable; the next answer:
// reachable again.
#include <QHostAddress>
#include <QObject>
#include <QTimer>

class QTcpSocket;
class QUdpSocket;

namespace kasp::telephony {

class PbxProbe : public QObject
{
    Q_OBJECT
public:
    explicit PbxProbe(QObject *parent = nullptr);

    // host: a name or an address; port 0: SIP's default (5060, 5061 for TLS). `user` only names
    // the asker (From). Probes every intervalMs; an answer is awaited answerMs.
    void start(const QString &host, int port, bool udp, const QString &bindAddress, const QString &user,
               int intervalMs, int answerMs, int misses);
    void stop();
    bool isReachable() const { return m_missed < m_misses; }

signals:
    void unreachable();
    void reachable();

private:
    void probe();
    void answered();
    void missed();
    QString request();

    QString m_host;
    QHostAddress m_address; // resolved
    int m_port = 0;
    bool m_udp = true;
    QString m_bind;
    QString m_user;
    int m_misses = 3;
    int m_missed = 0;
    int m_cseq = 0;
    bool m_waiting = false; // a probe is out, not answered yet
    QTimer m_interval;
    QTimer m_answer;
    QUdpSocket *m_udpSocket = nullptr;
    QTcpSocket *m_tcpSocket = nullptr;
};

} // namespace kasp::telephony
