#pragma once
// An e-mail as RFC 5322 / MIME text: UTF-8 headers in RFC 2047 encoded words (Cyrillic names and
// subjects), a text/plain UTF-8 body and base64 attachments in multipart/mixed. Pure, so the
// exact bytes are testable; SmtpSender only carries them.
#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace kasp::mail {

struct Attachment
{
    QString fileName; // "Ваучер 2027-06-01.pdf"
    QString mimeType; // "application/pdf"
    QByteArray data;
};

struct MailMessage
{
    QString fromAddress; // "sales@sanatorium.example"
    QString fromName;    // "Санаторий «Родник», отдел продаж"
    QStringList to;      // addresses
    QString subject;
    QString text;
    QList<Attachment> attachments;
    // The Date header: when it is sent, by the sender's Clock. Unset: no Date header (the
    // receiving server adds its own).
    QDateTime date;
};

// `date` (the message's own is not read here) and `messageId` are parameters so tests get stable
// bytes; an invalid date writes no Date header.
QByteArray composeMime(const MailMessage &message, const QDateTime &date, const QString &messageId);

// "=?UTF-8?B?...?=" when the text is not plain ASCII, else the text itself.
QByteArray encodeHeaderWord(const QString &text);
// A parameter value in RFC 2231's extended form, without its charset prefix: "Ваучер 1.pdf" ->
// "%D0%92…%201.pdf".
QByteArray rfc2231Value(const QString &text);

} // namespace kasp::mail
