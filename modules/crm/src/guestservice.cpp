#include "kasp/crm/guestservice.h"

#include "kasp/storage/bookingrepository.h"
#include "kasp/storage/consentrepository.h"
#include "kasp/storage/dealrepository.h"
#include "kasp/storage/taskrepository.h"
#include "kasp/storage/touchrepository.h"
#include "kasp/storage/userrepository.h"

#include <QCoreApplication>

namespace kasp::crm {

namespace {
constexpr int kTimelineLimit = 500; // the card shows the recent history; older touches stay searchable
}

GuestService::GuestService(QSqlDatabase db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}

Result<QList<GuestSummary>> GuestService::search(const QString &text, int limit) const
{
    return storage::GuestRepository(m_db, m_clock).search(text, limit);
}

Result<GuestCard> GuestService::card(const Id &guestId) const
{
    ++m_cardsLoaded;
    auto guest = storage::GuestRepository(m_db, m_clock).byId(guestId);
    if (!guest.ok())
        return guest.error();
    if (!guest.value().has_value())
        return Error{QStringLiteral("guest.not_found"),
                     QCoreApplication::translate("kasp::crm", "The guest no longer exists.")};
    GuestCard card;
    card.guest = *guest.value();
    auto touches = storage::TouchRepository(m_db, m_clock).forGuest(guestId, kTimelineLimit);
    if (!touches.ok())
        return touches.error();
    card.touches = touches.value();
    auto stays = storage::BookingRepository(m_db, m_clock).forGuest(guestId);
    if (!stays.ok())
        return stays.error();
    card.stays = stays.value();
    auto deals = storage::DealRepository(m_db, m_clock).forGuest(guestId);
    if (!deals.ok())
        return deals.error();
    card.deals = deals.value();
    if (!card.deals.isEmpty()) {
        auto pipeline = storage::DealRepository(m_db, m_clock).pipeline();
        if (!pipeline.ok())
            return pipeline.error();
        card.pipeline = pipeline.value();
    }
    auto tasks = storage::TaskRepository(m_db, m_clock).forGuest(guestId);
    if (!tasks.ok())
        return tasks.error();
    card.tasks = tasks.value();
    auto consents = storage::ConsentRepository(m_db, m_clock).history(guestId);
    if (!consents.ok())
        return consents.error();
    card.consents = consents.value();
    auto allUsers = users();
    if (!allUsers.ok())
        return allUsers.error();
    for (const User &u : allUsers.value())
        card.userNames.insert(u.id, u.displayName);
    card.managerName = card.userNames.value(card.guest.managerId);
    for (const Touch &t : card.touches) { // newest first
        if ((t.kind == TouchKind::CallIn || t.kind == TouchKind::CallOut) && !t.userId.isNull()) {
            card.lastManagerName = card.userNames.value(t.userId);
            card.lastTalkAt = t.at;
            break;
        }
    }
    auto first = storage::TouchRepository(m_db, m_clock).firstFor(guestId);
    if (!first.ok())
        return first.error();
    card.firstTouch = first.value();
    // A hint, not the card: a failed lookup leaves it out rather than failing the card.
    if (auto duplicates = storage::GuestDuplicates(m_db).of(card.guest, 5); duplicates.ok())
        card.duplicates = duplicates.value();
    return card;
}

Result<QList<GuestSummary>> GuestService::phoneOwners(const QList<Phone> &phones, const Id &except) const
{
    storage::GuestRepository repository(m_db, m_clock);
    QList<GuestSummary> owners;
    for (const Phone &phone : phones) {
        auto ids = repository.idsByPhone(phone.e164());
        if (!ids.ok())
            return ids.error();
        for (const Id &id : ids.value()) {
            if (id == except ||
                std::any_of(owners.begin(), owners.end(), [&](const auto &o) { return o.id == id; }))
                continue;
            auto found = repository.byId(id);
            if (!found.ok())
                return found.error();
            if (found.value())
                owners.append(GuestSummary{id, found.value()->displayName(), phone.e164(),
                                           found.value()->birthDate, found.value()->managerId});
        }
    }
    return owners;
}

Result<Id> GuestService::save(Guest guest)
{
    guest.lastName = guest.lastName.simplified();
    guest.firstName = guest.firstName.simplified();
    guest.middleName = guest.middleName.simplified();
    QStringList emails;
    for (const QString &email : guest.emails) {
        if (email.trimmed().isEmpty())
            continue;
        const QString normalized = normalizeEmail(email);
        emails.append(normalized.isEmpty() ? email.trimmed()
                                           : normalized); // invalid ones fail validation below
    }
    guest.emails = emails;
    guest.tags = normalizeTags(guest.tags);
    if (auto texts = checkGuestTexts(guest); !texts.ok())
        return texts.error();
    if (auto valid = validateGuest(guest, m_clock.today()); !valid.ok())
        return valid.error();

    storage::GuestRepository repository(m_db, m_clock);
    guest.updatedAt = m_clock.now();
    if (guest.id.isNull()) {
        guest.id = newId();
        guest.createdAt = guest.updatedAt;
        if (auto s = repository.create(guest); !s.ok())
            return s.error();
    } else if (auto s = repository.update(guest); !s.ok()) {
        return s.error();
    }
    return guest.id;
}

Result<QList<User>> GuestService::users() const
{
    return storage::UserRepository(m_db, m_clock).all();
}

Result<qint64> GuestService::guestCount() const
{
    return storage::GuestRepository(m_db, m_clock).count();
}

GuestImporter GuestService::importer() const
{
    GuestImporter importer(m_db, m_clock);
    if (auto all = users(); all.ok())
        importer.setUsers(all.value());
    return importer;
}

Result<Touch> GuestService::addNote(const Id &guestId, const Id &userId, const QString &text)
{
    const QString note = text.trimmed();
    if (note.isEmpty())
        return Error{QStringLiteral("note.empty"),
                     QCoreApplication::translate("kasp::crm::GuestService", "Write the note first.")};
    if (note.size() > 2000)
        return Error{QStringLiteral("note.too_long"),
                     QCoreApplication::translate("kasp::crm::GuestService",
                                                 "A note is at most 2,000 characters; this one has %1.")
                         .arg(note.size())};
    Touch touch;
    touch.id = newId();
    touch.guestId = guestId;
    touch.userId = userId;
    touch.kind = TouchKind::Note;
    touch.at = m_clock.now();
    touch.note = note;
    if (auto s = storage::TouchRepository(m_db, m_clock).add(touch); !s.ok())
        return s.error();
    return touch;
}

Status GuestService::recordConsent(const Id &guestId, const QList<ConsentChannel> &channels, bool given,
                                   ConsentMethod method, const Id &userId, const QString &note)
{
    if (channels.isEmpty())
        return Error{QStringLiteral("consent.no_channel"),
                     QCoreApplication::translate("kasp::crm::GuestService", "Pick at least one channel.")};
    return consents().record(guestId, channels, given, method, userId, note);
}

} // namespace kasp::crm
