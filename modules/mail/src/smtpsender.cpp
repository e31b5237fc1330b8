#include "kasp/mail/smtpsender.h"

#include "kasp/core/id.h"

#include <curl/curl.h>
#include <memory>
#include <QCoreApplication>

namespace kasp::mail {

namespace {

QString tr(const char *text)
{
    // lupdate files the tr() of free functions under their namespace.
    return QCoreApplication::translate("kasp::mail", text);
}

struct Upload
{
    QByteArray data;
    qsizetype sent = 0;
};

size_t readChunk(char *buffer, size_t size, size_t count, void *user)
{
    auto *upload = static_cast<Upload *>(user);
    const size_t left = size_t(upload->data.size() - upload->sent);
    const size_t n = std::min(left, size * count);
    memcpy(buffer, upload->data.constData() + upload->sent, n);
    upload->sent += qsizetype(n);
    return n;
}

void initCurlOnce()
{
    static const bool done = [] { return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; }();
    Q_UNUSED(done);
}

} // namespace

Status sendMail(const SmtpServer &server, const MailMessage &message)
{
    if (message.to.isEmpty())
        return Error{QStringLiteral("mail.no_recipient"), tr("The guest has no e-mail address.")};
    initCurlOnce();
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl)
        return Error{QStringLiteral("mail.failed"), QStringLiteral("curl_easy_init")};

    const bool implicitTls = server.security == SmtpServer::Security::Tls;
    const QByteArray url =
        QStringLiteral("%1://%2:%3")
            .arg(implicitTls ? QStringLiteral("smtps") : QStringLiteral("smtp"), server.host)
            .arg(server.port)
            .toUtf8();
    const QByteArray from = "<" + message.fromAddress.toUtf8() + ">";
    const QByteArray user = server.user.toUtf8(), password = server.password.toUtf8();
    curl_slist *recipients = nullptr;
    for (const QString &to : message.to)
        recipients = curl_slist_append(recipients, ("<" + to.toUtf8() + ">").constData());
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> recipientList(recipients,
                                                                              &curl_slist_free_all);

    Upload upload{composeMime(message, message.date,
                              idToString(newId()) + QLatin1Char('@') +
                                  message.fromAddress.section(QLatin1Char('@'), 1)),
                  0};
    CURL *c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, url.constData());
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, &readChunk);
    curl_easy_setopt(c, CURLOPT_READDATA, &upload);
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, long(server.timeoutSecs));
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, long(std::min(server.timeoutSecs, 10)));
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    if (server.security == SmtpServer::Security::StartTls)
        curl_easy_setopt(c, CURLOPT_USE_SSL, long(CURLUSESSL_ALL));
    if (!server.user.isEmpty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(c, CURLOPT_PASSWORD, password.constData());
    }
    const QByteArray caFile = server.caFile.toLocal8Bit();
    if (!caFile.isEmpty())
        curl_easy_setopt(c, CURLOPT_CAINFO, caFile.constData());
    char detail[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, detail);

    const CURLcode code = curl_easy_perform(c);
    if (code == CURLE_OK)
        return {};
    const QString why = QString::fromUtf8(detail[0] ? detail : curl_easy_strerror(code));
    switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_OPERATION_TIMEDOUT:
        return Error{QStringLiteral("mail.connect"),
                     tr("The mail server %1 does not answer (%2).").arg(server.host, why)};
    case CURLE_LOGIN_DENIED:
        return Error{QStringLiteral("mail.auth"), tr("The mail server refused the login (%1).").arg(why)};
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CONNECT_ERROR:
        return Error{QStringLiteral("mail.tls"),
                     tr("The mail server's certificate is not trusted (%1). Ask IT for its CA certificate "
                        "and choose it in the mail settings.")
                         .arg(why)};
    case CURLE_USE_SSL_FAILED:
        return Error{QStringLiteral("mail.tls"),
                     tr("The mail server %1 offers no encryption (STARTTLS). Check the port and the "
                        "encryption in the mail settings.")
                         .arg(server.host)};
    default:
        break;
    }
    long reply = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply);
    if (reply == 530) // "authentication required": the settings have no login
        return Error{QStringLiteral("mail.auth"),
                     tr("The mail server wants a login: enter the mailbox's login and password in the mail "
                        "settings (%1).")
                         .arg(why)};
    return Error{QStringLiteral("mail.refused"),
                 tr("The mail server did not accept the message (%1).").arg(why)};
}

} // namespace kasp::mail
