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
    // The keychain's own text (QtKeychain's, D-Bus's: "The name org.freedesktop.secrets was not
    // provided…") is for IT and stays in the log; the dialog says what happened and what to do.
    qCWarning(lcSession) << "no key from the keychain:" << code << message;
    if (code == QLatin1String("keychain.not_found")) {
        emit needPassphrase(tr("The key of this database is not in the system keychain. If the database is "
                               "protected by a passphrase, enter it."),
                            false);
    } else if (!exists) {
        emit needPassphrase(
            tr("KASP keeps the database key in the system password storage (GNOME Keyring "
               "or KWallet), but on this computer it is not running or cannot be reached.\n\n"
               "The database can be protected by a passphrase instead: think one up, at least "
               "8 characters, and keep it safe — without it the database cannot be opened. "
               "KASP never writes the key to a file.\n\n"
               "To use the password storage instead, cancel, have it started (ask IT) and "
               "open KASP again."),
            true);
    } else {
        emit needPassphrase(
            tr("The system password storage (GNOME Keyring or KWallet), where KASP keeps "
               "the database key, is not running or cannot be reached on this computer.\n\n"
               "If this database is protected by a passphrase, enter it. If its key is in the "
               "password storage, cancel, have the storage started (ask IT) and open KASP "
               "again."),
            false);
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
