#include "kasp/credentials/credentialstore.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QLoggingCategory>
#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcKeychain, "kasp.keychain")

namespace kasp::credentials {

namespace {

QString errorCode(QKeychain::Error error)
{
    return error == QKeychain::EntryNotFound ? QStringLiteral("keychain.not_found")
                                             : QStringLiteral("keychain.unavailable");
}

} // namespace

CredentialStore::CredentialStore(QString service, QObject *parent)
    : QObject(parent), m_service(std::move(service))
{
}

QString CredentialStore::databaseKeyName(const QString &databasePath)
{
    // The canonical path identifies the file; hashed so the entry name stays short and opaque.
    const QString canonical = QFileInfo(databasePath).absoluteFilePath();
    return QStringLiteral("database-key:") +
           QString::fromLatin1(
               QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha256).toHex().left(32));
}

// Jobs are not children of the store: libsecret calls back into a job when it completes, so a job
// deleted with its store while in flight crashed the process (a dialog's store gone right after a
// password was saved). A job deletes itself when done; the connection's context (`this`) drops
// the result when the store is gone, and a write still completes.
void CredentialStore::read(const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *j) {
        auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (readJob->error() == QKeychain::NoError) {
            emit readFinished(key, readJob->textData());
            return;
        }
        qCInfo(lcKeychain) << "read" << key << "failed:" << readJob->errorString();
        emit failed(key, errorCode(readJob->error()), readJob->errorString());
    });
    job->start();
}

void CredentialStore::write(const QString &key, const QString &secret)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError) {
            emit writeFinished(key);
            return;
        }
        qCWarning(lcKeychain) << "write" << key << "failed:" << j->errorString();
        emit failed(key, errorCode(j->error()), j->errorString());
    });
    job->start();
}

void CredentialStore::remove(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError) {
            emit removeFinished(key);
            return;
        }
        emit failed(key, errorCode(j->error()), j->errorString());
    });
    job->start();
}

} // namespace kasp::credentials
