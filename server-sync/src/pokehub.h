#pragma once
// The desktops' WebSockets, by organisation. A poke carries no data ("poke"): a desktop that gets
// one pulls. Pokes travel through PostgreSQL's LISTEN/NOTIFY on a dedicated connection, so every
// kasp-sync instance on one database pokes its own sockets whichever instance took the push.
#include <memory>
#include <QHash>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QWebSocket>

namespace kasp::server {

class PokeHub : public QObject
{
    Q_OBJECT
public:
    explicit PokeHub(QObject *parent = nullptr) : QObject(parent) {}
    ~PokeHub() override;

    // Subscribes the dedicated connection to the poke channel. False when the driver cannot.
    bool listen(QSqlDatabase listener);
    // After a commit (never inside the transaction): tells every instance to poke the organisation.
    void announce(QSqlDatabase db, const QString &orgId);
    void add(const QString &orgId, std::unique_ptr<QWebSocket> socket);
    int socketCount() const;

    static constexpr char kChannel[] = "kasp_poke";

signals:
    void poked(const QString &orgId, int sockets);

private:
    void onNotification(const QString &name, QSqlDriver::NotificationSource, const QVariant &payload);

    QHash<QString, QList<QWebSocket *>> m_byOrg;
    int m_count = 0;
};

} // namespace kasp::server
