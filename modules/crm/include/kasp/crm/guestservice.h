#pragma once
// Use cases around guests for the Sales Window: find, open the card, create, edit.
#include "kasp/core/booking.h"
#include "kasp/core/clock.h"
#include "kasp/core/consent.h"
#include "kasp/core/deal.h"
#include "kasp/core/guest.h"
#include "kasp/core/task.h"
#include "kasp/core/touch.h"
#include "kasp/core/user.h"
#include "kasp/crm/guestimport.h"
#include "kasp/storage/consentrepository.h"
#include "kasp/storage/guestduplicates.h"
#include "kasp/storage/guestlist.h"
#include "kasp/storage/guestrepository.h"
#include <QHash>
#include <QSqlDatabase>

namespace kasp::crm {

using storage::GuestSummary;

// Everything the guest card shows, loaded in one go.
struct GuestCard
{
    Guest guest;
    QString managerName;
    QList<Touch> touches; // newest first
    QList<Booking> stays; // newest first
    QList<Deal> deals;
    DealPipeline pipeline; // the deals' stage titles
    QList<Task> tasks;
    QList<Consent> consents;      // every change of the consents to advertising, oldest first
    QHash<Id, QString> userNames; // for "who handled it" in the timeline
    // Who talked to the guest last (the latest answered call) and when: a call goes to them.
    QString lastManagerName;
    QDateTime lastTalkAt;
    std::optional<Touch> firstTouch; // how the guest came to us
    // Other cards that look like this person (same phone, e-mail, or name and birth date).
    QList<storage::DuplicateCandidate> duplicates;
};

class GuestService
{
public:
    GuestService(QSqlDatabase db, const Clock &clock);

    Result<QList<GuestSummary>> search(const QString &text, int limit = 50) const;
    Result<GuestCard> card(const Id &guestId) const;
    // How many cards this service has loaded (a dozen queries each): tests hold a ring to one.
    qint64 cardsLoaded() const { return m_cardsLoaded; }
    // Other guests that already own one of these numbers: the form warns, the user decides.
    Result<QList<GuestSummary>> phoneOwners(const QList<Phone> &phones, const Id &except) const;
    // Normalizes e-mails and tags, validates, then creates (null id) or updates. Returns the id.
    Result<Id> save(Guest guest);
    Result<QList<User>> users() const;
    // A note on the guest's timeline, written by `userId` now. Errors: "note.empty", "note.too_long"
    // (over 2,000 characters).
    Result<Touch> addNote(const Id &guestId, const Id &userId, const QString &text);
    // The guest's consent on each of `channels` given or withdrawn, as one change (one record per
    // channel, one transaction). Earlier records stay: the history of consent is kept.
    Status recordConsent(const Id &guestId, const QList<ConsentChannel> &channels, bool given,
                         ConsentMethod method, const Id &userId, const QString &note);
    Result<qint64> guestCount() const;
    // The whole base, alphabetically, page by page (the "Гости" tab).
    storage::GuestList list() const { return storage::GuestList(m_db); }
    storage::ConsentRepository consents() const { return storage::ConsentRepository(m_db, m_clock); }
    // An importer that knows the users (the manager column) by display name and by login.
    GuestImporter importer() const;

private:
    QSqlDatabase m_db;
    const Clock &m_clock;
    mutable qint64 m_cardsLoaded = 0;
};

} // namespace kasp::crm
