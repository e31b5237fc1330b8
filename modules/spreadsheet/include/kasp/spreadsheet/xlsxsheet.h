#pragma once
// One XLSX worksheet written row by row through libxlsxwriter (constant-memory mode: each row goes
// to a temporary file as soon as the next begins, so a million rows take a few megabytes). Texts
// stay texts (a phone never turns into a number) and are cut at Excel's 32,767 characters.
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

    Status writeHeader(const QStringList &headers); // bold, frozen, with a filter, widths to fit
    Status writeRow(const QStringList &cells);
    Status close(); // "export.write" when the file could not be written

private:
    lxw_workbook *m_book = nullptr;
    lxw_worksheet *m_sheet = nullptr;
    lxw_format *m_bold = nullptr;
    QString m_path;
    quint32 m_row = 0;
    int m_columns = 0;
};

} // namespace kasp::spreadsheet
