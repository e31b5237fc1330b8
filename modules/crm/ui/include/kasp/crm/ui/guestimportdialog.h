#pragma once
// "Импорт гостей": a CSV export of another CRM, its columns mapped to guest fields (guessed from
// the headers, each changeable in a combo box above its column), a preview of the first rows checked
// as the import checks them (a phone already in the base names its guest), what to do with a guest
// already in the base (leave the row out, or complete the card), the file's managers who are no
// user of the base (each mapped to a user or to no manager), then the import with a progress bar
// and Cancel, and the report of the rows left out, which can be saved for fixing in Excel.
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
    // The file's manager names that are no user, as listed for mapping.
    QStringList unknownManagers() const { return m_unknownManagers; }
    // Maps a listed name to a user, or with a null id to no manager (the default when no user's
    // name begins with it).
    void mapManager(const QString &name, const Id &user);
    // A row whose phone is in the base completes that guest's card instead of being left out.
    void setUpdateExisting(bool update);
    // Runs the import (progress dialog with Cancel); the result is shown in the dialog.
    void startImport();
    const ImportReport &report() const { return m_report; }

signals:
    void imported(int guests);

private:
    void fillPreview();
    void listUnknownManagers();
    void applyChoices(); // the duplicates' choice and the managers' mapping, to the importer
    void showReport();
    void saveReport();

    GuestImporter &m_importer;
    QByteArray m_file;
    QStringList m_header;
    QList<CsvRow> m_sample;
    QList<QComboBox *> m_fields;
    QList<ImportField> m_managerColumnsFor; // the mapping the unknown managers were listed for
    QStringList m_unknownManagers;
    QLabel *m_about;
    QComboBox *m_duplicates;
    QTableWidget *m_managers;
    QTableWidget *m_preview;
    QLabel *m_result;
    QTableWidget *m_problems;
    QPushButton *m_import;
    QPushButton *m_save;
    ImportReport m_report;
};

} // namespace kasp::crm::ui
