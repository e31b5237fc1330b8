#pragma once
// The sequence stamps of records already stored: re-sending a record (the roll-back of a refused
// change), and the guest merge, which gives the merged card's history to the survivor. Each
// changed record gets the organisation's next seq, so every desk pulls it again. Called by
// SyncStore with the organisation's row locked.
#include "kasp/core/result.h"
#include "kasp/syncproto/entitykind.h"
#include "statementcache.h"

namespace kasp::server {

// The record's change time for tombstone retention; the column's default on insert.
inline constexpr char kNowMs[] = "(extract(epoch from clock_timestamp()) * 1000)::bigint";

// syncproto's guestHistoryKinds as an SQL list, "('touch', 'booking', …)": the merge's queries
// name it, and migration 8's partial index records_guest_history_8 covers it (serverschema.cpp).
QString guestHistoryKindsSql();

// True when the record existed (live, or in any state when !liveOnly) and got a new seq; where
// nothing existed nothing is written.
Result<bool> restamp(StatementCache &sql, const QString &orgId, const QString &kind, const QString &id,
                     qint64 &seq, bool liveOnly = false);
// A refused merge: the card and its history are sent again, undoing the desktop's optimism.
Status restampGuestHistory(StatementCache &sql, const QString &orgId, const QString &guestId, qint64 &seq);
// guest.merge: the merged card's history moves to the survivor, the card becomes a tombstone.
Status moveGuestHistory(StatementCache &sql, const QString &orgId, const QString &from, const QString &to,
                        qint64 &seq);
// The card a merged card went into (following merges), or the id itself.
Result<QString> mergedInto(StatementCache &sql, const QString &orgId, const QString &guestId);

} // namespace kasp::server
