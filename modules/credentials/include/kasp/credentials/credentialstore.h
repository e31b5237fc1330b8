#pragma once
// One asynchronous door to the OS keychain. Callers connect to the signals; no nested event loops,
// no keychain calls from widgets. Errors come with a stable code:
//   "keychain.not_found"   the entry does not exist (a new database, or one opened elsewhere);
//   "keychain.unavailable" no Secret Service / keyring, access denied, or any other failure:
//                          the app must say so and fall back to a passphrase, never to a file.
#include <QObject>
#include <QString>

namespace kasp::credentials {

class CredentialStore : public QObject
{
    Q_OBJECT
public:
    explicit CredentialStore(QString service, QObject *parent = nullptr);

    void read(const QString &key);
    void write(const QString &key, const QString &secret);
    void remove(const QString &key);

    // The keychain entry that holds the raw key of one database file.
    static QString databaseKeyName(const QString &databasePath);

signals:
    void readFinished(const QString &key, const QString &secret);
    void writeFinished(const QString &key);
    void removeFinished(const QString &key);
    void failed(const QString &key, const QString &code, const QString &message);

private:
    QString m_service;
};

} // namespace kasp::credentials
