#include "kasp/spreadsheet/xlsxsheet.h"

#include <algorithm>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <xlsxwriter.h>

namespace kasp::spreadsheet {

namespace {
constexpr int kMaxCellChars = 32767;

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

Status XlsxSheet::writeHeader(const QStringList &headers)
{
    if (!m_sheet)
        return writeError(m_path, QStringLiteral("libxlsxwriter"));
    m_columns = int(headers.size());
    for (int c = 0; c < m_columns; ++c) {
        // Wide enough for the title and for a typical value (a full name, a phone).
        worksheet_set_column(m_sheet, lxw_col_t(c), lxw_col_t(c),
                             std::max<double>(14, headers.at(c).size() + 4), nullptr);
    }
    if (auto s = writeRow(headers); !s.ok())
        return s;
    worksheet_freeze_panes(m_sheet, 1, 0);
    return {};
}

Status XlsxSheet::writeRow(const QStringList &cells)
{
    if (!m_sheet)
        return writeError(m_path, QStringLiteral("libxlsxwriter"));
    for (int c = 0; c < cells.size(); ++c) {
        const QString &text = cells.at(c);
        if (text.isEmpty())
            continue;
        const lxw_error e = worksheet_write_string(m_sheet, m_row, lxw_col_t(c),
                                                   text.left(kMaxCellChars).toUtf8().constData(),
                                                   m_row == 0 ? m_bold : nullptr);
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
    const lxw_error e = workbook_close(m_book);
    m_book = nullptr;
    m_sheet = nullptr;
    if (e != LXW_NO_ERROR)
        return writeError(m_path, QString::fromUtf8(lxw_strerror(e)));
    return {};
}

} // namespace kasp::spreadsheet
