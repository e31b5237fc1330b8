#include "syncsession.h"

#include "kasp/booking/bookingservice.h"
#include "kasp/core/clock.h"
#include "kasp/credentials/credentialstore.h"
#include "kasp/session/settings.h"
#include "kasp/storage/bookingrepository.h"
#include "kasp/storage/guestrepository.h"
#include "kasp/storage/outbox.h"
#include "kasp/storage/roomrepository.h"
#include "kasp/storage/userrepository.h"
#include "kasp/sync/syncclient.h"

#include <QLocale>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcApp)

namespace kasp::app {

namespace {
const SystemClock kSystemClock; // until setClock()
} // namespace

SyncSession::SyncSession(QSqlDatabase db, session::Settings &settings, credentials::CredentialStore &store,
                         QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_settings(settings), m_store(store), m_clock(&kSystemClock)
{
    connect(&m_store, &credentials::CredentialStore::readFinished, this, &SyncSession::onTokenRead);
    connect(&m_store, &credentials::CredentialStore::failed, this,
            [this](const QString &key, const QString &, const QString &) { onTokenMissing(key); });
}

void SyncSession::onTokenRead(const QString &key, const QString &secret)
{
    if (!m_client)
        return;
    const QString url = serverUrl();
    const bool own = m_userId.isEmpty() ? key == tokenKey(url) : key == tokenKey(url, m_userId);
    if (own) {
        if (m_clientStarted)
            return;
        m_client->setRefreshToken(secret);
        m_client->start();
        m_clientStarted = true;
        return;
    }
    const QString prefix = tokenKey(url) + QLatin1Char('#');
    if (key.startsWith(prefix) && !secret.isEmpty()) { // another author's, for their unsent changes
        const QString author = key.mid(prefix.size());
        m_client->setAuthorSession(author, secret);
        if (m_clientStarted)
            m_client->syncNow();
    }
}

void SyncSession::onTokenMissing(const QString &key)
{
    if (!m_client)
        return;
    const QString url = serverUrl();
    if (m_userId.isEmpty() ? key == tokenKey(url) : key == tokenKey(url, m_userId)) {
        if (!m_userId.isEmpty())
            setWaiting(tr("sync waits for your sign-in with the server (lock the desk and sign in again "
                          "when the server answers)"));
        emit needsSignIn();
    }
}

void SyncSession::setWaiting(const QString &text)
{
    if (m_waiting == text)
        return;
    m_waiting = text;
    emit waitingChanged();
}

QString SyncSession::nameOf(const QString &userId) const
{
    auto users = storage::UserRepository(m_db, *m_clock).all();
    if (users.ok())
        for (const User &u : users.value())
            if (idToString(u.id) == userId)
                return u.displayName;
    return userId;
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

QString SyncSession::tokenKey(const QString &url, const QString &userId)
{
    return tokenKey(url) + QLatin1Char('#') + userId;
}

void SyncSession::makeClient(const QString &url)
{
    sync::SyncClient::Options options;
    options.server = QUrl(url);
    options.clock = m_clock;
    m_client = std::make_unique<sync::SyncClient>(m_db, options);
    m_clientUrl = url;
    m_clientStarted = false;
    // Each person's token under their own entry: the desk syncs only as the person signed in.
    auto *client = m_client.get();
    connect(client, &sync::SyncClient::refreshTokenChanged, this, [this, client](const QString &token) {
        const QString key =
            client->userId().isEmpty() ? tokenKey(serverUrl()) : tokenKey(serverUrl(), client->userId());
        if (token.isEmpty())
            m_store.remove(key);
        else
            m_store.write(key, token);
    });
    connect(client, &sync::SyncClient::authorSessionChanged, this,
            [this](const QString &userId, const QString &token) {
                if (token.isEmpty())
                    m_store.remove(tokenKey(serverUrl(), userId));
                else
                    m_store.write(tokenKey(serverUrl(), userId), token);
            });
    connect(client, &sync::SyncClient::pushWaits, this, [this](const QString &author, qint64 count) {
        if (!std::exchange(m_authorsAsked, m_authorsAsked + QSet<QString>{author}).contains(author))
            m_store.read(tokenKey(serverUrl(), author)); // signed in online here before? then it goes
        //: %1 how many, %2 the person who made them
        setWaiting(tr("unsent: %1 change(s) by %2, waiting for their sign-in with the server")
                       .arg(count)
                       .arg(nameOf(author)));
    });
    connect(client, &sync::SyncClient::pendingChanged, this, [this](qint64) {
        if (!m_waiting.isEmpty() && m_clientStarted) {
            auto byAuthor = storage::Outbox(m_db).pendingByAuthor();
            const QString me = m_client ? m_client->userId() : QString();
            if (byAuthor.ok() && (byAuthor.value().isEmpty() || byAuthor.value().first().first.isEmpty() ||
                                  byAuthor.value().first().first == me))
                setWaiting({});
        }
    });
    connect(client, &sync::SyncClient::signedIn, this, [this] { setWaiting({}); });
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
                    auto lost = storage::BookingRepository(m_db, *m_clock).byId(idFromString(id));
                    if (lost.ok()) {
                        // The guest's history says so on every desk, not only this one's dialog.
                        if (auto s = booking::BookingService(m_db, *m_clock, Id())
                                         .recordRefused(lost.value(),
                                                        tr("another consultant booked this room for some "
                                                           "of these nights first"));
                            !s.ok())
                            qCWarning(lcApp).noquote()
                                << "the refused booking could not be noted in the history:"
                                << s.error().message;
                        emit bookingLost(lost.value(), describeLost(lost.value()));
                        return;
                    }
                }
                emit changeRejected(describe(name, code, message));
            });
    emit clientChanged(m_client.get());
}

void SyncSession::resumeAs(const User &user)
{
    if (!isConfigured())
        return;
    m_userId = idToString(user.id);
    // A sign-in at start-up may have started the client with this person's own token already.
    if (m_client && m_clientStarted && m_clientUrl == serverUrl() && m_client->userId() == m_userId) {
        setWaiting({});
        return;
    }
    // Someone else's session (the previous person's, before an offline sign-in) goes: the desk
    // never syncs as anyone but the person signed in. Their token stays in the keychain, theirs.
    if (m_client && (m_clientStarted || m_clientUrl != serverUrl() || !m_client->userId().isEmpty())) {
        qCInfo(lcApp).noquote() << "sync: the session of" << m_client->userId() << "stops; the desk syncs as"
                                << user.login << "only with their own session";
        m_client->stop();
        m_client.reset();
    }
    if (!m_client)
        makeClient(serverUrl());
    setWaiting({});
    m_authorsAsked.clear();
    m_store.read(tokenKey(serverUrl(), m_userId));
    // The sessions of others whose changes wait here, to push each as its author's.
    if (auto byAuthor = storage::Outbox(m_db).pendingByAuthor(); byAuthor.ok())
        for (const auto &[author, count] : byAuthor.value())
            if (!author.isEmpty() && author != m_userId) {
                m_authorsAsked.insert(author);
                m_store.read(tokenKey(serverUrl(), author));
            }
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
    QString guest;
    if (auto g = storage::GuestRepository(m_db, *m_clock).byId(booking.guestId); g.ok() && g.value())
        guest = g.value()->displayName();
    QString room;
    if (auto rooms = storage::RoomRepository(m_db, *m_clock).rooms(); rooms.ok())
        for (const Room &r : rooms.value())
            if (r.id == booking.roomId)
                room = r.number;
    const QLocale dates; // the UI's language (--lang)
    //: %1 the guest, %2 the room's number, %3 – %4 the dates
    return tr("The booking of %1, room %2, %3 – %4, was not saved on the server: another consultant booked "
              "this room for some of these nights first. Choose another room or other dates.")
        .arg(guest.isEmpty() ? tr("a guest") : guest, room.isEmpty() ? QStringLiteral("?") : room,
             dates.toString(booking.stay.checkIn(), QStringLiteral("d MMMM")),
             dates.toString(booking.stay.checkOut(), QStringLiteral("d MMMM yyyy")));
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
