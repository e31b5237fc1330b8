#include "kasp/spreadsheet/xlsxsheet.h"

#include <algorithm>
#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <xlsxwriter.h>

namespace kasp::spreadsheet {

namespace {
constexpr int kMaxCellChars = 32767;
constexpr int kMaxColumnWidth = 80; // characters: a long comment wraps rather than hides the sheet

Error writeError(const QString &path, const QString &why)
{
    return Error{
        QStringLiteral("export.write"),
        QCoreApplication::translate("kasp::spreadsheet::XlsxSheet", "Could not write %1: %2").arg(path, why)};
}
} // namespace

XlsxSheet::XlsxSheet(const QString &path, const QString &sheetName) : m_path(path)
{
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    const QByteArray tmpdir = QDir::tempPath().toLocal8Bit();
    options.tmpdir = const_cast<char *>(tmpdir.constData());
    m_book = workbook_new_opt(QFile::encodeName(path).constData(), &options);
    if (!m_book)
        return;
    m_sheet = workbook_add_worksheet(m_book, sheetName.left(31).toUtf8().constData());
    m_bold = workbook_add_format(m_book);
    format_set_bold(m_bold);
}

XlsxSheet::~XlsxSheet()
{
    if (m_book)
        workbook_close(m_book);
}

void XlsxSheet::setDateColumns(const QList<int> &columns, const QString &format)
{
    m_dateColumns = columns;
    if (!m_book || columns.isEmpty())
        return;
    m_date = workbook_add_format(m_book);
    format_set_num_format(m_date, format.toUtf8().constData());
}

Status XlsxSheet::writeHeader(const QStringList &headers)
{
    if (!m_sheet)
        return writeError(m_path, QStringLiteral("libxlsxwriter"));
    m_columns = int(headers.size());
    if (auto s = writeRow(headers); !s.ok())
        return s;
    // The title and the filter's arrow.
    for (int c = 0; c < m_columns; ++c)
        m_widths[c] += 3;
    worksheet_freeze_panes(m_sheet, 1, 0);
    return {};
}

Status XlsxSheet::writeRow(const QStringList &cells)
{
    if (!m_sheet)
        return writeError(m_path, QStringLiteral("libxlsxwriter"));
    if (m_widths.size() < cells.size())
        m_widths.resize(cells.size());
    for (int c = 0; c < cells.size(); ++c) {
        const QString &text = cells.at(c);
        if (text.isEmpty())
            continue;
        lxw_error e = LXW_NO_ERROR;
        const QDate date =
            m_row > 0 && m_date && m_dateColumns.contains(c) ? QDate::fromString(text, Qt::ISODate) : QDate();
        if (date.isValid()) {
            lxw_datetime when{date.year(), date.month(), date.day(), 0, 0, 0.0};
            e = worksheet_write_datetime(m_sheet, m_row, lxw_col_t(c), &when, m_date);
            m_widths[c] = std::max(m_widths[c], 10); // dd.mm.yyyy
        } else {
            e = worksheet_write_string(m_sheet, m_row, lxw_col_t(c),
                                       text.left(kMaxCellChars).toUtf8().constData(),
                                       m_row == 0 ? m_bold : nullptr);
            // The longest line of the cell; bold titles and wide letters take a little more.
            int longest = 0;
            for (QStringView line : QStringView(text).split(QLatin1Char('\n')))
                longest = std::max(longest, int(line.size()));
            m_widths[c] = std::max(m_widths[c], longest + (m_row == 0 ? longest / 5 : 0));
        }
        if (e != LXW_NO_ERROR)
            return writeError(m_path, QString::fromUtf8(lxw_strerror(e)));
    }
    ++m_row;
    return {};
}

Status XlsxSheet::close()
{
    if (!m_book)
        return writeError(m_path, QStringLiteral("libxlsxwriter"));
    if (m_columns > 0 && m_row > 1)
        worksheet_autofilter(m_sheet, 0, 0, m_row - 1, lxw_col_t(m_columns - 1));
    // Widths from the contents (Excel's unit is about one character of the default font): a full
    // name or a date is read whole, without widening the column by hand.
    for (int c = 0; m_sheet && c < m_widths.size(); ++c)
        worksheet_set_column(m_sheet, lxw_col_t(c), lxw_col_t(c),
                             std::clamp(m_widths[c] * 1.1 + 2, 8.0, double(kMaxColumnWidth)), nullptr);
    const lxw_error e = workbook_close(m_book);
    m_book = nullptr;
    m_sheet = nullptr;
    if (e != LXW_NO_ERROR)
        return writeError(m_path, QString::fromUtf8(lxw_strerror(e)));
    return {};
}

} // namespace kasp::spreadsheet
