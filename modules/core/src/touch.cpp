#include "kasp/core/touch.h"

namespace kasp {

namespace {
constexpr TouchKind kAllKinds[] = {TouchKind::CallIn,
                                   TouchKind::CallOut,
                                   TouchKind::CallMissed,
                                   TouchKind::WebRequest,
                                   TouchKind::CallbackRequest,
                                   TouchKind::Booking,
                                   TouchKind::Email,
                                   TouchKind::Sms,
                                   TouchKind::Note,
                                   TouchKind::DealStage};
} // namespace

QString touchKindKey(TouchKind kind)
{
    switch (kind) {
    case TouchKind::CallIn:
        return QStringLiteral("call_in");
    case TouchKind::CallOut:
        return QStringLiteral("call_out");
    case TouchKind::CallMissed:
        return QStringLiteral("call_missed");
    case TouchKind::WebRequest:
        return QStringLiteral("web_request");
    case TouchKind::CallbackRequest:
        return QStringLiteral("callback_request");
    case TouchKind::Booking:
        return QStringLiteral("booking");
    case TouchKind::Email:
        return QStringLiteral("email");
    case TouchKind::Sms:
        return QStringLiteral("sms");
    case TouchKind::Note:
        return QStringLiteral("note");
    case TouchKind::DealStage:
        return QStringLiteral("deal_stage");
    }
    return {};
}

std::optional<TouchKind> touchKindFromKey(const QString &key)
{
    for (TouchKind kind : kAllKinds) {
        if (touchKindKey(kind) == key)
            return kind;
    }
    return std::nullopt;
}

bool isCall(TouchKind kind)
{
    return kind == TouchKind::CallIn || kind == TouchKind::CallOut || kind == TouchKind::CallMissed;
}

} // namespace kasp
