#pragma once
// The kasp-sync test fixture shared by tst_server and tst_serverops: a throwaway PostgreSQL, a real
// kasp-sync process with the organisation's staff, a checking connection, and HTTP helpers.
#include "httpcall.h"
#include "kasp/testsupport/pgcluster.h"
#include "kasp/testsupport/syncserverprocess.h"
#include "kasp/testsupport/testenv.h"
#include "syncdata.h"

#include <QSqlQuery>
#include <QtTest>

namespace kasp::test {

inline const QString kServerPassword = QStringLiteral("correct horse battery");
inline const QString kServerOrg = QStringLiteral("Санаторий Русь");

struct ServerFixture
{
    PgCluster pg;
    std::unique_ptr<SyncServerProcess> server;
    QSqlDatabase db;
    RoomStock stock;
    QString headToken;
    QString headClient = idToString(newId());

    // Staff of kServerOrg (galina head of sales, anna and boris consultants, victor director, victim
    // for throttling) and olga of another organisation; the head enters the room stock.
    bool start(QString *error)
    {
        initTestEnvironment();
        if (!pg.start(error))
            return false;
        server = std::make_unique<SyncServerProcess>(pg, QStringLiteral(KASP_SYNC_BINARY));
        if (!server->initDb(error) || !server->initDb(error)) // twice: idempotent
            return false;
        for (const auto &[login, role] : QList<std::pair<QString, QString>>{{"galina", "head_of_sales"},
                                                                            {"anna", "consultant"},
                                                                            {"boris", "consultant"},
                                                                            {"victor", "director"},
                                                                            {"victim", "consultant"}})
            if (!server->addUser(kServerOrg, login, role, kServerPassword, error))
                return false;
        if (!server->addUser(QStringLiteral("Другой санаторий"), QStringLiteral("olga"),
                             QStringLiteral("consultant"), kServerPassword, error))
            return false;
        if (server->addUser(kServerOrg, QStringLiteral("anna"), QStringLiteral("consultant"), kServerPassword,
                            error) ||
            !error->contains(QStringLiteral("taken"))) {
            *error = QStringLiteral("a second \"anna\" was not refused: ") + *error;
            return false;
        }
        if (!server->start(error))
            return false;
        db = pg.connect(QStringLiteral("check"), error);
        if (!db.isOpen())
            return false;
        headToken = signIn(QStringLiteral("galina"));
        const HttpReply r = push(headToken, headClient, stock.mutations(1));
        auto response = sync::decodePushResponse(r.body);
        if (r.status != 200 || !response.ok() || response.value().lastMutationId != 3) {
            *error = QStringLiteral("room stock push: %1").arg(QString::fromUtf8(r.body));
            return false;
        }
        return true;
    }

    QString signIn(const QString &login, const QString &base = {})
    {
        HttpCall http(base.isEmpty() ? server->baseUrl() : base);
        const HttpReply r =
            http.post(QStringLiteral("/v1/auth/signin"),
                      QJsonDocument(QJsonObject{{"login", login}, {"password", kServerPassword}}).toJson());
        if (r.status != 200)
            qWarning() << "sign-in" << login << r.status << r.body;
        return r.json().value(QStringLiteral("accessToken")).toString();
    }

    HttpReply push(const QString &token, const QString &client, const QList<sync::PushedMutation> &mutations,
                   const QString &base = {})
    {
        HttpCall http(base.isEmpty() ? server->baseUrl() : base);
        http.token = token;
        return http.post(QStringLiteral("/v1/push"), sync::encode(sync::PushRequest{client, mutations}));
    }

    sync::PullResponse pullAll(const QString &token, const QString &client, qint64 cursor = 0,
                               int limit = 1000, const QByteArray &schema = "1",
                               const QByteArray &protocol = QByteArray::number(sync::kProtocolVersion))
    {
        HttpCall http(server->baseUrl());
        http.token = token;
        http.schema = schema;
        http.protocol = protocol;
        sync::PullResponse all;
        all.cursor = cursor;
        do {
            const HttpReply r = http.post(QStringLiteral("/v1/pull"),
                                          sync::encode(sync::PullRequest{client, all.cursor, limit}));
            auto page = sync::decodePullResponse(r.body);
            if (r.status != 200 || !page.ok()) {
                qWarning() << "pull" << r.status << r.body;
                return all;
            }
            all.records += page.value().records;
            all.cursor = page.value().cursor;
            all.more = page.value().more;
            all.head = page.value().head;
            all.lastMutationId = page.value().lastMutationId;
        } while (all.more);
        return all;
    }

    qint64 count(const QString &sql)
    {
        QSqlQuery q(db);
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }
};

} // namespace kasp::test
