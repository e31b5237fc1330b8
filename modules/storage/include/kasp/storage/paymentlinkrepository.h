#pragma once
// Online prepayment links this desktop asked the payment provider for (local, not replicated).
// A link's life: requested (key stored, provider not yet answered) -> pending (the provider's id and
// the guest's URL) -> paid (the payment recorded) | canceled (by the provider or the guest) |
// failed (paid, but the payment could not be recorded: someone must look; message says why).
#include "kasp/core/clock.h"
#include "kasp/core/id.h"
#include "kasp/core/money.h"
#include "kasp/core/result.h"
#include <QDateTime>
#include <QSqlDatabase>

namespace kasp::storage {

struct PaymentLink
{
    enum class Status { Requested, Pending, Paid, Canceled, Failed };
    QString idempotenceKey;
    Id bookingId;
    Money amount;
    QString providerId;
    QString url;
    Status status = Status::Requested;
    QString message;
    QDateTime createdAt;
    Id createdBy;
};
QString paymentLinkStatusKey(PaymentLink::Status status);

class PaymentLinkRepository
{
public:
    explicit PaymentLinkRepository(QSqlDatabase db) : m_db(std::move(db)) {}
    Status add(const PaymentLink &link);
    Status setPending(const QString &key, const QString &providerId, const QString &url);
    // Both move only open links (requested or pending): a late answer never reopens a settled one.
    Status setStatus(const QString &key, PaymentLink::Status status, const QString &message = {});
    Result<QList<PaymentLink>> open() const;                          // requested or pending, oldest first
    Result<QList<PaymentLink>> forBooking(const Id &bookingId) const; // newest first

private:
    Result<QList<PaymentLink>> select(const QString &where, const QVariantList &values) const;
    QSqlDatabase m_db;
};

} // namespace kasp::storage
