#pragma once
// Blocking HTTP for tests (bounded by a timeout): the server under test is a separate process.
#include "kasp/syncproto/wire.h"
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace kasp::test {

struct HttpReply
{
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString errorCode() const { return json().value(QStringLiteral("error")).toString(); }
};

class HttpCall
{
public:
    explicit HttpCall(QString base) : m_base(std::move(base)) {}
    QString token;
    QByteArray protocol = QByteArray::number(sync::kProtocolVersion);
    QByteArray schema = "1";

    HttpReply post(const QString &path, const QByteArray &body, int timeoutMs = 15'000)
    {
        return send(path, body, true, timeoutMs);
    }
    HttpReply get(const QString &path, int timeoutMs = 15'000) { return send(path, {}, false, timeoutMs); }

private:
    HttpReply send(const QString &path, const QByteArray &body, bool isPost, int timeoutMs)
    {
        QNetworkRequest request(QUrl(m_base + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!protocol.isEmpty())
            request.setRawHeader(sync::kProtocolHeader, protocol);
        if (!schema.isEmpty())
            request.setRawHeader(sync::kSchemaHeader, schema);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        QNetworkReply *reply = isPost ? m_net.post(request, body) : m_net.get(request);
        QEventLoop loop;
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        HttpReply out;
        if (reply->isFinished()) {
            out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            out.body = reply->readAll();
        }
        reply->deleteLater();
        return out;
    }

    QString m_base;
    QNetworkAccessManager m_net;
};

} // namespace kasp::test
