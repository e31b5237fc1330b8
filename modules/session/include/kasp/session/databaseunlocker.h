#pragma once
// Finds the key of a database and opens it, asynchronously:
//  - key in the keychain            -> open with the raw key;
//  - new database, keychain works   -> a fresh random 256-bit key, stored first, then create;
//  - keychain unavailable, or an existing database whose key is not in the keychain
//                                   -> needPassphrase(): the UI asks, then calls unlockWithPassphrase().
// The key is never written to a file.
#include "kasp/core/result.h"
#include "kasp/storage/connectionfactory.h"
#include "kasp/storage/databasekey.h"
#include <QObject>
#include <QSqlDatabase>

namespace kasp::credentials {
class CredentialStore;
}

namespace kasp::session {

class DatabaseUnlocker : public QObject
{
    Q_OBJECT
public:
    DatabaseUnlocker(credentials::CredentialStore *store, QString databasePath, QString connectionName,
                     QObject *parent = nullptr);

    void start();
    void unlockWithPassphrase(const QString &passphrase);
    QString databasePath() const { return m_path; }
    // After unlocked(): opens more connections to the database (worker threads), with its key.
    storage::ConnectionOpener workerConnections() const { return m_workers; }
    // After unlocked(): how the database was opened (path, key, connection), for a rebuild of a
    // damaged replica; reopen() opens it again the same way (unlocked() or failed() follow).
    const storage::OpenOptions &openedWith() const { return m_opened; }
    void reopen();

signals:
    void unlocked(const QString &connectionName);
    // creating: the passphrase will protect a new database (the UI asks for it twice).
    void needPassphrase(const QString &reason, bool creating);
    void failed(const QString &code, const QString &message);

private:
    void onKeyRead(const QString &key, const QString &secret);
    void onKeychainFailed(const QString &key, const QString &code, const QString &message);
    void openWith(const storage::DatabaseKey &key);

    credentials::CredentialStore *m_store;
    QString m_path;
    QString m_connectionName;
    QString m_keyName;
    storage::DatabaseKey m_pendingKey; // a fresh key waiting for the keychain write to succeed
    storage::ConnectionOpener m_workers;
    storage::OpenOptions m_opened;
};

} // namespace kasp::session
