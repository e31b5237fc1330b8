#include "kasp/session/settings.h"

#include <algorithm>

#include <QDir>
#include <QStandardPaths>

namespace kasp::session {

namespace {
const QString kVersionKey = QStringLiteral("settings/version");
const QString kDatabasePath = QStringLiteral("database/path");
const QString kLastLogin = QStringLiteral("session/lastLogin");
const QString kSyncServer = QStringLiteral("sync/serverUrl");
const QString kSyncLogin = QStringLiteral("sync/login");
const QString kLanguage = QStringLiteral("ui/language");
const QString kGeometry = QStringLiteral("ui/mainWindowGeometry");
const QString kState = QStringLiteral("ui/mainWindowState");
} // namespace

Settings::Settings() : m_settings(QStringLiteral("KASP"), QStringLiteral("kasp"))
{
    upgrade();
}

Settings::Settings(const QString &iniPath) : m_settings(iniPath, QSettings::IniFormat)
{
    upgrade();
}

void Settings::upgrade()
{
    int version = m_settings.value(kVersionKey, 0).toInt();
    // Numbered upgrades go here: if (version < 2) { ...; version = 2; }
    if (version < 1)
        version = 1; // version 1 is the first layout: nothing to carry over
    m_settings.setValue(kVersionKey, version);
}

QString Settings::databasePath() const
{
    const QString stored = m_settings.value(kDatabasePath).toString();
    if (!stored.isEmpty())
        return stored;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + QStringLiteral("/kasp.db");
}

void Settings::setDatabasePath(const QString &path)
{
    m_settings.setValue(kDatabasePath, path);
}
QString Settings::syncServerUrl() const
{
    return m_settings.value(kSyncServer).toString();
}
void Settings::setSyncServerUrl(const QString &url)
{
    m_settings.setValue(kSyncServer, url);
}
int Settings::idleLockMinutes() const
{
    return std::clamp(m_settings.value(QStringLiteral("session/idleLockMinutes"), 15).toInt(), 0, 240);
}

void Settings::setIdleLockMinutes(int minutes)
{
    m_settings.setValue(QStringLiteral("session/idleLockMinutes"), std::clamp(minutes, 0, 240));
}

Settings::Mail Settings::mail() const
{
    Mail m;
    m.sanatorium = m_settings.value(QStringLiteral("mail/sanatorium")).toString();
    m.contacts = m_settings.value(QStringLiteral("mail/contacts")).toString();
    m.fromAddress = m_settings.value(QStringLiteral("mail/from")).toString();
    m.logoPath = m_settings.value(QStringLiteral("mail/logo")).toString();
    m.host = m_settings.value(QStringLiteral("mail/host")).toString();
    m.port = m_settings.value(QStringLiteral("mail/port"), 25).toInt();
    m.security = m_settings.value(QStringLiteral("mail/security"), QStringLiteral("starttls")).toString();
    m.user = m_settings.value(QStringLiteral("mail/user")).toString();
    m.caFile = m_settings.value(QStringLiteral("mail/caFile")).toString();
    m.taskAfterMinutes = std::max(1, m_settings.value(QStringLiteral("mail/taskAfterMinutes"), 30).toInt());
    return m;
}

void Settings::setMail(const Mail &m)
{
    m_settings.setValue(QStringLiteral("mail/sanatorium"), m.sanatorium);
    m_settings.setValue(QStringLiteral("mail/contacts"), m.contacts);
    m_settings.setValue(QStringLiteral("mail/from"), m.fromAddress);
    m_settings.setValue(QStringLiteral("mail/logo"), m.logoPath);
    m_settings.setValue(QStringLiteral("mail/host"), m.host);
    m_settings.setValue(QStringLiteral("mail/port"), m.port);
    m_settings.setValue(QStringLiteral("mail/security"), m.security);
    m_settings.setValue(QStringLiteral("mail/user"), m.user);
    m_settings.setValue(QStringLiteral("mail/caFile"), m.caFile);
    m_settings.setValue(QStringLiteral("mail/taskAfterMinutes"), m.taskAfterMinutes);
}

Settings::OnlinePayments Settings::onlinePayments() const
{
    OnlinePayments p;
    p.apiUrl = m_settings.value(QStringLiteral("payments/apiUrl"), p.apiUrl).toString();
    p.shopId = m_settings.value(QStringLiteral("payments/shopId")).toString();
    p.returnUrl = m_settings.value(QStringLiteral("payments/returnUrl")).toString();
    return p;
}

void Settings::setOnlinePayments(const OnlinePayments &p)
{
    m_settings.setValue(QStringLiteral("payments/apiUrl"), p.apiUrl);
    m_settings.setValue(QStringLiteral("payments/shopId"), p.shopId);
    m_settings.setValue(QStringLiteral("payments/returnUrl"), p.returnUrl);
}

Settings::Phone Settings::phone() const
{
    Phone p;
    p.server = m_settings.value(QStringLiteral("phone/server")).toString();
    p.user = m_settings.value(QStringLiteral("phone/user")).toString();
    p.transport = m_settings.value(QStringLiteral("phone/transport"), p.transport).toString();
    p.globalKeys = m_settings.value(QStringLiteral("phone/global_keys"), p.globalKeys).toBool();
    p.dialPrefix = m_settings.value(QStringLiteral("phone/dial_prefix"), p.dialPrefix).toString();
    if (p.dialPrefix != QLatin1String("+7") && p.dialPrefix != QLatin1String("7"))
        p.dialPrefix = QStringLiteral("8"); // anything else in a hand-edited file
    p.recording = m_settings.value(QStringLiteral("phone/recording"), p.recording).toString();
    p.microphone = m_settings.value(QStringLiteral("phone/microphone")).toString();
    p.speaker = m_settings.value(QStringLiteral("phone/speaker")).toString();
    return p;
}

void Settings::setPhone(const Phone &p)
{
    m_settings.setValue(QStringLiteral("phone/server"), p.server);
    m_settings.setValue(QStringLiteral("phone/user"), p.user);
    m_settings.setValue(QStringLiteral("phone/transport"), p.transport);
    m_settings.setValue(QStringLiteral("phone/global_keys"), p.globalKeys);
    m_settings.setValue(QStringLiteral("phone/dial_prefix"), p.dialPrefix);
    m_settings.setValue(QStringLiteral("phone/recording"), p.recording);
    m_settings.setValue(QStringLiteral("phone/microphone"), p.microphone);
    m_settings.setValue(QStringLiteral("phone/speaker"), p.speaker);
}

QString Settings::syncLogin() const
{
    return m_settings.value(kSyncLogin).toString();
}
void Settings::setSyncLogin(const QString &login)
{
    m_settings.setValue(kSyncLogin, login);
}

QString Settings::lastLogin() const
{
    return m_settings.value(kLastLogin).toString();
}
void Settings::setLastLogin(const QString &login)
{
    m_settings.setValue(kLastLogin, login);
}
QString Settings::language() const
{
    return m_settings.value(kLanguage).toString();
}
void Settings::setLanguage(const QString &language)
{
    m_settings.setValue(kLanguage, language);
}
QByteArray Settings::windowGeometry() const
{
    return m_settings.value(kGeometry).toByteArray();
}
void Settings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(kGeometry, geometry);
}
QByteArray Settings::windowState() const
{
    return m_settings.value(kState).toByteArray();
}
void Settings::setWindowState(const QByteArray &state)
{
    m_settings.setValue(kState, state);
}
int Settings::version() const
{
    return m_settings.value(kVersionKey).toInt();
}
void Settings::sync()
{
    m_settings.sync();
}

} // namespace kasp::session
