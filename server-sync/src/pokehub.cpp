#include "pokehub.h"

#include "jsonlog.h"

#include <QSqlError>
#include <QSqlQuery>

namespace kasp::server {

PokeHub::~PokeHub()
{
    for (auto &list : m_byOrg)
        qDeleteAll(list);
}

bool PokeHub::listen(QSqlDatabase listener)
{
    QSqlDriver *driver = listener.driver();
    if (!driver->subscribeToNotification(QLatin1String(kChannel)))
        return false;
    connect(driver, &QSqlDriver::notification, this, &PokeHub::onNotification, Qt::UniqueConnection);
    return true;
}

void PokeHub::announce(QSqlDatabase db, const QString &orgId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT pg_notify(?::text, ?::text)"));
    q.addBindValue(QString::fromLatin1(kChannel));
    q.addBindValue(orgId);
    if (!q.exec()) // desktops still pull every 30-60 s; say so and go on
        logEvent(QStringLiteral("warn"), QStringLiteral("poke.failed"),
                 {{QStringLiteral("org"), orgId}, {QStringLiteral("why"), q.lastError().text()}});
}

void PokeHub::add(const QString &orgId, std::unique_ptr<QWebSocket> socket)
{
    QWebSocket *raw = socket.release();
    raw->setParent(this);
    // The socket only carries pokes to the desk; whatever a desk sends is small (a ping) and
    // ignored, so a large frame or message is refused rather than buffered.
    raw->setMaxAllowedIncomingFrameSize(4096);
    raw->setMaxAllowedIncomingMessageSize(4096);
    m_byOrg[orgId].append(raw);
    ++m_count;
    connect(raw, &QWebSocket::disconnected, this, [this, raw, orgId] {
        if (m_byOrg[orgId].removeOne(raw))
            --m_count;
        raw->deleteLater();
    });
    // Desktops may ping with text; anything they send is ignored, the socket only carries pokes.
}

int PokeHub::socketCount() const
{
    return m_count;
}

void PokeHub::onNotification(const QString &name, QSqlDriver::NotificationSource, const QVariant &payload)
{
    if (name != QLatin1String(kChannel))
        return;
    const QString orgId = payload.toString();
    const auto sockets = m_byOrg.value(orgId);
    for (QWebSocket *socket : sockets)
        socket->sendTextMessage(QStringLiteral("poke"));
    logEvent(QStringLiteral("info"), QStringLiteral("poke"),
             {{QStringLiteral("org"), orgId}, {QStringLiteral("sockets"), static_cast<int>(sockets.size())}});
    emit poked(orgId, static_cast<int>(sockets.size()));
}

} // namespace kasp::server
