#pragma once
// Importing guests from another CRM's export (amoCRM, Bitrix24, a spreadsheet saved as CSV).
// Columns are mapped to guest fields (guessed from the usual Russian headers, changed by the user);
// every row is checked, a bad one is listed with its line and the reason and left out, the good
// ones go in together in one transaction: a cancel or a failure leaves the base as it was.
// A row whose phone already belongs to a guest of the base is not imported twice: it is listed
// ("already in the base"), so importing the same file again changes nothing. The guest's history
// comes along: the card's creation date, a comment (a note on the timeline) and the source (a
// first touch, "imported", carrying the UTM tags or the channel's name).
#include "kasp/core/clock.h"
#include "kasp/core/csv.h"
#include "kasp/core/guest.h"
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

struct ImportReport
{
    int rows = 0; // data rows read (the header not counted)
    int imported = 0;
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
    void setManagers(QHash<QString, Id> byNameOrLogin) { m_managers = std::move(byNameOrLogin); }

private:
    // The row's comment (a note) and source (the first touch, with its UTM tags).
    Status writeHistory(const Guest &guest, const QStringList &fields,
                        const QList<ImportField> &mapping) const;

    QSqlDatabase m_db;
    const Clock &m_clock;
    QHash<QString, Id> m_managers; // lower-case display name or login -> user id
    QStringList m_header;          // the file's column titles (which UTM tag a column holds)
};

} // namespace kasp::crm
