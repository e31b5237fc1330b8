#pragma once
// Delivers a message to the sanatorium's mail server over SMTP (libcurl): plain, STARTTLS or
// implicit TLS, with or without a login. Blocking with a time limit: run it off the GUI thread.
#include "kasp/core/result.h"
#include "kasp/mail/mimemessage.h"

namespace kasp::mail {

struct SmtpServer
{
    enum class Security { None, StartTls, Tls };
    QString host;
    int port = 587;
    Security security = Security::StartTls;
    QString user; // empty: no AUTH
    QString password;
    // A CA certificate (PEM) to trust besides the system's: an office mail server with its own
    // certificate authority. Empty: the system's store only.
    QString caFile;
    int timeoutSecs = 30;
};

// Errors: "mail.no_recipient", "mail.connect" (the server does not answer), "mail.auth"
// (login refused, or the server wants one), "mail.tls" (the certificate is not trusted, or the
// server offers no encryption), "mail.refused" (the server refused sender or recipient),
// "mail.failed".
Status sendMail(const SmtpServer &server, const MailMessage &message);

} // namespace kasp::mail
