#include "connectionguard.h"

#include "jsonlog.h"
#include "kasp/syncproto/wire.h"

#include <limits>
#include <memory>
#include <QTcpServer>
#include <QTimer>

namespace kasp::server {

namespace {

constexpr char kWatchedProperty[] = "kaspGuarded";

// The announced body length, -1 when the headers say none (or say it twice, differently).
qint64 contentLength(const QByteArray &headers)
{
    qint64 length = -1;
    for (const QByteArray &line : headers.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.left(colon).trimmed().compare("content-length", Qt::CaseInsensitive) != 0)
            continue;
        bool ok = false;
        const qint64 value = line.mid(colon + 1).trimmed().toLongLong(&ok);
        if (!ok || value < 0)
            return std::numeric_limits<qint64>::max(); // unreadable: treat as too long
        if (length >= 0 && value != length)
            return std::numeric_limits<qint64>::max();
        length = value;
    }
    return length;
}

QByteArray statusText(int status)
{
    switch (status) {
    case 413:
        return "Payload Too Large";
    case 431:
        return "Request Header Fields Too Large";
    default:
        return "Bad Request";
    }
}

} // namespace

ConnectionGuard::ConnectionGuard(qint64 maxBodyBytes, QObject *parent)
    : QObject(parent), m_maxBodyBytes(maxBodyBytes)
{
}

void ConnectionGuard::watch(QTcpServer *server)
{
    connect(server, &QTcpServer::pendingConnectionAvailable, this, [this, server] { adopt(server); });
}

void ConnectionGuard::adopt(QTcpServer *server)
{
    // The new sockets are still queued in the server (the HTTP server takes them after this slot):
    // they are the server's children that carry no mark yet.
    const auto sockets = server->findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly);
    for (QTcpSocket *socket : sockets) {
        if (socket->property(kWatchedProperty).toBool())
            continue;
        socket->setProperty(kWatchedProperty, true);
        m_watches.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { inspect(socket); });
        connect(socket, &QObject::destroyed, this, [this, socket] { m_watches.remove(socket); });
    }
}

void ConnectionGuard::inspect(QTcpSocket *socket)
{
    auto it = m_watches.find(socket);
    if (it == m_watches.end())
        return;
    if (!socket->isTransactionStarted())
        *it = Watch{}; // the parser is between requests: what comes now is a new one
    Watch &w = *it;
    const qint64 arrived = socket->bytesAvailable();
    w.seen += arrived;
    if (!w.headersChecked) {
        // While it reads a request's head the parser takes every byte there is, so what is
        // unread now came after the last look: the head is gathered once, never read again.
        w.head += socket->peek(std::min<qint64>(arrived, kMaxHeaderBytes - w.head.size()));
        // Blank lines left over from a previous request come before the request line.
        qsizetype start = 0;
        while (start < w.head.size() && (w.head.at(start) == '\r' || w.head.at(start) == '\n'))
            ++start;
        const qsizetype end = w.head.indexOf("\r\n\r\n", start);
        if (end < 0) {
            if (w.head.size() >= kMaxHeaderBytes)
                refuse(socket, 431, "headers.too_large",
                       QStringLiteral("the request's headers exceed %1 bytes").arg(kMaxHeaderBytes), -1);
            return;
        }
        w.headersChecked = true;
        const QByteArray headers = w.head.mid(start, end - start);
        w.head.clear();
        if (headers.toLower().contains("\nupgrade:")) {
            // A WebSocket: QWebSocketServer takes the connection over (and limits its frames).
            disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
            m_watches.erase(it);
            return;
        }
        const qint64 length = contentLength(headers);
        if (length > m_maxBodyBytes) {
            const qint64 whole = length > std::numeric_limits<qint64>::max() / 2 ? -1 : end + 4 + length;
            refuse(socket, 413, "body.too_large",
                   QStringLiteral("the body exceeds %1 bytes").arg(m_maxBodyBytes), whole);
            return;
        }
    }
    if (w.seen > m_maxBodyBytes + kMaxHeaderBytes)
        refuse(socket, 413, "body.too_large", QStringLiteral("the body exceeds %1 bytes").arg(m_maxBodyBytes),
               -1);
}

void ConnectionGuard::refuse(QTcpSocket *socket, int status, const QByteArray &code, const QString &message,
                             qint64 requestBytes)
{
    // Nobody parses this connection again: the HTTP server's slot is cut off before it sees these
    // bytes (a slot disconnected during the emission is not called). What the client still sends
    // of this request is read and dropped, so that it gets to read the answer (a client that
    // writes its whole body before reading, as QNetworkAccessManager does, would otherwise see a
    // reset); then the connection closes. Nothing is kept: memory stays flat whatever is sent.
    disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
    m_watches.remove(socket);
    if (socket->isTransactionStarted())
        socket->rollbackTransaction();
    auto drained = std::make_shared<qint64>(socket->readAll().size());
    auto close = [socket] {
        if (socket->state() == QAbstractSocket::ConnectedState)
            socket->disconnectFromHost();
    };
    connect(socket, &QTcpSocket::readyRead, socket, [socket, drained, requestBytes, close] {
        *drained += socket->readAll().size();
        if (requestBytes >= 0 && *drained >= requestBytes)
            close();
    });
    const QByteArray body = sync::encodeError(QString::fromLatin1(code), message);
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + statusText(status) +
                  "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
                  "\r\nConnection: close\r\n\r\n" + body);
    if (requestBytes >= 0 && *drained >= requestBytes)
        close();
    QTimer::singleShot(kDrainMs, socket, close);
    QTimer::singleShot(kDrainMs + 2000, socket, [socket] { socket->abort(); });
    logEvent(QStringLiteral("warn"), QStringLiteral("http.refused"),
             {{QStringLiteral("status"), status},
              {QStringLiteral("error"), QString::fromLatin1(code)},
              {QStringLiteral("peer"), socket->peerAddress().toString()}});
}

} // namespace kasp::server
