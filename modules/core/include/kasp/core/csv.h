#pragma once
// Reading the CSV files other CRMs export (amoCRM, Bitrix24, Excel "save as CSV"): RFC 4180 fields
// (quotes, doubled quotes, line breaks inside quotes), the delimiter guessed from the header line
// (';' from a Russian Excel, ',' or a tab elsewhere), and the encoding guessed from the bytes:
// UTF-8 (with or without a BOM) or, when the bytes are not valid UTF-8, Windows-1251.
#include "kasp/core/result.h"
#include <QByteArray>
#include <QStringList>

namespace kasp {

struct CsvRow
{
    QStringList fields;
    int line = 0; // the file line the row starts on (1-based; the header is line 1)
};

class CsvReader
{
public:
    // The whole file in memory: 100,000 rows of a CRM export are ~20 MB.
    explicit CsvReader(const QByteArray &bytes);

    QString encoding() const { return m_encoding; } // "UTF-8" or "windows-1251"
    QChar delimiter() const { return m_delimiter; }
    // The next row; false at the end. A quote left open at the end of the file is an error
    // ("csv.open_quote") naming the line where the field began.
    bool next(CsvRow &row);
    const std::optional<Error> &error() const { return m_error; }
    qsizetype position() const { return m_pos; } // characters consumed: progress
    qsizetype size() const { return m_text.size(); }

private:
    QString m_text;
    QString m_encoding;
    QChar m_delimiter;
    qsizetype m_pos = 0;
    int m_line = 1;
    std::optional<Error> m_error;
};

// Writing: one field quoted when it holds the delimiter, a quote or a line break. A text Excel
// would run as a formula (starting with = + - @, a tab or CR) gets a leading apostrophe (the CSV
// injection rule), unless it is a plain number or phone number ("+7 916 123-45-67", "-5").
QString csvField(const QString &text, QChar delimiter);
QString csvLine(const QStringList &fields, QChar delimiter); // ends with CRLF

} // namespace kasp
