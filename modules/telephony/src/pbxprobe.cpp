#include "pbxprobe.h"

#include <QHostInfo>
#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QUdpSocket>

namespace kasp::telephony {

namespace {
QString token()
{
    return QString::number(QRandomGenerator::global()->generate64(), 36);
}
} // namespace

PbxProbe::PbxProbe(QObject *parent) : QObject(parent)
{
    m_interval.setSingleShot(false);
    m_answer.setSingleShot(true);
    connect(&m_interval, &QTimer::timeout, this, &PbxProbe::probe);
    connect(&m_answer, &QTimer::timeout, this, &PbxProbe::missed);
}

void PbxProbe::start(const QString &host, int port, bool udp, const QString &bindAddress, const QString &user,
                     int intervalMs, int answerMs, int misses)
{
    stop();
    m_host = host;
    m_port = port > 0 ? port : (udp ? 5060 : 5061);
    m_udp = udp;
    m_bind = bindAddress;
    m_user = user;
    m_misses = std::max(1, misses);
    m_missed = 0;
    m_address = QHostAddress(host);
    m_interval.setInterval(std::max(100, intervalMs));
    m_answer.setInterval(std::max(50, std::min(answerMs, intervalMs - 50)));
    if (m_address.isNull()) {
        // A name: resolved once here (the PBX's address rarely changes during a shift).
        QHostInfo::lookupHost(host, this, [this, host](const QHostInfo &info) {
            if (host == m_host && !info.addresses().isEmpty())
                m_address = info.addresses().first();
        });
    }
    m_interval.start();
}

void PbxProbe::stop()
{
    m_interval.stop();
    m_answer.stop();
    m_waiting = false;
    m_missed = 0;
    if (m_udpSocket) {
        m_udpSocket->deleteLater();
        m_udpSocket = nullptr;
    }
    if (m_tcpSocket) {
        m_tcpSocket->deleteLater();
        m_tcpSocket = nullptr;
    }
}

QString PbxProbe::request()
{
    const QString local = m_udpSocket->localAddress().toString();
    const QString target = QStringLiteral("%1:%2").arg(m_host).arg(m_port);
    return QStringLiteral("OPTIONS sip:%1 SIP/2.0\r\n"
                          "Via: SIP/2.0/UDP %2:%3;branch=z9hG4bK%4;rport\r\n"
                          "Max-Forwards: 70\r\n"
                          "From: <sip:%5@%6>;tag=%7\r\n"
                          "To: <sip:%1>\r\n"
                          "Call-ID: %8@kasp\r\n"
                          "CSeq: %9 OPTIONS\r\n"
                          "User-Agent: KASP\r\n"
                          "Content-Length: 0\r\n\r\n")
        .arg(target, local, QString::number(m_udpSocket->localPort()), token(), m_user, m_host, token(),
             token(), QString::number(++m_cseq));
}

void PbxProbe::probe()
{
    if (m_waiting)
        return; // the last one is still waiting for its answer (its own timer counts it)
    if (m_address.isNull()) {
        missed(); // the name does not resolve: as good as no answer
        return;
    }
    m_waiting = true;
    m_answer.start();
    if (m_udp) {
        if (!m_udpSocket) {
            m_udpSocket = new QUdpSocket(this);
            const QHostAddress bind =
                m_bind.isEmpty() ? QHostAddress(QHostAddress::AnyIPv4) : QHostAddress(m_bind);
            m_udpSocket->bind(bind, 0);
            connect(m_udpSocket, &QUdpSocket::readyRead, this, [this] {
                bool sip = false;
                while (m_udpSocket && m_udpSocket->hasPendingDatagrams())
                    sip = m_udpSocket->receiveDatagram().data().startsWith("SIP/2.0 ") || sip;
                if (sip)
                    answered();
            });
        }
        m_udpSocket->writeDatagram(request().toUtf8(), m_address, quint16(m_port));
        return;
    }
    // TCP / TLS: a connection to the port answers (no TLS handshake needed for that).
    if (m_tcpSocket)
        m_tcpSocket->deleteLater();
    m_tcpSocket = new QTcpSocket(this);
    connect(m_tcpSocket, &QTcpSocket::connected, this, [this, socket = m_tcpSocket] {
        socket->abort();
        answered();
    });
    m_tcpSocket->connectToHost(m_address, quint16(m_port));
}

void PbxProbe::answered()
{
    if (!m_waiting)
        return;
    m_waiting = false;
    m_answer.stop();
    const bool wasLost = m_missed >= m_misses;
    m_missed = 0;
    if (wasLost)
        emit reachable();
}

void PbxProbe::missed()
{
    m_waiting = false;
    if (++m_missed == m_misses)
        emit unreachable();
}

} // namespace kasp::telephony
