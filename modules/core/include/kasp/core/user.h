#pragma once
#include "kasp/core/id.h"
#include <optional>
#include <QString>

namespace kasp {

enum class Role { Consultant, HeadOfSales, Director };

QString roleKey(Role role); // "consultant", "head_of_sales", "director" (stored, synced)
std::optional<Role> roleFromKey(const QString &key);

// What each role sees and does beyond writing records. Who may write which record is the sync
// protocol's access rules (syncproto accessrules.h, from each kind's description), which the
// desk's write path, its UI and kasp-sync all ask.
struct Permissions
{
    bool seesAllGuests = false; // a consultant sees the shared base too, but works "my guests" first
    bool editsScripts = false;
    bool seesDepartmentKpi = false;
    bool reassignsGuests = false;
    bool makesCalls = false;
    // A list exported to a file carries the guests' phones and e-mails. Personal data (152-ФЗ)
    // leaves the desk only with the person who answers for the department's base: the head of
    // sales (mailings, a move to another system). Others export names, dates and managers.
    bool exportsContacts = false;
    static Permissions of(Role role);
    bool operator==(const Permissions &) const = default;
};

// Whether a desk records its calls: always (quality control listens to them), when the
// consultant presses «Записать», or never. Each role has its rule; a desk's settings may override.
enum class RecordingPolicy { Always, OnDemand, Never };
RecordingPolicy recordingPolicyOf(Role role); // consultant: always; head of sales: on demand; director: never
QString recordingPolicyKey(RecordingPolicy policy); // "always", "on_demand", "never"
std::optional<RecordingPolicy> recordingPolicyFromKey(const QString &key);

struct User
{
    Id id;
    QString login;
    QString displayName;
    Role role = Role::Consultant;
    bool active = true;
    // The desk's SIP extension ("201"), learnt when its phone registers on the PBX: colleagues
    // transfer calls to it. Empty: not known yet.
    QString extension;

    bool operator==(const User &) const = default;
};

} // namespace kasp
