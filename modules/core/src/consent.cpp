#include "kasp/core/consent.h"

#include "jsoncodec.h"

#include <QCoreApplication>

namespace kasp {

using namespace jsoncodec;

namespace {

// A value's wire key and its title (QT_TRANSLATE_NOOP in context kasp::Consent).
template <typename Enum> struct Name
{
    Enum value;
    const char *key;
    const char *title;
};

const Name<ConsentChannel> kChannels[] = {
    {ConsentChannel::Sms, "sms", QT_TRANSLATE_NOOP("kasp::Consent", "SMS and messengers")},
    {ConsentChannel::Email, "email", QT_TRANSLATE_NOOP("kasp::Consent", "E-mail")},
    {ConsentChannel::Calls, "calls", QT_TRANSLATE_NOOP("kasp::Consent", "Advertising calls")},
    {ConsentChannel::Ads, "ads", QT_TRANSLATE_NOOP("kasp::Consent", "Ads audiences")},
};

const Name<ConsentMethod> kMethods[] = {
    {ConsentMethod::RecordedCall, "call", QT_TRANSLATE_NOOP("kasp::Consent", "on a recorded call")},
    {ConsentMethod::WebForm, "web", QT_TRANSLATE_NOOP("kasp::Consent", "on the website's form")},
    {ConsentMethod::Paper, "paper", QT_TRANSLATE_NOOP("kasp::Consent", "on paper")},
    {ConsentMethod::Import, "import", QT_TRANSLATE_NOOP("kasp::Consent", "imported")},
};

template <typename Enum, size_t N> const Name<Enum> *find(const Name<Enum> (&names)[N], Enum value)
{
    for (const Name<Enum> &n : names)
        if (n.value == value)
            return &n;
    return nullptr;
}

template <typename Enum, size_t N>
std::optional<Enum> fromKey(const Name<Enum> (&names)[N], const QString &key)
{
    for (const Name<Enum> &n : names)
        if (key == QLatin1String(n.key))
            return n.value;
    return std::nullopt;
}

template <typename Enum, size_t N> QString keyOf(const Name<Enum> (&names)[N], Enum value)
{
    const Name<Enum> *n = find(names, value);
    return n ? QLatin1String(n->key) : QString();
}

template <typename Enum, size_t N> QString titleOf(const Name<Enum> (&names)[N], Enum value)
{
    const Name<Enum> *n = find(names, value);
    return n ? QCoreApplication::translate("kasp::Consent", n->title) : QString();
}

} // namespace

QList<ConsentChannel> consentChannels()
{
    QList<ConsentChannel> channels;
    for (const Name<ConsentChannel> &c : kChannels)
        channels.append(c.value);
    return channels;
}

QString consentChannelKey(ConsentChannel channel)
{
    return keyOf(kChannels, channel);
}

std::optional<ConsentChannel> consentChannelFromKey(const QString &key)
{
    return fromKey(kChannels, key);
}

QString consentChannelTitle(ConsentChannel channel)
{
    return titleOf(kChannels, channel);
}

QString consentMethodKey(ConsentMethod method)
{
    return keyOf(kMethods, method);
}

std::optional<ConsentMethod> consentMethodFromKey(const QString &key)
{
    return fromKey(kMethods, key);
}

QString consentMethodTitle(ConsentMethod method)
{
    return titleOf(kMethods, method);
}

QHash<ConsentChannel, Consent> currentConsents(const QList<Consent> &history)
{
    QHash<ConsentChannel, Consent> current;
    for (const Consent &c : history) {
        auto it = current.find(c.channel);
        // Ids are time-ordered UUIDs: two records of one millisecond still have one order.
        if (it == current.end() || c.at > it->at || (c.at == it->at && it->id < c.id))
            current.insert(c.channel, c);
    }
    return current;
}

bool mayAdvertise(const QHash<ConsentChannel, Consent> &current, ConsentChannel channel)
{
    auto it = current.find(channel);
    return it != current.end() && it->given;
}

QJsonObject toJson(const Consent &consent)
{
    return QJsonObject{
        {QStringLiteral("id"), idToString(consent.id)},
        {QStringLiteral("guestId"), idToString(consent.guestId)},
        {QStringLiteral("channel"), consentChannelKey(consent.channel)},
        {QStringLiteral("given"), consent.given},
        {QStringLiteral("at"), dateTimeToJson(consent.at)},
        {QStringLiteral("method"), consentMethodKey(consent.method)},
        {QStringLiteral("userId"), idToString(consent.userId)},
        {QStringLiteral("note"), consent.note},
    };
}

Result<Consent> consentFromJson(const QJsonObject &json)
{
    Reader r(json);
    Consent c;
    c.id = r.id(QStringLiteral("id"), Need::Required);
    c.guestId = r.id(QStringLiteral("guestId"), Need::Required);
    c.channel = r.enumKey(QStringLiteral("channel"), &consentChannelFromKey, ConsentChannel::Sms);
    // Given or withdrawn is the whole point of the record: never a default.
    if (!json.value(QStringLiteral("given")).isBool())
        r.badValue(QStringLiteral("given"), QT_TRANSLATE_NOOP("kasp::Json", "expected true or false"));
    c.given = r.boolean(QStringLiteral("given"), false);
    c.at = r.dateTime(QStringLiteral("at"), Need::Required);
    c.method = r.enumKey(QStringLiteral("method"), &consentMethodFromKey, ConsentMethod::RecordedCall);
    c.userId = r.id(QStringLiteral("userId"), Need::Optional);
    c.note = r.string(QStringLiteral("note"));
    if (r.failed())
        return r.error();
    return c;
}

} // namespace kasp
