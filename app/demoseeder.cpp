#include "demoseeder.h"

#include "kasp/demo/demogenerator.h"

#include <QApplication>
#include <QMessageBox>
#include <QProgressDialog>

namespace kasp::app {

bool seedDemoWithProgress(QSqlDatabase db, const Clock &clock, QWidget *parent)
{
    QProgressDialog progress(QApplication::translate("kasp::app", "Creating the demo sanatorium…"),
                             QApplication::translate("kasp::app", "Cancel"), 0, 100, parent);
    progress.setWindowTitle(QApplication::translate("kasp::app", "Demo database"));
    progress.setWindowModality(Qt::ApplicationModal);
    progress.setMinimumDuration(200);
    // The generator reports every few thousand rows; processing events there keeps the dialog and
    // its Cancel button alive without a second thread sharing the connection.
    demo::DemoOptions options;
    options.today = clock.today();
    options.priceList = true; // the demo sells seasons, as a real sanatorium does
    auto result = demo::generateDemo(db, options, [&](int percent, const QString &) {
        progress.setValue(percent);
        QApplication::processEvents();
        return !progress.wasCanceled();
    });
    progress.close();
    if (!result.ok()) {
        if (result.error().code != QLatin1String("demo.cancelled"))
            QMessageBox::warning(parent, QApplication::translate("kasp::app", "Demo database"),
                                 result.error().message);
        return false;
    }
    return true;
}

} // namespace kasp::app
