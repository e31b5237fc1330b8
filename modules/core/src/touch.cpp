#include "kasp/core/touch.h"

#include <QCoreApplication>
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

QString sourceTitle(const QString &source)
{
    // The tags as people name them: a sales department reads «Яндекс · реклама», not
    // «yandex / cpc». Unknown values stay as they are.
    static const std::pair<const char *, const char *> kSources[] = {
        {"yandex", QT_TRANSLATE_NOOP("kasp::Source", "Yandex")},
        {"google", QT_TRANSLATE_NOOP("kasp::Source", "Google")},
        {"vk", QT_TRANSLATE_NOOP("kasp::Source", "VK")},
        {"ok", QT_TRANSLATE_NOOP("kasp::Source", "Odnoklassniki")},
        {"telegram", QT_TRANSLATE_NOOP("kasp::Source", "Telegram")},
        {"2gis", QT_TRANSLATE_NOOP("kasp::Source", "2GIS")},
        {"avito", QT_TRANSLATE_NOOP("kasp::Source", "Avito")},
        {"email", QT_TRANSLATE_NOOP("kasp::Source", "e-mail")},
        {"cpc", QT_TRANSLATE_NOOP("kasp::Source", "ads")},
        {"cpm", QT_TRANSLATE_NOOP("kasp::Source", "ads")},
        {"social", QT_TRANSLATE_NOOP("kasp::Source", "social network")},
        {"newsletter", QT_TRANSLATE_NOOP("kasp::Source", "newsletter")},
        {"referral", QT_TRANSLATE_NOOP("kasp::Source", "link from another site")},
        {"organic", QT_TRANSLATE_NOOP("kasp::Source", "search")},
    };
    QStringList parts = utmSummary(source).split(QStringLiteral(" / "), Qt::SkipEmptyParts);
    for (QString &part : parts)
        for (const auto &[key, title] : kSources)
            if (part.compare(QLatin1String(key), Qt::CaseInsensitive) == 0)
                part = QCoreApplication::translate("kasp::Source", title);
    return parts.join(QStringLiteral(" · "));
}

} // namespace kasp
