#pragma once
// Phone numbers normalized once, on input, to E.164 ("+79161234567"). Russian habits are understood:
// 8 9xx..., 7 9xx..., +7, local 10-digit numbers, spaces, dashes, brackets, dots, and an extension
// written as "доб. 123", "ext 123", "x123" or ",123".
#include "kasp/core/result.h"
#include <QString>

namespace kasp {

class Phone
{
public:
    Phone() = default;
    // Error codes: "phone.empty", "phone.garbage" (letters, junk), "phone.too_short", "phone.too_long",
    // "phone.no_country_code" (not Russian-looking and written without '+'),
    // "phone.bad_country_code" ("+0...").
    static Result<Phone> parse(const QString &input);
    // Rebuilds a stored phone: e164 must already be canonical ("+79161234567"), the extension empty
    // or 1-8 digits. Error code "phone.not_e164". For storage and JSON, never for user input.
    static Result<Phone> fromE164(const QString &e164, const QString &extension = {});

    bool isNull() const { return m_e164.isEmpty(); }
    // What the sanatorium's PBX dials: a Russian number as `russianPrefix` and ten digits ("8", the
    // dial plan most Russian PBXs keep; "+7" or "7" for those that want it so), any other as
    // +E.164. The extension is not dialled (it is DTMF once connected).
    QString dialString(const QString &russianPrefix = QStringLiteral("8")) const;
    const QString &e164() const { return m_e164; }
    const QString &extension() const { return m_extension; }
    // Digits of the E.164 form without '+', reversed: the key for suffix lookups ("last 4 digits").
    QString reversedDigits() const;
    // "+7 916 123-45-67" (" доб. 12" appended when there is an extension) for Russian numbers, the
    // E.164 form (plus the extension) for others.
    QString display() const;

    bool operator==(const Phone &o) const = default;

private:
    QString m_e164;
    QString m_extension;
};

// Digits only, for search boxes: "8 (916) 12" -> "891612". Used to decide how to search.
QString phoneDigits(const QString &input);
// For prefix search of a partly typed number: "8916" -> "+7916", "+7 91" -> "+791", "916" -> "+7916",
// "+3" -> "+3". Returns an empty string for letters, no digits, or digits that cannot start a number.
QString phonePrefixE164(const QString &input);

} // namespace kasp
