#include "kasp/core/guest.h"

#include "kasp/core/guestmerge.h"
#include "kasp/core/textlimits.h"

#include <algorithm>
#include <QCoreApplication>
#include <QSet>

namespace kasp {

namespace {

constexpr int kMaxAgeYears = 120;
constexpr qsizetype kMaxEmailLength = 254;
constexpr qsizetype kMaxLocalPartLength = 64;
constexpr qsizetype kMaxLabelLength = 63;

// message: a QT_TRANSLATE_NOOP("kasp::Guest", ...) literal, so lupdate finds it; translated here.
Error guestError(const char *code, const char *message)
{
    return Error{QString::fromLatin1(code), QCoreApplication::translate("kasp::Guest", message)};
}

QStringList nameParts(const Guest &guest)
{
    QStringList parts;
    for (const QString &part : {guest.lastName, guest.firstName, guest.middleName}) {
        const QString simplified = part.simplified();
        if (!simplified.isEmpty())
            parts.append(simplified);
    }
    return parts;
}

bool isValidLocalPart(const QString &local)
{
    static const QString forbidden = QStringLiteral("()<>[]\\,;:\"@");
    if (local.isEmpty() || local.size() > kMaxLocalPartLength)
        return false;
    if (local.startsWith(QLatin1Char('.')) || local.endsWith(QLatin1Char('.')) ||
        local.contains(QStringLiteral("..")))
        return false;
    for (QChar c : local) {
        if (c.isSpace() || c.category() == QChar::Other_Control || forbidden.contains(c))
            return false;
    }
    return true;
}

// Labels of letters (any script: "почта.рф"), digits and inner hyphens; at least two labels; the
// top-level label is not all digits, so "user@1.2.3.4" and typos like "user@mail.123" fail.
bool isValidDomain(const QString &domain)
{
    const QStringList labels = domain.split(QLatin1Char('.'));
    if (labels.size() < 2)
        return false;
    for (const QString &label : labels) {
        if (label.isEmpty() || label.size() > kMaxLabelLength || label.startsWith(QLatin1Char('-')) ||
            label.endsWith(QLatin1Char('-')))
            return false;
        for (QChar c : label) {
            if (!c.isLetterOrNumber() && c != QLatin1Char('-'))
                return false;
        }
    }
    const QString &top = labels.last();
    return std::any_of(top.begin(), top.end(), [](QChar c) { return !c.isDigit(); });
}

} // namespace

QString Guest::displayName() const
{
    const QStringList parts = nameParts(*this);
    if (!parts.isEmpty())
        return parts.join(QLatin1Char(' '));
    for (const Phone &phone : phones) {
        if (!phone.isNull())
            return phone.display();
    }
    for (const QString &email : emails) {
        if (!email.trimmed().isEmpty())
            return email.trimmed();
    }
    //: Shown instead of a name for a guest we know nothing about yet
    return QCoreApplication::translate("kasp::Guest", "Unnamed guest");
}

QString Guest::searchName() const
{
    QString name = nameParts(*this).join(QLatin1Char(' ')).toLower();
    name.replace(QChar(0x0451), QChar(0x0435)); // ё -> е: people type either
    return name;
}

int Guest::ageOn(QDate day) const
{
    if (!birthDate.isValid() || !day.isValid() || day < birthDate)
        return -1;
    int years = day.year() - birthDate.year();
    if (day.month() < birthDate.month() || (day.month() == birthDate.month() && day.day() < birthDate.day()))
        --years;
    return years;
}

Guest revertEdit(const Guest &current, const Guest &before, const Guest &after)
{
    Guest reverted = current;
    const auto revert = [&](auto Guest::*field) {
        if (before.*field != after.*field && current.*field == after.*field)
            reverted.*field = before.*field;
    };
    for (const GuestFieldDef &def : guestFields())
        if (!def.same(before, after) && def.same(current, after))
            def.copy(reverted, before);
    // The lists: not in the single-value table.
    revert(&Guest::phones);
    revert(&Guest::emails);
    revert(&Guest::tags);
    return reverted;
}

Status validateGuest(const Guest &guest, QDate today)
{
    const bool hasName = !nameParts(guest).isEmpty();
    const bool hasEmail = std::any_of(guest.emails.begin(), guest.emails.end(),
                                      [](const QString &e) { return !e.trimmed().isEmpty(); });
    if (!hasName && guest.phones.isEmpty() && !hasEmail)
        return guestError("guest.no_identity",
                          QT_TRANSLATE_NOOP("kasp::Guest", "Enter a name, a phone number or an e-mail"));

    for (const QString &email : guest.emails) {
        if (!isValidEmail(email)) {
            return Error{
                QStringLiteral("guest.bad_email"),
                QCoreApplication::translate("kasp::Guest", "Not a valid e-mail address: %1").arg(email)};
        }
    }

    QSet<QString> seen;
    for (const Phone &phone : guest.phones) {
        if (phone.isNull())
            return guestError("guest.bad_phone", QT_TRANSLATE_NOOP("kasp::Guest", "A phone number is empty"));
        const QString key = phone.e164() + QLatin1Char('#') + phone.extension();
        if (seen.contains(key)) {
            return Error{QStringLiteral("guest.duplicate_phone"),
                         QCoreApplication::translate("kasp::Guest", "The phone number %1 is entered twice")
                             .arg(phone.display())};
        }
        seen.insert(key);
    }

    if (guest.birthDate.isValid() &&
        (guest.birthDate > today || guest.birthDate < today.addYears(-kMaxAgeYears)))
        return guestError("guest.bad_birth_date",
                          QT_TRANSLATE_NOOP("kasp::Guest", "Check the date of birth"));
    return Status::success();
}

Status checkGuestTexts(const Guest &guest)
{
    QStringList texts;
    for (const GuestFieldDef &def : guestFields()) {
        if (def.type != GuestFieldType::Text)
            continue;
        const QString text = def.value(guest).toString();
        const int max = textlimits::maxLengthOf(QString::fromLatin1(def.wireName));
        if (text.size() > max)
            return Error{QStringLiteral("guest.too_long"),
                         QCoreApplication::translate("kasp::Guest", "«%1» is longer than %2 characters")
                             .arg(guestFieldTitle(def.field))
                             .arg(max)};
        texts << text;
    }
    if (guest.phones.size() > textlimits::kListItems || guest.emails.size() > textlimits::kListItems ||
        guest.tags.size() > textlimits::kListItems)
        return Error{QStringLiteral("guest.too_long"),
                     QCoreApplication::translate("kasp::Guest", "More than %1 phones, e-mails or tags")
                         .arg(textlimits::kListItems)};
    for (const QString &tag : guest.tags) {
        if (tag.size() > textlimits::kTag)
            return Error{QStringLiteral("guest.too_long"),
                         QCoreApplication::translate("kasp::Guest", "A tag is longer than %1 characters")
                             .arg(textlimits::kTag)};
    }
    texts += guest.emails;
    texts += guest.tags;
    for (const QString &text : std::as_const(texts)) {
        if (!textlimits::textProblem(text).isEmpty())
            return guestError("guest.bad_text",
                              QT_TRANSLATE_NOOP("kasp::Guest", "The card holds a character that cannot "
                                                               "be stored (a NUL or a broken one)"));
    }
    return Status::success();
}

bool isValidEmail(const QString &email)
{
    if (email.isEmpty() || email.size() > kMaxEmailLength || email.count(QLatin1Char('@')) != 1)
        return false;
    const qsizetype at = email.indexOf(QLatin1Char('@'));
    return isValidLocalPart(email.left(at)) && isValidDomain(email.mid(at + 1));
}

QString normalizeEmail(const QString &email)
{
    const QString trimmed = email.trimmed();
    const qsizetype at = trimmed.indexOf(QLatin1Char('@'));
    if (at < 0)
        return {};
    const QString normalized = trimmed.left(at + 1) + trimmed.mid(at + 1).toLower();
    return isValidEmail(normalized) ? normalized : QString();
}

QStringList normalizeTags(const QStringList &tags)
{
    QStringList result;
    for (const QString &tag : tags) {
        const QString normalized = tag.simplified().toLower();
        if (!normalized.isEmpty() && !result.contains(normalized))
            result.append(normalized);
    }
    return result;
}

} // namespace kasp
