#pragma once
// The guest's consent to advertising, per channel (38-ФЗ art. 18, 152-ФЗ, the 2025 rules on mass
// calls: prior consent for advertising by SMS, e-mail and calls; no automatic dialling for
// advertising without it). Each change is a record of its own, never edited: given or withdrawn,
// when, how (a recorded call, a web form, paper, an import) and by whom. The state of a channel is
// its latest record; a withdrawal keeps the history that came before it.
#include "kasp/core/id.h"
#include "kasp/core/result.h"

#include <optional>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace kasp {

enum class ConsentChannel {
    Sms, // SMS and messengers
    Email,
    Calls, // advertising calls, auto-dial among them
    Ads,   // ads audiences (the guest's phone or e-mail uploaded to an ad platform)
};

enum class ConsentMethod {
    RecordedCall, // said on a recorded call
    WebForm,      // a tick on the website's form
    Paper,        // a signed form at the sanatorium
    Import,       // came with a CRM export
};

QList<ConsentChannel> consentChannels();           // in the card's order
QString consentChannelKey(ConsentChannel channel); // "sms", "email", "calls", "ads"
std::optional<ConsentChannel> consentChannelFromKey(const QString &key);
QString consentChannelTitle(ConsentChannel channel); // translated: «SMS и мессенджеры», ...
QString consentMethodKey(ConsentMethod method);      // "call", "web", "paper", "import"
std::optional<ConsentMethod> consentMethodFromKey(const QString &key);
QString consentMethodTitle(ConsentMethod method); // translated: «на записанном звонке», ...

struct Consent
{
    Id id;
    Id guestId;
    ConsentChannel channel = ConsentChannel::Sms;
    bool given = false; // false: withdrawn (or refused)
    QDateTime at;
    ConsentMethod method = ConsentMethod::RecordedCall;
    Id userId;    // who recorded it; null for an import or the website
    QString note; // what the guest said, the form's number, ...

    bool operator==(const Consent &) const = default;
};

// Each channel's latest record (by time, then id: the same answer on every desk); a channel never
// asked is absent.
QHash<ConsentChannel, Consent> currentConsents(const QList<Consent> &history);
// May this guest be reached with advertising on `channel`? Only with a given consent.
bool mayAdvertise(const QHash<ConsentChannel, Consent> &current, ConsentChannel channel);

// Wire form (kasp/core/mutation.h conventions): {id, guestId, channel, given, at, method, userId, note}.
QJsonObject toJson(const Consent &consent);
Result<Consent> consentFromJson(const QJsonObject &json);

} // namespace kasp
