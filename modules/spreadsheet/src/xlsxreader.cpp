#include "kasp/spreadsheet/xlsxreader.h"

#include "zipentries.h"

#include <algorithm>
#include <cmath>
#include <QCoreApplication>
#include <QDate>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>

namespace kasp::spreadsheet {

namespace {

constexpr int kMaxColumns = 16384;                 // XFD
constexpr int kMaxRows = 1048576;                  // Excel's last row
constexpr qsizetype kMaxCsv = 256LL * 1024 * 1024; // characters of CSV: 100,000 rows are ~10 MB

Error brokenXml(const QString &part, const QXmlStreamReader &xml)
{
    return Error{
        QStringLiteral("xlsx.broken"),
        QCoreApplication::translate("kasp::spreadsheet::Xlsx", "the file is damaged: %1, line %2: %3")
            .arg(part)
            .arg(xml.lineNumber())
            .arg(xml.errorString())};
}

// The first sheet's part name, through the workbook and its relationships. `date1904`: the
// workbook counts dates from 1904-01-01 (old Excel for Mac) instead of 1899-12-30.
Result<QString> firstSheetPart(const ZipEntries &zip, bool *date1904)
{
    auto workbook = zip.read(QStringLiteral("xl/workbook.xml"));
    if (!workbook.ok())
        return workbook.error();
    QString relationId;
    QXmlStreamReader xml(workbook.value());
    while (relationId.isEmpty() && !xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("workbookPr")) {
            const auto flag = xml.attributes().value(QLatin1String("date1904"));
            *date1904 = flag == QLatin1String("1") || flag == QLatin1String("true");
        }
        if (xml.isStartElement() && xml.name() == QLatin1String("sheet"))
            for (const QXmlStreamAttribute &a : xml.attributes())
                if (a.name() == QLatin1String("id")) // r:id, whatever the prefix
                    relationId = a.value().toString();
    }
    if (xml.hasError())
        return brokenXml(QStringLiteral("workbook"), xml);
    if (relationId.isEmpty())
        return Error{QStringLiteral("xlsx.no_sheet"),
                     QCoreApplication::translate("kasp::spreadsheet::Xlsx", "the workbook has no sheet")};
    auto rels = zip.read(QStringLiteral("xl/_rels/workbook.xml.rels"));
    if (!rels.ok())
        return rels.error();
    QXmlStreamReader r(rels.value());
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement() && r.name() == QLatin1String("Relationship") &&
            r.attributes().value(QLatin1String("Id")) == relationId) {
            QString target = r.attributes().value(QLatin1String("Target")).toString();
            return target.startsWith(QLatin1Char('/')) ? target.mid(1) : QStringLiteral("xl/") + target;
        }
    }
    if (r.hasError())
        return brokenXml(QStringLiteral("workbook relationships"), r);
    return Error{
        QStringLiteral("xlsx.no_sheet"),
        QCoreApplication::translate("kasp::spreadsheet::Xlsx", "the first sheet's file is not named")};
}

// Every <t> of each <si> (rich text has several runs); phonetic hints (<rPh>) left out.
Result<QStringList> sharedStrings(const ZipEntries &zip)
{
    const QString part = QStringLiteral("xl/sharedStrings.xml");
    if (!zip.contains(part))
        return QStringList();
    auto bytes = zip.read(part);
    if (!bytes.ok())
        return bytes.error();
    QStringList strings;
    QXmlStreamReader xml(bytes.value());
    QString current;
    int phonetic = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("si"))
                current.clear();
            else if (xml.name() == QLatin1String("rPh"))
                ++phonetic;
            else if (xml.name() == QLatin1String("t") && phonetic == 0)
                current += xml.readElementText();
        } else if (xml.isEndElement()) {
            if (xml.name() == QLatin1String("si"))
                strings.append(current);
            else if (xml.name() == QLatin1String("rPh"))
                --phonetic;
        }
    }
    if (xml.hasError())
        return brokenXml(QStringLiteral("shared strings"), xml);
    return strings;
}

// Built-in number formats that are dates (ECMA-376 18.8.30), and custom ones with d, m or y
// outside quotes and brackets.
bool isDateFormat(int id, const QString &code)
{
    if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))
        return true;
    QString bare = code;
    bare.remove(QRegularExpression(QStringLiteral("\"[^\"]*\"|\\[[^\\]]*\\]")));
    return bare.contains(QRegularExpression(QStringLiteral("[dmyDMY]")));
}

// Style index -> "is a date", from styles.xml's cellXfs.
QSet<int> dateStyles(const ZipEntries &zip)
{
    QSet<int> dates;
    const QString part = QStringLiteral("xl/styles.xml");
    if (!zip.contains(part))
        return dates;
    auto bytes = zip.read(part);
    if (!bytes.ok())
        return dates; // no styles: numbers stay numbers
    QHash<int, QString> codes;
    QXmlStreamReader xml(bytes.value());
    bool inCellXfs = false;
    int index = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("numFmt"))
                codes.insert(xml.attributes().value(QLatin1String("numFmtId")).toInt(),
                             xml.attributes().value(QLatin1String("formatCode")).toString());
            else if (xml.name() == QLatin1String("cellXfs"))
                inCellXfs = true;
            else if (inCellXfs && xml.name() == QLatin1String("xf")) {
                const int id = xml.attributes().value(QLatin1String("numFmtId")).toInt();
                if (isDateFormat(id, codes.value(id)))
                    dates.insert(index);
                ++index;
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("cellXfs")) {
            inCellXfs = false;
        }
    }
    return dates;
}

// "AB12" -> 27 (0-based column); -1 when there is no reference or it is past Excel's last
// column (XFD): letters A-Z only, and no overflow on a damaged "ZZZZZZZZ1".
int columnOf(QStringView reference)
{
    int column = 0;
    qsizetype i = 0;
    for (; i < reference.size(); ++i) {
        const char16_t c = QChar::toUpper(reference[i].unicode());
        if (c < u'A' || c > u'Z')
            break;
        column = column * 26 + (c - u'A' + 1);
        if (column > kMaxColumns)
            return -1;
    }
    return i == 0 ? -1 : column - 1;
}

QString numberText(const QString &raw, bool date, bool date1904)
{
    bool ok = false;
    const double v = raw.toDouble(&ok);
    if (!ok)
        return raw;
    // Excel's 1900 system counts from 1899-12-30 (day 0); the 1904 system from 1904-01-01.
    if (date && v >= (date1904 ? 0 : 1) && v < 2958466)
        return (date1904 ? QDate(1904, 1, 1) : QDate(1899, 12, 30))
            .addDays(qint64(std::floor(v)))
            .toString(QStringLiteral("dd.MM.yyyy"));
    // Whole numbers as digits (a phone stored as a number must not become 7.9161234567E10).
    if (std::floor(v) == v && std::fabs(v) < 1e15)
        return QString::number(qint64(v));
    return QString::number(v, 'g', 15);
}

QString csvField(const QString &text)
{
    QString flat = text;
    flat.replace(QLatin1String("\r\n"), QLatin1String(" "));
    flat.replace(QLatin1Char('\n'), QLatin1Char(' '));
    flat.replace(QLatin1Char('\r'), QLatin1Char(' '));
    // Any delimiter the CSV reader might guess (it looks at the header line) is quoted.
    if (!flat.contains(QLatin1Char(';')) && !flat.contains(QLatin1Char('"')) &&
        !flat.contains(QLatin1Char(',')) && !flat.contains(QLatin1Char('\t')))
        return flat;
    flat.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + flat + QLatin1Char('"');
}

} // namespace

bool looksLikeXlsx(const QByteArray &bytes)
{
    return bytes.startsWith(QByteArrayLiteral("PK\x03\x04"));
}

Result<QByteArray> xlsxFirstSheetAsCsv(const QByteArray &xlsx)
{
    auto zip = ZipEntries::open(xlsx);
    if (!zip.ok())
        return zip.error();
    bool date1904 = false;
    auto part = firstSheetPart(zip.value(), &date1904);
    if (!part.ok())
        return part.error();
    auto strings = sharedStrings(zip.value());
    if (!strings.ok())
        return strings.error();
    const QSet<int> dates = dateStyles(zip.value());
    auto sheet = zip.value().read(part.value());
    if (!sheet.ok())
        return sheet.error();

    QString csv;
    csv.reserve(std::min<qsizetype>(sheet.value().size() / 3, 64LL * 1024 * 1024));
    QXmlStreamReader xml(sheet.value());
    QStringList row;
    int rowNumber = 0; // the last row written
    int nextColumn = 0;
    QString type;
    int style = -1;
    int column = 0;
    QString value;
    auto flushRow = [&] {
        while (!row.isEmpty() && row.last().isEmpty())
            row.removeLast();
        QStringList fields;
        for (const QString &f : row)
            fields.append(csvField(f));
        csv += fields.join(QLatin1Char(';'));
        csv += QLatin1String("\r\n");
        row.clear();
    };
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("row")) {
                const int number = xml.attributes().value(QLatin1String("r")).toInt();
                if (number > kMaxRows || csv.size() > kMaxCsv)
                    return Error{QStringLiteral("xlsx.too_large"),
                                 QCoreApplication::translate("kasp::spreadsheet::Xlsx",
                                                             "The sheet is larger than a spreadsheet can be "
                                                             "(row %1); save the list as CSV")
                                     .arg(number)};
                // Rows left out of the file are empty rows: keep the numbering of the sheet.
                const int target = number > rowNumber ? number : rowNumber + 1;
                while (rowNumber + 1 < target) {
                    csv += QLatin1String("\r\n");
                    ++rowNumber;
                }
                rowNumber = target;
                nextColumn = 0;
            } else if (name == QLatin1String("c")) {
                const QXmlStreamAttributes a = xml.attributes();
                type = a.value(QLatin1String("t")).toString();
                style = a.hasAttribute(QLatin1String("s")) ? a.value(QLatin1String("s")).toInt() : -1;
                const QStringView reference = a.value(QLatin1String("r"));
                const int referenced = columnOf(reference);
                if (referenced < 0 && !reference.isEmpty())
                    return Error{QStringLiteral("xlsx.broken"),
                                 QCoreApplication::translate("kasp::spreadsheet::Xlsx",
                                                             "the file is damaged: a cell named «%1»")
                                     .arg(reference.left(20).toString())};
                column = referenced >= 0 ? referenced : nextColumn;
                nextColumn = column + 1;
                value.clear();
            } else if (name == QLatin1String("v")) {
                value = xml.readElementText();
            } else if (name == QLatin1String("t")) { // inline string: <is><t>…</t></is>, maybe runs
                value += xml.readElementText();
            }
        } else if (xml.isEndElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("c")) {
                QString text;
                if (type == QLatin1String("s")) {
                    bool ok = false;
                    const int index = value.toInt(&ok);
                    if (!ok || index < 0 || index >= strings.value().size())
                        return Error{
                            QStringLiteral("xlsx.broken"),
                            QCoreApplication::translate("kasp::spreadsheet::Xlsx",
                                                        "the file is damaged: row %1 names a missing text")
                                .arg(rowNumber)};
                    text = strings.value().at(index);
                } else if (type == QLatin1String("b")) {
                    text = value == QLatin1String("1") ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
                } else if (type.isEmpty() || type == QLatin1String("n")) {
                    text = numberText(value, dates.contains(style), date1904);
                } else {
                    text = value; // inlineStr, str (a formula's text), e (an error such as #N/A)
                }
                if (column < 0 || column >= kMaxColumns)
                    continue; // past Excel's last column: a damaged reference, not a field
                while (row.size() <= column)
                    row.append(QString());
                row[column] = text;
            } else if (name == QLatin1String("row")) {
                flushRow();
            }
        }
    }
    if (xml.hasError())
        return brokenXml(part.value(), xml);
    return csv.toUtf8();
}

Result<QByteArray> importableText(const QByteArray &fileBytes)
{
    // An OLE compound file: an Excel 97-2003 .xls, or an .xlsx saved with a password.
    if (fileBytes.startsWith(QByteArrayLiteral("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")))
        return Error{QStringLiteral("xlsx.unsupported"),
                     QCoreApplication::translate("kasp::spreadsheet::Xlsx",
                                                 "This is an old Excel file (.xls) or one with a password. "
                                                 "Open it in Excel or LibreOffice and save it as .xlsx "
                                                 "without a password, or as CSV.")};
    if (looksLikeXlsx(fileBytes))
        return xlsxFirstSheetAsCsv(fileBytes);
    return fileBytes;
}

} // namespace kasp::spreadsheet
