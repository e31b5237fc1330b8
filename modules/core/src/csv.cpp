#include "kasp/core/csv.h"

#include <algorithm>

#include <QCoreApplication>
#include <QStringDecoder>

namespace kasp {

namespace {

QString decode(const QByteArray &bytes, QString &encoding)
{
    QByteArrayView view(bytes);
    if (view.startsWith("\xEF\xBB\xBF"))
        view = view.sliced(3);
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(view);
    if (!utf8.hasError()) {
        encoding = QStringLiteral("UTF-8");
        return text;
    }
    // Not UTF-8: the Russian Windows code page, what Excel and older Bitrix24 exports write.
    QStringDecoder cp1251("windows-1251");
    if (cp1251.isValid()) {
        encoding = QStringLiteral("windows-1251");
        return cp1251.decode(view);
    }
    encoding = QStringLiteral("UTF-8"); // no ICU: keep the replacement characters
    return text;
}

// The delimiter that splits the header line into the most fields (quotes respected).
QChar guessDelimiter(const QString &text)
{
    int counts[3] = {0, 0, 0};
    const QChar candidates[3] = {QLatin1Char(';'), QLatin1Char(','), QLatin1Char('\t')};
    bool quoted = false;
    for (QChar c : text) {
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        else if (!quoted && (c == QLatin1Char('\n') || c == QLatin1Char('\r')))
            break;
        else if (!quoted)
            for (int i = 0; i < 3; ++i)
                counts[i] += c == candidates[i];
    }
    int best = 0;
    for (int i = 1; i < 3; ++i)
        if (counts[i] > counts[best])
            best = i;
    return candidates[best];
}

} // namespace

CsvReader::CsvReader(const QByteArray &bytes)
{
    m_text = decode(bytes, m_encoding); // in the body: m_encoding is constructed after m_text
    m_delimiter = guessDelimiter(m_text);
}

bool CsvReader::next(CsvRow &row)
{
    row.fields.clear();
    const qsizetype n = m_text.size();
    // Blank lines between rows are skipped (Excel leaves one at the end).
    while (m_pos < n && (m_text[m_pos] == QLatin1Char('\n') || m_text[m_pos] == QLatin1Char('\r'))) {
        if (m_text[m_pos] == QLatin1Char('\n'))
            ++m_line;
        ++m_pos;
    }
    if (m_pos >= n || m_error)
        return false;
    row.line = m_line;
    QString field;
    bool quoted = false;
    int quoteLine = 0;
    const QChar *data = m_text.constData();
    while (m_pos < n) {
        const QChar c = data[m_pos];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (m_pos + 1 < n && data[m_pos + 1] == QLatin1Char('"')) {
                    field += c; // "" inside quotes is one quote
                    m_pos += 2;
                    continue;
                }
                quoted = false;
            } else {
                if (c == QLatin1Char('\n'))
                    ++m_line;
                field += c;
            }
            ++m_pos;
            continue;
        }
        if (c == QLatin1Char('"') && field.isEmpty()) {
            quoted = true;
            quoteLine = m_line;
        } else if (c == m_delimiter) {
            row.fields.append(field);
            field.clear();
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            break;
        } else {
            field += c;
        }
        ++m_pos;
    }
    if (quoted) {
        m_error = Error{
            QStringLiteral("csv.open_quote"),
            QCoreApplication::translate("kasp::Csv", "Line %1: a quote opens a field and is never closed")
                .arg(quoteLine)};
        return false;
    }
    row.fields.append(field);
    return true;
}

QString csvField(const QString &text, QChar delimiter)
{
    QString value = text;
    static const QString kFormulaStarts = QStringLiteral("=+-@\t\r");
    if (!value.isEmpty() && kFormulaStarts.contains(value.front())) {
        const bool numberLike = std::all_of(value.begin() + 1, value.end(), [](QChar c) {
            return c.isDigit() || c == u' ' || c == u'(' || c == u')' || c == u'-' || c == u',' || c == u'.';
        });
        if (!numberLike || value.size() == 1 || value.front() == u'=' || value.front() == u'@')
            value.prepend(QLatin1Char('\''));
    }
    if (value.contains(delimiter) || value.contains(QLatin1Char('"')) || value.contains(QLatin1Char('\n')) ||
        value.contains(QLatin1Char('\r')))
        return QLatin1Char('"') + value.replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
    return value;
}

QString csvLine(const QStringList &fields, QChar delimiter)
{
    QString line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += delimiter;
        line += csvField(fields.at(i), delimiter);
    }
    return line + QStringLiteral("\r\n");
}

} // namespace kasp
