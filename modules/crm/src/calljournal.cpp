#include "kasp/crm/calljournal.h"

#include "kasp/storage/guestrepository.h"
#include "kasp/storage/sqlhelpers.h"
#include "kasp/storage/taskrepository.h"
#include "kasp/storage/touchrepository.h"

#include <algorithm>
#include <QCoreApplication>

namespace kasp::crm {

namespace {

// What a PBX puts in the From user part: digits with or without '+', sometimes a SIP URI.
Phone phoneOf(const QString &remoteUser)
{
    QString user = remoteUser.trimmed();
    if (user.startsWith(QLatin1String("sip:"), Qt::CaseInsensitive))
        user = user.mid(4).section(QLatin1Char('@'), 0, 0);
    const Result<Phone> phone = Phone::parse(user);
    return phone.ok() ? phone.value() : Phone();
}

constexpr const char *kHiddenNumberTag = "скрытый номер";
// The one card for calls without a number: "Скрытый номер" as its name.
const QString kHiddenLastName = QStringLiteral("Скрытый");
const QString kHiddenFirstName = QStringLiteral("номер");

// A caller as the timeline and a task's title name them: a garbled caller id of thousands of
// characters (seen from real PBXes) is cut, so the title keeps its 200-character limit.
QString callerText(const QString &remoteUser)
{
    constexpr qsizetype kLongest = 60;
    return remoteUser.size() <= kLongest ? remoteUser : remoteUser.left(kLongest) + QChar(0x2026);
}

QString touchNote(const FinishedCall &call)
{
    if (!call.transferredTo.isEmpty())
        return QCoreApplication::translate("kasp::crm", "Put through to %1")
            .arg(callerText(call.transferredTo));
    if (call.result == QLatin1String("missed"))
        return QCoreApplication::translate("kasp::crm", "Missed call from %1")
            .arg(callerText(call.remoteUser));
    if (call.result == QLatin1String("declined"))
        return QCoreApplication::translate("kasp::crm", "Call declined");
    if (call.result == QLatin1String("busy"))
        return QCoreApplication::translate("kasp::crm", "The line was busy");
    if (call.result == QLatin1String("failed"))
        return QCoreApplication::translate("kasp::crm", "The call did not go through");
    return {};
}

} // namespace

Result<Caller> CallJournal::identify(const QString &remoteUser) const
{
    Caller caller;
    caller.phone = phoneOf(remoteUser);
    if (caller.phone.isNull())
        return caller;
    auto ids = storage::GuestRepository(m_db, m_clock).idsByPhone(caller.phone.e164());
    if (!ids.ok())
        return ids.error();
    caller.guests = ids.value();
    return caller;
}

Result<Id> CallJournal::guestFor(const FinishedCall &call)
{
    if (!call.guestId.isNull())
        return call.guestId;
    storage::GuestRepository guests(m_db, m_clock);
    const Phone phone = phoneOf(call.remoteUser);
    if (!phone.isNull()) {
        auto ids = guests.idsByPhone(phone.e164());
        if (!ids.ok())
            return ids.error();
        if (!ids.value().isEmpty())
            return ids.value().first();
    }
    // New number: a new card with it. Hidden number: the one shared card for such calls.
    if (phone.isNull()) {
        // Found by its name, which is data (the same on every desktop), not a translated UI text.
        auto found = guests.search(QStringLiteral("%1 %2").arg(kHiddenLastName, kHiddenFirstName), 5);
        if (!found.ok())
            return found.error();
        for (const auto &g : found.value())
            if (g.mainPhone.isEmpty())
                return g.id;
    }
    Guest g;
    g.id = newId();
    g.createdAt = m_clock.now();
    g.updatedAt = g.createdAt;
    if (phone.isNull()) {
        g.lastName = kHiddenLastName;
        g.firstName = kHiddenFirstName;
        g.tags = {QLatin1String(kHiddenNumberTag)};
    } else {
        g.phones = {phone};
    }
    if (auto s = guests.create(g); !s.ok())
        return s.error();
    return g.id;
}

bool isInternalExtension(const QString &remoteUser)
{
    QString user = remoteUser.trimmed();
    if (user.startsWith(QLatin1String("sip:"), Qt::CaseInsensitive))
        user = user.mid(4).section(QLatin1Char('@'), 0, 0);
    if (user.size() < 2 || user.size() > 5)
        return false;
    return std::all_of(user.begin(), user.end(), [](QChar c) { return c.isDigit(); });
}

Result<Id> CallJournal::record(const FinishedCall &call)
{
    if (call.guestId.isNull() && isInternalExtension(call.remoteUser))
        return Id(); // a colleague: nothing for a guest's timeline
    storage::sql::WriteTransaction tx(m_db);
    if (auto s = tx.begin(); !s.ok())
        return s.error();
    auto guestId = guestFor(call);
    if (!guestId.ok())
        return guestId.error();
    const bool missed = call.incoming && !call.answered;
    Touch touch;
    touch.id = newId();
    touch.guestId = guestId.value();
    touch.userId = missed ? Id() : call.consultantId;
    touch.kind = missed ? TouchKind::CallMissed : call.incoming ? TouchKind::CallIn : TouchKind::CallOut;
    touch.at = m_clock.now().addSecs(-call.talkSeconds);
    touch.durationSecs = std::max(0, call.talkSeconds);
    touch.result = call.result;
    touch.note = touchNote(call);
    touch.recording = call.recording;
    if (auto s = storage::TouchRepository(m_db, m_clock).add(touch); !s.ok())
        return s.error();
    if (missed && call.result == QLatin1String("missed")) {
        auto guest = storage::GuestRepository(m_db, m_clock).byId(guestId.value());
        if (!guest.ok())
            return guest.error();
        Task task;
        task.id = newId();
        task.guestId = guestId.value();
        task.assigneeId = guest.value() ? guest.value()->managerId : Id(); // null: the shared pool
        // Who to call: the guest's name, or the number as people write it (a new card has no
        // name yet), never the raw caller id.
        const QString who = guest.value() ? guest.value()->displayName() : QString();
        task.title = QCoreApplication::translate("kasp::crm", "Call back: missed call from %1")
                         .arg(callerText(who.isEmpty() ? call.remoteUser : who));
        task.due = m_clock.now().addSecs(15 * 60); // a missed caller is called back within minutes
        task.createdAt = m_clock.now();
        task.kind = TaskKind::CallBack;
        if (auto s = storage::TaskRepository(m_db, m_clock).create(task); !s.ok())
            return s.error();
    }
    // A conversation with the guest is the call-back done: the consultant's own open call-backs for
    // this guest, and the pool's, are closed with it (a colleague's stay theirs: the server would
    // refuse to touch them).
    if (call.answered && !missed) {
        storage::TaskRepository tasks(m_db, m_clock);
        auto open = tasks.forGuest(guestId.value());
        if (!open.ok())
            return open.error();
        // Only call-backs that this call answers: made before it began (not one set during the
        // talk, "call back tomorrow") and due by now or within the next two hours.
        const QDateTime began = m_clock.now().addSecs(-std::max(0, call.talkSeconds) - 60);
        const QDateTime dueBy = m_clock.now().addSecs(2 * 3600);
        for (const Task &t : open.value())
            if (t.status == TaskStatus::Open && t.kind == TaskKind::CallBack &&
                (t.assigneeId.isNull() || t.assigneeId == call.consultantId) &&
                (!t.createdAt.isValid() || t.createdAt < began) && (!t.due.isValid() || t.due <= dueBy))
                if (auto s = tasks.setStatus(t.id, TaskStatus::Done); !s.ok())
                    return s.error();
    }
    if (auto s = tx.commit(); !s.ok())
        return s.error();
    return guestId.value();
}

} // namespace kasp::crm
