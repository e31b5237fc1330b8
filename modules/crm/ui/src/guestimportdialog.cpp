#include "kasp/crm/ui/guestimportdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
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
    : QDialog(parent), m_importer(importer), m_file(file), m_about(new QLabel), m_duplicates(new QComboBox),
      m_managers(new QTableWidget), m_preview(new QTableWidget), m_result(new QLabel),
      m_problems(new QTableWidget), m_import(new QPushButton(tr("Import"))),
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

    m_duplicates->setObjectName(QStringLiteral("importDuplicates"));
    m_duplicates->addItem(tr("leave the row out"), int(ImportDuplicates::Skip));
    m_duplicates->addItem(tr("complete their card"), int(ImportDuplicates::Update));
    m_duplicates->setCurrentIndex(m_duplicates->findData(int(m_importer.duplicates())));
    m_duplicates->setToolTip(
        tr("A row whose phone is already in the base: leave it out, or fill the card's "
           "empty fields and add its phones, e-mails and tags (nothing is overwritten)"));
    connect(m_duplicates, &QComboBox::currentIndexChanged, this, &GuestImportDialog::fillPreview);
    auto *duplicatesLabel = new QLabel(tr("A guest already in the base:"));
    duplicatesLabel->setBuddy(m_duplicates);
    auto *duplicatesRow = new QHBoxLayout;
    duplicatesRow->addWidget(duplicatesLabel);
    duplicatesRow->addWidget(m_duplicates);
    duplicatesRow->addStretch(1);

    m_managers->setObjectName(QStringLiteral("importManagers"));
    m_managers->setColumnCount(2);
    m_managers->setHorizontalHeaderLabels(
        {tr("Manager in the file, not a user here"), tr("Their guests go to")});
    m_managers->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_managers->verticalHeader()->hide();
    m_managers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_managers->setSelectionMode(QAbstractItemView::NoSelection);
    m_managers->hide();

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
    layout->addLayout(duplicatesRow);
    layout->addWidget(m_managers);
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
    // The check first: what becomes of each row is read without scrolling across the file.
    QStringList titles{tr("Check")};
    titles += m_header;
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
        m_preview->setCellWidget(0, c + 1, combo);
    }
    listUnknownManagers();
    applyChoices();
    // The rows checked as the import will check them: a phone of the base or of an earlier row.
    auto checks = m_importer.preview(m_sample, mapping());
    for (int r = 0; r < m_sample.size(); ++r) {
        for (int c = 0; c < m_header.size(); ++c)
            m_preview->setItem(r + 1, c + 1, new QTableWidgetItem(m_sample[r].fields.value(c)));
        const ImportRowCheck checked = checks.ok() ? checks->value(r) : ImportRowCheck{};
        auto *check = new QTableWidgetItem(checks.ok() ? checked.text : checks.error().message);
        check->setForeground(checked.verdict == ImportRowCheck::Problem ? QBrush(Qt::darkRed)
                             : checked.verdict == ImportRowCheck::New   ? palette().text()
                                                                        : QBrush(Qt::darkBlue));
        check->setToolTip(check->text());
        m_preview->setItem(r + 1, 0, check);
    }
    auto *holds = new QTableWidgetItem(tr("Column holds:"));
    holds->setFlags(Qt::ItemIsEnabled);
    m_preview->setItem(0, 0, holds);
    m_preview->resizeColumnsToContents();
    m_preview->setColumnWidth(0, std::min(m_preview->columnWidth(0), 420)); // the rest in its tooltip
}

void GuestImportDialog::listUnknownManagers()
{
    // Listed again only when the manager column changed: the whole file is read for its names.
    QList<ImportField> managerColumns;
    for (ImportField f : mapping())
        managerColumns.append(f == ImportField::Manager ? f : ImportField::Ignore);
    if (managerColumns == m_managerColumnsFor && m_managers->rowCount() == m_unknownManagers.size())
        return;
    m_managerColumnsFor = managerColumns;
    CsvReader reader(m_file);
    m_unknownManagers = m_importer.unknownManagers(reader, mapping());
    m_managers->setRowCount(int(m_unknownManagers.size()));
    const QList<User> &users = m_importer.users();
    for (int r = 0; r < m_unknownManagers.size(); ++r) {
        const QString &name = m_unknownManagers[r];
        m_managers->setItem(r, 0, new QTableWidgetItem(name));
        auto *combo = new QComboBox;
        combo->addItem(tr("no manager"), -1);
        int suggested = -1;
        for (int u = 0; u < users.size(); ++u) {
            if (!users[u].active)
                continue;
            combo->addItem(users[u].displayName, u);
            // «Орлова Марина» in the file, «Орлова Марина Викторовна» here: the same person, likely.
            if (users[u].displayName.startsWith(name, Qt::CaseInsensitive))
                suggested = suggested == -1 ? u : -2;
        }
        combo->setCurrentIndex(std::max(0, combo->findData(suggested)));
        combo->setToolTip(tr("Whose guests the rows of \"%1\" become").arg(name));
        connect(combo, &QComboBox::currentIndexChanged, this, &GuestImportDialog::fillPreview);
        m_managers->setCellWidget(r, 1, combo);
    }
    m_managers->setVisible(!m_unknownManagers.isEmpty());
    // Up to five names without scrolling.
    m_managers->setMaximumHeight(m_managers->horizontalHeader()->sizeHint().height() +
                                 m_managers->verticalHeader()->defaultSectionSize() *
                                     int(std::min<qsizetype>(5, m_unknownManagers.size())) +
                                 2 * m_managers->frameWidth());
}

void GuestImportDialog::applyChoices()
{
    m_importer.setDuplicates(ImportDuplicates(m_duplicates->currentData().toInt()));
    const QList<User> &users = m_importer.users();
    for (int r = 0; r < m_unknownManagers.size(); ++r) {
        const auto *combo = qobject_cast<QComboBox *>(m_managers->cellWidget(r, 1));
        const int u = combo ? combo->currentData().toInt() : -1;
        m_importer.mapManager(m_unknownManagers[r], u >= 0 && u < users.size() ? users[u].id : Id());
    }
}

void GuestImportDialog::mapManager(const QString &name, const Id &user)
{
    const int r = int(m_unknownManagers.indexOf(name));
    auto *combo = r >= 0 ? qobject_cast<QComboBox *>(m_managers->cellWidget(r, 1)) : nullptr;
    if (!combo)
        return;
    int data = -1;
    for (int u = 0; u < m_importer.users().size(); ++u)
        if (m_importer.users()[u].id == user)
            data = u;
    combo->setCurrentIndex(std::max(0, combo->findData(data)));
}

void GuestImportDialog::setUpdateExisting(bool update)
{
    m_duplicates->setCurrentIndex(
        m_duplicates->findData(int(update ? ImportDuplicates::Update : ImportDuplicates::Skip)));
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
    applyChoices();
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
    if (m_report.imported + m_report.updated > 0) // the lists show the new guests and the cards' changes
        emit imported(m_report.imported);
}

void GuestImportDialog::showReport()
{
    if (m_report.cancelled) {
        m_result->setText(tr("Cancelled: nothing was imported."));
    } else {
        if (m_report.updated + m_report.unchanged == 0)
            m_result->setText(tr("Imported %1 of %2 rows. Left out: %3.")
                                  .arg(m_report.imported)
                                  .arg(m_report.rows)
                                  .arg(m_report.problems.size()));
        else
            m_result->setText(tr("Of %1 rows: %2 new guests, %3 cards of the base completed, %4 already "
                                 "had everything. Left out: %5.")
                                  .arg(m_report.rows)
                                  .arg(m_report.imported)
                                  .arg(m_report.updated)
                                  .arg(m_report.unchanged)
                                  .arg(m_report.problems.size()));
        m_import->setEnabled(false); // a second run would only list every row as already there
        m_duplicates->setEnabled(false);
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
    m_managers->setVisible(m_report.cancelled && !m_unknownManagers.isEmpty());
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
