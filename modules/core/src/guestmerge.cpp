#include "kasp/core/guestmerge.h"

#include <algorithm>

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

bool mergeFieldEmpty(const Guest &guest, MergeField field)
{
    switch (field) {
    case MergeField::LastName:
        return guest.lastName.trimmed().isEmpty();
    case MergeField::FirstName:
        return guest.firstName.trimmed().isEmpty();
    case MergeField::MiddleName:
        return guest.middleName.trimmed().isEmpty();
    case MergeField::BirthDate:
        return !guest.birthDate.isValid();
    case MergeField::Manager:
        return guest.managerId.isNull();
    }
    return true;
}

bool mergeConflict(const Guest &survivor, const Guest &other, MergeField field)
{
    if (mergeFieldEmpty(survivor, field) || mergeFieldEmpty(other, field))
        return false;
    switch (field) {
    case MergeField::LastName:
        return survivor.lastName.trimmed() != other.lastName.trimmed();
    case MergeField::FirstName:
        return survivor.firstName.trimmed() != other.firstName.trimmed();
    case MergeField::MiddleName:
        return survivor.middleName.trimmed() != other.middleName.trimmed();
    case MergeField::BirthDate:
        return survivor.birthDate != other.birthDate;
    case MergeField::Manager:
        return survivor.managerId != other.managerId;
    }
    return false;
}

Guest mergeGuests(const Guest &survivor, const Guest &other, const QList<MergeField> &takeFromOther)
{
    Guest merged = survivor;
    for (MergeField field : kMergeFields) {
        const bool take =
            takeFromOther.contains(field) ? !mergeFieldEmpty(other, field) : mergeFieldEmpty(survivor, field);
        if (!take)
            continue;
        switch (field) {
        case MergeField::LastName:
            merged.lastName = other.lastName;
            break;
        case MergeField::FirstName:
            merged.firstName = other.firstName;
            break;
        case MergeField::MiddleName:
            merged.middleName = other.middleName;
            break;
        case MergeField::BirthDate:
            merged.birthDate = other.birthDate;
            break;
        case MergeField::Manager:
            merged.managerId = other.managerId;
            break;
        }
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
