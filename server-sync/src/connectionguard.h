#pragma once
// In front of QHttpServer's request parser on every connection (Qt 6.4 reads a whole body into
// memory before any route sees it, and has no limit of its own).
//
// - A request whose Content-Length passes the body limit is answered 413 as soon as its headers
//   have come, before a byte of the body is read; headers longer than 64 KiB get 431.
// - A body that passes the limit anyway (chunked, or more bytes than it announced) is cut off at
//   the limit with 413: the bytes kept for one request never pass the limit by much.
// - The rest of a refused request is read and dropped (for at most kDrainMs), so that the client
//   reads the answer, and the connection closes.
//
// How: the guard's readyRead slot is connected before the HTTP server's, so it looks at every
// arrival first. The server parses inside a QIODevice transaction that starts with each request:
// no transaction open means the next bytes begin a new request. A WebSocket upgrade is left to
// QWebSocketServer.
#include <QHash>
#include <QObject>
#include <QTcpSocket>

class QTcpServer;

namespace kasp::server {

class ConnectionGuard : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionGuard(qint64 maxBodyBytes, QObject *parent = nullptr);

    // Before QAbstractHttpServer::bind(server): the guard must see each new connection first.
    void watch(QTcpServer *server);

    static constexpr qint64 kMaxHeaderBytes = 64 * 1024;
    static constexpr int kDrainMs = 5000;

private:
    struct Watch
    {
        bool headersChecked = false;
        qint64 seen = 0; // bytes of the current request that arrived so far
        QByteArray head; // its first bytes, until the end of its headers
    };

    void adopt(QTcpServer *server);
    void inspect(QTcpSocket *socket);
    // requestBytes: the refused request's whole size from its first byte, when known (-1 if not):
    // once that much has been read and dropped, the connection closes; at the latest after kDrainMs.
    void refuse(QTcpSocket *socket, int status, const QByteArray &code, const QString &message,
                qint64 requestBytes);

    qint64 m_maxBodyBytes;
    QHash<QTcpSocket *, Watch> m_watches;
};

} // namespace kasp::server
