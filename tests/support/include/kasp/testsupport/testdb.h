#pragma once
// A fresh encrypted database per test (header-only, so only tests that link kasp::storage see it).
#include "kasp/storage/connectionfactory.h"
#include "kasp/testsupport/testenv.h"
#include <QTest>
#include <QUuid>

namespace kasp::test {

struct TestDatabase
{
    QString path;
    storage::DatabaseKey key;
    QString connection;
    QSqlDatabase db;

    // Opens (creating) an encrypted, migrated database; QVERIFY-style failure on error.
    static TestDatabase create(const QString &hint = QStringLiteral("db"))
    {
        TestDatabase t;
        t.path = makeTempDir(hint) + QStringLiteral("/kasp.db");
        t.key = storage::DatabaseKey::generateRaw();
        t.connection = QUuid::createUuid().toString();
        auto opened = storage::ConnectionFactory::open({t.path, t.key, t.connection, true, true});
        if (!opened.ok())
            qFatal("cannot create test database: %s", qPrintable(opened.error().message));
        t.db = opened.value();
        return t;
    }

    void close()
    {
        db = QSqlDatabase();
        storage::ConnectionFactory::close(connection);
    }
};

} // namespace kasp::test
