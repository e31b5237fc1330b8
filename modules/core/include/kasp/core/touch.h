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

    bool operator==(const Touch &) const = default;
};

} // namespace kasp
