#pragma once
// "Импорт гостей": a CSV export of another CRM, its columns mapped to guest fields (guessed from
// the headers, each changeable in a combo box above its column), a preview of the first rows with
// their problems, then the import with a progress bar and Cancel, and the report of the rows left
// out, which can be saved for fixing in Excel.
#include "kasp/crm/guestimport.h"
#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;
class QComboBox;

namespace kasp::crm::ui {

class GuestImportDialog : public QDialog
{
    Q_OBJECT
public:
    GuestImportDialog(GuestImporter &importer, const QByteArray &file, const QString &fileName,
                      QWidget *parent = nullptr);

    QList<ImportField> mapping() const;
    void setMapping(int column, ImportField field);
    // Runs the import (progress dialog with Cancel); the result is shown in the dialog.
    void startImport();
    const ImportReport &report() const { return m_report; }

signals:
    void imported(int guests);

private:
    void fillPreview();
    void showReport();
    void saveReport();

    GuestImporter &m_importer;
    QByteArray m_file;
    QStringList m_header;
    QList<CsvRow> m_sample;
    QList<QComboBox *> m_fields;
    QLabel *m_about;
    QTableWidget *m_preview;
    QLabel *m_result;
    QTableWidget *m_problems;
    QPushButton *m_import;
    QPushButton *m_save;
    ImportReport m_report;
};

} // namespace kasp::crm::ui
