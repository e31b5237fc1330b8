#include "kasp/mail/mimemessage.h"

#include <QCryptographicHash>
#include <QLocale>

namespace kasp::mail {

namespace {

bool isPlainAscii(const QString &text)
{
    for (QChar c : text)
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    return true;
}

// Base64 in lines of 76 characters, as MIME asks.
QByteArray base64Lines(const QByteArray &data)
{
    const QByteArray b64 = data.toBase64();
    QByteArray out;
    out.reserve(b64.size() + b64.size() / 76 * 2 + 2);
    for (qsizetype i = 0; i < b64.size(); i += 76) {
        out += b64.mid(i, 76);
        out += "\r\n";
    }
    return out;
}

QByteArray rfc2822Date(const QDateTime &date)
{
    // Day and month names in English whatever the locale: the format is fixed by the RFC.
    return QLocale::c().toString(date.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")).toLatin1() +
           " +0000";
}

} // namespace

QByteArray encodeHeaderWord(const QString &text)
{
    if (isPlainAscii(text))
        return text.toLatin1();
    // Encoded words are limited to 75 characters: split the UTF-8 on character boundaries.
    QByteArray out;
    QString chunk;
    auto flush = [&] {
        if (chunk.isEmpty())
            return;
        if (!out.isEmpty())
            out += "\r\n ";
        out += "=?UTF-8?B?" + chunk.toUtf8().toBase64() + "?=";
        chunk.clear();
    };
    for (QChar c : text) {
        if ((chunk + c).toUtf8().size() > 45)
            flush();
        chunk += c;
    }
    flush();
    return out;
}

QByteArray rfc2231Value(const QString &text)
{
    // attr-char (RFC 2231, RFC 5987) as it is; every other byte of the UTF-8 as %XX.
    static const QByteArray kAsIs = "!#$&+-.^_`|~";
    QByteArray out;
    for (const char ch : text.toUtf8()) {
        const auto byte = static_cast<unsigned char>(ch);
        if ((byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9') ||
            kAsIs.contains(ch))
            out += ch;
        else
            out += '%' + QByteArray::number(byte, 16).toUpper().rightJustified(2, '0');
    }
    return out;
}

QByteArray composeMime(const MailMessage &message, const QDateTime &date, const QString &messageId)
{
    const QByteArray boundary =
        "=_kasp_" + QCryptographicHash::hash(messageId.toUtf8(), QCryptographicHash::Sha1).toHex().left(24);
    QByteArray out;
    out += "From: " + encodeHeaderWord(message.fromName) + " <" + message.fromAddress.toLatin1() + ">\r\n";
    out += "To: " + message.to.join(QStringLiteral(", ")).toLatin1() + "\r\n";
    out += "Subject: " + encodeHeaderWord(message.subject) + "\r\n";
    if (date.isValid())
        out += "Date: " + rfc2822Date(date) + "\r\n";
    out += "Message-ID: <" + messageId.toLatin1() + ">\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n";
    out += "This is a multi-part message in MIME format.\r\n";

    out += "--" + boundary + "\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: base64\r\n\r\n";
    QString text = message.text;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"))
        .replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
    out += base64Lines(text.toUtf8());

    for (const Attachment &a : message.attachments) {
        const QByteArray name = encodeHeaderWord(a.fileName);
        out += "--" + boundary + "\r\n";
        // The encoded word in name= for old clients; the file name itself as RFC 2231 says
        // (filename*=UTF-8''…), which strict clients read and an encoded word inside quotes is not.
        out += "Content-Type: " + a.mimeType.toLatin1() + "; name=\"" + name + "\"\r\n";
        out += "Content-Transfer-Encoding: base64\r\n";
        out +=
            "Content-Disposition: attachment;\r\n filename*=UTF-8''" + rfc2231Value(a.fileName) + "\r\n\r\n";
        out += base64Lines(a.data);
    }
    out += "--" + boundary + "--\r\n";
    return out;
}

} // namespace kasp::mail
