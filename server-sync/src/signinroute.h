#pragma once
// POST /v1/auth/signin, answered asynchronously: the password check (argon2id, tens of
// milliseconds of a core each) runs on worker threads, so eight people signing in at nine o'clock
// do not hold up every desk's push, pull and /health behind them. The database work before and
// after it stays on the event loop's connection (AccountStore's three steps).
#include "accountstore.h"
#include <QHash>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QObject>
#include <QThreadPool>

namespace kasp::server {

// The body of a successful sign-in or refresh: the token pair and who signed in.
QByteArray signedInBody(const SignedIn &s);

class SignInRoute : public QObject
{
    Q_OBJECT
public:
    explicit SignInRoute(AccountStore &accounts, QObject *parent = nullptr);
    ~SignInRoute() override;

    // Answers through the responder: at once for a refusal, after the check otherwise.
    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder);

    // Checks waiting or running at once; past it the server answers 503 server.busy at once
    // (a flood of sign-ins does not queue minutes of hashing).
    static constexpr int kMaxPendingChecks = 64;
    static constexpr int kMaxPendingPerAddress = 16; // an office behind one NAT address signing in at nine

private:
    AccountStore &m_accounts;
    QThreadPool m_pool;
    int m_pending = 0;
    QHash<QString, int> m_pendingByAddress;
};

} // namespace kasp::server
