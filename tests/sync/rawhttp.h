#pragma once
// HTTP over a plain QTcpSocket, for what QNetworkAccessManager will not do: send from a chosen
// loopback address, stream a body past the server's limit, send chunks or huge headers, and read
// whatever answer comes, however early. Every wait is bounded.
#include <QElapsedTimer>
#include <QHostAddress>
#include <QTcpSocket>
#include <QtTest>

namespace kasp::test {

struct RawReply
{
    int status = 0;  // 0: no answer
    QByteArray head; // status line and headers
    QByteArray body;
    qint64 sentBytes = 0; // how much of the request went out before the answer (or the close)
    QString errorCode() const
    {
        return QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toString();
    }
};

class RawHttp
{
public:
    RawHttp(quint16 port, QHostAddress source = QHostAddress(QHostAddress::LocalHost))
        : m_port(port), m_source(std::move(source))
    {
    }

    // Sends the request head, then bodyBytes bytes of filler in 64 KiB writes (or the given body),
    // reading the answer meanwhile. Stops sending once an answer has begun.
    RawReply send(const QByteArray &head, const QByteArray &body, qint64 fillerBytes = 0,
                  int timeoutMs = 20'000)
    {
        RawReply out;
        QTcpSocket socket;
        if (!socket.bind(m_source)) {
            qWarning() << "cannot bind" << m_source;
            return out;
        }
        socket.connectToHost(QHostAddress(QHostAddress::LocalHost), m_port);
        if (!socket.waitForConnected(5000))
            return out;
        QElapsedTimer timer;
        timer.start();
        QByteArray received;
        auto pump = [&] {
            socket.waitForReadyRead(5);
            received += socket.readAll();
        };
        socket.write(head);
        out.sentBytes += head.size();
        qint64 offset = 0;
        const QByteArray filler(64 * 1024, 'x');
        const qint64 total = body.isEmpty() ? fillerBytes : body.size();
        while (offset < total && received.isEmpty() && socket.state() == QAbstractSocket::ConnectedState &&
               timer.elapsed() < timeoutMs) {
            const qint64 n = std::min<qint64>(64 * 1024, total - offset);
            socket.write(body.isEmpty() ? filler.left(n) : body.mid(offset, n));
            offset += n;
            out.sentBytes += n;
            // Keep the kernel's buffer from holding the whole body: the server reads as we go.
            while (socket.bytesToWrite() > 256 * 1024 && timer.elapsed() < timeoutMs &&
                   socket.state() == QAbstractSocket::ConnectedState) {
                socket.waitForBytesWritten(5);
                pump();
            }
            pump();
        }
        while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < timeoutMs &&
               !complete(received))
            pump();
        received += socket.readAll();
        const qsizetype end = received.indexOf("\r\n\r\n");
        if (end < 0)
            return out;
        out.head = received.left(end);
        out.body = received.mid(end + 4);
        out.status = out.head.mid(9, 3).toInt();
        return out;
    }

    static QByteArray postHead(const QByteArray &path, qint64 contentLength, const QByteArray &extra = {})
    {
        QByteArray head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Kasp-Protocol: 1\r\n" +
                          "Content-Type: application/json\r\n" + extra;
        if (contentLength >= 0)
            head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
        return head + "\r\n";
    }

private:
    static bool complete(const QByteArray &received)
    {
        const qsizetype end = received.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QByteArray head = received.left(end).toLower();
        const qsizetype at = head.indexOf("content-length:");
        if (at < 0)
            return false;
        const qint64 length = head.mid(at + 15, head.indexOf('\r', at) - at - 15).trimmed().toLongLong();
        return received.size() - end - 4 >= length;
    }

    quint16 m_port;
    QHostAddress m_source;
};

// Resident memory of a process, in MiB (Linux /proc).
inline double residentMiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return -1;
}

} // namespace kasp::test
