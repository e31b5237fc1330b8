#pragma once
// One XLSX worksheet written row by row through libxlsxwriter (constant-memory mode: each row goes
// to a temporary file as soon as the next begins, so a million rows take a few megabytes). Texts
// stay texts (a phone never turns into a number) and are cut at Excel's 32,767 characters. Date
// columns hold Excel dates (a day number with a date format: Excel and LibreOffice sort and filter
// them as dates). Each column is made as wide as its longest cell (within reason) at close().
#include "kasp/core/result.h"
#include <QStringList>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace kasp::spreadsheet {

class XlsxSheet
{
public:
    XlsxSheet(const QString &path, const QString &sheetName);
    ~XlsxSheet(); // closes (and so writes) the file if close() was not called
    XlsxSheet(const XlsxSheet &) = delete;
    XlsxSheet &operator=(const XlsxSheet &) = delete;

    // Cells of these columns are 'yyyy-MM-dd' texts written as dates shown in `format` (Excel's
    // number format code, "dd.mm.yyyy"); a cell that is not such a date stays text. Before the rows.
    void setDateColumns(const QList<int> &columns, const QString &format);
    Status writeHeader(const QStringList &headers); // bold, frozen, with a filter
    Status writeRow(const QStringList &cells);
    Status close(); // "export.write" when the file could not be written

private:
    lxw_workbook *m_book = nullptr;
    lxw_worksheet *m_sheet = nullptr;
    lxw_format *m_bold = nullptr;
    lxw_format *m_date = nullptr;
    QList<int> m_dateColumns;
    QList<int> m_widths; // the longest cell of each column, in characters
    QString m_path;
    quint32 m_row = 0;
    int m_columns = 0;
};

} // namespace kasp::spreadsheet
