#pragma once
// kasp-sync's HTTP face: JSON routes and the poke WebSocket on one port (TLS when configured).
// Single-threaded: Qt's event loop serves requests one at a time on one PostgreSQL connection; the
// database does the concurrency between instances.
#include "accountstore.h"
#include "pokehub.h"
#include "serverconfig.h"
#include "syncstore.h"
#include <memory>
#include <QHttpServer>
#include <QObject>
#include <QTimer>

namespace kasp::server {

class ConnectionGuard;
class SignInRoute;

class SyncServer : public QObject
{
    Q_OBJECT
public:
    explicit SyncServer(ServerConfig config, QObject *parent = nullptr);
    ~SyncServer() override;

    // Connects to PostgreSQL (schema must be current), loads TLS files, listens. Returns the port.
    Result<quint16> start();
    PokeHub &pokes() { return m_pokes; }

    static Result<QSqlDatabase> connect(const ServerConfig &config, const QString &name);

private:
    struct Call; // one request's context for the access log
    QHttpServerResponse handle(const QHttpServerRequest &request, bool needsAuth,
                               const std::function<QHttpServerResponse(Call &)> &body);
    QHttpServerResponse health();
    QHttpServerResponse refresh(Call &call);
    QHttpServerResponse signOut(Call &call);
    QHttpServerResponse push(Call &call);
    QHttpServerResponse pull(Call &call);
    void acceptWebSockets();
    void checkDatabase(); // reconnects both connections after PostgreSQL went away

    ServerConfig m_config;
    QSqlDatabase m_db;
    QSqlDatabase m_listener;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<SyncStore> m_sync;
    PokeHub m_pokes;
    std::unique_ptr<ConnectionGuard> m_guard;
    std::unique_ptr<SignInRoute> m_signIn;
    QHttpServer m_http;
    QTimer m_purge;
    QTimer m_watchdog;
    static constexpr int kRetentionDays = 30;
};

} // namespace kasp::server
