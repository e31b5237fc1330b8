#include "kasp/core/guestmerge.h"

#include <algorithm>
#include <QCoreApplication>
#include <QLocale>
#include <type_traits>

namespace kasp {

namespace {

bool sharesPhone(const Guest &a, const Guest &b)
{
    for (const Phone &p : a.phones)
        for (const Phone &q : b.phones)
            if (!p.isNull() && p.e164() == q.e164())
                return true;
    return false;
}

bool sharesEmail(const Guest &a, const Guest &b)
{
    for (const QString &e : a.emails)
        for (const QString &f : b.emails)
            if (!e.isEmpty() && e.compare(f, Qt::CaseInsensitive) == 0)
                return true;
    return false;
}

} // namespace

int duplicateReasons(const Guest &a, const Guest &b)
{
    if (a.id == b.id)
        return 0;
    int reasons = 0;
    if (sharesPhone(a, b))
        reasons |= SamePhone;
    if (sharesEmail(a, b))
        reasons |= SameEmail;
    // A name alone is common (Иванова Мария); with the birth date it is one person.
    const QString name = a.searchName();
    if (!name.isEmpty() && name == b.searchName() && a.birthDate.isValid() && a.birthDate == b.birthDate)
        reasons |= SameNameAndBirth;
    return reasons;
}

bool keepsFirst(const Guest &a, const Guest &b)
{
    if (a.createdAt.isValid() && b.createdAt.isValid() && a.createdAt != b.createdAt)
        return a.createdAt < b.createdAt;
    if (a.createdAt.isValid() != b.createdAt.isValid())
        return a.createdAt.isValid();
    return idToString(a.id) <= idToString(b.id);
}

namespace {

template <typename T> constexpr GuestFieldType fieldTypeOf()
{
    if constexpr (std::is_same_v<T, QDate>)
        return GuestFieldType::Date;
    else if constexpr (std::is_same_v<T, Id>)
        return GuestFieldType::Id;
    else {
        static_assert(std::is_same_v<T, QString>, "a guest field is text, a date or an id");
        return GuestFieldType::Text;
    }
}

template <typename T> bool valueEmpty(const T &value)
{
    if constexpr (std::is_same_v<T, QString>)
        return value.trimmed().isEmpty();
    else if constexpr (std::is_same_v<T, QDate>)
        return !value.isValid();
    else
        return value.isNull();
}

// A field as people read it: text trimmed, a date by the locale, a manager as its id (the views
// name it).
template <typename T> QString valueText(const T &value)
{
    if constexpr (std::is_same_v<T, QString>)
        return value;
    else if constexpr (std::is_same_v<T, QDate>)
        return value.isValid() ? QLocale().toString(value, QLocale::ShortFormat) : QString();
    else
        return idToString(value);
}

template <typename T> bool differAsRead(const T &a, const T &b)
{
    if constexpr (std::is_same_v<T, QString>)
        return a.trimmed() != b.trimmed();
    else
        return a != b;
}

template <typename T> struct MemberOf;
template <typename T> struct MemberOf<T Guest::*>
{
    using Type = T;
};

// One row of the table from the member it describes: everything else follows from its type.
template <auto member>
GuestFieldDef field(MergeField which, const char *wire, const char *column, const char *title)
{
    using T = typename MemberOf<decltype(member)>::Type;
    return GuestFieldDef{
        which,
        wire,
        column,
        fieldTypeOf<T>(),
        title,
        [](const Guest &g) { return QVariant::fromValue(g.*member); },
        [](Guest &g, const QVariant &v) { g.*member = v.value<T>(); },
        [](const Guest &g) { return valueEmpty(g.*member); },
        [](const Guest &a, const Guest &b) { return differAsRead(a.*member, b.*member); },
        [](const Guest &a, const Guest &b) { return a.*member == b.*member; },
        [](Guest &to, const Guest &from) { to.*member = from.*member; },
        [](const Guest &g) { return valueText(g.*member); },
    };
}

} // namespace

const QList<GuestFieldDef> &guestFields()
{
    static const QList<GuestFieldDef> fields{
        field<&Guest::lastName>(MergeField::LastName, "lastName", "last_name",
                                QT_TRANSLATE_NOOP("kasp::GuestField", "Surname")),
        field<&Guest::firstName>(MergeField::FirstName, "firstName", "first_name",
                                 QT_TRANSLATE_NOOP("kasp::GuestField", "First name")),
        field<&Guest::middleName>(MergeField::MiddleName, "middleName", "middle_name",
                                  QT_TRANSLATE_NOOP("kasp::GuestField", "Patronymic")),
        field<&Guest::birthDate>(MergeField::BirthDate, "birthDate", "birth_date",
                                 QT_TRANSLATE_NOOP("kasp::GuestField", "Birth date")),
        field<&Guest::city>(MergeField::City, "city", "city", QT_TRANSLATE_NOOP("kasp::GuestField", "City")),
        field<&Guest::managerId>(MergeField::Manager, "managerId", "manager_id",
                                 QT_TRANSLATE_NOOP("kasp::GuestField", "Manager")),
    };
    return fields;
}

namespace {
const GuestFieldDef &fieldDef(MergeField field)
{
    for (const GuestFieldDef &def : guestFields())
        if (def.field == field)
            return def;
    Q_UNREACHABLE(); // every MergeField has its row
}
} // namespace

QString guestFieldTitle(MergeField field)
{
    return QCoreApplication::translate("kasp::GuestField", fieldDef(field).title);
}

bool isNameField(MergeField field)
{
    return field == MergeField::LastName || field == MergeField::FirstName || field == MergeField::MiddleName;
}

bool mergeFieldEmpty(const Guest &guest, MergeField field)
{
    return fieldDef(field).isEmpty(guest);
}

bool mergeConflict(const Guest &survivor, const Guest &other, MergeField field)
{
    const GuestFieldDef &def = fieldDef(field);
    return !def.isEmpty(survivor) && !def.isEmpty(other) && def.differ(survivor, other);
}

Guest mergeGuests(const Guest &survivor, const Guest &other, const QList<MergeField> &takeFromOther)
{
    Guest merged = survivor;
    for (const GuestFieldDef &def : guestFields()) {
        const bool take = takeFromOther.contains(def.field) ? !def.isEmpty(other) : def.isEmpty(survivor);
        if (take)
            def.copy(merged, other);
    }
    for (const Phone &phone : other.phones) {
        const bool known = std::any_of(merged.phones.begin(), merged.phones.end(), [&](const Phone &p) {
            return p.e164() == phone.e164() && p.extension() == phone.extension();
        });
        if (!known && !phone.isNull())
            merged.phones.append(phone);
    }
    for (const QString &email : other.emails) {
        const bool known = std::any_of(merged.emails.begin(), merged.emails.end(), [&](const QString &e) {
            return e.compare(email, Qt::CaseInsensitive) == 0;
        });
        if (!known)
            merged.emails.append(email);
    }
    merged.tags = normalizeTags(merged.tags + other.tags);
    return merged;
}

} // namespace kasp
