#include "kasp/core/user.h"

namespace kasp {

QString roleKey(Role role)
{
    switch (role) {
    case Role::Consultant:
        return QStringLiteral("consultant");
    case Role::HeadOfSales:
        return QStringLiteral("head_of_sales");
    case Role::Director:
        return QStringLiteral("director");
    }
    return {};
}

std::optional<Role> roleFromKey(const QString &key)
{
    for (Role role : {Role::Consultant, Role::HeadOfSales, Role::Director}) {
        if (roleKey(role) == key)
            return role;
    }
    return std::nullopt;
}

Permissions Permissions::of(Role role)
{
    Permissions p;
    switch (role) {
    case Role::Consultant:
        // The whole department works one base of guests; a consultant sells by phone.
        p.seesAllGuests = true;
        p.makesCalls = true;
        break;
    case Role::HeadOfSales:
        p.seesAllGuests = true;
        p.editsScripts = true;
        p.seesDepartmentKpi = true;
        p.reassignsGuests = true;
        p.makesCalls = true;
        p.exportsContacts = true;
        break;
    case Role::Director:
        // Reads reports and statistics; does not sell or run the department day to day.
        p.seesAllGuests = true;
        p.seesDepartmentKpi = true;
        break;
    }
    return p;
}

RecordingPolicy recordingPolicyOf(Role role)
{
    switch (role) {
    case Role::Consultant:
        return RecordingPolicy::Always;
    case Role::HeadOfSales:
        return RecordingPolicy::OnDemand;
    case Role::Director:
        break;
    }
    return RecordingPolicy::Never;
}

QString recordingPolicyKey(RecordingPolicy policy)
{
    switch (policy) {
    case RecordingPolicy::Always:
        return QStringLiteral("always");
    case RecordingPolicy::OnDemand:
        return QStringLiteral("on_demand");
    case RecordingPolicy::Never:
        break;
    }
    return QStringLiteral("never");
}

std::optional<RecordingPolicy> recordingPolicyFromKey(const QString &key)
{
    for (const RecordingPolicy p :
         {RecordingPolicy::Always, RecordingPolicy::OnDemand, RecordingPolicy::Never})
        if (recordingPolicyKey(p) == key)
            return p;
    return std::nullopt;
}

} // namespace kasp
