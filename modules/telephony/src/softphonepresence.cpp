// Presence: colleagues' phones free or busy, as the PBX's presence server tells it (RFC 3856
// SUBSCRIBE / NOTIFY, PIDF bodies), and this desk's own, published (PUBLISH) as its calls come and
// go. liblinphone keeps the subscriptions; a PBX that answers 489 Bad Event leaves them unknown.
#include "softphone_p.h"

namespace kasp::telephony {

namespace {
Presence presenceFrom(linphone::ConsolidatedPresence p)
{
    switch (p) {
    case linphone::ConsolidatedPresence::Online:
        return Presence::Free;
    case linphone::ConsolidatedPresence::Busy:
    case linphone::ConsolidatedPresence::DoNotDisturb:
        return Presence::Busy;
    case linphone::ConsolidatedPresence::Offline:
        break;
    }
    return Presence::Unknown;
}
} // namespace

void Softphone::Private::publishOwnPresence()
{
    if (core && account)
        core->setConsolidatedPresence(calls.isEmpty() ? linphone::ConsolidatedPresence::Online
                                                      : linphone::ConsolidatedPresence::Busy);
}

void Softphone::watchPresence(const QStringList &users)
{
    if (!d->core)
        return;
    auto list = d->core->getDefaultFriendList();
    for (const auto &f : std::as_const(d->watched))
        list->removeFriend(f);
    d->watched.clear();
    d->presence.clear();
    for (const QString &user : users) {
        const auto address = d->addressFor(user);
        if (!address || d->watched.contains(user))
            continue;
        auto f = d->core->createFriendWithAddress(address->asStringUriOnly());
        if (!f)
            continue;
        f->edit();
        f->enableSubscribes(true);
        f->setIncSubscribePolicy(linphone::SubscribePolicy::SPAccept);
        f->done();
        list->addFriend(f);
        d->watched.insert(user, f);
    }
}

Presence Softphone::presenceOf(const QString &user) const
{
    return d->presence.value(user, Presence::Unknown);
}

void SoftphoneListener::onNotifyPresenceReceived(const std::shared_ptr<linphone::Core> &,
                                                 const std::shared_ptr<linphone::Friend> &linphoneFriend)
{
    if (!m_phone || !linphoneFriend)
        return;
    Softphone::Private &d = *m_phone->d;
    for (auto it = d.watched.cbegin(); it != d.watched.cend(); ++it) {
        if (it.value()->cPtr() != linphoneFriend->cPtr())
            continue;
        const Presence now = presenceFrom(linphoneFriend->getConsolidatedPresence());
        if (d.presence.value(it.key(), Presence::Unknown) != now) {
            d.presence.insert(it.key(), now);
            emit m_phone->presenceChanged(it.key(), now);
        }
        return;
    }
}

} // namespace kasp::telephony
