#include "syncsession.h"

#include "kasp/core/clock.h"
#include "kasp/credentials/credentialstore.h"
#include "kasp/session/settings.h"
#include "kasp/storage/bookingrepository.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/roomrepository.h"
#include "kasp/sync/syncclient.h"

#include <QLocale>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcApp)

namespace kasp::app {

SyncSession::SyncSession(QSqlDatabase db, session::Settings &settings, credentials::CredentialStore &store,
                         QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_settings(settings), m_store(store)
{
    connect(&m_store, &credentials::CredentialStore::readFinished, this,
            [this](const QString &key, const QString &secret) {
                if (!m_client || key != tokenKey(serverUrl()))
                    return;
                m_client->setRefreshToken(secret);
                m_client->start();
                m_clientStarted = true;
            });
    connect(&m_store, &credentials::CredentialStore::failed, this,
            [this](const QString &key, const QString &, const QString &) {
                if (m_client && key == tokenKey(serverUrl()))
                    emit needsSignIn();
            });
}

SyncSession::~SyncSession() = default;

bool SyncSession::isConfigured() const
{
    return !m_settings.syncServerUrl().isEmpty();
}

QString SyncSession::serverUrl() const
{
    return m_settings.syncServerUrl();
}

QString SyncSession::tokenKey(const QString &url)
{
    return QStringLiteral("sync-refresh-token:%1").arg(url);
}

void SyncSession::makeClient(const QString &url)
{
    sync::SyncClient::Options options;
    options.server = QUrl(url);
    m_client = std::make_unique<sync::SyncClient>(m_db, options);
    m_clientUrl = url;
    m_clientStarted = false;
    connect(m_client.get(), &sync::SyncClient::refreshTokenChanged, this, [this](const QString &token) {
        if (token.isEmpty())
            m_store.remove(tokenKey(serverUrl()));
        else
            m_store.write(tokenKey(serverUrl()), token);
    });
    connect(m_client.get(), &sync::SyncClient::recordsArrived, this, [this] { m_dataArrived = true; });
    connect(m_client.get(), &sync::SyncClient::synced, this, [this] {
        if (std::exchange(m_dataArrived, false))
            emit dataArrived();
    });
    connect(m_client.get(), &sync::SyncClient::authFailed, this, [this](const Error &e) {
        if (e.code.startsWith(QLatin1String("auth.")))
            emit needsSignIn();
    });
    connect(m_client.get(), &sync::SyncClient::mutationRejected, this,
            [this](qint64 mutationId, const QString &name, const QString &code, const QString &message) {
                // Called before the entry is acknowledged, and before the pull that rolls the
                // booking back: the local row is still the version that lost.
                if (code == QLatin1String("booking.overlap") &&
                    (name == QLatin1String("booking.create") || name == QLatin1String("booking.move"))) {
                    auto entry = storage::Outbox(m_db).entry(mutationId);
                    const QString id = entry.ok() && entry.value()
                                           ? entry.value()->args.value(QStringLiteral("id")).toString()
                                           : QString();
                    SystemClock clock;
                    auto lost = storage::BookingRepository(m_db, clock).byId(idFromString(id));
                    if (lost.ok()) {
                        emit bookingLost(lost.value(), describeLost(lost.value()));
                        return;
                    }
                }
                emit changeRejected(describe(name, code, message));
            });
    emit clientChanged(m_client.get());
}

void SyncSession::resume()
{
    // A person's sign-in at start-up may have started the client with their own token already.
    if (!isConfigured() || (m_client && m_clientStarted))
        return;
    // A sign-in the server did not answer left a client for this server, not started: it takes
    // the keychain's token as it is.
    if (!m_client || m_clientUrl != serverUrl())
        makeClient(serverUrl());
    m_store.read(tokenKey(serverUrl()));
}

QJsonObject SyncSession::signedInUser() const
{
    return m_client ? m_client->user() : QJsonObject();
}

void SyncSession::connectTo(const QString &url, const QString &login, const QString &password,
                            std::function<void(const Error &)> done)
{
    // The login typed last fills the dialog next time, whether this attempt succeeds or not.
    m_settings.setSyncLogin(login);
    m_settings.sync();
    if (!m_client || serverUrl() != url) {
        m_settings.setSyncServerUrl(url);
        makeClient(url);
    }
    auto *client = m_client.get();
    auto onSignedIn = std::make_shared<QMetaObject::Connection>();
    auto onFailed = std::make_shared<QMetaObject::Connection>();
    *onSignedIn =
        connect(client, &sync::SyncClient::signedIn, this, [this, login, onSignedIn, onFailed, done] {
            disconnect(*onSignedIn);
            disconnect(*onFailed);
            m_settings.setSyncLogin(login);
            m_settings.sync();
            qCInfo(lcApp).noquote() << "signed in to" << serverUrl() << "as" << login;
            auto once = std::make_shared<QMetaObject::Connection>();
            *once = connect(m_client.get(), &sync::SyncClient::synced, this, [this, once] {
                disconnect(*once);
                emit firstSyncDone();
            });
            m_client->start();
            m_clientStarted = true;
            if (done)
                done(Error{});
            emit signedIn();
        });
    *onFailed = connect(
        client, &sync::SyncClient::authFailed, this, [this, onSignedIn, onFailed, done](const Error &e) {
            disconnect(*onSignedIn);
            disconnect(*onFailed);
            qCInfo(lcApp).noquote() << "server sign-in failed:" << e.code;
            const QString why = e.code == QLatin1String("auth.bad_credentials")
                                    ? tr("Wrong login or password.")
                                : e.code == QLatin1String("auth.throttled")
                                    ? tr("Too many failed attempts. Wait a little and try again.")
                                : e.code == QLatin1String("sync.offline")
                                    ? tr("The server does not answer. Check the address and the network.")
                                    : e.message;
            if (done)
                done(Error{e.code, why});
            emit signInFailed(why);
        });
    client->signIn(login, password);
}

void SyncSession::syncNow()
{
    if (m_client)
        m_client->syncNow();
}

QString SyncSession::describeLost(const Booking &booking) const
{
    // Whose booking, which room, which nights: the consultant may have made several offline.
    SystemClock clock;
    QString guest;
    if (auto g = storage::GuestRepository(m_db, clock).byId(booking.guestId); g.ok() && g.value())
        guest = g.value()->displayName();
    QString room;
    if (auto rooms = storage::RoomRepository(m_db, clock).rooms(); rooms.ok())
        for (const Room &r : rooms.value())
            if (r.id == booking.roomId)
                room = r.number;
    const QLocale ru(QLocale::Russian);
    //: %1 the guest, %2 the room's number, %3 – %4 the dates
    return tr("The booking of %1, room %2, %3 – %4, was not saved on the server: another consultant booked "
              "this room for some of these nights first. Choose another room or other dates.")
        .arg(guest.isEmpty() ? tr("a guest") : guest, room.isEmpty() ? QStringLiteral("?") : room,
             ru.toString(booking.stay.checkIn(), QStringLiteral("d MMMM")),
             ru.toString(booking.stay.checkOut(), QStringLiteral("d MMMM yyyy")));
}

QString SyncSession::describe(const QString &name, const QString &code, const QString &message)
{
    if (code == QLatin1String("booking.overlap"))
        return tr("The booking was not saved on the server: another consultant booked this room for some of "
                  "these nights first. Choose another room or other dates.");
    if (code == QLatin1String("auth.read_only"))
        return tr("Your role can only read; the change was not saved on the server.");
    if (code == QLatin1String("auth.forbidden"))
        return tr("Only the head of sales may change this; the change was not saved on the server.");
    //: %1 the kind of change, %2 the server's reason
    return tr("The server refused a change (%1): %2").arg(name, message);
}

} // namespace kasp::app
