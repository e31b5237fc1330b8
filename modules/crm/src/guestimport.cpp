#include "kasp/crm/guestimport.h"

#include "kasp/storage/consentrepository.h"

#include "kasp/storage/guestrepository.h"
#include "kasp/storage/sqlhelpers.h"
#include "kasp/storage/touchrepository.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrlQuery>

namespace kasp::crm {

namespace {

QDate parseDate(const QString &text)
{
    const QString t = text.trimmed().left(10); // "12.03.1961 00:00:00" from Bitrix24
    for (const char *format : {"dd.MM.yyyy", "yyyy-MM-dd", "d.M.yyyy", "dd/MM/yyyy"})
        if (const QDate d = QDate::fromString(t, QLatin1String(format)); d.isValid())
            return d;
    return {};
}

QStringList splitList(const QString &cell)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\n]"));
    QStringList out;
    for (const QString &part : cell.split(separators, Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out.append(part.trimmed());
    return out;
}

} // namespace

std::optional<bool> consentAnswer(const QString &cell)
{
    const QString a = cell.trimmed().toLower();
    for (const char *yes : {"да", "yes", "y", "1", "true", "+", "согласен", "согласна", "есть"})
        if (a == QString::fromUtf8(yes))
            return true;
    for (const char *no :
         {"нет", "no", "n", "0", "false", "-", "отказ", "отказался", "отказалась", "отписан"})
        if (a == QString::fromUtf8(no))
            return false;
    return std::nullopt;
}

QString importFieldTitle(ImportField field)
{
    switch (field) {
    case ImportField::Ignore:
        return QCoreApplication::translate("kasp::crm::GuestImporter", "(skip)");
    case ImportField::FullName:
        return QCoreApplication::translate("kasp::crm::GuestImporter", "Full name");
    case ImportField::LastName:
        return QCoreApplication::translate("kasp::crm::GuestImporter", "Surname");
    case ImportField::FirstName:
        return QCoreApplication::translate("kasp::crm::GuestImporter", "First name");
    case ImportField::MiddleName:
        return QCoreApplication::translate("kasp::crm::GuestImporter", "Patronymic");
    case ImportField::Phone:
        return QCoreApplication::translate("kasp::crm::GuestImporter", "Phone");
    case ImportField::Email:
        return QCoreApplication::translate("kasp::crm::GuestImporter", "E-mail");
    case ImportField::BirthDate:
        return QCoreApplication::translate("kasp::crm::GuestImporter", "Date of birth");
    case ImportField::Tags:
        return QCoreApplication::translate("kasp::crm::GuestImporter", "Tags");
    case ImportField::Manager:
        return QCoreApplication::translate("kasp::crm::GuestImporter", "Manager");
    case ImportField::CreatedAt:
        return QCoreApplication::translate("kasp::crm::GuestImporter", "Card created");
    case ImportField::Comment:
        return QCoreApplication::translate("kasp::crm::GuestImporter", "Comment (a note)");
    case ImportField::Source:
        return QCoreApplication::translate("kasp::crm::GuestImporter", "Source (UTM)");
    case ImportField::Consent:
        return QCoreApplication::translate("kasp::crm::GuestImporter", "Consent to advertising");
    }
    return {};
}

QList<ImportField> guessImportMapping(const QStringList &header)
{
    QList<ImportField> mapping;
    for (const QString &raw : header) {
        const QString h = raw.trimmed().toLower().replace(QChar(0x0451), QChar(0x0435));
        const auto has = [&](const char *word) { return h.contains(QString::fromUtf8(word)); };
        ImportField f = ImportField::Ignore;
        if (has("utm") || has("источник") || h == QLatin1String("source"))
            f = ImportField::Source;
        else if (has("соглас") || has("consent") || has("подписк"))
            f = ImportField::Consent;
        else if ((has("дата создания") || h == QStringLiteral("создан") || has("created")) && !has(" by") &&
                 !has("кем"))
            f = ImportField::CreatedAt;
        else if (has("комментар") || has("примечан") || has("заметк") || has("comment") ||
                 h == QLatin1String("note"))
            f = ImportField::Comment;
        else if (has("телефон") || has("phone"))
            f = ImportField::Phone;
        else if (has("mail") || has("почта"))
            f = ImportField::Email;
        else if (has("рожден") || has("birth"))
            f = ImportField::BirthDate;
        else if (has("фамилия") || h == QLatin1String("last name"))
            f = ImportField::LastName;
        else if (has("отчество") || h == QLatin1String("middle name"))
            f = ImportField::MiddleName;
        // «Наименование», «Название»: the contact's name in amoCRM's and 1C's exports.
        else if (has("полное имя") || has("фио") || h == QStringLiteral("название") ||
                 h == QStringLiteral("наименование") || h == QStringLiteral("контакт") ||
                 h == QLatin1String("full name") || h == QLatin1String("name"))
            f = ImportField::FullName;
        else if (h == QStringLiteral("имя") || h == QLatin1String("first name"))
            f = ImportField::FirstName;
        else if (has("тег") || has("tag"))
            f = ImportField::Tags;
        else if (has("ответственный") || has("менеджер") || has("manager"))
            f = ImportField::Manager;
        mapping.append(f);
    }
    return mapping;
}

QByteArray ImportReport::problemsCsv() const
{
    const auto quote = [](QString s) {
        return QLatin1Char('"') + s.replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
    };
    QString out = QStringLiteral("\xFEFF") +
                  quote(QCoreApplication::translate("kasp::crm::GuestImporter", "Line")) + QLatin1Char(';') +
                  quote(QCoreApplication::translate("kasp::crm::GuestImporter", "Reason")) +
                  QLatin1Char(';') + quote(QCoreApplication::translate("kasp::crm::GuestImporter", "Row")) +
                  QStringLiteral("\r\n");
    for (const ImportProblem &p : problems)
        out += QString::number(p.line) + QLatin1Char(';') + quote(p.reason) + QLatin1Char(';') +
               quote(p.text) + QStringLiteral("\r\n");
    return out.toUtf8();
}

Result<Guest> GuestImporter::guestFromRow(const QStringList &fields, const QList<ImportField> &mapping) const
{
    Guest g;
    for (int i = 0; i < mapping.size() && i < fields.size(); ++i) {
        const QString cell = fields[i].trimmed();
        if (cell.isEmpty())
            continue;
        switch (mapping[i]) {
        case ImportField::Ignore:
            break;
        case ImportField::FullName: {
            const QStringList parts = cell.simplified().split(QLatin1Char(' '));
            g.lastName = parts.value(0);
            g.firstName = parts.value(1);
            g.middleName = parts.mid(2).join(QLatin1Char(' '));
            break;
        }
        case ImportField::LastName:
            g.lastName = cell;
            break;
        case ImportField::FirstName:
            g.firstName = cell;
            break;
        case ImportField::MiddleName:
            g.middleName = cell;
            break;
        case ImportField::Phone:
            for (const QString &number : splitList(cell)) {
                auto phone = Phone::parse(number);
                if (!phone.ok())
                    return Error{QStringLiteral("import.bad_phone"),
                                 QCoreApplication::translate("kasp::crm::GuestImporter",
                                                             "\"%1\" is not a phone number")
                                     .arg(number)};
                if (!g.phones.contains(phone.value()))
                    g.phones.append(phone.value());
            }
            break;
        case ImportField::Email:
            for (const QString &email : splitList(cell)) {
                const QString normalized = normalizeEmail(email);
                if (normalized.isEmpty())
                    return Error{QStringLiteral("import.bad_email"),
                                 QCoreApplication::translate("kasp::crm::GuestImporter",
                                                             "\"%1\" is not an e-mail address")
                                     .arg(email)};
                if (!g.emails.contains(normalized))
                    g.emails.append(normalized);
            }
            break;
        case ImportField::BirthDate:
            g.birthDate = parseDate(cell);
            if (!g.birthDate.isValid())
                return Error{QStringLiteral("import.bad_date"),
                             QCoreApplication::translate("kasp::crm::GuestImporter", "\"%1\" is not a date")
                                 .arg(cell)};
            break;
        case ImportField::Tags:
            g.tags += splitList(cell);
            break;
        case ImportField::Comment:
        case ImportField::Source:
            break; // history: the touches run() writes
        case ImportField::Consent:
            if (!consentAnswer(cell))
                return Error{
                    QStringLiteral("import.bad_consent"),
                    QCoreApplication::translate("kasp::crm::GuestImporter",
                                                "\"%1\" is neither yes nor no (consent to advertising)")
                        .arg(cell)};
            break; // history: the consents run() writes
        case ImportField::CreatedAt: {
            const QDate day = parseDate(cell);
            if (!day.isValid() || day > m_clock.today())
                return Error{QStringLiteral("import.bad_date"),
                             QCoreApplication::translate("kasp::crm::GuestImporter", "\"%1\" is not a date")
                                 .arg(cell)};
            // Noon local time: the other CRM's day, whatever its hour.
            g.createdAt = std::min(QDateTime(day, QTime(12, 0)).toUTC(), m_clock.now());
            break;
        }
        case ImportField::Manager: {
            const QString name = cell.simplified().toLower();
            if (m_managers.contains(name)) {
                g.managerId = m_managers.value(name);
                break;
            }
            // A name of the other CRM the user mapped: to a user, or (a null id) to no manager.
            if (m_managerMap.contains(name)) {
                g.managerId = m_managerMap.value(name);
                break;
            }
            return Error{QStringLiteral("import.unknown_manager"),
                         QCoreApplication::translate("kasp::crm::GuestImporter",
                                                     "No user \"%1\": add them first or skip this column")
                             .arg(cell)};
        }
        }
    }
    g.tags = normalizeTags(g.tags);
    if (auto valid = checkGuestTexts(g); !valid.ok())
        return valid.error();
    if (auto valid = validateGuest(g, m_clock.today()); !valid.ok())
        return valid.error();
    return g;
}

Status GuestImporter::writeHistory(const Guest &guest, const QStringList &fields,
                                   const QList<ImportField> &mapping, bool completed) const
{
    QStringList comments;
    QUrlQuery tags;
    static const QRegularExpression utmColumn(
        QStringLiteral("utm[ _-]?(source|medium|campaign|content|term)"));
    for (int i = 0; i < mapping.size() && i < fields.size(); ++i) {
        const QString cell = fields[i].trimmed();
        if (cell.isEmpty())
            continue;
        if (mapping[i] == ImportField::Comment) {
            comments.append(cell.left(2000));
        } else if (mapping[i] == ImportField::Source) {
            // "UTM Source" / "utm_medium" columns (Bitrix24), a whole query or URL, or a channel's name.
            const auto column = utmColumn.match(m_header.value(i).toLower());
            if (column.hasMatch())
                tags.addQueryItem(QStringLiteral("utm_") + column.captured(1), cell.left(200));
            else if (cell.contains(QLatin1Char('=')))
                for (const auto &[key, value] :
                     QUrlQuery(cell.mid(cell.indexOf(QLatin1Char('?')) + 1)).queryItems())
                    tags.addQueryItem(key, value);
            else
                tags.addQueryItem(QStringLiteral("utm_source"), cell.left(200));
        }
    }
    storage::TouchRepository touches(m_db, m_clock);
    if (completed) { // the card's source and consents are the base's: only the comment comes, now
        for (const QString &comment : comments) {
            Touch note{newId(), guest.id, Id(), TouchKind::Note, m_clock.now()};
            note.note = comment;
            if (auto s = touches.add(note); !s.ok())
                return s;
        }
        return {};
    }
    // The source is how the guest first came: a touch at the card's creation, before the comment.
    if (!tags.isEmpty()) {
        Touch first{newId(), guest.id, Id(), TouchKind::WebRequest, guest.createdAt};
        first.result = QCoreApplication::translate("kasp::crm::GuestImporter", "imported");
        first.source = tags.toString(QUrl::FullyEncoded);
        if (auto s = touches.add(first); !s.ok())
            return s;
    }
    // Consent to advertising as the other CRM had it: every channel, recorded as imported now.
    for (int i = 0; i < mapping.size() && i < fields.size(); ++i) {
        if (mapping[i] != ImportField::Consent || fields[i].trimmed().isEmpty())
            continue;
        const bool given = consentAnswer(fields[i]).value_or(false); // checked by guestFromRow
        if (auto s = storage::ConsentRepository(m_db, m_clock)
                         .record(guest.id, consentChannels(), given, ConsentMethod::Import, Id(), QString());
            !s.ok())
            return s;
        break; // one consent column counts
    }
    for (const QString &comment : comments) {
        Touch note{newId(), guest.id, Id(), TouchKind::Note, guest.createdAt.addSecs(1)};
        note.note = comment;
        if (auto s = touches.add(note); !s.ok())
            return s;
    }
    return {};
}

Result<ImportReport> GuestImporter::run(CsvReader &reader, const QList<ImportField> &mapping,
                                        const ImportProgress &progress)
{
    ImportReport report;
    CsvRow row;
    if (!reader.next(row)) // the header
        return reader.error() ? Result<ImportReport>(*reader.error()) : Result<ImportReport>(report);
    m_header = row.fields;
    storage::GuestRepository guests(m_db, m_clock);
    storage::sql::WriteTransaction transaction(m_db);
    if (auto begun = transaction.begin(); !begun.ok())
        return begun.error();
    QHash<QString, int> phonesInFile; // e164 -> the line that had it first
    while (reader.next(row)) {
        ++report.rows;
        if (progress && report.rows % 500 == 0 && !progress(reader.position(), reader.size())) {
            report.cancelled = true;
            report.imported = 0;
            return report; // the transaction rolls back: nothing of this file stays
        }
        const auto problem = [&](const QString &reason) {
            report.problems.append({row.line, reason, row.fields.join(reader.delimiter())});
        };
        bool blank = true;
        for (const QString &f : row.fields)
            blank = blank && f.trimmed().isEmpty();
        if (blank) {
            --report.rows;
            continue;
        }
        // The preview's check (GuestImporter::check): a phone of an earlier row or of the base.
        auto checked = check(row.fields, mapping, phonesInFile);
        if (!checked.ok())
            return checked.error();
        ImportRowCheck &c = checked.value();
        switch (c.verdict) {
        case ImportRowCheck::Problem:
            problem(c.text);
            continue;
        case ImportRowCheck::Unchanged:
            ++report.unchanged;
            break;
        case ImportRowCheck::Update:
            c.guest.updatedAt = m_clock.now();
            if (auto s = guests.update(c.guest); !s.ok())
                return s.error();
            if (auto s = writeHistory(c.guest, row.fields, mapping, true); !s.ok())
                return s.error();
            ++report.updated;
            break;
        case ImportRowCheck::New: {
            Guest &g = c.guest;
            g.id = newId();
            if (!g.createdAt.isValid())
                g.createdAt = m_clock.now();
            g.updatedAt = m_clock.now();
            if (auto created = guests.create(g); !created.ok())
                return created.error();
            if (auto s = writeHistory(g, row.fields, mapping); !s.ok())
                return s.error();
            ++report.imported;
            break;
        }
        }
        for (const Phone &phone : std::as_const(c.phones))
            if (!phonesInFile.contains(phone.e164()))
                phonesInFile.insert(phone.e164(), row.line);
    }
    if (reader.error())
        return *reader.error();
    if (progress && !progress(reader.size(), reader.size())) {
        report.cancelled = true;
        report.imported = 0;
        return report;
    }
    if (auto committed = transaction.commit(); !committed.ok())
        return committed.error();
    return report;
}

} // namespace kasp::crm
