#pragma once
// kasp-sync's settings: an INI file (--config) overridden by command-line flags. Secrets (the
// database password) may come from the environment so they stay out of `ps` and of the file.
#include "kasp/core/result.h"
#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace kasp::server {

struct ServerConfig
{
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 port = 8765; // 0: any free port (printed on start)
    QString dbHost = QStringLiteral("127.0.0.1");
    int dbPort = 5432;
    QString dbName = QStringLiteral("kasp");
    QString dbUser = QStringLiteral("kasp");
    QString dbPassword; // or KASP_SYNC_DB_PASSWORD
    QString tlsCertificate;
    QString tlsKey;
    int accessTokenSecs = 15 * 60;
    int refreshTokenDays = 30;
};

// Reads the file first (when given) and then the flags. Errors: "config.file", "config.bad_value".
Result<ServerConfig> loadServerConfig(const QString &file, const ServerConfig &defaults = {});

} // namespace kasp::server
