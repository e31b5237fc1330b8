#include "listexportdialog.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStandardPaths>

namespace kasp::app {

QString exportListInteractively(QWidget *parent, crm::ExportSource &source, const QString &suggestedName,
                                QDate today, const QString &testPath)
{
    auto tr = [](const char *text) { return QApplication::translate("kasp::app::ListExport", text); };
    QString path = testPath;
    if (path.isEmpty()) {
        const QString excel = tr("Excel workbook (*.xlsx)");
        const QString csv = tr("CSV for Excel (*.csv)");
        QString filter = excel;
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        path = QFileDialog::getSaveFileName(
            parent, tr("Export the list"),
            QDir(dir).filePath(QStringLiteral("%1 %2.xlsx").arg(suggestedName, today.toString(Qt::ISODate))),
            excel + QStringLiteral(";;") + csv, &filter);
        if (path.isEmpty())
            return {};
        const bool wantsCsv = filter == csv;
        if (wantsCsv && !path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
            path += QStringLiteral(".csv");
        if (!wantsCsv && !path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive))
            path += QStringLiteral(".xlsx");
    }
    QProgressDialog progress(tr("Exporting…"), tr("Cancel"), 0, 100, parent);
    progress.setWindowTitle(tr("Export the list"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    auto rows = crm::exportList(source, path, crm::exportFormatForPath(path), [&](qint64 done, qint64 total) {
        if (total > 0)
            progress.setValue(int(std::min<qint64>(99, done * 100 / total)));
        progress.setLabelText(tr("Exported %L1 of %L2 rows…").arg(done).arg(std::max(total, done)));
        QApplication::processEvents();
        return !progress.wasCanceled();
    });
    progress.reset();
    if (!rows.ok()) {
        if (rows.error().code != QLatin1String("export.cancelled"))
            QMessageBox::warning(parent, tr("Export the list"), rows.error().message);
        return {};
    }
    return path;
}

} // namespace kasp::app
