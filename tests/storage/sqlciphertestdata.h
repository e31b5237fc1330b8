#pragma once
// Keys, sample files and helpers shared by the QSQLCIPHER driver tests.
#include "kasp/storage/sqlcipherdriver.h"
#include "kasp/testsupport/testenv.h"

#include <algorithm>
#include <limits>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSqlResult>
#include <QTest>
#include <thread>
#include <vector>

using kasp::storage::kSqlCipherDriverName;

namespace kasp::drivertest {

inline const QString kHexKey =
    QStringLiteral("2DD29CA851E7B56E4697B0E1F08507293D761A05CE4D1B628663F411A8086D99");
inline const QString kRawKey = QStringLiteral("x'%1'").arg(kHexKey);
inline const QString kOtherRawKey =
    QStringLiteral("x'0000000000000000000000000000000000000000000000000000000000000001'");
inline const QString kSurname = QStringLiteral("Иванова");

inline QByteArray errorText(const QSqlError &error)
{
    return error.text().toUtf8();
}

inline QSqlDatabase addConnection(const QString &name, const QString &path, const QString &key,
                                  const QString &options = QString())
{
    kasp::storage::registerSqlCipherDriver();
    QSqlDatabase db = QSqlDatabase::addDatabase(QString::fromLatin1(kSqlCipherDriverName), name);
    db.setDatabaseName(path);
    db.setPassword(key);
    db.setConnectOptions(options);
    return db;
}

// The address behind a handle() variant; the test does not see the sqlite types.
inline const void *handlePointer(const QVariant &handle)
{
    return handle.isValid() ? *static_cast<const void *const *>(handle.constData()) : nullptr;
}

inline qlonglong countRows(QSqlDatabase db, const QString &table)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

#ifdef Q_OS_LINUX
// Open descriptors of this process on the file: a zombie connection would keep one.
inline int openDescriptors(const QString &path)
{
    const QString target = QFileInfo(path).canonicalFilePath();
    int count = 0;
    const QStringList fds = QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files | QDir::System);
    for (const QString &fd : fds) {
        if (QFileInfo(QStringLiteral("/proc/self/fd/") + fd).symLinkTarget() == target)
            ++count;
    }
    return count;
}
#endif

inline QString makeSample(const QString &dir, const QString &name, const QString &key = kRawKey)
{
    const QString file = dir + QLatin1Char('/') + name;
    const QString connection = QStringLiteral("sample-") + name;
    {
        QSqlDatabase db = addConnection(connection, file, key);
        if (!db.open())
            qFatal("cannot create sample: %s", errorText(db.lastError()).constData());
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("CREATE TABLE people (id INTEGER PRIMARY KEY, s TEXT NOT NULL)")) ||
            !q.prepare(QStringLiteral("INSERT INTO people (s) VALUES (?)")))
            qFatal("cannot create sample: %s", errorText(q.lastError()).constData());
        for (const QString &s : {kSurname, QStringLiteral("Petrov"), QStringLiteral("Sidorov")}) {
            q.addBindValue(s);
            if (!q.exec())
                qFatal("cannot fill sample: %s", errorText(q.lastError()).constData());
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return file;
}

} // namespace kasp::drivertest
