#include "signinroute.h"

#include "httpreplies.h"
#include "kasp/syncproto/wire.h"
#include "secrets.h"

#include <memory>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>
#include <QTcpSocket>

namespace kasp::server {

using Status = QHttpServerResponse::StatusCode;

QByteArray signedInBody(const SignedIn &s)
{
    const QJsonObject user{{QStringLiteral("id"), s.who.accountId},
                           {QStringLiteral("login"), s.who.login},
                           {QStringLiteral("displayName"), s.who.displayName},
                           {QStringLiteral("role"), roleKey(s.who.role)},
                           {QStringLiteral("org"), s.who.orgId}};
    return QJsonDocument(QJsonObject{{QStringLiteral("accessToken"), s.accessToken},
                                     {QStringLiteral("refreshToken"), s.refreshToken},
                                     {QStringLiteral("expiresIn"), s.accessExpiresIn},
                                     {QStringLiteral("user"), user}})
        .toJson(QJsonDocument::Compact);
}

SignInRoute::SignInRoute(AccountStore &accounts, QObject *parent) : QObject(parent), m_accounts(accounts)
{
    // argon2id is made to use a core: one core stays with the event loop, which answers every
    // other request meanwhile (on a 2-core server, one check at a time).
    m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
}

SignInRoute::~SignInRoute()
{
    m_pool.waitForDone();
}

void SignInRoute::handle(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    auto line =
        std::make_shared<AccessLine>(AccessLine{requestIdOf(request), request.url().path(), {}, {}, {}});
    line->timer.start();
    auto retryAfter = std::make_shared<int>(30);
    auto finish = [line, retryAfter](QHttpServerResponse response) {
        response.setHeader(sync::kRequestIdHeader, line->requestId.toLatin1());
        if (response.statusCode() == Status::TooManyRequests ||
            response.statusCode() == Status::ServiceUnavailable)
            response.setHeader("Retry-After", QByteArray::number(*retryAfter));
        line->write(static_cast<int>(response.statusCode()), response.data());
        return response;
    };
    auto now = [&](const Error &e) { finish(errorReply(e, line->requestId)).write(std::move(responder)); };

    if (request.body().size() > sync::kMaxBodyBytes)
        return now({QStringLiteral("body.too_large"), QStringLiteral("the body is too large")});
    // The answer is the same for every protocol kasp-sync accepts (its user object is camelCase in
    // all of them).
    if (auto protocol = protocolOf(request); !protocol.ok())
        return now(protocol.error());
    // A sign-in is answered later, on this connection: it cannot also become a WebSocket.
    if (!header(request, "Upgrade").isEmpty())
        return now(
            {QStringLiteral("json.bad_value"), QStringLiteral("a sign-in is not a WebSocket upgrade")});
    auto body = sync::parseObject(request.body());
    if (!body.ok())
        return now(body.error());
    auto login = stringField(body.value(), "login");
    auto password = stringField(body.value(), "password");
    if (!login.ok() || !password.ok())
        return now(!login.ok() ? login.error() : password.error());
    line->login = login.value();
    const QString address = request.remoteAddress().toString();
    // One address cannot fill the queue of checks and keep everyone else out.
    if (m_pending >= kMaxPendingChecks || m_pendingByAddress.value(address) >= kMaxPendingPerAddress) {
        *retryAfter = 1;
        return now({QStringLiteral("server.busy"), QStringLiteral("too many sign-ins at once; try again")});
    }
    auto check = m_accounts.beginSignIn(address, login.value(), retryAfter.get());
    if (!check.ok())
        return now(check.error());

    // The responder writes to the socket QHttpServer handed this request. If the client has gone
    // by the time the check ends, that socket is deleted (or closing): nothing is written then.
    QPointer<QTcpSocket> socket = responder.socket();
    auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
    ++m_pending;
    ++m_pendingByAddress[address];
    const QString hash = check.value().hash;
    const QString secret = password.value();
    QtConcurrent::run(&m_pool, [hash, secret] { return verifyPassword(hash, secret); })
        .then(this, [this, held, socket, finish, line, address, name = login.value(),
                     stored = check.value()](bool matches) {
            --m_pending;
            if (--m_pendingByAddress[address] <= 0)
                m_pendingByAddress.remove(address);
            auto signedIn = m_accounts.finishSignIn(address, name, stored, matches);
            QHttpServerResponse response = signedIn.ok() ? jsonReply(signedInBody(signedIn.value()))
                                                         : errorReply(signedIn.error(), line->requestId);
            response = finish(std::move(response));
            if (socket && socket->state() == QAbstractSocket::ConnectedState)
                response.write(std::move(*held));
        });
}

} // namespace kasp::server
