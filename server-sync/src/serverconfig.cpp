#include "serverconfig.h"

#include <QFileInfo>
#include <QSettings>

namespace kasp::server {

Result<ServerConfig> loadServerConfig(const QString &file, const ServerConfig &defaults)
{
    ServerConfig config = defaults;
    if (file.isEmpty())
        return config;
    if (!QFileInfo(file).isReadable())
        return Error{QStringLiteral("config.file"), QStringLiteral("cannot read %1").arg(file)};
    QSettings ini(file, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError)
        return Error{QStringLiteral("config.file"), QStringLiteral("%1 is not an INI file").arg(file)};
    auto bad = [](const QString &key) {
        return Error{QStringLiteral("config.bad_value"), QStringLiteral("bad value for %1").arg(key)};
    };
    if (ini.contains(QStringLiteral("server/listen"))) {
        if (!config.listenAddress.setAddress(ini.value(QStringLiteral("server/listen")).toString()))
            return bad(QStringLiteral("server/listen"));
    }
    bool ok = true;
    if (ini.contains(QStringLiteral("server/port"))) {
        const uint port = ini.value(QStringLiteral("server/port")).toUInt(&ok);
        if (!ok || port > 65535)
            return bad(QStringLiteral("server/port"));
        config.port = static_cast<quint16>(port);
    }
    config.tlsCertificate = ini.value(QStringLiteral("tls/certificate"), config.tlsCertificate).toString();
    config.tlsKey = ini.value(QStringLiteral("tls/key"), config.tlsKey).toString();
    config.dbHost = ini.value(QStringLiteral("database/host"), config.dbHost).toString();
    config.dbPort = ini.value(QStringLiteral("database/port"), config.dbPort).toInt(&ok);
    if (!ok)
        return bad(QStringLiteral("database/port"));
    config.dbName = ini.value(QStringLiteral("database/name"), config.dbName).toString();
    config.dbUser = ini.value(QStringLiteral("database/user"), config.dbUser).toString();
    config.dbPassword = ini.value(QStringLiteral("database/password"), config.dbPassword).toString();
    config.accessTokenSecs =
        ini.value(QStringLiteral("auth/access_token_secs"), config.accessTokenSecs).toInt(&ok);
    if (!ok || config.accessTokenSecs < 1)
        return bad(QStringLiteral("auth/access_token_secs"));
    config.refreshTokenDays =
        ini.value(QStringLiteral("auth/refresh_token_days"), config.refreshTokenDays).toInt(&ok);
    if (!ok || config.refreshTokenDays < 1)
        return bad(QStringLiteral("auth/refresh_token_days"));
    return config;
}

} // namespace kasp::server
