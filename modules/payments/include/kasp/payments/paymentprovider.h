#pragma once
// An online payment provider: a payment link for the prepayment, and its state later. Calls are
// asynchronous (the Sales Window never waits on the network) and answer exactly once.
#include "kasp/core/id.h"
#include "kasp/core/money.h"
#include "kasp/core/result.h"
#include <functional>
#include <QString>

namespace kasp::payments {

struct PaymentRequest
{
    Id bookingId;
    Money amount;
    QString description;    // "Предоплата, бронь 01A2…, 19.04–03.05.2027"
    QString returnUrl;      // where the guest lands after paying
    QString idempotenceKey; // the same key never charges twice (retries after a timeout)
};

struct ProviderPayment
{
    enum class State { Pending, WaitingForCapture, Succeeded, Canceled };
    QString id; // the provider's payment id: the Payment's reference
    State state = State::Pending;
    Money amount;
    QString confirmationUrl; // the link for the guest (empty once paid)
    QString cancellationReason;
};

class PaymentProvider
{
public:
    virtual ~PaymentProvider() = default;
    using Done = std::function<void(Result<ProviderPayment>)>;
    virtual void createPayment(const PaymentRequest &request, Done done) = 0;
    virtual void fetchPayment(const QString &paymentId, Done done) = 0;
};

} // namespace kasp::payments
