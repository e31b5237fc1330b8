#pragma once
// "Export any list": rows come from a source one at a time (a million guests never sit in memory)
// and go to CSV (UTF-8 with a BOM and ';', as a Russian Excel opens it) or XLSX (libxlsxwriter in
// constant-memory mode: a header row in bold, frozen, with a filter, columns as wide as their
// contents, dates as Excel dates). The file appears complete or not at all: it is written under a
// temporary name and renamed at the end; a cancel or an error removes it.
#include "kasp/core/result.h"
#include "kasp/storage/consentrepository.h"
#include "kasp/storage/guestlist.h"
#include <functional>
#include <optional>
#include <QHash>
#include <QStringList>

class QAbstractItemModel;

namespace kasp::crm {

// What a column holds: a date column's cells are 'yyyy-MM-dd' texts (or empty), written as real
// dates (an Excel date with a date format; the locale's short date in CSV).
enum class ExportColumn { Text, Date };

class ExportSource
{
public:
    virtual ~ExportSource() = default;
    virtual QStringList headers() const = 0;
    virtual QList<ExportColumn> columns() const { return {}; } // missing ones are Text
    virtual qint64 rowCountHint() const = 0;                   // for the progress bar; -1 when unknown
    // The next row into `row`; false at the end. An error stops the export.
    virtual Result<bool> next(QStringList &row) = 0;
};

// Any table the user sees, as shown (display texts, columns in model order).
class ModelExportSource final : public ExportSource
{
public:
    explicit ModelExportSource(const QAbstractItemModel &model) : m_model(model) {}
    QStringList headers() const override;
    qint64 rowCountHint() const override;
    Result<bool> next(QStringList &row) override;

private:
    const QAbstractItemModel &m_model;
    int m_row = 0;
};

// Guests as a list shows them: a GuestList (the Гости tab's, alphabetically, read by keys a
// thousand rows at a time), or the rows a search found.
class GuestExportSource final : public ExportSource
{
public:
    // With `consents`, four more columns: each channel's consent to advertising («да», «нет», or
    // empty when never asked), read a page at a time.
    GuestExportSource(storage::GuestList list, QHash<Id, QString> userNames,
                      std::optional<storage::ConsentRepository> consents = std::nullopt)
        : m_list(std::move(list)), m_userNames(std::move(userNames)), m_consents(std::move(consents))
    {
    }
    GuestExportSource(QList<storage::GuestListRow> rows, QHash<Id, QString> userNames,
                      std::optional<storage::ConsentRepository> consents = std::nullopt)
        : m_userNames(std::move(userNames)), m_consents(std::move(consents)), m_page(std::move(rows)),
          m_done(true)
    {
    }
    // Without contacts there is no phone column: whose exports may carry them is the role's
    // (Permissions::exportsContacts).
    void setContacts(bool contacts) { m_contacts = contacts; }
    bool contacts() const { return m_contacts; }
    QStringList headers() const override;
    QList<ExportColumn> columns() const override;
    qint64 rowCountHint() const override;
    Result<bool> next(QStringList &row) override;

private:
    Status readConsents();

    std::optional<storage::GuestList> m_list;
    QHash<Id, QString> m_userNames;
    std::optional<storage::ConsentRepository> m_consents;
    QHash<Id, QHash<ConsentChannel, Consent>> m_pageConsents;
    QList<storage::GuestListRow> m_page;
    qsizetype m_at = 0;
    std::optional<storage::GuestListKey> m_nextKey;
    bool m_done = false;
    bool m_contacts = true;
    bool m_consentsRead = false;
};

enum class ExportFormat { Csv, Xlsx };
ExportFormat exportFormatForPath(const QString &path); // ".xlsx" -> Xlsx, anything else CSV

// XLSX sheets end at 1,048,576 rows; a longer list is refused ("export.too_many_rows") before a
// byte is written, when its size is known, and otherwise when it passes the limit.
inline constexpr qint64 kXlsxMaxDataRows = 1'048'575;

// progress(done, total) every 1,000 rows and at the end; returning false cancels
// ("export.cancelled"). Returns the number of data rows written.
// `sheetName` names the XLSX sheet («Гости»); empty: «Список».
using ExportProgress = std::function<bool(qint64 done, qint64 total)>;
Result<qint64> exportList(ExportSource &source, const QString &path, ExportFormat format,
                          const ExportProgress &progress = {}, const QString &sheetName = {});

} // namespace kasp::crm
