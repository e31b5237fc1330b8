#pragma once
// A touch (касание) is any contact with a guest. Touches are append-only: the history is the asset.
#include "kasp/core/id.h"
#include <optional>
#include <QDateTime>
#include <QString>

namespace kasp {

enum class TouchKind {
    CallIn,
    CallOut,
    CallMissed,
    WebRequest,
    CallbackRequest,
    Booking,
    Email,
    Sms,
    Note,
    DealStage, // a deal moved to another stage: result = the new stage's key, note = "from → to"
};

QString touchKindKey(TouchKind kind); // "call_in", "call_out", ...
std::optional<TouchKind> touchKindFromKey(const QString &key);
bool isCall(TouchKind kind);

struct Touch
{
    Id id;
    Id guestId;
    Id userId; // who handled it; null for robots and missed calls
    TouchKind kind = TouchKind::Note;
    QDateTime at;
    int durationSecs = 0; // calls only
    QString result;       // "забронировал", "думает", "дорого", ...
    QString note;
    // Where a web request came from: its UTM tags as the site sent them ("utm_source=yandex&
    // utm_medium=cpc&utm_campaign=leto"). Last: aggregate initialisers and older records lack it.
    QString source;
    // A recorded call: the file's path under the recording desk's recordings folder
    // ("2026-12/20261205-101502-89161234567-3.wav"). The file stays on that desk. Schema 8.
    QString recording;

    bool operator==(const Touch &) const = default;
};

// "yandex / cpc / leto": the UTM source, medium and campaign of a touch's source, for the card;
// empty when it has none. Accepts a query string or a whole URL.
QString utmSummary(const QString &source);
// The same tags by their names, for people: "Яндекс · реклама · leto-kislovodsk" (translated).
QString sourceTitle(const QString &source);

} // namespace kasp
