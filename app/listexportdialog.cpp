#include "listexportdialog.h"

#include "kasp/crm/ui/guestsearchmodel.h"

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
    // lupdate files this free function's tr() under its namespace: the Russian is found there.
    auto tr = [](const char *text) { return QApplication::translate("kasp::app", text); };
    QString path = testPath;
    if (path.isEmpty()) {
        const QString excel = tr("Excel workbook (*.xlsx)");
        const QString csv = tr("CSV for Excel (*.csv)");
        QString filter = excel;
        // The Documents folder, made when a new account has none yet (the dialog would otherwise
        // open in the program's working directory).
        QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        if (dir.isEmpty() || !QDir().mkpath(dir))
            dir = QDir::homePath();
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
    auto rows = crm::exportList(
        source, path, crm::exportFormatForPath(path),
        [&](qint64 done, qint64 total) {
            if (total > 0)
                progress.setValue(int(std::min<qint64>(99, done * 100 / total)));
            progress.setLabelText(tr("Exported %L1 of %L2 rows…").arg(done).arg(std::max(total, done)));
            QApplication::processEvents();
            return !progress.wasCanceled();
        },
        suggestedName);
    progress.reset();
    if (!rows.ok()) {
        if (rows.error().code != QLatin1String("export.cancelled"))
            QMessageBox::warning(parent, tr("Export the list"), rows.error().message);
        return {};
    }
    return path;
}

QList<storage::GuestListRow> shownGuests(const crm::ui::GuestSearchModel &found)
{
    QList<storage::GuestListRow> rows;
    for (int r = 0; r < found.rowCount(); ++r)
        if (const storage::GuestSummary *g = found.at(r))
            rows.append(storage::GuestListRow{g->id, g->displayName, g->mainPhone, g->birthDate, g->managerId,
                                              QDateTime(), storage::GuestListKey()});
    return rows;
}

} // namespace kasp::app
