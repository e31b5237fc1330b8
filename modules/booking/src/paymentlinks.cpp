#include "kasp/booking/paymentlinks.h"

#include "kasp/storage/paymentlinkrepository.h"
#include "kasp/storage/sessionwriter.h"
#include "kasp/storage/sqlhelpers.h"
#include "kasp/storage/taskrepository.h"
#include "kasp/storage/touchrepository.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QPointer>

namespace kasp::booking {

Q_LOGGING_CATEGORY(lcPayments, "kasp.payments")

using storage::PaymentLink;
using storage::PaymentLinkRepository;

namespace {
constexpr qint64 kRequestedLinkLifeSecs = 24 * 3600; // a link the provider never created, given up
}

PaymentLinks::PaymentLinks(BookingService &booking, payments::PaymentProvider &provider, QString returnUrl,
                           QObject *parent)
    : QObject(parent), m_booking(booking), m_provider(provider), m_returnUrl(std::move(returnUrl))
{
}

void PaymentLinks::requestLink(const Id &bookingId, Money amount)
{
    // A link ends in a payment recorded on this desk: asked only by whoever may record one (the
    // director reads). Refused before the shop hears of it or a link is kept.
    if (auto s = storage::authorizeWrite(m_booking.database(), QStringLiteral("payment.add")); !s.ok()) {
        emit failed(bookingId, s.error().message);
        return;
    }
    if (auto preview = m_booking.previewPayment(bookingId, amount); !preview.ok()) {
        emit failed(bookingId, preview.error().message);
        return;
    }
    // The key is stored before the provider hears of it: after a crash, poll() asks again with the
    // same key and the provider answers with the same payment.
    PaymentLink link;
    link.idempotenceKey = idToString(newId());
    link.bookingId = bookingId;
    link.amount = amount;
    link.createdAt = m_booking.clock().now();
    link.createdBy = m_booking.userId();
    if (auto s = PaymentLinkRepository(m_booking.database()).add(link); !s.ok()) {
        emit failed(bookingId, s.error().message);
        return;
    }
    ask(link.idempotenceKey, bookingId, amount);
}

void PaymentLinks::ask(const QString &key, const Id &bookingId, Money amount)
{
    auto booking = m_booking.booking(bookingId);
    if (!booking.ok()) {
        emit failed(bookingId, booking.error().message);
        return;
    }
    const Stay &stay = booking.value().stay;
    payments::PaymentRequest request;
    request.bookingId = bookingId;
    request.amount = amount;
    request.description = tr("Sanatorium stay %1 – %2, booking %3")
                              .arg(stay.checkIn().toString(QStringLiteral("dd.MM.yyyy")),
                                   stay.checkOut().toString(QStringLiteral("dd.MM.yyyy")),
                                   idToString(bookingId).left(8).toUpper());
    request.returnUrl = m_returnUrl;
    request.idempotenceKey = key;
    m_inFlight.insert(key);
    QPointer<PaymentLinks> self(this);
    m_provider.createPayment(request, [self, key, bookingId,
                                       amount](Result<payments::ProviderPayment> answer) {
        if (!self)
            return;
        self->m_inFlight.remove(key);
        if (!answer.ok()) {
            // A provider that is unreachable is asked again at the next poll, with the same key;
            // one that refuses (wrong shop key, a bad request) would refuse again: the link ends.
            if (answer.error().code != QLatin1String("payment.provider_unavailable"))
                PaymentLinkRepository(self->m_booking.database())
                    .setStatus(key, PaymentLink::Status::Canceled, answer.error().message);
            emit self->failed(bookingId, answer.error().message);
            return;
        }
        const payments::ProviderPayment &p = answer.value();
        if (auto s =
                PaymentLinkRepository(self->m_booking.database()).setPending(key, p.id, p.confirmationUrl);
            !s.ok()) {
            emit self->failed(bookingId, s.error().message);
            return;
        }
        emit self->linkReady(bookingId, p.confirmationUrl, amount);
        if (p.state != payments::ProviderPayment::State::Pending)
            self->settle(key, bookingId, amount, p);
    });
}

void PaymentLinks::poll()
{
    auto open = PaymentLinkRepository(m_booking.database()).open();
    if (!open.ok()) {
        emit failed(Id(), open.error().message);
        return;
    }
    for (const PaymentLink &link : open.value()) {
        if (m_inFlight.contains(link.idempotenceKey))
            continue;
        if (link.status == PaymentLink::Status::Requested) {
            // Not created yet (the provider was down): only while the payment still makes sense.
            auto preview = m_booking.previewPayment(link.bookingId, link.amount);
            const bool stale = link.createdAt.secsTo(m_booking.clock().now()) > kRequestedLinkLifeSecs;
            if (!preview.ok() || stale) {
                PaymentLinkRepository(m_booking.database())
                    .setStatus(link.idempotenceKey, PaymentLink::Status::Canceled,
                               stale ? tr("The provider did not answer for a day") : preview.error().message);
                continue;
            }
            ask(link.idempotenceKey, link.bookingId, link.amount);
        } else
            check(link.idempotenceKey, link.providerId, link.bookingId, link.amount);
    }
}

void PaymentLinks::check(const QString &key, const QString &providerId, const Id &bookingId, Money amount)
{
    m_inFlight.insert(key);
    QPointer<PaymentLinks> self(this);
    m_provider.fetchPayment(
        providerId, [self, key, bookingId, amount](Result<payments::ProviderPayment> answer) {
            if (!self)
                return;
            self->m_inFlight.remove(key);
            if (!answer.ok()) {
                emit self->failed(bookingId, answer.error().message); // asked again at the next poll
                return;
            }
            self->settle(key, bookingId, amount, answer.value());
        });
}

void PaymentLinks::settle(const QString &key, const Id &bookingId, Money amount,
                          const payments::ProviderPayment &payment)
{
    using State = payments::ProviderPayment::State;
    PaymentLinkRepository links(m_booking.database());
    if (payment.state == State::Canceled) {
        links.setStatus(key, PaymentLink::Status::Canceled, payment.cancellationReason);
        emit failed(bookingId,
                    tr("The guest's online payment was cancelled (%1)").arg(payment.cancellationReason));
        return;
    }
    if (payment.state != State::Succeeded)
        return; // still pending, or waiting for capture: the provider captures by itself
    // What the guest actually paid is what the provider says.
    if (payment.amount > Money())
        amount = payment.amount;
    // The payment and the link's new state commit together: a crash between them cannot record
    // the money twice.
    const Status recorded = [&]() -> Status {
        storage::sql::WriteTransaction tx(m_booking.database());
        if (auto s = tx.begin(); !s.ok())
            return s;
        if (auto effect = m_booking.recordPayment(bookingId, amount, PaymentMethod::Online, payment.id);
            !effect.ok())
            return effect.error();
        if (auto s = links.setStatus(key, PaymentLink::Status::Paid); !s.ok())
            return s;
        return tx.commit();
    }();
    if (!recorded.ok()) {
        // The guest has paid: never lost silently. The link is marked, and its author gets a task
        // on the guest's card to record the money by hand or return it.
        links.setStatus(key, PaymentLink::Status::Failed, recorded.error().message);
        if (auto b = m_booking.booking(bookingId); b.ok()) {
            Task task;
            task.id = newId();
            task.guestId = b.value().guestId;
            task.assigneeId = m_booking.userId();
            // The title stays short (a task's title has 200 characters); why it failed goes to the
            // card's timeline beside it.
            task.title = tr("Paid %1 online (YooKassa %2), not recorded: record it by hand or return it")
                             .arg(amount.toString(), payment.id.left(40));
            task.due = m_booking.clock().now();
            task.createdAt = task.due;
            Touch why;
            why.id = newId();
            why.guestId = task.guestId;
            why.userId = task.assigneeId;
            why.kind = TouchKind::Note;
            why.at = task.due;
            why.note = tr("The guest paid %1 online (YooKassa %2) but it was not recorded: %3")
                           .arg(amount.toString(), payment.id, recorded.error().message);
            const Status tasked =
                storage::TaskRepository(m_booking.database(), m_booking.clock()).create(task);
            const Status noted = storage::TouchRepository(m_booking.database(), m_booking.clock()).add(why);
            if (!tasked.ok() || !noted.ok())
                qCWarning(lcPayments).noquote()
                    << "the unrecorded payment's task or note failed:"
                    << (tasked.ok() ? noted.error().message : tasked.error().message);
        }
        emit failed(bookingId, tr("The guest paid %1 online, but the payment could not be recorded: %2")
                                   .arg(amount.toString(), recorded.error().message));
        return;
    }
    emit paid(bookingId, amount);
}

} // namespace kasp::booking
