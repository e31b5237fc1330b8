#pragma once
// Fills an empty database with the demo sanatorium, with a progress dialog and a cancel button.
#include <QSqlDatabase>

class QWidget;

namespace kasp::app {

// Returns false when cancelled or failed (the message has been shown, the database left empty).
bool seedDemoWithProgress(QSqlDatabase db, QWidget *parent);

} // namespace kasp::app
