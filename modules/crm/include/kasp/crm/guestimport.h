#pragma once
// Importing guests from another CRM's export (amoCRM, Bitrix24, a spreadsheet saved as CSV).
// Columns are mapped to guest fields (guessed from the usual Russian headers, changed by the user);
// every row is checked, a bad one is listed with its line and the reason and left out, the good
// ones go in together in one transaction: a cancel or a failure leaves the base as it was.
// A row whose phone already belongs to a guest of the base is not imported twice: it is listed
// ("already in the base", naming the guest), so importing the same file again changes nothing; or,
// when the user chooses to, it completes that guest's card (empty fields filled, phones, e-mails and
// tags added, the comment as a note). The preview checks its rows the same way. A manager named in
// the file who is not a user of the base is mapped to a user or to "no manager". The guest's history
// comes along: the card's creation date, a comment (a note on the timeline) and the source (a
// first touch, "imported", carrying the UTM tags or the channel's name).
#include "kasp/core/clock.h"
#include "kasp/core/csv.h"
#include "kasp/core/guest.h"
#include "kasp/core/user.h"
#include <functional>
#include <optional>
#include <QHash>
#include <QSqlDatabase>

namespace kasp::crm {

enum class ImportField {
    Ignore,
    FullName, // "Иванова Мария Петровна" in one column (amoCRM)
    LastName,
    FirstName,
    MiddleName,
    Phone, // several columns may be phones; one cell may hold several, split by , or ;
    Email,
    BirthDate,
    Tags,
    Manager, // a user's display name or login
    // The guest's history in the other CRM:
    CreatedAt, // when the card was made there: the card keeps it, the history starts there
    Comment,   // the card's comment or note: a note on the timeline
    Source,    // where the guest came from (UTM tags, "Яндекс.Директ"): the first touch's source
    Consent,   // consent to advertising, yes or no: the same answer on every channel, "imported"
};

QString importFieldTitle(ImportField field);
// A consent column's cell: "да" / "yes" / "1" / "+" → true, "нет" / "no" / "0" / "-" → false,
// anything else → nothing (the row is listed as bad).
std::optional<bool> consentAnswer(const QString &cell);
// Column i -> field, from the header's words ("Мобильный телефон" -> Phone, "Ответственный" -> Manager).
QList<ImportField> guessImportMapping(const QStringList &header);

struct ImportProblem
{
    int line = 0;
    QString reason;
    QString text; // the row as it was in the file, to fix it there
};

// What a row whose phone is already in the base does.
enum class ImportDuplicates {
    Skip,   // listed as "already in the base" and left out
    Update, // completes that guest's card: nothing of it is overwritten
};

// A row as it would go in: a new guest, a guest of the base completed, or why it is left out.
struct ImportRowCheck
{
    enum Verdict { New, Update, Unchanged, Problem };
    Verdict verdict = Problem;
    QString text;        // the preview's check column: "ok: …", "completes the card: …", or the reason
    Guest guest;         // New / Update: the guest as it will be written
    QList<Phone> phones; // the row's own phones (a later row with one of them is left out)
};

struct ImportReport
{
    int rows = 0; // data rows read (the header not counted)
    int imported = 0;
    int updated = 0;   // guests of the base whose cards a row completed
    int unchanged = 0; // rows of guests already in the base with nothing new
    QList<ImportProblem> problems;
    bool cancelled = false;
    // "line;reason;row" lines in UTF-8 with a BOM, for Excel.
    QByteArray problemsCsv() const;
};

// Return false to cancel; done/total are characters of the file.
using ImportProgress = std::function<bool(qsizetype done, qsizetype total)>;

class GuestImporter
{
public:
    GuestImporter(QSqlDatabase db, const Clock &clock) : m_db(std::move(db)), m_clock(clock) {}

    // Reads the header, then every row. An error here (the database, an unclosed quote) means
    // nothing was imported.
    Result<ImportReport> run(CsvReader &reader, const QList<ImportField> &mapping,
                             const ImportProgress &progress = {});
    // The guest a row makes, or why it cannot (exposed for the preview).
    Result<Guest> guestFromRow(const QStringList &fields, const QList<ImportField> &mapping) const;
    // The preview: the rows checked as run() checks them (a phone already in the base, or on an
    // earlier row of these), nothing written. A database error ends it.
    Result<QList<ImportRowCheck>> preview(const QList<CsvRow> &rows, const QList<ImportField> &mapping) const;
    void setManagers(QHash<QString, Id> byNameOrLogin) { m_managers = std::move(byNameOrLogin); }
    void setUsers(const QList<User> &users); // the managers by name and login, and the choices
    const QList<User> &users() const { return m_users; }
    // The file's manager names that are no user of the base, as first written, in file order.
    QStringList unknownManagers(CsvReader &reader, const QList<ImportField> &mapping) const;
    // A name of the file that is no user: to this user, or with a null id to no manager.
    void mapManager(const QString &name, const Id &user)
    {
        m_managerMap.insert(name.trimmed().toLower(), user);
    }
    void setDuplicates(ImportDuplicates duplicates) { m_duplicates = duplicates; }
    ImportDuplicates duplicates() const { return m_duplicates; }

private:
    // The row checked against the file's earlier rows (`phonesInFile`: e164 -> line) and the base.
    Result<ImportRowCheck> check(const QStringList &fields, const QList<ImportField> &mapping,
                                 const QHash<QString, int> &phonesInFile) const;
    // The row's comment (a note) and source (the first touch, with its UTM tags).
    // A completed card gets the comment only: its source and consents are the base's own already.
    Status writeHistory(const Guest &guest, const QStringList &fields, const QList<ImportField> &mapping,
                        bool completed = false) const;

    QSqlDatabase m_db;
    const Clock &m_clock;
    QHash<QString, Id> m_managers;   // lower-case display name or login -> user id
    QHash<QString, Id> m_managerMap; // lower-case names of the file that are no user -> a user or none
    QList<User> m_users;
    ImportDuplicates m_duplicates = ImportDuplicates::Skip;
    QStringList m_header; // the file's column titles (which UTM tag a column holds)
};

} // namespace kasp::crm
