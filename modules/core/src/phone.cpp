#include "kasp/core/phone.h"

#include <algorithm>
#include <QCoreApplication>
#include <QRegularExpression>

namespace kasp {

namespace {

constexpr int kRussianDigits = 11; // "7" + 10 national digits
constexpr int kMinInternationalDigits = 8;
constexpr int kMaxInternationalDigits = 15; // the E.164 maximum
constexpr int kMaxExtensionDigits = 8;

// message: a QT_TRANSLATE_NOOP("kasp::Phone", ...) literal, so lupdate finds it; translated here.
Error phoneError(const char *code, const char *message)
{
    return Error{QString::fromLatin1(code), QCoreApplication::translate("kasp::Phone", message)};
}

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

// Characters people put between digits: spaces, dashes, brackets, dots, slashes.
bool isSeparator(QChar c)
{
    static const QString separators = QStringLiteral("-()./\u2010\u2011\u2012\u2013\u2014");
    return c.isSpace() || separators.contains(c);
}

// Russian area and mobile codes start with 3, 4, 8 or 9; a local number written without the 8.
bool isRussianNationalStart(QChar c)
{
    return c == QLatin1Char('3') || c == QLatin1Char('4') || c == QLatin1Char('8') || c == QLatin1Char('9');
}

struct Written
{
    bool plus = false;
    QString digits;
};

// Reads "+7 (916) 123-45-67": an optional leading '+', then digits and separators only.
std::optional<Written> readNumber(const QString &text)
{
    Written written;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (isAsciiDigit(c))
            written.digits.append(c);
        else if (c == QLatin1Char('+') && i == 0)
            written.plus = true;
        else if (!isSeparator(c))
            return std::nullopt;
    }
    // "00 49 30 ..." is the international prefix dialled from most countries.
    if (!written.plus && written.digits.startsWith(QStringLiteral("00"))) {
        written.plus = true;
        written.digits.remove(0, 2);
    }
    return written;
}

bool isRussianE164(const QString &e164)
{
    return e164.startsWith(QStringLiteral("+7")) && e164.size() == 12;
}

} // namespace

Result<Phone> Phone::parse(const QString &input)
{
    QString text = input.trimmed();
    if (text.isEmpty())
        return phoneError("phone.empty", QT_TRANSLATE_NOOP("kasp::Phone", "Enter a phone number"));

    QString extension;
    static const QRegularExpression extensionPattern(
        QStringLiteral("^(.*?)\\s*(?:доб\\.?|ext\\.?|x|,|#)\\s*([0-9]{1,8})$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = extensionPattern.match(text);
    if (match.hasMatch()) {
        extension = match.captured(2);
        text = match.captured(1).trimmed();
    }

    const std::optional<Written> written = readNumber(text);
    if (!written)
        return phoneError(
            "phone.garbage",
            QT_TRANSLATE_NOOP(
                "kasp::Phone",
                "A phone number may contain only digits, spaces, brackets, dashes and a leading +"));
    const QString &digits = written->digits;
    const auto count = digits.size();

    Phone phone;
    phone.m_extension = extension;
    if (written->plus) {
        if (digits.startsWith(QLatin1Char('7'))) {
            if (count < kRussianDigits)
                return phoneError("phone.too_short",
                                  QT_TRANSLATE_NOOP("kasp::Phone", "The phone number is too short"));
            if (count > kRussianDigits)
                return phoneError("phone.too_long",
                                  QT_TRANSLATE_NOOP("kasp::Phone", "The phone number is too long"));
        } else {
            if (digits.startsWith(QLatin1Char('0')))
                return phoneError("phone.bad_country_code",
                                  QT_TRANSLATE_NOOP("kasp::Phone", "A country code never starts with 0"));
            if (count < kMinInternationalDigits)
                return phoneError("phone.too_short",
                                  QT_TRANSLATE_NOOP("kasp::Phone", "The phone number is too short"));
            if (count > kMaxInternationalDigits)
                return phoneError("phone.too_long",
                                  QT_TRANSLATE_NOOP("kasp::Phone", "The phone number is too long"));
        }
        phone.m_e164 = QLatin1Char('+') + digits;
        return phone;
    }

    if (count < 10)
        return phoneError("phone.too_short",
                          QT_TRANSLATE_NOOP("kasp::Phone", "The phone number is too short"));
    const QChar first = digits.at(0);
    if (count == 10 && isRussianNationalStart(first)) {
        phone.m_e164 = QStringLiteral("+7") + digits;
        return phone;
    }
    if (first == QLatin1Char('7') || first == QLatin1Char('8')) {
        if (count == kRussianDigits) {
            // "8 916 ..." is the Russian trunk prefix: the same number as "+7 916 ...".
            phone.m_e164 = QStringLiteral("+7") + digits.mid(1);
            return phone;
        }
        if (count > kRussianDigits)
            return phoneError("phone.too_long",
                              QT_TRANSLATE_NOOP("kasp::Phone", "The phone number is too long"));
    }
    return phoneError(
        "phone.no_country_code",
        QT_TRANSLATE_NOOP("kasp::Phone", "Write a number outside Russia with + and the country code"));
}

Result<Phone> Phone::fromE164(const QString &e164, const QString &extension)
{
    const auto notE164 = [&] {
        return Error{
            QStringLiteral("phone.not_e164"),
            QCoreApplication::translate("kasp::Phone", "Not a phone number in international format: %1")
                .arg(e164)};
    };
    if (!e164.startsWith(QLatin1Char('+')) || extension.size() > kMaxExtensionDigits ||
        !std::all_of(extension.begin(), extension.end(), isAsciiDigit))
        return notE164();
    const QString digits = e164.mid(1);
    if (!std::all_of(digits.begin(), digits.end(), isAsciiDigit) || digits.startsWith(QLatin1Char('0')))
        return notE164();
    const bool russian = digits.startsWith(QLatin1Char('7'));
    const bool lengthOk =
        russian ? digits.size() == kRussianDigits
                : digits.size() >= kMinInternationalDigits && digits.size() <= kMaxInternationalDigits;
    if (!lengthOk)
        return notE164();
    Phone phone;
    phone.m_e164 = e164;
    phone.m_extension = extension;
    return phone;
}

QString Phone::reversedDigits() const
{
    QString digits = m_e164.mid(1);
    std::reverse(digits.begin(), digits.end());
    return digits;
}

QString Phone::display() const
{
    QString text;
    if (isRussianE164(m_e164)) {
        // +7 916 123-45-67
        text = QStringLiteral("+7 %1 %2-%3-%4")
                   .arg(m_e164.mid(2, 3), m_e164.mid(5, 3), m_e164.mid(8, 2), m_e164.mid(10, 2));
    } else {
        text = m_e164;
    }
    if (!m_extension.isEmpty())
        text += QStringLiteral(" доб. ") + m_extension;
    return text;
}

QString phoneDigits(const QString &input)
{
    QString digits;
    for (QChar c : input) {
        if (isAsciiDigit(c))
            digits.append(c);
    }
    return digits;
}

QString phonePrefixE164(const QString &input)
{
    const std::optional<Written> written = readNumber(input.trimmed());
    if (!written || written->digits.isEmpty())
        return {};
    const QString &digits = written->digits;
    if (written->plus)
        return digits.size() <= kMaxInternationalDigits ? QLatin1Char('+') + digits : QString();

    const QChar first = digits.at(0);
    if (first == QLatin1Char('8') || first == QLatin1Char('7')) {
        if (digits.size() > kRussianDigits)
            return {};
        return QStringLiteral("+7") + digits.mid(1);
    }
    if (isRussianNationalStart(first) && digits.size() <= kRussianDigits - 1)
        return QStringLiteral("+7") + digits;
    return {};
}

QString Phone::dialString(const QString &russianPrefix) const
{
    if (m_e164.startsWith(QLatin1String("+7")) && m_e164.size() == 12)
        return russianPrefix + m_e164.mid(2);
    return m_e164;
}

} // namespace kasp
