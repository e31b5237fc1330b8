// kasp-bench-sync: the sync figures of issue 3, against a real kasp-sync over a throwaway
// PostgreSQL on 127.0.0.1 (this machine, loopback). Each figure is printed with its data size.
//   push      mutations/s for one organisation and across 4 organisations (batches of 500)
//   fanout    a write on one desktop seen by N connected desktops (poke + pull), p50 / p99
//   firstsync a new desktop pulls R records into its encrypted replica
//   idle      kasp-sync RSS with N idle WebSocket clients
// Usage: kasp-bench-sync [--figure push|fanout|firstsync|idle|all] [--rows 1000000] [--clients 100]
#include "benchsupport.h"
#include "kasp/core/guest.h"
#include "kasp/core/mutation.h"
#include "kasp/storage/connectionfactory.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/sync/syncclient.h"
#include "kasp/syncproto/wire.h"
#include "kasp/testsupport/pgcluster.h"
#include "kasp/testsupport/syncserverprocess.h"
#include "kasp/testsupport/testenv.h"

#include <cstdio>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <sys/resource.h>

using namespace kasp;
using namespace kasp::sync;

namespace {

const QString kPassword = QStringLiteral("bench-password-1");

// False when it timed out: the caller fails the bench (bench::failBench), it does not print a figure.
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return done();
}

QString seconds(int ms)
{
    return QStringLiteral("no answer in %1 s").arg(ms / 1000);
}

// One HTTP/1.1 keep-alive connection, like one desktop's: raw, so 100 of them are 100 sockets.
class RawHttp : public QObject
{
public:
    RawHttp(quint16 port, QString token) : m_port(port), m_token(std::move(token))
    {
        connect(&m_socket, &QTcpSocket::readyRead, this, [this] { onReadyRead(); });
    }
    void post(const QByteArray &path, const QByteArray &body, std::function<void(const QByteArray &)> done)
    {
        if (m_socket.state() != QAbstractSocket::ConnectedState) {
            m_socket.connectToHost(QStringLiteral("127.0.0.1"), m_port);
            m_socket.waitForConnected(5000);
        }
        m_done = std::move(done);
        m_buffer.clear();
        QByteArray request = "POST " + path +
                             " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                             "X-Kasp-Protocol: " +
                             QByteArray::number(kProtocolVersion) +
                             "\r\nX-Kasp-Schema: 1\r\nAuthorization: Bearer " + m_token.toLatin1() +
                             "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        m_socket.write(request);
    }

private:
    void onReadyRead()
    {
        m_buffer += m_socket.readAll();
        const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QByteArray head = m_buffer.left(headerEnd).toLower();
        const qsizetype at = head.indexOf("content-length:");
        const qsizetype length =
            at < 0 ? 0 : head.mid(at + 15, head.indexOf('\r', at) - at - 15).trimmed().toLongLong();
        if (m_buffer.size() < headerEnd + 4 + length)
            return;
        const QByteArray body = m_buffer.mid(headerEnd + 4, length);
        m_buffer.clear();
        if (m_done)
            std::exchange(m_done, nullptr)(body);
    }

    QTcpSocket m_socket;
    quint16 m_port;
    QString m_token;
    QByteArray m_buffer;
    std::function<void(const QByteArray &)> m_done;
};

struct Bench
{
    test::PgCluster pg;
    std::unique_ptr<test::SyncServerProcess> server;
    QNetworkAccessManager net;

    // The answer's body; a timeout, a network error or a status other than 200 fails the bench.
    QByteArray call(const QString &path, const QByteArray &body, const QString &token = {})
    {
        QNetworkRequest request(QUrl(server->baseUrl() + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader(kProtocolHeader, QByteArray::number(kProtocolVersion)); // as desks send it
        request.setRawHeader(kSchemaHeader, "1");
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        QNetworkReply *reply = net.post(request, body);
        if (!waitUntil([reply] { return reply->isFinished(); }, 120'000))
            bench::failBench(QStringLiteral("POST ") + path, seconds(120'000));
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray out = reply->readAll();
        reply->deleteLater();
        if (status != 200)
            bench::failBench(
                QStringLiteral("POST ") + path,
                QStringLiteral("HTTP %1 %2 %3")
                    .arg(status)
                    .arg(status == 0 ? reply->errorString() : QString(), QString::fromUtf8(out)));
        return out;
    }

    QString signIn(const QString &login)
    {
        const QByteArray body =
            call(QStringLiteral("/v1/auth/signin"),
                 QJsonDocument(QJsonObject{{"login", login}, {"password", kPassword}}).toJson());
        const QString token =
            QJsonDocument::fromJson(body).object().value(QStringLiteral("accessToken")).toString();
        if (token.isEmpty())
            bench::failBench(QStringLiteral("sign-in of ") + login,
                             QStringLiteral("no access token in ") + QString::fromUtf8(body));
        return token;
    }

    void addUser(const QString &org, const QString &login)
    {
        QString error;
        if (!server->addUser(org, login, QStringLiteral("consultant"), kPassword, &error))
            bench::failBench(QStringLiteral("kasp-sync --add-user ") + login, error);
    }
};

PushedMutation guestCreate(qint64 id, int n)
{
    Guest g;
    g.id = newId();
    g.lastName = QStringLiteral("Нагрузкина");
    g.firstName = QStringLiteral("Гостья %1").arg(n);
    g.phones.append(
        Phone::fromE164(QStringLiteral("+7916%1").arg(n % 10'000'000, 7, 10, QLatin1Char('0'))).value());
    g.createdAt = g.updatedAt = QDateTime::currentDateTimeUtc();
    return PushedMutation{id, QStringLiteral("guest.create"), toJson(g), g.createdAt};
}

// Pushes `batches` batches of `batchSize` for each (token, client) concurrently; mutations/s. A
// push answered with anything but 200, or not finished in 10 minutes, fails the bench.
double pushRate(Bench &b, const QList<std::pair<QString, QString>> &clients, int batches, int batchSize)
{
    struct Lane
    {
        QString token, client;
        int sent = 0;
        qint64 nextId = 1;
    };
    QList<Lane> lanes;
    for (const auto &[token, client] : clients)
        lanes.append(Lane{token, client});
    // Encode outside the timing: the desktop has its outbox ready.
    QList<QList<QByteArray>> bodies(lanes.size());
    int n = 0;
    for (int l = 0; l < lanes.size(); ++l)
        for (int i = 0; i < batches; ++i) {
            PushRequest request{lanes[l].client, {}};
            for (int k = 0; k < batchSize; ++k)
                request.mutations.append(guestCreate(lanes[l].nextId++, n++));
            bodies[l].append(encode(request));
        }
    int finished = 0, failures = 0;
    QString firstFailure;
    std::function<void(int)> sendNext = [&](int l) {
        Lane &lane = lanes[l];
        if (lane.sent == batches) {
            ++finished;
            return;
        }
        QNetworkRequest request(QUrl(b.server->baseUrl() + QStringLiteral("/v1/push")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader(kProtocolHeader, QByteArray::number(kProtocolVersion)); // as desks send it
        request.setRawHeader(kSchemaHeader, "1");
        request.setRawHeader("Authorization", "Bearer " + lane.token.toLatin1());
        QNetworkReply *reply = b.net.post(request, bodies[l][lane.sent++]);
        QObject::connect(reply, &QNetworkReply::finished, [&, reply, l] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status != 200 && failures++ == 0)
                firstFailure = QStringLiteral("HTTP %1 %2 %3")
                                   .arg(status)
                                   .arg(status == 0 ? reply->errorString() : QString(),
                                        QString::fromUtf8(reply->readAll()));
            reply->deleteLater();
            sendNext(l);
        });
    };
    QElapsedTimer timer;
    timer.start();
    for (int l = 0; l < lanes.size(); ++l)
        sendNext(l);
    const bool allFinished = waitUntil([&] { return finished == lanes.size(); }, 600'000);
    const double secs = timer.nsecsElapsed() / 1e9;
    if (failures)
        bench::failBench(
            QStringLiteral("push (%1 of %2 batches failed)").arg(failures).arg(lanes.size() * batches),
            firstFailure);
    if (!allFinished)
        bench::failBench(QStringLiteral("push"), seconds(600'000));
    return lanes.size() * batches * batchSize / secs;
}

void benchPush(Bench &b)
{
    for (int i = 0; i < 4; ++i)
        b.addUser(QStringLiteral("Org%1").arg(i), QStringLiteral("push%1").arg(i));
    QList<std::pair<QString, QString>> clients;
    for (int i = 0; i < 4; ++i)
        clients.append({b.signIn(QStringLiteral("push%1").arg(i)), idToString(newId())});
    const double one = pushRate(b, {clients[0]}, 40, 500);
    std::printf(
        "push, one organisation: %.0f mutations/s (20,000 guest.create in batches of 500, one client)\n",
        one);
    QList<std::pair<QString, QString>> fresh;
    for (int i = 0; i < 4; ++i)
        fresh.append({clients[i].first, idToString(newId())});
    const double four = pushRate(b, fresh, 10, 500);
    std::printf(
        "push, 4 organisations at once: %.0f mutations/s (4 x 5,000 guest.create in batches of 500)\n", four);
}

void benchFanout(Bench &b, int desktops, int rounds)
{
    b.addUser(QStringLiteral("Fan"), QStringLiteral("fanwriter"));
    for (int i = 0; i < desktops; ++i)
        b.addUser(QStringLiteral("Fan"), QStringLiteral("fan%1").arg(i));
    const QString writer = b.signIn(QStringLiteral("fanwriter"));
    struct Desk
    {
        std::unique_ptr<RawHttp> http;
        std::unique_ptr<QWebSocket> socket;
        QString client = idToString(newId());
        qint64 cursor = 0;
        bool pulling = false;
    };
    std::vector<Desk> desks(static_cast<size_t>(desktops));
    QString expectedId;
    QElapsedTimer sinceWrite;
    std::vector<double> latencies;
    int seen = 0;
    QString pullError; // set in a reply's handler, failed on after the wait
    for (int i = 0; i < desktops; ++i) {
        Desk &d = desks[static_cast<size_t>(i)];
        const QString token = b.signIn(QStringLiteral("fan%1").arg(i));
        d.http = std::make_unique<RawHttp>(static_cast<quint16>(b.server->port()), token);
        d.socket = std::make_unique<QWebSocket>();
        // Catch up first so every desk starts at the head.
        bool caughtUp = false;
        std::function<void()> pull = [&d, &caughtUp, &pull, &pullError] {
            d.http->post("/v1/pull", encode(PullRequest{d.client, d.cursor, 5000}),
                         [&](const QByteArray &body) {
                             auto page = decodePullResponse(body);
                             if (!page.ok())
                                 pullError = page.error().code + QStringLiteral(": ") + page.error().message;
                             else if (page.value().more) {
                                 d.cursor = page.value().cursor;
                                 pull();
                                 return;
                             } else
                                 d.cursor = page.value().cursor;
                             caughtUp = true;
                         });
        };
        pull();
        if (!waitUntil([&] { return caughtUp; }, 10'000))
            bench::failBench(QStringLiteral("catch-up pull of desktop %1").arg(i), seconds(10'000));
        if (!pullError.isEmpty())
            bench::failBench(QStringLiteral("catch-up pull of desktop %1").arg(i), pullError);
        QObject::connect(d.socket.get(), &QWebSocket::textMessageReceived,
                         [&d, &expectedId, &sinceWrite, &latencies, &seen, &pullError](const QString &) {
                             if (d.pulling)
                                 return;
                             d.pulling = true;
                             d.http->post("/v1/pull", encode(PullRequest{d.client, d.cursor, 5000}),
                                          [&](const QByteArray &body) {
                                              d.pulling = false;
                                              auto page = decodePullResponse(body);
                                              if (!page.ok()) {
                                                  pullError = page.error().code + QStringLiteral(": ") +
                                                              page.error().message;
                                                  return;
                                              }
                                              d.cursor = page.value().cursor;
                                              for (const Record &r : page.value().records)
                                                  if (r.id == expectedId) {
                                                      latencies.push_back(sinceWrite.nsecsElapsed() / 1e6);
                                                      ++seen;
                                                  }
                                          });
                         });
        d.socket->open(QUrl(
            QStringLiteral("ws://127.0.0.1:%1/v1/poke?access_token=%2").arg(b.server->port()).arg(token)));
    }
    const auto connected = [&] {
        return std::count_if(desks.begin(), desks.end(), [](const Desk &d) {
            return d.socket->state() == QAbstractSocket::ConnectedState;
        });
    };
    if (!waitUntil([&] { return connected() == desktops; }, 20'000))
        bench::failBench(QStringLiteral("WebSockets of the desktops"),
                         QStringLiteral("%1 of %2 connected in 20 s").arg(connected()).arg(desktops));
    const QString writerClient = idToString(newId());
    for (int round = 0; round < rounds; ++round) {
        seen = 0;
        const PushedMutation m = guestCreate(round + 1, 500'000 + round);
        expectedId = m.args.value(QStringLiteral("id")).toString();
        sinceWrite.start();
        b.call(QStringLiteral("/v1/push"), encode(PushRequest{writerClient, {m}}), writer);
        const bool everyone = waitUntil([&] { return seen == desktops || !pullError.isEmpty(); }, 5000);
        if (!pullError.isEmpty())
            bench::failBench(QStringLiteral("pull after a poke (write %1)").arg(round + 1), pullError);
        if (!everyone)
            bench::failBench(
                QStringLiteral("write %1 -> visible on %2 desktops").arg(round + 1).arg(desktops),
                QStringLiteral("seen by %1 of them in 5 s").arg(seen));
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    const auto s = bench::stats(latencies);
    std::vector<double> sorted = latencies;
    std::sort(sorted.begin(), sorted.end());
    const double p99 = sorted.empty() ? 0 : sorted[std::min(sorted.size() - 1, sorted.size() * 99 / 100)];
    std::printf("write -> visible on %d connected desktops (poke + pull, loopback): p50 %.1f ms, p99 %.1f "
                "ms, max %.1f ms "
                "(%zu of %d deliveries over %d writes)\n",
                desktops, s.median, p99, s.max, latencies.size(), desktops * rounds, rounds);
}

void benchFirstSync(Bench &b, int rows)
{
    b.addUser(QStringLiteral("Big"), QStringLiteral("bigreader"));
    // Seed the organisation straight in PostgreSQL: guests in their wire form, one seq each, with
    // time-ordered (v7 layout) ids as desktops and imports make them.
    QString error;
    QSqlDatabase db = b.pg.connect(QStringLiteral("seed"), &error);
    if (!db.isOpen())
        bench::failBench(QStringLiteral("connecting to PostgreSQL to seed"), error);
    QElapsedTimer seedTimer;
    seedTimer.start();
    QSqlQuery q(db);
    const bool seeded = q.exec(
        QStringLiteral(
            "WITH o AS (SELECT id, seq FROM orgs WHERE name = 'Big') "
            "INSERT INTO records (org_id, kind, id, seq, data) "
            "SELECT o.id, 'guest', u, o.seq + g, jsonb_build_object('id', u, 'lastName', 'Фамилия' || g, "
            "'firstName', 'Имя', "
            "'middleName', '', 'birthDate', '', 'managerId', '', 'phones', "
            "jsonb_build_array(jsonb_build_object('e164', "
            "'+7' || (9000000000 + g)::text, 'ext', '')), 'emails', '[]'::jsonb, 'tags', '[]'::jsonb, "
            "'createdAt', '2026-01-01T00:00:00.000Z', 'updatedAt', '2026-01-01T00:00:00.000Z') "
            "FROM o, generate_series(1, %1) g, LATERAL (SELECT lpad(to_hex(1767225600000 + g), 12, '0') AS "
            "t, "
            "md5(g::text) AS h) r, LATERAL (SELECT substr(t, 1, 8) || '-' || substr(t, 9, 4) || '-7' || "
            "substr(h, 1, 3) "
            "|| '-8' || substr(h, 4, 3) || '-' || substr(h, 7, 12) AS u) x")
            .arg(rows));
    bench::requireSql(seeded, q, QStringLiteral("seeding %1 guest records").arg(rows));
    bench::requireSql(q.exec(QStringLiteral("UPDATE orgs SET seq = seq + %1 WHERE name = 'Big'").arg(rows)),
                      q, QStringLiteral("seeding %1 guest records").arg(rows));
    bench::requireSql(q.exec(QStringLiteral("VACUUM ANALYZE records")), q, QStringLiteral("VACUUM ANALYZE"));
    std::printf("  (seeded %d guest records in PostgreSQL in %.1f s)\n", rows, seedTimer.elapsed() / 1000.0);

    const QString dir = test::makeTempDir(QStringLiteral("firstsync"));
    const QSqlDatabase replica =
        bench::requireOk(storage::ConnectionFactory::open({dir + QStringLiteral("/replica.db"),
                                                           storage::DatabaseKey::generateRaw(),
                                                           QStringLiteral("replica"), true, true}),
                         QStringLiteral("opening the replica"));
    SyncClient::Options options;
    options.server = QUrl(b.server->baseUrl());
    options.pullPage = kMaxPullPage;
    SyncClient client(replica, options);
    bool signedIn = false, done = false;
    std::optional<Error> failed; // recorded by the slots, failed on after the wait
    QObject::connect(&client, &SyncClient::signedIn, [&] { signedIn = true; });
    QObject::connect(&client, &SyncClient::authFailed, [&](const Error &e) { failed = e; });
    QObject::connect(&client, &SyncClient::synced, [&] { done = true; });
    QObject::connect(&client, &SyncClient::syncFailed, [&](const Error &e) {
        failed = e;
        done = true;
    });
    client.signIn(QStringLiteral("bigreader"), kPassword);
    if (!waitUntil([&] { return signedIn || failed; }, 10'000))
        bench::failBench(QStringLiteral("SyncClient sign-in"), seconds(10'000));
    if (failed)
        bench::failBench(QStringLiteral("SyncClient sign-in"), *failed);
    QElapsedTimer timer;
    timer.start();
    client.syncNow();
    if (!waitUntil([&] { return done; }, 900'000))
        bench::failBench(QStringLiteral("first sync of %1 guests").arg(rows), seconds(900'000));
    const double secs = timer.elapsed() / 1000.0;
    if (failed)
        bench::failBench(QStringLiteral("first sync of %1 guests").arg(rows), *failed);
    const qint64 local = bench::requireOk(storage::GuestRepository(replica, SystemClock()).count(),
                                          QStringLiteral("counting the replica's guests"));
    if (local != rows)
        bench::failBench(QStringLiteral("first sync of %1 guests").arg(rows),
                         QStringLiteral("%1 guests in the replica after it").arg(local));
    std::printf("first sync: %lld guests into the encrypted replica in %.1f s (%.0f rows/s, pages of %d)\n",
                local, secs, local / secs, kMaxPullPage);
}

long rssKbOf(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return -1;
}

void benchIdle(Bench &b, int sockets)
{
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, static_cast<rlim_t>(sockets) * 2 + 256);
    setrlimit(RLIMIT_NOFILE, &limit);
    b.addUser(QStringLiteral("Idle"), QStringLiteral("idle"));
    const QString token = b.signIn(QStringLiteral("idle"));
    const long before = rssKbOf(b.server->pid());
    if (before < 0)
        bench::failBench(QStringLiteral("kasp-sync's RSS"),
                         QStringLiteral("no VmRSS for pid %1").arg(b.server->pid()));
    std::vector<std::unique_ptr<QWebSocket>> open;
    for (int i = 0; i < sockets; ++i) {
        open.push_back(std::make_unique<QWebSocket>());
        open.back()->open(QUrl(
            QStringLiteral("ws://127.0.0.1:%1/v1/poke?access_token=%2").arg(b.server->port()).arg(token)));
        if (i % 50 == 49)
            waitUntil([&] { return open.back()->state() == QAbstractSocket::ConnectedState; }, 5000);
    }
    const auto countConnected = [&] {
        return std::count_if(open.begin(), open.end(),
                             [](const auto &s) { return s->state() == QAbstractSocket::ConnectedState; });
    };
    if (!waitUntil([&] { return countConnected() == sockets; }, 30'000))
        bench::failBench(QStringLiteral("idle WebSocket clients"),
                         QStringLiteral("%1 of %2 connected in 30 s").arg(countConnected()).arg(sockets));
    const long connected = countConnected();
    QCoreApplication::processEvents(QEventLoop::AllEvents, 500);
    const long after = rssKbOf(b.server->pid());
    if (after < 0)
        bench::failBench(QStringLiteral("kasp-sync's RSS"),
                         QStringLiteral("no VmRSS for pid %1").arg(b.server->pid()));
    std::printf("kasp-sync RSS: %.1f MB with %ld idle WebSocket clients (%.1f MB before them)\n",
                after / 1024.0, connected, before / 1024.0);
}

} // namespace

int main(int argc, char **argv)
try {
    QCoreApplication app(argc, argv);
    QCommandLineParser cli;
    cli.addHelpOption();
    const QCommandLineOption figure(QStringLiteral("figure"),
                                    QStringLiteral("push|fanout|firstsync|idle|all"), QStringLiteral("name"),
                                    QStringLiteral("all"));
    const QCommandLineOption rows(QStringLiteral("rows"), QStringLiteral("first sync rows"),
                                  QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption clients(QStringLiteral("clients"), QStringLiteral("fan-out desktops"),
                                     QStringLiteral("n"), QStringLiteral("100"));
    const QCommandLineOption idle(QStringLiteral("idle"), QStringLiteral("idle sockets"), QStringLiteral("n"),
                                  QStringLiteral("1000"));
    const QCommandLineOption binary(QStringLiteral("kasp-sync"), QStringLiteral("kasp-sync binary"),
                                    QStringLiteral("path"), QStringLiteral(KASP_SYNC_BINARY));
    cli.addOptions({figure, rows, clients, idle, binary});
    cli.process(app);
    test::initTestEnvironment();

    Bench b;
    QString error;
    if (!b.pg.start(&error))
        bench::failBench(QStringLiteral("starting PostgreSQL"), error);
    b.server = std::make_unique<test::SyncServerProcess>(b.pg, cli.value(binary));
    if (!b.server->initDb(&error) || !b.server->start(&error))
        bench::failBench(QStringLiteral("starting kasp-sync"), error);
    const QString which = cli.value(figure);
    const bool all = which == QLatin1String("all");
    if (all || which == QLatin1String("push"))
        benchPush(b);
    if (all || which == QLatin1String("fanout"))
        benchFanout(b, cli.value(clients).toInt(), 30);
    if (all || which == QLatin1String("idle"))
        benchIdle(b, cli.value(idle).toInt());
    if (all || which == QLatin1String("firstsync"))
        benchFirstSync(b, cli.value(rows).toInt());
    return 0;
} catch (const bench::Failure &) {
    return 1;
}
