#pragma once
// Every call lands in the CRM: who is calling (the ringing number normalized and looked up), and,
// when the call ends, a touch on the guest's timeline (direction, talk time, result, consultant).
// A missed call also makes a call-back task for the guest's manager, or for the shared pool when
// the guest has none. A number nobody has yet becomes a new guest card with that phone: a client is
// anyone who ever touched us. Calls without a number (hidden caller id) go to one shared card.
#include "kasp/core/clock.h"
#include "kasp/core/phone.h"
#include "kasp/core/touch.h"
#include <QSqlDatabase>

namespace kasp::crm {

struct Caller
{
    Phone phone;      // null when the caller id is hidden or is not a phone number
    QList<Id> guests; // guests owning that number; usually one, several for a shared family phone
};

struct FinishedCall
{
    QString remoteUser; // as the PBX gave it: "+79161234567", "89161234567", "anonymous", "203"
    bool incoming = true;
    bool answered = false;
    int talkSeconds = 0;
    QString result;        // "answered", "missed", "declined", "busy", "failed"
    Id guestId;            // the card the consultant had open for this call (chosen or created); may be null
    Id consultantId;       // who took or made it
    QString transferredTo; // the colleague the consultant put the call through to, if any
    QString recording;     // the call's recording under the desk's recordings folder, if recorded
};

// A colleague's extension ("202"), not a guest: 2-5 digits. Calls with colleagues (a consultation
// before an attended transfer) are not guest touches.
bool isInternalExtension(const QString &remoteUser);

class CallJournal
{
public:
    CallJournal(QSqlDatabase db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}

    // The ringing number normalized ("89161234567", "+7 916 ...", "sip:79161234567") and looked up.
    Result<Caller> identify(const QString &remoteUser) const;
    // The touch (and for a missed incoming call the call-back task) in one transaction. Returns the
    // guest the call was recorded on (created when the number was new); a null id for a call
    // with a colleague's extension, which is not recorded.
    Result<Id> record(const FinishedCall &call);

private:
    Result<Id> guestFor(const FinishedCall &call);
    QSqlDatabase m_db;
    const Clock &m_clock;
};

} // namespace kasp::crm
