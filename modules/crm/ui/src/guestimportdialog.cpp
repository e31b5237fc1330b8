#include "kasp/crm/ui/guestimportdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace kasp::crm::ui {

namespace {
constexpr int kPreviewRows = 20;
const ImportField kFields[] = {ImportField::Ignore,    ImportField::FullName,   ImportField::LastName,
                               ImportField::FirstName, ImportField::MiddleName, ImportField::Phone,
                               ImportField::Email,     ImportField::BirthDate,  ImportField::Tags,
                               ImportField::Manager,   ImportField::CreatedAt,  ImportField::Comment,
                               ImportField::Source,    ImportField::Consent};
} // namespace

GuestImportDialog::GuestImportDialog(GuestImporter &importer, const QByteArray &file, const QString &fileName,
                                     QWidget *parent)
    : QDialog(parent), m_importer(importer), m_file(file), m_about(new QLabel), m_preview(new QTableWidget),
      m_result(new QLabel), m_problems(new QTableWidget), m_import(new QPushButton(tr("Import"))),
      m_save(new QPushButton(tr("Save the report…")))
{
    setObjectName(QStringLiteral("guestImportDialog"));
    setWindowTitle(tr("Import guests — %1").arg(fileName));
    CsvReader reader(m_file);
    CsvRow row;
    if (reader.next(row))
        m_header = row.fields;
    while (m_sample.size() < kPreviewRows && reader.next(row))
        m_sample.append(row);
    m_about->setObjectName(QStringLiteral("importAbout"));
    m_about->setWordWrap(true);
    m_about->setText(
        tr("%1 columns, encoding %2, separator \"%3\". Choose what each column holds; rows with problems are "
           "left out and listed after the import.")
            .arg(m_header.size())
            .arg(reader.encoding(),
                 reader.delimiter() == QLatin1Char('\t') ? tr("tab") : QString(reader.delimiter())));

    m_preview->setObjectName(QStringLiteral("importPreview"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->verticalHeader()->hide();
    m_result->setObjectName(QStringLiteral("importResult"));
    m_result->setWordWrap(true);
    m_result->hide();
    m_problems->setObjectName(QStringLiteral("importProblems"));
    m_problems->setColumnCount(2);
    m_problems->setHorizontalHeaderLabels({tr("Line"), tr("Why it was left out")});
    m_problems->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_problems->verticalHeader()->hide();
    m_problems->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_problems->hide();
    m_save->setObjectName(QStringLiteral("importSaveReport"));
    m_save->setToolTip(tr("The rows left out with their reasons, as a CSV file for Excel"));
    m_save->hide();
    m_import->setObjectName(QStringLiteral("importStart"));
    m_import->setDefault(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_import, QDialogButtonBox::ActionRole);
    buttons->addButton(m_save, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_import, &QPushButton::clicked, this, &GuestImportDialog::startImport);
    connect(m_save, &QPushButton::clicked, this, &GuestImportDialog::saveReport);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_about);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_result);
    layout->addWidget(m_problems, 1);
    layout->addWidget(buttons);
    fillPreview();
    resize(980, 560);
}

void GuestImportDialog::fillPreview()
{
    // Row 0 holds the combo boxes; the file's own header names the columns.
    m_preview->setColumnCount(int(m_header.size()) + 1);
    m_preview->setRowCount(int(m_sample.size()) + 1);
    QStringList titles = m_header;
    titles.append(tr("Check"));
    m_preview->setHorizontalHeaderLabels(titles);
    const QList<ImportField> guessed = guessImportMapping(m_header);
    for (int c = int(m_fields.size()); c < m_header.size(); ++c) { // the first fill only
        auto *combo = new QComboBox;
        for (ImportField f : kFields)
            combo->addItem(importFieldTitle(f), int(f));
        combo->setCurrentIndex(combo->findData(int(guessed.value(c))));
        combo->setToolTip(tr("What the column \"%1\" holds").arg(m_header[c]));
        connect(combo, &QComboBox::currentIndexChanged, this, &GuestImportDialog::fillPreview);
        m_fields.append(combo);
        m_preview->setCellWidget(0, c, combo);
    }
    const QList<ImportField> chosen = mapping();
    for (int r = 0; r < m_sample.size(); ++r) {
        for (int c = 0; c < m_header.size(); ++c)
            m_preview->setItem(r + 1, c, new QTableWidgetItem(m_sample[r].fields.value(c)));
        auto guest = m_importer.guestFromRow(m_sample[r].fields, chosen);
        auto *check =
            new QTableWidgetItem(guest.ok() ? tr("ok: %1").arg(guest->displayName()) : guest.error().message);
        check->setForeground(guest.ok() ? palette().text() : QBrush(Qt::darkRed));
        m_preview->setItem(r + 1, int(m_header.size()), check);
    }
    m_preview->resizeColumnsToContents();
}

QList<ImportField> GuestImportDialog::mapping() const
{
    QList<ImportField> out;
    for (const QComboBox *combo : m_fields)
        out.append(ImportField(combo->currentData().toInt()));
    return out;
}

void GuestImportDialog::setMapping(int column, ImportField field)
{
    if (column >= 0 && column < m_fields.size())
        m_fields[column]->setCurrentIndex(m_fields[column]->findData(int(field)));
}

void GuestImportDialog::startImport()
{
    QProgressDialog progress(tr("Importing guests…"), tr("Cancel"), 0, 1000, this);
    progress.setObjectName(QStringLiteral("importProgress"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    CsvReader reader(m_file);
    auto report = m_importer.run(reader, mapping(), [&](qsizetype done, qsizetype total) {
        progress.setValue(total > 0 ? int(done * 1000 / total) : 1000);
        QApplication::processEvents(); // the bar moves and Cancel can be pressed
        return !progress.wasCanceled();
    });
    progress.reset();
    if (!report.ok()) {
        m_result->setText(tr("Nothing was imported: %1").arg(report.error().message));
        m_result->show();
        return;
    }
    m_report = std::move(report).value();
    showReport();
    if (m_report.imported > 0)
        emit imported(m_report.imported);
}

void GuestImportDialog::showReport()
{
    if (m_report.cancelled) {
        m_result->setText(tr("Cancelled: nothing was imported."));
    } else {
        m_result->setText(tr("Imported %1 of %2 rows. Left out: %3.")
                              .arg(m_report.imported)
                              .arg(m_report.rows)
                              .arg(m_report.problems.size()));
        m_import->setEnabled(false); // a second run would only list every row as already there
    }
    m_result->show();
    m_problems->setRowCount(int(m_report.problems.size()));
    for (int i = 0; i < m_report.problems.size(); ++i) {
        const ImportProblem &p = m_report.problems[i];
        m_problems->setItem(i, 0, new QTableWidgetItem(QString::number(p.line)));
        auto *reason = new QTableWidgetItem(p.reason);
        reason->setToolTip(p.text);
        m_problems->setItem(i, 1, reason);
    }
    m_problems->setVisible(!m_report.problems.isEmpty());
    m_save->setVisible(!m_report.problems.isEmpty());
    m_preview->setVisible(m_report.cancelled);
    layout()->activate(); // the report takes the preview's place now, not at the next event
}

void GuestImportDialog::saveReport()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the report"), tr("import problems.csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(m_report.problemsCsv()) < 0)
        QMessageBox::warning(this, windowTitle(), tr("Could not save %1: %2").arg(path, out.errorString()));
}

} // namespace kasp::crm::ui
