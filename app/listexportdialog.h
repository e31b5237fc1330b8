#pragma once
// "Экспорт списка…": asks where (XLSX or CSV by the chosen filter), writes with a progress dialog
// that can cancel, and says what happened. The writing itself is crm::exportList.
#include "kasp/crm/listexport.h"
#include <QDate>

class QWidget;
namespace kasp::crm::ui {
class GuestSearchModel;
}

namespace kasp::app {

// Returns the saved file's path, or "" when the user cancelled or it failed (the message was shown).
// The suggested file name carries `today`; `testPath` skips the file dialog (widget tests).
QString exportListInteractively(QWidget *parent, crm::ExportSource &source, const QString &suggestedName,
                                QDate today, const QString &testPath = {});

// The guests a search found, as rows of the guest list (an export of what the search shows).
QList<storage::GuestListRow> shownGuests(const crm::ui::GuestSearchModel &found);

} // namespace kasp::app
