#include "kasp/core/touch.h"

#include <QUrlQuery>

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

QString utmSummary(const QString &source)
{
    QString query = source.trimmed();
    if (const qsizetype mark = query.indexOf(QLatin1Char('?')); mark >= 0)
        query = query.mid(mark + 1);
    if (const qsizetype hash = query.indexOf(QLatin1Char('#')); hash >= 0)
        query.truncate(hash);
    const QUrlQuery tags(query);
    QStringList parts;
    for (const char *key : {"utm_source", "utm_medium", "utm_campaign"}) {
        const QString value = tags.queryItemValue(QLatin1String(key), QUrl::FullyDecoded)
                                  .replace(QLatin1Char('+'), QLatin1Char(' '));
        if (!value.trimmed().isEmpty())
            parts.append(value.trimmed().left(60));
    }
    return parts.join(QStringLiteral(" / "));
}

} // namespace kasp
