#pragma once
// Fills an empty database with the demo sanatorium, with a progress dialog and a cancel button.
#include "kasp/core/clock.h"
#include <QSqlDatabase>

class QWidget;

namespace kasp::app {

// Returns false when cancelled or failed (the message has been shown, the database left empty).
// The data set's today is the clock's.
bool seedDemoWithProgress(QSqlDatabase db, const Clock &clock, QWidget *parent);

} // namespace kasp::app
