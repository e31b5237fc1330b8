#pragma once
// Workbooks written by a real spreadsheet library (openpyxl, tests/data/xlsx/make_contacts.py):
// shared strings, a rich-text cell, a real date cell, a phone stored as a number, a row left out,
// and the hostile variants ("date1904", "bigrow", "badcolumn"). Used by the spreadsheet reader's
// tests and by the CRM import that reads such a workbook.
#include "kasp/core/csv.h"
#include "kasp/testsupport/testenv.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtGlobal>

namespace kasp::test {

// Writes the workbook to `path` and returns its bytes; empty, with Python's complaint as a warning,
// when the script fails (the caller's QVERIFY then names the test).
inline QByteArray openpyxlWorkbook(const QString &path, const char *variant = "")
{
    QProcess py;
    py.start(
        QStringLiteral("/usr/bin/python3"),
        {sourceDir() + QStringLiteral("/tests/data/xlsx/make_contacts.py"), path, QLatin1String(variant)});
    if (!py.waitForFinished(120'000) || py.exitCode() != 0) {
        qWarning("%s", py.readAllStandardError().constData());
        return {};
    }
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The rows of CSV text (what the workbook reader gives), to compare with the workbook's cells.
inline QList<QStringList> csvRows(const QByteArray &csv)
{
    CsvReader reader(csv);
    CsvRow row;
    QList<QStringList> rows;
    while (reader.next(row))
        rows.append(row.fields);
    return rows;
}

// What a spreadsheet program sees in a workbook's first sheet, read with Python's zipfile and xml
// (tests/data/xlsx/inspect_sheet.py): {"sheet", "cols": [{min, max, width}], "rows": [[{ref, type,
// value, format, date}]], "autofilter"}. Empty, with the complaint as a warning, on failure.
inline QJsonObject inspectXlsx(const QString &path, int rows = 3)
{
    QProcess py;
    py.start(
        QStringLiteral("/usr/bin/python3"),
        {sourceDir() + QStringLiteral("/tests/data/xlsx/inspect_sheet.py"), path, QString::number(rows)});
    if (!py.waitForFinished(120'000) || py.exitCode() != 0) {
        qWarning("%s", py.readAllStandardError().constData());
        return {};
    }
    return QJsonDocument::fromJson(py.readAllStandardOutput()).object();
}

} // namespace kasp::test
