// Transfers (RFC 3515 REFER, RFC 3891 Replaces for the attended kind). The desk never joins the
// two legs itself: it asks the guest's side to make the new call, and follows that call through
// the NOTIFYs liblinphone reports as transfer states.
#include "softphone_p.h"

#include <QCoreApplication>
#include <QTimer>

namespace kasp::telephony {

namespace {

Error noCall()
{
    return Error{QStringLiteral("sip.no_call"),
                 QCoreApplication::translate("kasp::telephony", "There is no such call to transfer")};
}

} // namespace

Status Softphone::transfer(int id, const QString &number)
{
    Private::Call *c = d->find(id);
    if (!c || c->info.state == CallState::Ended)
        return noCall();
    const auto to = d->addressFor(number);
    if (!to)
        return Error{QStringLiteral("sip.bad_address"),
                     QCoreApplication::translate("kasp::telephony", "«%1» cannot be dialled").arg(number)};
    c->transferTarget = number.trimmed();
    c->transferBlind = true;
    c->lateTransferTarget.clear();
    c->resumeWanted = false;
    // liblinphone on the guest's side carries out a transfer once its call is held, the way a
    // consultant says "one moment, I'm putting you through" first.
    if (c->info.state == CallState::OnHold) {
        d->sendBlindTransfer(this, *c, to);
        return {};
    }
    c->transferOnHold = to;
    if (c->call->pause() != 0) {
        c->transferOnHold.reset();
        c->transferTarget.clear();
        return Error{QStringLiteral("sip.no_call"),
                     QCoreApplication::translate("kasp::telephony", "This call cannot be transferred now")};
    }
    d->watchTransfer(this, *c); // a hold that never completes fails the transfer too
    return {};
}

void Softphone::Private::sendBlindTransfer(Softphone *phone, Call &c,
                                           const std::shared_ptr<linphone::Address> &to)
{
    if (c.transferTarget.isEmpty())
        return; // given up meanwhile
    if (c.call->transferTo(to) != 0) {
        failTransfer(phone, c);
        return;
    }
    watchTransfer(phone, c);
}

void Softphone::Private::watchTransfer(Softphone *phone, Call &c)
{
    const int attempt = ++c.transferAttempt;
    QTimer::singleShot(options.transferTimeoutSecs * 1000, phone, [phone, id = c.info.id, attempt] {
        Call *call = phone->d->find(id);
        if (call && call->transferAttempt == attempt && !call->transferTarget.isEmpty())
            phone->d->failTransfer(phone, *call);
    });
}

void Softphone::Private::failTransfer(Softphone *phone, Call &c)
{
    c.lateTransferTarget = c.transferTarget; // the guest's phone may still get through later
    c.transferTarget.clear();
    c.transferOnHold.reset();
    ++c.transferAttempt; // the time limit's timer, if any, has nothing left to do
    emit phone->transferFailed(
        c.info.id, QCoreApplication::translate(
                       "kasp::telephony", "The transfer did not go through; the guest is on hold with you"));
}

Status Softphone::transferToCall(int id, int consultId)
{
    Private::Call *c = d->find(id);
    Private::Call *consult = d->find(consultId);
    if (!c || !consult || id == consultId)
        return noCall();
    c->transferTarget = consult->info.remoteUser;
    c->transferBlind = false;
    c->lateTransferTarget.clear();
    c->resumeWanted = false;
    if (c->call->transferToAnother(consult->call) != 0) {
        c->transferTarget.clear();
        return Error{QStringLiteral("sip.no_call"),
                     QCoreApplication::translate("kasp::telephony", "This call cannot be transferred now")};
    }
    d->watchTransfer(this, *c);
    return {};
}

void SoftphoneListener::onTransferStateChanged(const std::shared_ptr<linphone::Core> &,
                                               const std::shared_ptr<linphone::Call> &transferred,
                                               linphone::Call::State state)
{
    if (!m_phone)
        return;
    Softphone::Private &d = *m_phone->d;
    const int id = d.idOf(transferred);
    Softphone::Private::Call *c = d.find(id);
    if (!c || (c->transferTarget.isEmpty() && c->lateTransferTarget.isEmpty()))
        return;
    using S = linphone::Call::State;
    switch (state) {
    // liblinphone on the guest's side notifies "trying" and then the outcome, not the ringing: the
    // desk keeps the guest on hold until the colleague answers, so an unanswered transfer comes
    // back to the desk instead of losing the guest.
    case S::Connected:
    case S::StreamsRunning:
        // The guest's new call reached the target (perhaps after the time limit was reported):
        // this desk's leg has done its job.
        c->info.transferredTo = c->transferTarget.isEmpty() ? c->lateTransferTarget : c->transferTarget;
        c->transferTarget.clear();
        c->lateTransferTarget.clear();
        c->call->terminate();
        return;
    case S::Error:
    case S::End:
        if (!c->transferTarget.isEmpty())
            d.failTransfer(m_phone, *c);
        c->lateTransferTarget.clear();
        return;
    default:
        return;
    }
}

} // namespace kasp::telephony
