#include "kasp/core/consent.h"

#include "jsoncodec.h"

#include <QCoreApplication>

namespace kasp {

using namespace jsoncodec;

namespace {

struct ChannelName
{
    ConsentChannel channel;
    const char *key;
    const char *title;
};

const ChannelName kChannels[] = {
    {ConsentChannel::Sms, "sms", QT_TRANSLATE_NOOP("kasp::Consent", "SMS and messengers")},
    {ConsentChannel::Email, "email", QT_TRANSLATE_NOOP("kasp::Consent", "E-mail")},
    {ConsentChannel::Calls, "calls", QT_TRANSLATE_NOOP("kasp::Consent", "Advertising calls")},
    {ConsentChannel::Ads, "ads", QT_TRANSLATE_NOOP("kasp::Consent", "Ads audiences")},
};

struct MethodName
{
    ConsentMethod method;
    const char *key;
    const char *title;
};

const MethodName kMethods[] = {
    {ConsentMethod::RecordedCall, "call", QT_TRANSLATE_NOOP("kasp::Consent", "on a recorded call")},
    {ConsentMethod::WebForm, "web", QT_TRANSLATE_NOOP("kasp::Consent", "on the website's form")},
    {ConsentMethod::Paper, "paper", QT_TRANSLATE_NOOP("kasp::Consent", "on paper")},
    {ConsentMethod::Import, "import", QT_TRANSLATE_NOOP("kasp::Consent", "imported")},
};

} // namespace

QList<ConsentChannel> consentChannels()
{
    QList<ConsentChannel> channels;
    for (const ChannelName &c : kChannels)
        channels.append(c.channel);
    return channels;
}

QString consentChannelKey(ConsentChannel channel)
{
    for (const ChannelName &c : kChannels)
        if (c.channel == channel)
            return QLatin1String(c.key);
    return {};
}

std::optional<ConsentChannel> consentChannelFromKey(const QString &key)
{
    for (const ChannelName &c : kChannels)
        if (key == QLatin1String(c.key))
            return c.channel;
    return std::nullopt;
}

QString consentChannelTitle(ConsentChannel channel)
{
    for (const ChannelName &c : kChannels)
        if (c.channel == channel)
            return QCoreApplication::translate("kasp::Consent", c.title);
    return {};
}

QString consentMethodKey(ConsentMethod method)
{
    for (const MethodName &m : kMethods)
        if (m.method == method)
            return QLatin1String(m.key);
    return {};
}

std::optional<ConsentMethod> consentMethodFromKey(const QString &key)
{
    for (const MethodName &m : kMethods)
        if (key == QLatin1String(m.key))
            return m.method;
    return std::nullopt;
}

QString consentMethodTitle(ConsentMethod method)
{
    for (const MethodName &m : kMethods)
        if (m.method == method)
            return QCoreApplication::translate("kasp::Consent", m.title);
    return {};
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
