#include "kasp/crm/listexport.h"

#include "kasp/core/csv.h"
#include "kasp/core/phone.h"
#include "kasp/spreadsheet/xlsxsheet.h"

#include <limits>
#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

namespace kasp::crm {

namespace {

// The namespace is the context lupdate gives a free function's tr() (the Russian is found there).
QString tr(const char *text)
{
    return QCoreApplication::translate("kasp::crm", text);
}

constexpr int kProgressEvery = 1000;
constexpr int kGuestPage = 1000;

Error cancelled()
{
    return Error{QStringLiteral("export.cancelled"), tr("The export was cancelled; no file was written.")};
}

Error tooManyRows()
{
    return Error{QStringLiteral("export.too_many_rows"),
                 tr("An Excel sheet holds at most %L1 rows. Export this list as CSV.").arg(kXlsxMaxDataRows)};
}

Error writeError(const QString &path, const QString &why)
{
    return Error{QStringLiteral("export.write"), tr("Could not write %1: %2").arg(path, why)};
}

// The rows of one export: the writer differs, the loop and its checks do not.
template <typename WriteRow>
Result<qint64> pump(ExportSource &source, const ExportProgress &progress, qint64 maxRows, WriteRow write)
{
    const qint64 total = source.rowCountHint();
    qint64 done = 0;
    QStringList row;
    while (true) {
        row.clear();
        auto more = source.next(row);
        if (!more.ok())
            return more.error();
        if (!more.value())
            break;
        if (done >= maxRows)
            return tooManyRows();
        if (auto s = write(row); !s.ok())
            return s.error();
        ++done;
        if (progress && done % kProgressEvery == 0 && !progress(done, total))
            return cancelled();
    }
    if (progress && !progress(done, total))
        return cancelled();
    return done;
}

QList<int> dateColumns(const ExportSource &source)
{
    QList<int> out;
    const QList<ExportColumn> columns = source.columns();
    for (int c = 0; c < columns.size(); ++c)
        if (columns[c] == ExportColumn::Date)
            out.append(c);
    return out;
}

Result<qint64> writeCsv(ExportSource &source, const QString &tmpPath, const ExportProgress &progress)
{
    const QList<int> dates = dateColumns(source);
    const QLocale locale;
    QFile file(tmpPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return writeError(tmpPath, file.errorString());
    const QChar delimiter = QLatin1Char(';');
    QByteArray buffer = QByteArrayLiteral("\xEF\xBB\xBF") + csvLine(source.headers(), delimiter).toUtf8();
    auto flush = [&]() -> Status {
        if (file.write(buffer) != buffer.size())
            return writeError(tmpPath, file.errorString());
        buffer.clear();
        return {};
    };
    auto rows = pump(source, progress, std::numeric_limits<qint64>::max(), [&](QStringList &row) -> Status {
        for (int c : dates) // the locale's short date: how Excel in that language reads one
            if (const QDate d = QDate::fromString(row.value(c), Qt::ISODate); d.isValid())
                row[c] = locale.toString(d, QLocale::ShortFormat);
        buffer += csvLine(row, delimiter).toUtf8();
        return buffer.size() > (1 << 20) ? flush() : Status();
    });
    if (!rows.ok())
        return rows;
    if (auto s = flush(); !s.ok())
        return s.error();
    if (!file.flush())
        return writeError(tmpPath, file.errorString());
    return rows;
}

Result<qint64> writeXlsx(ExportSource &source, const QString &tmpPath, const ExportProgress &progress,
                         const QString &sheetName)
{
    if (source.rowCountHint() > kXlsxMaxDataRows)
        return tooManyRows();
    spreadsheet::XlsxSheet sheet(tmpPath, sheetName.isEmpty() ? tr("List") : sheetName);
    // Russian Excel's way of writing a date; ISO elsewhere.
    sheet.setDateColumns(dateColumns(source), QLocale().language() == QLocale::Russian
                                                  ? QStringLiteral("dd.mm.yyyy")
                                                  : QStringLiteral("yyyy-mm-dd"));
    if (auto s = sheet.writeHeader(source.headers()); !s.ok())
        return s.error();
    auto rows =
        pump(source, progress, kXlsxMaxDataRows, [&](QStringList &row) { return sheet.writeRow(row); });
    if (auto s = sheet.close(); !s.ok())
        return s.error();
    return rows;
}

} // namespace

QStringList ModelExportSource::headers() const
{
    QStringList out;
    for (int c = 0; c < m_model.columnCount(); ++c)
        out.append(m_model.headerData(c, Qt::Horizontal).toString());
    return out;
}

qint64 ModelExportSource::rowCountHint() const
{
    return m_model.rowCount();
}

Result<bool> ModelExportSource::next(QStringList &row)
{
    if (m_row >= m_model.rowCount())
        return false;
    for (int c = 0; c < m_model.columnCount(); ++c)
        row.append(m_model.index(m_row, c).data().toString());
    ++m_row;
    return true;
}

QStringList GuestExportSource::headers() const
{
    QStringList headers{QCoreApplication::translate("kasp::crm::GuestExportSource", "Guest")};
    if (m_contacts)
        headers << QCoreApplication::translate("kasp::crm::GuestExportSource", "Phone");
    headers << QCoreApplication::translate("kasp::crm::GuestExportSource", "Birth date")
            << QCoreApplication::translate("kasp::crm::GuestExportSource", "Manager")
            << QCoreApplication::translate("kasp::crm::GuestExportSource", "In the base since");
    if (m_consents)
        for (ConsentChannel channel : consentChannels())
            headers << QCoreApplication::translate("kasp::crm::GuestExportSource", "Consent: %1")
                           .arg(consentChannelTitle(channel));
    return headers;
}

QList<ExportColumn> GuestExportSource::columns() const
{
    QList<ExportColumn> out{ExportColumn::Text};
    if (m_contacts)
        out << ExportColumn::Text;
    out << ExportColumn::Date << ExportColumn::Text << ExportColumn::Date;
    return out;
}

qint64 GuestExportSource::rowCountHint() const
{
    if (!m_list)
        return m_page.size();
    auto n = m_list->count();
    return n.ok() ? n.value() : -1;
}

Status GuestExportSource::readConsents()
{
    m_consentsRead = true;
    if (!m_consents || m_page.isEmpty())
        return {};
    QList<Id> ids;
    ids.reserve(m_page.size());
    for (const storage::GuestListRow &r : std::as_const(m_page))
        ids.append(r.id);
    auto consents = m_consents->current(ids);
    if (!consents.ok())
        return consents.error();
    m_pageConsents = std::move(consents).value();
    return {};
}

Result<bool> GuestExportSource::next(QStringList &row)
{
    if (!m_list && !m_consentsRead) // the rows given: their consents at the first row
        if (auto s = readConsents(); !s.ok())
            return s.error();
    if (m_at >= m_page.size()) {
        if (m_done || !m_list)
            return false;
        // One row more than a page: its key starts the next page.
        auto page = m_list->rowsFrom(m_nextKey, kGuestPage + 1);
        if (!page.ok())
            return page.error();
        m_page = page.value();
        m_at = 0;
        if (m_page.size() > kGuestPage) {
            m_nextKey = m_page.last().key;
            m_page.removeLast();
        } else {
            m_done = true;
        }
        if (m_page.isEmpty())
            return false;
        if (auto s = readConsents(); !s.ok())
            return s.error();
    }
    const storage::GuestListRow &g = m_page.at(m_at++);
    const auto phone = Phone::fromE164(g.mainPhone);
    const QString shownPhone = phone.ok() ? phone.value().display() : g.mainPhone;
    // A guest who never gave a name is listed by the phone: not in an export without contacts.
    const bool nameIsPhone =
        !g.mainPhone.isEmpty() && (g.displayName == shownPhone || g.displayName == g.mainPhone);
    row << (nameIsPhone && !m_contacts
                ? QCoreApplication::translate("kasp::crm::GuestExportSource", "(no name)")
                : g.displayName);
    if (m_contacts)
        row << shownPhone;
    // Dates as 'yyyy-MM-dd': the writer makes them dates (columns()).
    row << g.birthDate.toString(Qt::ISODate) << m_userNames.value(g.managerId)
        << (g.createdAt.isValid() ? g.createdAt.toLocalTime().date().toString(Qt::ISODate) : QString());
    if (m_consents) {
        const auto current = m_pageConsents.value(g.id);
        for (ConsentChannel channel : consentChannels()) {
            const auto it = current.find(channel);
            row << (it == current.end() ? QString()
                    : it->given         ? QCoreApplication::translate("kasp::crm::GuestExportSource", "yes")
                                        : QCoreApplication::translate("kasp::crm::GuestExportSource", "no"));
        }
    }
    return true;
}

ExportFormat exportFormatForPath(const QString &path)
{
    return path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive) ? ExportFormat::Xlsx
                                                                      : ExportFormat::Csv;
}

Result<qint64> exportList(ExportSource &source, const QString &path, ExportFormat format,
                          const ExportProgress &progress, const QString &sheetName)
{
    const QString tmpPath = path + QStringLiteral(".part");
    QFile::remove(tmpPath);
    auto rows = format == ExportFormat::Xlsx ? writeXlsx(source, tmpPath, progress, sheetName)
                                             : writeCsv(source, tmpPath, progress);
    if (!rows.ok()) {
        QFile::remove(tmpPath);
        return rows;
    }
    if (QFile::exists(path) && !QFile::remove(path)) {
        QFile::remove(tmpPath);
        return writeError(path, tr("the old file cannot be replaced (is it open in Excel?)"));
    }
    if (!QFile::rename(tmpPath, path)) {
        QFile::remove(tmpPath);
        return writeError(path, tr("the file cannot be renamed"));
    }
    return rows;
}

} // namespace kasp::crm
