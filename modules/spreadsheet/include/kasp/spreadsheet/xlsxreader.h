#pragma once
// Reading the first sheet of an .xlsx file (Excel, amoCRM and Bitrix24 exports, LibreOffice) as
// CSV text, so the guest importer reads spreadsheets through the same mapping, checks and report
// as CSV files. Our own ZIP reader over zlib (no other dependency): stored and deflated entries,
// CRC-checked, sizes capped against zip bombs. Cells: shared and inline strings, numbers (whole
// numbers never in exponent form: phones), booleans, and dates by their cell style (dd.MM.yyyy).
// One sheet row is one CSV line (a line break inside a cell becomes a space), so the import
// report's line numbers are the sheet's row numbers.
#include "kasp/core/result.h"
#include <QByteArray>

namespace kasp::spreadsheet {

// True when the bytes look like a ZIP container (an .xlsx), whatever the file's name says.
bool looksLikeXlsx(const QByteArray &bytes);

// The first sheet as UTF-8 CSV with ';' between fields. Errors: "xlsx.not_zip", "xlsx.broken"
// (a damaged archive or XML, with what was wrong), "xlsx.unsupported" (ZIP64, encryption, another
// compression), "xlsx.too_large", "xlsx.no_sheet".
Result<QByteArray> xlsxFirstSheetAsCsv(const QByteArray &xlsx);

// What the importer reads from a file the user chose: an .xlsx's first sheet as CSV, anything else
// (CSV, TXT) as it is.
Result<QByteArray> importableText(const QByteArray &fileBytes);

} // namespace kasp::spreadsheet
