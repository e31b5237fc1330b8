#include "kasp/session/databaseunlocker.h"

#include "kasp/credentials/credentialstore.h"
#include "kasp/storage/connectionfactory.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSession, "kasp.session")

namespace kasp::session {

DatabaseUnlocker::DatabaseUnlocker(credentials::CredentialStore *store, QString databasePath,
                                   QString connectionName, QObject *parent)
    : QObject(parent), m_store(store), m_path(std::move(databasePath)),
      m_connectionName(std::move(connectionName)),
      m_keyName(credentials::CredentialStore::databaseKeyName(m_path))
{
    connect(m_store, &credentials::CredentialStore::readFinished, this, &DatabaseUnlocker::onKeyRead);
    connect(m_store, &credentials::CredentialStore::failed, this, &DatabaseUnlocker::onKeychainFailed);
    connect(m_store, &credentials::CredentialStore::writeFinished, this, [this](const QString &key) {
        if (key == m_keyName && !m_pendingKey.isNull())
            openWith(std::exchange(m_pendingKey, storage::DatabaseKey()));
    });
}

void DatabaseUnlocker::start()
{
    m_store->read(m_keyName);
}

void DatabaseUnlocker::unlockWithPassphrase(const QString &passphrase)
{
    if (passphrase.isEmpty()) {
        emit failed(QStringLiteral("session.empty_passphrase"), tr("The passphrase must not be empty."));
        return;
    }
    openWith(storage::DatabaseKey::fromPassphrase(passphrase));
}

void DatabaseUnlocker::onKeyRead(const QString &key, const QString &secret)
{
    if (key != m_keyName)
        return;
    auto parsed = storage::DatabaseKey::fromHex(secret);
    if (!parsed.ok()) {
        emit failed(parsed.error().code, parsed.error().message);
        return;
    }
    openWith(parsed.value());
}

void DatabaseUnlocker::onKeychainFailed(const QString &key, const QString &code, const QString &message)
{
    if (key != m_keyName)
        return;
    const bool exists = QFileInfo::exists(m_path);
    if (code == QLatin1String("keychain.not_found") && !exists) {
        m_pendingKey = storage::DatabaseKey::generateRaw();
        m_store->write(m_keyName, m_pendingKey.toHex()); // open only once the key is safely stored
        return;
    }
    m_pendingKey = storage::DatabaseKey();
    qCWarning(lcSession) << "no key from the keychain:" << code << message;
    if (code == QLatin1String("keychain.not_found")) {
        emit needPassphrase(tr("The key of this database is not in the system keychain. If the database is "
                               "protected by a passphrase, enter it."),
                            false);
    } else {
        emit needPassphrase(
            tr("The system keychain is not available (%1). The database will be protected by a "
               "passphrase instead; KASP never stores the key in a file.")
                .arg(message),
            !exists);
    }
}

void DatabaseUnlocker::openWith(const storage::DatabaseKey &key)
{
    const storage::OpenOptions options{m_path, key, m_connectionName, /*create=*/true, /*migrate=*/true};
    auto opened = storage::ConnectionFactory::open(options);
    if (!opened.ok()) {
        emit failed(opened.error().code, opened.error().message);
        return;
    }
    m_workers = storage::ConnectionFactory::sameDatabase(options);
    m_opened = options;
    emit unlocked(m_connectionName);
}

void DatabaseUnlocker::reopen()
{
    openWith(m_opened.key);
}

} // namespace kasp::session
