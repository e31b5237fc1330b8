// The import's check of a row, shared by the preview and run(): the guest it makes, a phone on an
// earlier row of the file or already in the base (naming whose), and what completing that guest's
// card would add. Also the manager names of the file that are no user of the base.
#include "kasp/crm/guestimport.h"

#include "kasp/storage/guestrepository.h"

#include <QCoreApplication>
#include <QSet>

namespace kasp::crm {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kasp::crm::GuestImporter", text);
}

// `into` completed from `row`: empty fields filled, phones, e-mails and tags added; nothing of the
// card is overwritten. True when something was added.
bool complete(Guest &into, const Guest &row)
{
    bool changed = false;
    const auto fill = [&](QString &field, const QString &value) {
        if (field.isEmpty() && !value.isEmpty()) {
            field = value;
            changed = true;
        }
    };
    fill(into.lastName, row.lastName);
    fill(into.firstName, row.firstName);
    fill(into.middleName, row.middleName);
    fill(into.city, row.city);
    if (!into.birthDate.isValid() && row.birthDate.isValid()) {
        into.birthDate = row.birthDate;
        changed = true;
    }
    if (into.managerId.isNull() && !row.managerId.isNull()) {
        into.managerId = row.managerId;
        changed = true;
    }
    for (const Phone &phone : row.phones)
        if (!into.phones.contains(phone)) {
            into.phones.append(phone);
            changed = true;
        }
    for (const QString &email : row.emails)
        if (!into.emails.contains(email)) {
            into.emails.append(email);
            changed = true;
        }
    const QStringList tags = normalizeTags(into.tags + row.tags);
    if (tags != normalizeTags(into.tags)) {
        into.tags = tags;
        changed = true;
    }
    return changed;
}

} // namespace

void GuestImporter::setUsers(const QList<User> &users)
{
    m_users = users;
    m_managers.clear();
    for (const User &u : users) {
        m_managers.insert(u.displayName.toLower(), u.id);
        m_managers.insert(u.login.toLower(), u.id);
    }
}

QStringList GuestImporter::unknownManagers(CsvReader &reader, const QList<ImportField> &mapping) const
{
    QList<int> columns;
    for (int i = 0; i < mapping.size(); ++i)
        if (mapping[i] == ImportField::Manager)
            columns.append(i);
    QStringList names;
    QSet<QString> seen;
    CsvRow row;
    if (columns.isEmpty() || !reader.next(row)) // the header
        return names;
    while (reader.next(row))
        for (int c : std::as_const(columns)) {
            const QString name = row.fields.value(c).simplified();
            const QString key = name.toLower();
            if (name.isEmpty() || m_managers.contains(key) || seen.contains(key))
                continue;
            seen.insert(key);
            names.append(name);
        }
    return names;
}

Result<ImportRowCheck> GuestImporter::check(const QStringList &fields, const QList<ImportField> &mapping,
                                            const QHash<QString, int> &phonesInFile) const
{
    ImportRowCheck out;
    auto guest = guestFromRow(fields, mapping);
    if (!guest.ok()) {
        out.text = guest.error().message;
        return out;
    }
    out.guest = std::move(guest).value();
    out.phones = out.guest.phones;
    // Whose phones these are: a phone also on an earlier row is left out whatever the choice (the
    // first row's guest is the one), a phone of the base names its guest.
    storage::GuestRepository guests(m_db, m_clock);
    QList<Id> owners;
    QString ownedPhone;
    for (const Phone &phone : std::as_const(out.guest.phones)) {
        if (const int first = phonesInFile.value(phone.e164()); first > 0) {
            out.text = tr("The phone %1 is also on line %2").arg(phone.display()).arg(first);
            return out;
        }
        auto ids = guests.idsByPhone(phone.e164());
        if (!ids.ok())
            return ids.error();
        for (const Id &id : ids.value())
            if (!owners.contains(id)) {
                owners.append(id);
                if (ownedPhone.isEmpty())
                    ownedPhone = phone.display();
            }
    }
    if (owners.isEmpty()) {
        out.verdict = ImportRowCheck::New;
        out.text = tr("ok: %1").arg(out.guest.displayName());
        return out;
    }
    QList<Guest> cards;
    QStringList names;
    for (const Id &id : std::as_const(owners)) {
        auto card = guests.byId(id);
        if (!card.ok())
            return card.error();
        if (card.value()) {
            cards.append(*card.value());
            names.append(card.value()->displayName());
        }
    }
    if (m_duplicates == ImportDuplicates::Skip || cards.size() != 1) {
        out.text = cards.size() > 1 && m_duplicates == ImportDuplicates::Update
                       ? tr("The row's phones belong to several guests: %1. Merge them first")
                             .arg(names.join(QStringLiteral(", ")))
                       : tr("Already in the base: the phone %1 belongs to %2")
                             .arg(ownedPhone, names.join(QStringLiteral(", ")));
        return out;
    }
    Guest updated = cards.first();
    const bool changed = complete(updated, out.guest);
    out.guest = updated;
    out.verdict = changed ? ImportRowCheck::Update : ImportRowCheck::Unchanged;
    out.text = changed ? tr("completes the card: %1").arg(updated.displayName())
                       : tr("already in the base, nothing new: %1").arg(updated.displayName());
    if (changed) {
        out.guest.tags = normalizeTags(out.guest.tags);
        if (auto valid = validateGuest(out.guest, m_clock.today()); !valid.ok()) {
            out.verdict = ImportRowCheck::Problem;
            out.text = valid.error().message;
        }
    }
    return out;
}

Result<QList<ImportRowCheck>> GuestImporter::preview(const QList<CsvRow> &rows,
                                                     const QList<ImportField> &mapping) const
{
    QList<ImportRowCheck> out;
    QHash<QString, int> phonesInFile;
    for (const CsvRow &row : rows) {
        auto checked = check(row.fields, mapping, phonesInFile);
        if (!checked.ok())
            return checked.error();
        if (checked->verdict != ImportRowCheck::Problem)
            for (const Phone &phone : std::as_const(checked->phones))
                if (!phonesInFile.contains(phone.e164()))
                    phonesInFile.insert(phone.e164(), row.line);
        out.append(std::move(checked).value());
    }
    return out;
}

} // namespace kasp::crm
